"""The theme's Jinja2 environment: what Jinja does per printed value and per ``a.b``, made cheap.

With autoescaping on, Jinja compiles every ``{{ value }}`` to ``escape(value)``:
markupsafe's ``escape`` wraps each escaped piece in a new ``Markup`` object (a Python
``__new__`` asking ``hasattr(value, "__html__")`` again), only for the piece to be joined
into the page a moment later.  Pages print hundreds to thousands of values (an entity's
timeline on a place page prints some 10,000), and that wrapping was about half of rendering
them.  ``escape_output`` returns the escaped text as a plain ``str`` instead: the characters
are exactly markupsafe's, values with ``__html__`` (``Markup``, macro output) are taken as
they are, and a ``StrictUndefined`` fails as before.  Only output positions use it:
``|e``, ``~`` and the autoescape blocks of a template keep Jinja's own code.

Templates read labels and paths as ``labels.nav_people``, ``paths.timeline``: for a dict,
Jinja first asks for an attribute of that name, and the ``AttributeError`` it catches made
each such lookup cost ten times an attribute read (some forty per page).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.environment import TemplateModule
from jinja2.runtime import Context, new_context
from markupsafe import Markup

try:  # markupsafe's own routine behind ``escape`` (C when its speedups are built)
    from markupsafe import _escape_inner
except ImportError:  # pragma: no cover - a markupsafe without it: the public function
    from markupsafe import escape as _escape

    def _escape_inner(text: str, /) -> str:
        return str(_escape(text))

# Compiled templates kept in a template cache import ``escape_output`` by this name; the
# cache's file names carry this tag so that code compiled otherwise is never mixed in.
CACHE_TAG = "dossier-out3"

escape_str = _escape_inner  # the compiled templates' name for it


def escape_output(value: Any, /) -> str:
    """``str(markupsafe.escape(value))``, without making the ``Markup``."""
    if type(value) is str:
        return _escape_inner(value)
    if type(value) is Markup:
        return value
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_inner(str(value))


class OutputCodeGenerator(CodeGenerator):
    """Jinja's code generator, printing autoescaped values through ``escape_output``."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        self.writeline(f"from {__name__} import escape_output, escape_str")
        super().visit_Template(node, frame)

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        """``a.b`` as Python's own attribute read when ``a`` has one, else as Jinja reads it.

        Jinja compiles each ``a.b`` to a call of ``environment.getattr``, and templates
        read some 900 attributes per page (three million a render of 1,000 articles):
        the calls cost more than the reads.  The code here asks ``getattr(a, "b",
        missing)`` inline (no Python call) and calls ``environment.getattr`` only when
        that finds nothing, which is exactly when Jinja's would look further (an item of
        that name, else undefined).  ``_ga_o``/``_ga_v`` are locals of the compiled
        function: a nested ``a.b.c`` assigns them inside before the outer read uses them.
        """
        if self.environment.is_async:
            super().visit_Getattr(node, frame)
            return
        self.write("(_ga_v if (_ga_v := getattr(_ga_o := ")
        self.visit(node.node, frame)
        self.write(f", {node.attr!r}, missing)) is not missing else environment.getattr(_ga_o, {node.attr!r}))")

    def visit_Output(self, node: nodes.Output, frame: Frame) -> None:
        """Jinja's output, but the pieces of one output node leave as one joined string.

        Jinja yields each piece (``<li>``, a value, ``</li>``) on its own, and every yield
        travels up through the generators of the block, the page template and ``base.html``:
        a page of a few thousand pieces paid more for the travel than for the pieces.  The
        pieces are evaluated in the same order, each on its own template line, as Jinja does
        when it collects output into a buffer.
        """
        if frame.buffer is not None or self.environment.is_async or frame.require_output_check:
            super().visit_Output(node, frame)
            return
        finalize = self._make_finalize()
        body: list[list[str] | nodes.Expr] = []
        for child in node.nodes:  # constants folded as Jinja folds them
            try:
                if not (finalize.const or isinstance(child, nodes.TemplateData)):
                    raise nodes.Impossible()
                const = self._output_child_to_const(child, frame, finalize)
            except (nodes.Impossible, Exception):
                body.append(child)
                continue
            if body and isinstance(body[-1], list):
                body[-1].append(const)
            else:
                body.append([const])
        if len(body) < 2:
            super().visit_Output(node, frame)
            return
        self.writeline("yield environment.concat((")
        self.indent()
        for item in body:
            if isinstance(item, list):
                self.writeline(self._output_const_repr(item) + ",")
            else:
                self.newline(item)
                self._output_child_pre(item, frame, finalize)
                self.visit(item, frame)
                self._output_child_post(item, frame, finalize)
                self.write(",")
        self.outdent()
        self.writeline("))")

    def visit_Block(self, node: nodes.Block, frame: Frame) -> None:
        """A block's output joined where it is placed (see ``visit_Output``): its pieces
        then travel through one generator, not through every template above it."""
        if self.environment.is_async or frame.buffer is not None or node.required or (
                frame.toplevel and (self.has_known_extends or self.extends_so_far > 0)):
            super().visit_Block(node, frame)
            return
        context = self.derive_context(frame) if node.scoped else self.get_context_ref()
        self.writeline(f"yield environment.concat(context.blocks[{node.name!r}][0]({context}))", node)

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None:
            # A plain string (most values) escaped inline, without a call of escape_output.
            self.write("(escape_str(_eo_v) if type(_eo_v := ")
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None:
            self.write(") is str else escape_output(_eo_v))")
        else:
            super()._output_child_post(node, frame, finalize)


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _ImportedModule(TemplateModule):
    """A template imported by a page (``{% import "macros.html" as m with context %}``) that
    can let go of the context it was made in once the page is rendered.

    Each of its macros is a function closed over that context, and the context holds the
    macros: a reference cycle, which kept every value of the page (its view objects, all its
    passages and chips) alive until the cycle collector found it.  The collector then spent
    ~7% of the render walking them, and the render workers' memory grew between collections.
    """

    def __init__(self, template: jinja2.Template, context: Context) -> None:
        super().__init__(template, context)
        self._context = context

    def release(self) -> None:
        """Break the cycle: the context forgets the macros (the page's render is over)."""
        self._context.vars.clear()
        self._context.exported_vars.clear()


class ThemeTemplate(jinja2.Template):
    """Jinja's template, its contexts made with its globals as one plain dict, and the
    templates a page imports released once the page is rendered (``_ImportedModule``).

    Jinja keeps a template's globals as a ``ChainMap`` (its own over the environment's) and
    copies it into every context it makes (each page, and each ``import ... with context``):
    iterating a ``ChainMap`` costs more than the rest of making the context.  The globals of
    a theme's environment are set when it is made (``render.make_environment``) and never
    change afterwards, so the copy is made once per template.
    """

    _flat_globals: dict[str, Any] | None = None

    def new_context(self, vars: dict[str, Any] | None = None, shared: bool = False,
                    locals: Mapping[str, Any] | None = None) -> Context:
        flat = self._flat_globals
        if flat is None:
            flat = self._flat_globals = dict(self.globals)
        return new_context(self.environment, self.name, self.blocks, vars, shared, flat, locals)

    def make_module(self, vars: dict[str, Any] | None = None, shared: bool = False,
                    locals: Mapping[str, Any] | None = None) -> TemplateModule:
        return _ImportedModule(self, self.new_context(vars, shared, locals))

    def render(self, *args: Any, **kwargs: Any) -> str:
        if self.environment.is_async:
            return super().render(*args, **kwargs)
        context = self.new_context(dict(*args, **kwargs))
        try:
            return self.environment.concat(self.root_render_func(context))  # type: ignore[arg-type]
        except Exception:
            self.environment.handle_exception()
        finally:
            for value in context.vars.values():
                if type(value) is _ImportedModule:
                    value.release()
            context.vars.clear()  # the page's own macros close over it too


class ThemeEnvironment(jinja2.Environment):
    """Jinja2 whose templates print escaped values as plain text and read dict keys directly."""

    code_generator_class = OutputCodeGenerator
    template_class = ThemeTemplate

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` as Jinja reads it (an attribute, else an item, else undefined),
        except that a dict's key is returned without first failing to find an attribute of
        that name (a dict has none but its methods, which still win)."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)
