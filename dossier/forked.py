"""Work shared with forked copies of this process: one pure function over many items
(``forked_map``), a few independent calls (``ForkedCalls``), or both in one child, the
calls reading the whole map (``ForkedCalls.after_map``: the analysis).

Some stages run per article after the articles were linked together (linking itself,
summaries), so they cannot join the extraction's process pool, and sending them the linked
dossier would cost more than the work; the analyses all read the assembled site.  A
*forked* child already holds everything: it computes its share and sends back only the
results.  Objects the parent holds that a result contains (an article's page, its
sentences) can be sent by position and come back as the parent's own objects, not copies.
This process computes a share too instead of waiting.  Results come back in item (call)
order, so the outcome never depends on the number of processes.
"""

from __future__ import annotations

import copyreg
import io
import multiprocessing
import pickle
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from multiprocessing.connection import Connection
from types import MappingProxyType
from typing import Any, TypeVar

from .errors import DossierError

T = TypeVar("T")


def send_outcome(conn: Connection, compute: Callable[[], object], close: bool = True) -> bool:
    """In a forked child: send ``compute()``'s result, or its error, to the parent.

    ``close``: close ``conn`` afterwards (a child that sends one result).  True when the
    result was sent, False when an error was."""
    try:
        result: tuple[str, object] = ("ok", compute())
    except DossierError as exc:
        result = ("error", exc)
    except BaseException as exc:  # a bug: pass its traceback to the parent, which reports it
        result = ("bug", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
    conn.send(result)
    if close:
        conn.close()
    return result[0] == "ok"


def send_note(conn: Connection, value: object) -> None:
    """In a forked child: tell the parent something before the result (how far it got)."""
    conn.send(("note", value))


def receive(conn: Connection, child: multiprocessing.process.BaseProcess) -> tuple[str, Any]:
    """In the parent: the child's next message, ``("note", value)`` (``send_note``) or
    ``("ok", result)`` (``send_outcome``); the child's DossierError is raised here."""
    try:
        kind, value = conn.recv()
    except EOFError:
        child.join()
        raise RuntimeError(f"{child.name} ended without a result (exit code {child.exitcode})") from None
    if kind == "error":
        raise value
    if kind == "bug":
        raise RuntimeError(f"{child.name} failed: {value}")
    return kind, value


def receive_outcome(conn: Connection, child: multiprocessing.process.BaseProcess) -> Any:
    """In the parent: what ``send_outcome`` sent; the child's DossierError is raised here."""
    return receive(conn, child)[1]


def _can_fork() -> bool:
    """Where this process may fork children: a platform that forks, and not inside a daemonic
    process (a render worker), which multiprocessing forbids to have children."""
    return "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon


_STRIDE = 1 << 32  # a shared object's persistent id in forked_map: item * _STRIDE + position


def _child(function: Callable[[int], object], indices: range, conn: Connection,
           shared: Callable[[int], Sequence[object]] | None = None) -> None:
    if shared is None:
        send_outcome(conn, lambda: [function(i) for i in indices])
        return
    def compute() -> bytes:
        results = [function(i) for i in indices]
        ids = {id(obj): i * _STRIDE + n for i in indices for n, obj in enumerate(shared(i))}
        return _dumps(results, ids)
    send_outcome(conn, compute)


def forked_map(function: Callable[[int], T], count: int, processes: int,
               shared: Callable[[int], Sequence[object]] | None = None) -> list[T]:
    """``[function(i) for i in range(count)]`` on ``processes`` processes (this one included).

    ``function`` must be pure: each index is computed in exactly one process, and objects
    it changes in a child stay changed only there.  ``shared(i)``: objects this process
    holds that ``function(i)``'s result may contain (the item's own input, say); a child
    sends them by position, and they come back as this process's very objects, not copies.
    """
    if processes <= 1 or count < 2 or not _can_fork():
        return [function(i) for i in range(count)]
    context = multiprocessing.get_context("fork")
    children = []
    try:
        for k in range(1, processes):
            receiver, sender = context.Pipe(duplex=False)
            child = context.Process(target=_child, args=(function, range(k, count, processes), sender, shared),
                                    name=f"dossier-fork-{k}", daemon=True)
            child.start()
            sender.close()
            children.append((child, receiver))
        shares: list[list[T]] = [[function(i) for i in range(0, count, processes)]]
        for k, (child, receiver) in enumerate(children, start=1):
            share = receive_outcome(receiver, child)
            shares.append(share if shared is None else _loads(share, _item_objects(shared, range(k, count, processes))))
    finally:
        for child, _ in children:
            if child.is_alive():
                child.terminate()
            child.join()
    results: list[T] = [None] * count  # type: ignore[list-item]
    for k, share in enumerate(shares):
        results[k::processes] = share
    return results


class ForkedCalls:
    """Independent calls started at once in forked children; ``result(i)`` waits for call
    ``i``'s.  This process meanwhile does its own part of the work.

    For independent pieces of one stage that each read the same large value (the assembled
    site).  The calls are shared out in turn among ``processes - 1`` children; each child
    sends each result as soon as it has it, so this process can go on with the first while
    the child works out the next.  A result comes back pickled, except the objects of
    ``shared`` (which this process holds): the child names them by position and this
    process puts its own objects back, so a result pointing into the site costs only its
    own objects, and the caller gets the very objects it would have made itself.  With one
    process (or no fork) a call runs here when its result is first asked for.  Either way
    each call runs once, so the results never depend on ``processes``.
    """

    def __init__(self, calls: Sequence[Callable[[], Any]], processes: int, shared: Sequence[object] = ()) -> None:
        self._calls = list(calls)
        self._shared = shared
        self._results: dict[int, Any] = {}
        # (child, its pipe, the indices of the calls whose results it has still to send)
        self._children: list[tuple[multiprocessing.process.BaseProcess, Connection, list[int]]] = []
        self._owner: dict[int, int] = {}
        if processes <= 1 or not self._calls or not _can_fork():
            return
        context = multiprocessing.get_context("fork")
        count = min(processes - 1, len(self._calls))
        try:
            for k in range(count):
                indices = list(range(k, len(self._calls), count))
                receiver, sender = context.Pipe(duplex=False)
                child = context.Process(target=_calls_child, args=([self._calls[i] for i in indices], shared, sender),
                                        name=f"dossier-fork-{k + 1}", daemon=True)
                child.start()
                sender.close()
                self._children.append((child, receiver, indices))
                self._owner.update(dict.fromkeys(indices, k))
        except BaseException:
            self.close()
            raise
        self._calls = []  # the children run them: what they hold (large inputs) can go

    @classmethod
    def after_map(cls, function: Callable[[int], T], count: int, calls: Sequence[Callable[[list[T]], Any]],
                  processes: int, shared: Sequence[object] = (),
                  kept: Callable[[T], Any] = lambda result: result,
                  given: Callable[[T], Any] = lambda result: result) -> tuple[list[Any], ForkedCalls]:
        """``[function(i) for i in range(count)]``, then ``calls`` over that whole list, in ONE
        forked child: ``(kept(result) of each item, in item order; the calls' ForkedCalls)``.

        The child computes every other item while this process computes the rest; they swap
        shares (the child sends only ``kept`` of its items, all this process needs, and gets
        ``given`` of this process's items, all the calls need of them), and the child runs
        the calls while this process goes on.  One fork instead of a
        ``forked_map`` then a ``ForkedCalls``: after each fork both processes pay a page
        fault for every page they write (reference counts), so a second fork of a large
        process costs a good part of what the first one saved.  Extra processes are not
        used: with one process (or no fork) everything runs here, the calls when first asked
        for.  The results never depend on ``processes``.
        """
        if processes <= 1 or count < 2 or not calls or not _can_fork():
            results = [function(i) for i in range(count)]
            given_all = list(map(given, results))
            return [kept(r) for r in results], cls([partial(call, given_all) for call in calls], 1, shared)
        forked = cls([], 1, shared)
        context = multiprocessing.get_context("fork")
        conn, child_conn = context.Pipe(duplex=True)
        child = context.Process(target=_map_calls_child, args=(function, count, calls, kept, given, shared, child_conn),
                                name="dossier-fork-1", daemon=True)
        try:
            child.start()
            child_conn.close()
            forked._children.append((child, conn, list(range(len(calls)))))
            forked._owner.update(dict.fromkeys(range(len(calls)), 0))
            own = [function(i) for i in range(0, count, 2)]
            theirs = pickle.loads(receive_outcome(conn, child))  # the child sends its share first
            conn.send_bytes(pickle.dumps(list(map(given, own)), pickle.HIGHEST_PROTOCOL))
        except BaseException:
            forked.close()
            raise
        results: list[Any] = [None] * count
        results[0::2] = map(kept, own)
        results[1::2] = theirs
        return results, forked

    def result(self, i: int) -> Any:
        """Call ``i``'s result (a child's DossierError is raised here)."""
        if i not in self._results:
            k = self._owner.get(i)
            if k is None:
                self._results[i] = self._calls[i]()
            else:
                child, receiver, pending = self._children[k]
                while i not in self._results:  # a child sends its results in call order
                    self._results[pending.pop(0)] = _loads(receive_outcome(receiver, child), self._shared.__getitem__)
        return self._results[i]

    def close(self) -> None:
        """Stop the children (still working only when a result was never asked for)."""
        for child, receiver, _ in self._children:
            if child.is_alive():
                child.terminate()
            child.join()
            receiver.close()
        self._children = []

    def __enter__(self) -> ForkedCalls:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _calls_child(calls: Sequence[Callable[[], Any]], shared: Sequence[object], conn: Connection) -> None:
    ids = {id(obj): n for n, obj in enumerate(shared)}
    for call in calls:
        if not send_outcome(conn, lambda call=call: _dumps(call(), ids), close=False):
            break  # the parent raises the error when it asks for this result
    conn.close()


def _map_calls_child(function: Callable[[int], Any], count: int, calls: Sequence[Callable[[list[Any]], Any]],
                     kept: Callable[[Any], Any], given: Callable[[Any], Any], shared: Sequence[object],
                     conn: Connection) -> None:
    """``ForkedCalls.after_map``'s child: its share of the map (odd items), the parent's
    share in exchange for ``kept`` of its own, then the calls, each result sent when made."""
    own: list[Any] = []

    def share() -> bytes:
        own.extend(function(i) for i in range(1, count, 2))
        return pickle.dumps([kept(r) for r in own], pickle.HIGHEST_PROTOCOL)

    if not send_outcome(conn, share, close=False):
        conn.close()
        return
    try:
        theirs = pickle.loads(conn.recv_bytes())
    except EOFError:  # the parent failed in its share: it is not waiting for anything
        return
    results: list[Any] = [None] * count
    results[0::2] = theirs
    results[1::2] = map(given, own)
    _calls_child([partial(call, results) for call in calls], shared, conn)


def _item_objects(shared: Callable[[int], Sequence[object]], indices: range) -> Callable[[int], object]:
    """``forked_map``'s persistent ids of the items ``indices`` back to objects: a table's
    look-up, which the unpickler calls in C (a Python function per id was a fifth of
    linking's time in this process)."""
    table: dict[int, object] = {}
    for i in indices:
        objects = shared(i)
        table.update(zip(range(i * _STRIDE, i * _STRIDE + len(objects)), objects, strict=True))
    return table.__getitem__


class _SharedPickler(pickle.Pickler):
    """Pickles the shared objects (by identity: ``ids`` maps ``id(object)`` to its persistent
    id) as that id, and read-only mappings (the frozen results' lookups) as a fresh
    read-only view of a copy."""

    dispatch_table = {**copyreg.dispatch_table, MappingProxyType: lambda view: (_read_only, (dict(view),))}

    def __init__(self, file: io.BytesIO, ids: dict[int, int]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._ids = ids  # the shared objects outlive the pickler, so no id is reused meanwhile

    def persistent_id(self, obj: Any) -> int | None:
        return self._ids.get(id(obj))


def _read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


def _dumps(value: object, ids: dict[int, int]) -> bytes:
    buffer = io.BytesIO()
    _SharedPickler(buffer, ids).dump(value)
    return buffer.getvalue()


def _loads(data: bytes, load: Callable[[int], object]) -> Any:
    unpickler = pickle.Unpickler(io.BytesIO(data))
    # Set on the unpickler itself, a look-up made in C (``tuple.__getitem__``, ``dict.__getitem__``)
    # is called for each shared object directly, with no Python method in between.
    unpickler.persistent_load = load  # type: ignore[method-assign]
    return unpickler.load()
