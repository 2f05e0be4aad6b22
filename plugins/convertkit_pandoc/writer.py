"""pandoc's JSON AST. Articles are ``Div`` s with class ``article`` holding a level-1
``Header`` (the headline), ``Div`` s with classes ``kicker``/``subtitle``/``byline``/
``dateline``/``signoff``, paragraphs, subsections as level-2 headers and pull quotes as
``BlockQuote`` inside a ``Div`` of class ``pullquote``. The AST is the same in pandoc-api
1.22 and 1.23 for everything used here; only the declared version differs."""
from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess

from convertkit.errors import UsageError
from convertkit.model import (Article, BlockQuote, Div, Document, Emph, Heading, LineBreak, Link, ListBlock,
                              Note, Para, Section, Strong, Text, dateline_runs_in, document_title)
from convertkit.registry import Context
from convertkit_html.render import safe_url

DEFAULT_API = [1, 23, 1]


@functools.lru_cache(maxsize=1)
def installed_api_version() -> tuple[int, ...] | None:
    """The pandoc-api-version the pandoc on PATH writes (asked once per process), or None."""
    exe = shutil.which("pandoc")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "-f", "markdown", "-t", "json"], input="", capture_output=True, text=True,
                             timeout=30, check=True).stdout
        return tuple(json.loads(out)["pandoc-api-version"])
    except (OSError, subprocess.SubprocessError, ValueError, KeyError):
        return None


def api_version(ctx: Context) -> list[int]:
    given = ctx.option("pandoc_api_version")
    if given:
        if not re.fullmatch(r"\d+(\.\d+){1,3}", given):
            raise UsageError(f"--pandoc-api-version {given!r}: expected numbers like 1.23.1")
        return [int(x) for x in given.split(".")]
    found = installed_api_version()
    return list(found) if found else list(DEFAULT_API)


def _str_inlines(s: str) -> list:
    """Text as ``Str``/``Space``/``SoftBreak``: pandoc splits at spaces; a newline is soft."""
    out: list = []
    for token in re.split(r"(\s+)", s):
        if not token:
            continue
        if token.isspace():
            out.append({"t": "SoftBreak"} if "\n" in token else {"t": "Space"})
        else:
            out.append({"t": "Str", "c": token})
    return out


def _attr(ident: str = "", classes: tuple[str, ...] = (), kv: tuple = ()) -> list:
    return [ident, list(classes), [list(p) for p in kv]]


class _Writer:
    def __init__(self) -> None:
        self.n_articles = 0

    def inlines(self, nodes) -> list:
        out: list = []
        for n in nodes:
            if isinstance(n, Text):
                out.extend(_str_inlines(n.text))
            elif isinstance(n, Emph):
                out.append({"t": "Emph", "c": self.inlines(n.content)})
            elif isinstance(n, Strong):
                out.append({"t": "Strong", "c": self.inlines(n.content)})
            elif isinstance(n, LineBreak):
                out.append({"t": "LineBreak"})
            elif isinstance(n, Link):
                url = safe_url(n.url)  # javascript:, data:, vbscript: … dropped, as in the HTML writers
                if url:
                    out.append({"t": "Link", "c": [_attr(), self.inlines(n.content), [url, n.title]]})
                else:
                    out.extend(self.inlines(n.content))
            elif isinstance(n, Note):
                out.append({"t": "Note", "c": self.blocks(n.blocks, 2)})
        return out

    def para(self, inlines) -> dict:
        return {"t": "Para", "c": self.inlines(inlines)}

    def div(self, cls: str, blocks: list) -> dict:
        return {"t": "Div", "c": [_attr("", (cls,)), blocks]}

    def header(self, level: int, inlines, ident: str = "", classes: tuple[str, ...] = ()) -> dict:
        return {"t": "Header", "c": [min(6, level), _attr(ident, classes), self.inlines(inlines)]}

    def blocks(self, blocks, level: int) -> list:
        out: list = []
        for b in blocks:
            if isinstance(b, Para):
                out.append(self.para(b.content))
            elif isinstance(b, Heading):
                out.append(self.header(level + b.level - 1, b.content))
            elif isinstance(b, BlockQuote):
                quote = {"t": "BlockQuote", "c": self.blocks(b.blocks, level + 1)}
                out.append(self.div("pullquote", [quote]) if b.kind == "pullquote" else quote)
            elif isinstance(b, ListBlock):
                items = [self.blocks(item, level + 1) for item in b.items]
                if b.ordered:
                    out.append({"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], items]})
                else:
                    out.append({"t": "BulletList", "c": items})
            elif isinstance(b, Section):
                inner = ([self.header(level, b.heading, classes=("subhead",))] if b.heading else [])
                out.append(self.div("section", inner + self.blocks(b.blocks, level + 1)))
            elif isinstance(b, Article):
                out.append(self.article(b, level))
            elif isinstance(b, Div):
                cls = re.sub(r"\s+", "-", b.role.strip()) or "div"
                out.append(self.div(cls, self.blocks(b.blocks, level)))
        return out

    def article(self, a: Article, level: int) -> dict:
        self.n_articles += 1
        inner: list = []
        if a.kicker:
            inner.append(self.div("kicker", [self.para(a.kicker)]))
        inner.append(self.header(level, a.headline, f"article-{self.n_articles}", ("headline",)))
        run_in = dateline_runs_in(a)
        for cls, value in (("subtitle", a.subtitle), ("byline", a.byline), ("dateline", a.dateline)):
            if value and not (cls == "dateline" and run_in):
                inner.append(self.div(cls, [self.para(value)]))
        body = self.blocks(a.blocks, level + 1)
        if run_in:  # the first paragraph opens with the dateline, a Span of class "dateline"
            span = {"t": "Span", "c": [_attr("", ("dateline",)), self.inlines(a.dateline)]}
            body[0]["c"][:0] = [span, {"t": "Space"}]
        inner.extend(body)
        if a.signoff:
            inner.append(self.div("signoff", [self.para(a.signoff)]))
        return {"t": "Div", "c": [_attr("", ("article",)), inner]}


def _meta(doc: Document) -> dict:
    m = doc.meta

    def inl(s: str) -> dict:
        return {"t": "MetaInlines", "c": _str_inlines(s)}

    def string(s: str) -> dict:
        return {"t": "MetaString", "c": s}

    out: dict = {}
    if m.title:
        out["title"] = inl(m.title)
    elif doc.blocks:  # the title rule's title, as pandoc's page title (no title block shown)
        out["pagetitle"] = inl(document_title(doc))
    if m.language:
        out["lang"] = string(m.language)
    if m.authors:
        out["author"] = {"t": "MetaList", "c": [inl(a) for a in m.authors]}
    if m.date:
        out["date"] = inl(m.date)
    if m.publisher:
        out["publisher"] = inl(m.publisher)
    for f in m.furniture:
        out.setdefault(f"page-{f.kind}", inl(f.text))
    for k, v in m.extra:
        out.setdefault(k, string(v))
    return out


def write_pandoc_json(doc: Document, ctx: Context) -> str:
    ast = {"pandoc-api-version": api_version(ctx), "meta": _meta(doc), "blocks": _Writer().blocks(doc.blocks, 1)}
    return json.dumps(ast, ensure_ascii=False, separators=(",", ":")) + "\n"
