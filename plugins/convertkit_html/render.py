"""The document model as (X)HTML elements, shared by the ``html`` and ``epub`` writers.

Articles become ``<article>`` with a ``<header>`` (kicker, ``h1`` headline, subtitle,
byline), a dateline, paragraphs, ``<section>`` s with ``h2`` subheads, pull quotes as
``<aside class="pullquote">`` and the sign-off as ``<p class="signoff">``. Class names are
the stylesheet's contract (``cjk.css``)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
import os
from urllib.parse import quote

from lxml import etree

from convertkit.model import (Article, Block, BlockQuote, Div, Emph, Heading, LineBreak, Link,
                              ListBlock, Note, Para, Section, Strong, Text, dateline_runs_in, plain)
from convertkit.value import Record
from convertkit.xmltext import XmlCleaner

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SAFE_SCHEMES = ("http", "https", "mailto", "ftp")
#: in vertical text, a run of one to three Latin letters or digits standing alone (4月, 30个, AI)
#: is set upright in one cell; longer runs and numbers with a point (2024, 5.34) lie rotated
_UPRIGHT = re.compile(r"(?<![0-9A-Za-z.,])[0-9A-Za-z]{1,3}(?![0-9A-Za-z]|[.,][0-9])")


def stylesheet() -> str:
    """The CJK stylesheet shared by HTML and EPUB output."""
    if not _STYLE:  # read from beside this module (importlib.resources would cost 3 ms of a cold start)
        with open(os.path.join(os.path.dirname(__file__), "cjk.css"), encoding="utf-8") as f:
            _STYLE.append(f.read())
    return _STYLE[0]


_STYLE: list[str] = []


@dataclass(init=False, eq=False, repr=False)
class TocEntry(Record):
    """An article or section in the table of contents: its anchor id, title and children."""

    id: str
    title: str
    children: list["TocEntry"] = field(default_factory=list)

    def __init__(self, id: str, title: str, children: list[TocEntry] | None = None) -> None:
        self.id, self.title = id, title
        self.children = [] if children is None else children


class Renderer:
    """Builds elements in the XHTML namespace (``xhtml=True``, for EPUB) or without one
    (for HTML serialised with lxml's html method). ``epub=True`` adds ``epub:type``."""

    def __init__(self, *, xhtml: bool, epub: bool = False, clean: XmlCleaner | None = None,
                 vertical: bool = False) -> None:
        """In EPUB, only absolute links survive: a relative one would point at a resource
        the package does not hold (EPUBCheck RSC-007). ``vertical`` marks short Latin and
        digit runs for upright setting (class ``tcy``, see ``cjk.css``)."""
        self.ns = "{%s}" % XHTML_NS if xhtml else ""
        self.epub = epub
        self.vertical = vertical
        self.clean = clean or XmlCleaner()
        self.notes: list[tuple[str, tuple[Block, ...]]] = []
        self.n_articles = 0
        self.n_sections = 0
        self.in_link = False  # HTML forbids a link inside a link

    # -- elements ------------------------------------------------------------------
    def el(self, parent, tag: str, text: str | None = None, **attrs: str):
        name = self.ns + tag
        e = etree.Element(name) if parent is None else etree.SubElement(parent, name)
        for k, v in attrs.items():
            if k == "epub_type":
                if self.epub:
                    e.set("{%s}type" % EPUB_NS, v)
                continue
            e.set("class" if k == "cls" else k, self.clean(v))
        if text:
            e.text = self.clean(text)
        return e

    def _append_text(self, parent, s: str) -> None:
        s = self.clean(s)
        if self.vertical and _UPRIGHT.search(s):
            at = 0
            for m in _UPRIGHT.finditer(s):
                self._append_plain(parent, s[at:m.start()])
                span = etree.SubElement(parent, self.ns + "span")
                span.set("class", "tcy")
                span.text = m.group()
                at = m.end()
            s = s[at:]
        self._append_plain(parent, s)

    @staticmethod
    def _append_plain(parent, s: str) -> None:
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + s
        else:
            parent.text = (parent.text or "") + s

    # -- inlines -------------------------------------------------------------------
    def inlines(self, parent, nodes) -> None:
        for n in nodes:
            if isinstance(n, Text):
                self._append_text(parent, n.text)
            elif isinstance(n, Emph):
                self.inlines(self.el(parent, "em"), n.content)
            elif isinstance(n, Strong):
                self.inlines(self.el(parent, "strong"), n.content)
            elif isinstance(n, LineBreak):
                self.el(parent, "br")
            elif isinstance(n, Link) and self.in_link:
                self.inlines(self.el(parent, "span"), n.content)
            elif isinstance(n, Link):
                url = safe_url(self.clean(n.url))
                if self.epub and not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url):
                    url = ""
                attrs = {"href": url} if url else {}
                if n.title:
                    attrs["title"] = n.title
                self.in_link = True
                try:
                    self.inlines(self.el(parent, "a", **attrs), n.content)
                finally:
                    self.in_link = False
            elif isinstance(n, Note):
                k = len(self.notes) + 1
                self.notes.append((f"fn{k}", n.blocks))
                if self.in_link:
                    self.el(parent, "sup", str(k), id=f"fnref{k}", cls="noteref")
                else:
                    self.el(parent, "a", str(k), href=f"#fn{k}", id=f"fnref{k}", cls="noteref",
                            epub_type="noteref", role="doc-noteref")

    def footnotes(self, parent) -> None:
        """The notes met since the last call, at the end of ``parent``."""
        if not self.notes:
            return
        sec = self.el(parent, "section", cls="footnotes", epub_type="footnotes", role="doc-endnotes")
        for nid, blocks in self.notes:
            aside = self.el(sec, "aside", id=nid, cls="footnote", epub_type="footnote", role="doc-footnote")
            self.blocks(aside, blocks or (Para(()),), 3)
        self.notes = []

    # -- blocks --------------------------------------------------------------------
    def blocks(self, parent, blocks, level: int, toc: list[TocEntry] | None = None) -> None:
        for b in blocks:
            if isinstance(b, Para):
                self.inlines(self.el(parent, "p"), b.content)
            elif isinstance(b, Heading):
                self.inlines(self.el(parent, f"h{min(6, level + b.level - 1)}"), b.content)
            elif isinstance(b, BlockQuote):
                if b.kind == "pullquote":
                    q = self.el(parent, "aside", cls="pullquote", epub_type="pullquote", role="doc-pullquote")
                else:
                    q = self.el(parent, "blockquote")
                self.blocks(q, b.blocks, level + 1)
            elif isinstance(b, ListBlock):
                lst = self.el(parent, "ol" if b.ordered else "ul")
                for item in b.items:
                    self.blocks(self.el(lst, "li"), item, level + 1)
            elif isinstance(b, Section):
                self.n_sections += 1
                sid = f"s{self.n_sections}"
                sec = self.el(parent, "section", id=sid)
                if b.heading:
                    self.inlines(self.el(sec, f"h{min(6, level)}", cls="subhead"), b.heading)
                    if toc is not None:
                        toc.append(TocEntry(sid, plain(b.heading)))
                self.blocks(sec, b.blocks, level + 1)
            elif isinstance(b, Article):
                self.article(parent, b, level)
            elif isinstance(b, Div):
                cls = re.sub(r"[^A-Za-z0-9_-]", "-", b.role) or "div"
                self.blocks(self.el(parent, "div", cls=cls), b.blocks, level, toc)

    def article(self, parent, a: Article, level: int = 1) -> TocEntry:
        """An ``<article>``; returns its table-of-contents entry (subheads as children)."""
        self.n_articles += 1
        aid = f"a{self.n_articles}"
        art = self.el(parent, "article", id=aid, cls="news")
        if a.kicker or a.headline or a.subtitle or a.byline:
            head = self.el(art, "header")
            if a.kicker:
                self.inlines(self.el(head, "p", cls="kicker"), a.kicker)
            if a.headline:
                self.inlines(self.el(head, f"h{min(6, level)}", cls="headline"), a.headline)
            if a.subtitle:
                self.inlines(self.el(head, "p", cls="subtitle"), a.subtitle)
            if a.byline:
                self.inlines(self.el(head, "p", cls="byline"), a.byline)
        blocks = a.blocks
        if dateline_runs_in(a):  # <p><span class="dateline">本报讯</span> 为提升…</p>
            p = self.el(art, "p")
            self.inlines(self.el(p, "span", cls="dateline"), a.dateline)
            self._append_text(p, " ")
            self.inlines(p, blocks[0].content)
            blocks = blocks[1:]
        elif a.dateline:
            self.inlines(self.el(art, "p", cls="dateline"), a.dateline)
        entry = TocEntry(aid, article_title(a))
        self.blocks(art, blocks, level + 1, entry.children)
        if a.signoff:
            self.inlines(self.el(art, "p", cls="signoff"), a.signoff)
        return entry


def article_title(a: Article) -> str:
    """What the table of contents calls an article: its headline, else its opening words."""
    title = plain(a.headline).strip()
    if title:
        return title
    for b in a.blocks:
        if isinstance(b, Para) and plain(b.content).strip():
            return plain(b.content).strip()[:20] + "…"
    return "（无标题）"


def safe_url(url: str) -> str:
    """A link target, or "" when it is a script or another scheme a reader should not follow."""
    url = url.strip()
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    if m and m.group(1).lower() not in _SAFE_SCHEMES:
        return ""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")
