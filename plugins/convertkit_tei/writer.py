"""TEI P5 writer. The encoding is the contract ``../shared/eval/README.md`` reads:
articles as ``div[@type='article']`` with ``head`` (kicker/sub typed), ``byline``,
``dateline``, ``p``, subsections as child ``div`` with their own ``head``, pull quotes as
``quote[@type='pullquote']`` and sign-offs in ``closer/signed``."""
from __future__ import annotations

import re
from urllib.parse import quote

from lxml import etree

from convertkit import __version__
from convertkit.cjk import printed_date
from convertkit.digest import sha1
from convertkit.model import (Article, Block, BlockQuote, Div, Document, Emph, Heading, LineBreak, Link,
                              ListBlock, Note, Para, Section, Strong, Text, document_title,
                              plain)
from convertkit.registry import Context
from convertkit.xmltext import XmlCleaner

from .facsimile import Facsimile, span_lines

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
T = "{%s}" % TEI_NS
XML_ID = "{%s}id" % XML_NS
XML_LANG = "{%s}lang" % XML_NS


class _Builder:
    def __init__(self, ctx: Context, doc: Document) -> None:
        self.ctx = ctx
        self.clean = XmlCleaner()
        self.n_articles = 0
        self.facsimile = Facsimile(doc)

    def point(self, e: etree._Element, lines) -> etree._Element:
        """``@facs`` on ``e`` for the source lines it was printed on (PDF input)."""
        if self.facsimile:
            ref = self.facsimile.pointer(lines)
            if ref:
                e.set("facs", ref)
        return e

    def el(self, parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str):
        e = etree.Element(T + tag) if parent is None else etree.SubElement(parent, T + tag)
        for k, v in attrs.items():
            key = XML_ID if k == "xml_id" else XML_LANG if k == "xml_lang" else k
            e.set(key, self.clean(v))
        if text:
            e.text = self.clean(text)
        return e

    # -- inlines -------------------------------------------------------------------
    def inlines(self, parent: etree._Element, nodes) -> None:
        for n in nodes:
            if isinstance(n, Text):
                self._append_text(parent, n.text)
            elif isinstance(n, Emph):
                self.inlines(self.el(parent, "emph"), n.content)
            elif isinstance(n, Strong):
                self.inlines(self.el(parent, "hi", rend="bold"), n.content)
            elif isinstance(n, LineBreak):
                self.el(parent, "lb")
            elif isinstance(n, Link):
                url = quote(self.clean(n.url), safe=":/?#[]@!$&'()*+,;=%~")
                self.inlines(self.el(parent, "ref", target=url), n.content)
            elif isinstance(n, Note):
                note = self.el(parent, "note", place="foot")
                for b in n.blocks:
                    self._append_text(note, plain(b.content) if isinstance(b, Para) else "")

    def _append_text(self, parent: etree._Element, s: str) -> None:
        s = self.clean(s)
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + s
        else:
            parent.text = (parent.text or "") + s

    def diplomatic(self, p: etree._Element, s: str, marks) -> None:
        """``--tei-lines``: an ``<lb n="…"/>`` where each source line starts (``break="no"``
        where no space separates it from the line before: inside a word, and always between
        Chinese characters), and a ``<cb/>`` where lines were skipped (a column break)."""
        pos, prev = 0, None
        for i, (off, no) in enumerate(marks):
            off = min(max(off, pos), len(s))
            if off > pos:
                self._append_text(p, s[pos:off])
                pos = off
            if prev is not None and no - prev > 1:
                self.el(p, "cb")
            attrs = {"n": str(no)}
            if i > 0 and off > 0 and not s[off - 1].isspace():
                attrs["break"] = "no"
            self.el(p, "lb", **attrs)
            prev = no
        self._append_text(p, s[pos:])

    # -- blocks --------------------------------------------------------------------
    def blocks(self, parent: etree._Element, blocks: tuple[Block, ...], prefix: str) -> None:
        """Blocks into ``parent``. TEI puts paragraphs before child divisions: a paragraph
        that follows a division is wrapped in a division of its own."""
        wrapper: etree._Element | None = None
        n_div = 0
        # whether parent holds a division yet: asked once, then kept (asking parent for
        # each block made a page of many paragraphs quadratic)
        has_div = any(child.tag == T + "div" for child in parent)
        for b in blocks:
            if isinstance(b, (Section, Article, Div)):
                wrapper = None
                n_div += 1
                self.division(parent, b, f"{prefix}-{n_div}")
                has_div = True
                continue
            target = parent
            if has_div:
                if wrapper is None:
                    n_div += 1
                    wrapper = self.el(parent, "div", type="continuation", xml_id=f"{prefix}-{n_div}")
                target = wrapper
            self.component(target, b)

    def component(self, parent: etree._Element, b: Block) -> None:
        if isinstance(b, Para):
            p = self.point(self.el(parent, "p"), [no for _, no in b.lines] or span_lines(b.source))
            if self.ctx.option("tei_lines") and b.lines and len(b.content) == 1 and isinstance(b.content[0], Text):
                self.diplomatic(p, b.content[0].text, b.lines)
            else:
                self.inlines(p, b.content)
        elif isinstance(b, Heading):
            self.inlines(self.el(parent, "p", rend=f"heading{b.level}"), b.content)
        elif isinstance(b, BlockQuote):
            q = self.el(parent, "quote", type=_ncname(b.kind))
            for inner in b.blocks or (Para(()),):
                p = self.el(q, "p")
                if isinstance(inner, Para):
                    self.point(p, [no for _, no in inner.lines] or span_lines(inner.source))
                self.inlines(p, inner.content if isinstance(inner, Para) else _flat(inner))
        elif isinstance(b, ListBlock):
            lst = self.el(parent, "list", type="ordered" if b.ordered else "bulleted")
            for item in b.items or ((),):
                it = self.el(lst, "item")
                for inner in item:
                    self.inlines(self.el(it, "p"), inner.content if isinstance(inner, Para) else _flat(inner))

    def division(self, parent: etree._Element, b: Block, did: str) -> None:
        if isinstance(b, Article):
            self.article(parent, b)
            return
        if isinstance(b, Section):
            d = self.el(parent, "div", type="section", xml_id=did)
            if b.heading:
                self.inlines(self.point(self.el(d, "head"), span_lines(b.heading_source)), b.heading)
        else:
            d = self.el(parent, "div", type=_ncname(b.role), xml_id=did)
        self.blocks(d, b.blocks, did)
        if not any(child.tag in (T + "p", T + "div", T + "quote", T + "list") for child in d):
            self.el(d, "p")

    def article(self, parent: etree._Element, a: Article) -> None:
        self.n_articles += 1
        n = self.n_articles
        digest = sha1((plain(a.headline) + "|" + _first_text(a)).encode("utf-8")).hexdigest()[:8]
        aid = f"art{n}-{digest}"
        d = self.el(parent, "div", type="article", xml_id=aid)
        if a.kicker:
            self.inlines(self.point(self.el(d, "head", type="kicker"), span_lines(a.part("kicker"))), a.kicker)
        if a.headline:
            self.inlines(self.point(self.el(d, "head", type="main"), span_lines(a.part("headline"))), a.headline)
        if a.subtitle:
            self.inlines(self.point(self.el(d, "head", type="sub"), span_lines(a.part("subtitle"))), a.subtitle)
        if a.byline:
            self.inlines(self.point(self.el(d, "byline"), span_lines(a.part("byline"))), a.byline)
        if a.dateline:
            self.inlines(self.point(self.el(d, "dateline"), span_lines(a.part("dateline"))), a.dateline)
        self.blocks(d, a.blocks, aid)
        if not any(child.tag in (T + "p", T + "div", T + "quote", T + "list") for child in d):
            self.el(d, "p")
        if a.signoff:
            signed = self.el(self.el(d, "closer"), "signed")
            self.inlines(self.point(signed, span_lines(a.part("signoff"))), a.signoff)


def _ncname(s: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_.-]", "_", s or "div")
    return s if re.match(r"[A-Za-z_]", s) else "x" + s


def _flat(b: Block) -> tuple:
    """Inlines standing for a block that cannot nest where it is (its plain text)."""
    from convertkit.model import Text as _T

    def walk(x) -> str:
        if isinstance(x, Para):
            return plain(x.content)
        if isinstance(x, Heading):
            return plain(x.content)
        inner = getattr(x, "blocks", None) or [y for item in getattr(x, "items", ()) for y in item]
        return " ".join(walk(y) for y in inner)

    return (_T(walk(b)),)


def _first_text(a: Article) -> str:
    for b in a.blocks:
        if isinstance(b, Para):
            return plain(b.content)[:40]
        if isinstance(b, Section):
            for x in b.blocks:
                if isinstance(x, Para):
                    return plain(x.content)[:40]
    return ""


def header(b: _Builder, root: etree._Element, doc: Document) -> None:
    meta = doc.meta
    h = b.el(root, "teiHeader")
    fd = b.el(h, "fileDesc")
    ts = b.el(fd, "titleStmt")
    b.el(ts, "title", document_title(doc))
    for author in meta.authors:
        b.el(ts, "author", author)
    ps = b.el(fd, "publicationStmt")
    if meta.publisher:
        b.el(ps, "publisher", meta.publisher)
        if meta.date:
            b.el(ps, "date", meta.date)
    else:
        b.el(ps, "p", "Unpublished conversion made with convertkit.")
    sd = b.el(fd, "sourceDesc")
    bibl = b.el(sd, "bibl")
    label = [f for f in meta.furniture if f.kind == "label"]
    for f in label:
        b.el(bibl, "title", f.text, type="section")
    dates = [f for f in meta.furniture if f.kind == "date"]
    for f in dates:
        # each printed date its own @when (pages of several days); the document's date
        # stands in for a lone date that does not parse
        when = printed_date(f.text) or (meta.date if len(dates) == 1 else "")
        attrs = {"when": when} if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when or "") else {}
        b.el(bibl, "date", f.text, **attrs)
    for f in meta.furniture:
        if f.kind == "page":
            b.el(bibl, "biblScope", f.text, unit="page")
    src = meta.source
    if src.name:
        b.el(bibl, "idno", src.name, type="filename")
    if src.sha256:
        b.el(bibl, "idno", src.sha256, type="sha256")
    if src.encoding:
        b.el(bibl, "idno", src.encoding, type="encoding")
    for f in meta.furniture:
        if f.kind not in ("label", "date", "page"):
            b.el(bibl, "note", f.text, type=f.kind)
    for k, v in meta.extra:
        b.el(bibl, "note", v, type=f"meta-{re.sub(r'[^A-Za-z0-9_.-]', '_', k)}")
    if len(bibl) == 0:
        bibl.text = "convertkit input"
    ed = b.el(h, "encodingDesc")
    ai = b.el(ed, "appInfo")
    app = b.el(ai, "application", ident="convertkit", version=__version__)
    b.el(app, "label", "convertkit")
    pd = b.el(h, "profileDesc")
    lu = b.el(pd, "langUsage")
    lang = meta.language or "zh"
    b.el(lu, "language", _language_name(lang), ident=lang)


def _language_name(tag: str) -> str:
    return {"zh": "Chinese", "en": "English", "ja": "Japanese"}.get(tag.split("-")[0].lower(), tag)


def write_tei(doc: Document, ctx: Context) -> str:
    b = _Builder(ctx, doc)
    lang = (doc.meta.language or "zh").split("-")[0] if not doc.meta.language else doc.meta.language
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    root.set(XML_LANG, "zh" if lang.lower().startswith("zh") else lang)
    header(b, root, doc)
    text_el = b.el(root, "text")
    body = b.el(text_el, "body")
    b.blocks(body, doc.blocks, "d")
    if len(body) == 0:
        b.el(body, "p")
    if b.facsimile:  # TEI's order: the header, the facsimile, the text
        root.insert(1, b.facsimile.element(b.el))
    b.clean.report(ctx)
    out = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + out
