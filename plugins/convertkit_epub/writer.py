"""EPUB 3 writer (ebooklib). One XHTML content document per article, nested nav + NCX +
landmarks, CJK stylesheet, accessibility metadata, and a deterministic zip: ``mimetype``
first and stored, every member dated ``SOURCE_DATE_EPOCH`` (else a fixed date)."""
from __future__ import annotations

import re
import uuid
from typing import Any

from ebooklib import epub
from lxml import etree

from convertkit.digest import sha256, uuid5
from convertkit.model import Article, Document, Heading, document_title, plain
from convertkit.registry import Context
from convertkit.reproducible import build_time, zip_members
from convertkit.xmltext import XmlCleaner
from convertkit_html.render import XHTML_NS, Renderer, TocEntry, stylesheet

_ID_NAMESPACE = uuid.UUID("6f1d2c1e-8a0b-5b8e-9a55-636f6e766b74")  # convertkit's own namespace
_LABELS = {
    "zh": {"toc": "目录", "landmarks": "导航", "start": "正文", "untitled": "（无标题）",
           "summary": "纯文本新闻版面，标题、小标题与目录可供导航；无图片，无多媒体。"},
    "": {"toc": "Contents", "landmarks": "Landmarks", "start": "Start", "untitled": "(untitled)",
         "summary": "Text only, with headings and a table of contents for navigation; no images, no media."},
}


class _Chapter(epub.EpubHtml):
    """A content document whose XHTML we build ourselves (ebooklib's HTML re-parse would
    drop ``epub:type`` and the language attributes)."""

    def __init__(self, xhtml: bytes, **kw) -> None:
        super().__init__(**kw)
        self._xhtml = xhtml

    def get_content(self, default=None) -> bytes:
        return self._xhtml

    def get_body_content(self) -> bytes:
        return self._xhtml


class _Members:
    """Stands in for the zip ebooklib writes into, keeping each member's bytes: the
    deterministic zip is made from them (ebooklib's own zip would be read back and made
    again)."""

    def __init__(self) -> None:
        self.contents: dict[str, bytes] = {}

    def writestr(self, name: str, data: str | bytes, compress_type: int | None = None) -> None:
        self.contents[name] = data.encode("utf-8") if isinstance(data, str) else data


class _Writer(epub.EpubWriter):
    """ebooklib's writer, writing its members into :class:`_Members` (its ``write`` is the
    same three steps after the mimetype, since ebooklib 0.18)."""

    def write(self) -> None:
        self.out = _Members()
        self.out.writestr("mimetype", "application/epub+zip")
        self._write_container()
        self._write_opf()
        self._write_items()


def language_tag(tag: str, ctx: Context) -> str:
    """The metadata language if it is a well-formed BCP 47 tag; ``zh-CN`` when unset."""
    if not tag:
        return "zh-CN"
    if re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", tag):
        return tag
    ctx.warn(f"language {tag!r} is not a BCP 47 tag; using 'und' (undetermined)")
    return "und"


def _labels(lang: str) -> dict[str, str]:
    return _LABELS["zh"] if lang.lower().startswith("zh") else _LABELS[""]


def _xhtml(body_el, title: str, lang: str, vertical: bool, clean: XmlCleaner) -> bytes:
    nsmap = {None: XHTML_NS, "epub": "http://www.idpf.org/2007/ops"}
    html = etree.Element("{%s}html" % XHTML_NS, nsmap=nsmap)
    html.set("lang", lang)
    html.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    if vertical:
        html.set("class", "vertical")
    head = etree.SubElement(html, "{%s}head" % XHTML_NS)
    etree.SubElement(head, "{%s}meta" % XHTML_NS, charset="utf-8")
    etree.SubElement(head, "{%s}title" % XHTML_NS).text = clean(title)
    etree.SubElement(head, "{%s}link" % XHTML_NS, rel="stylesheet", type="text/css", href="style.css")
    html.append(body_el)
    return (b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            + etree.tostring(html, encoding="utf-8", pretty_print=True))


def _chapters(doc: Document, lang: str, vertical: bool, clean: XmlCleaner, untitled: str):
    """(file name, title, xhtml bytes, toc entry) per content document, in reading order:
    each top-level article alone; runs of other blocks together."""
    r = Renderer(xhtml=True, epub=True, clean=clean, vertical=vertical)
    out = []
    run: list = []

    def flush_run() -> None:
        if not run and out:
            return
        body = etree.Element("{%s}body" % XHTML_NS)
        sec = r.el(body, "section", cls="text", epub_type="bodymatter")
        toc: list[TocEntry] = []
        r.blocks(sec, tuple(run), 1, toc)
        r.footnotes(body)
        first_heading = next((plain(b.content) for b in run if isinstance(b, Heading)), "")
        title = clean(first_heading or (document_title(doc) if not out else "")).strip() or untitled
        name = f"text{len(out) + 1:03d}.xhtml"
        out.append((name, title, _xhtml(body, title, lang, vertical, clean), TocEntry("", title, toc)))
        run.clear()

    for b in doc.blocks:
        if isinstance(b, Article):
            if run:
                flush_run()
            body = etree.Element("{%s}body" % XHTML_NS)
            entry = r.article(body, b)
            r.footnotes(body)
            name = f"text{len(out) + 1:03d}.xhtml"
            title = clean(entry.title).strip() or untitled
            out.append((name, title, _xhtml(body, title, lang, vertical, clean), entry))
        else:
            run.append(b)
    if run or not out:
        flush_run()
    return out


def _content_digest(meta: Any, title: str, lang: str, chapters: list) -> str:
    """SHA-256 (hex) of what the book shows: its metadata and the bytes of its content
    documents. The same document gives the same identifier; hashing the XHTML already
    made costs a twentieth of serialising the document model again."""
    h = sha256()
    for part in (title, lang, *meta.authors, meta.publisher, meta.date, meta.get("label"), meta.source.name):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for name, _, data, _ in chapters:
        h.update(name.encode("ascii") + b"\0" + data + b"\0")
    return h.hexdigest()


def write_epub(doc: Document, ctx: Context) -> bytes:
    meta = doc.meta
    clean = XmlCleaner()
    lang = language_tag(meta.language, ctx)
    labels = _labels(lang)
    vertical = bool(ctx.option("epub_vertical")) or meta.get("writing-mode") == "vertical-rl"
    when = build_time()
    title = clean(document_title(doc)).strip() or "Untitled"

    chapters = _chapters(doc, lang, vertical, clean, labels["untitled"])
    book = epub.EpubBook()
    book.set_identifier(f"urn:uuid:{uuid5(_ID_NAMESPACE, _content_digest(meta, title, lang, chapters))}")
    book.set_title(title)
    book.set_language(lang)
    for i, author in enumerate(a for a in (clean(x).strip() for x in meta.authors) if a):
        book.add_author(author, uid=f"creator{i + 1}")
    if clean(meta.publisher).strip():
        book.add_metadata("DC", "publisher", clean(meta.publisher).strip())
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", meta.date or ""):
        book.add_metadata("DC", "date", meta.date)
    label = meta.get("label")
    if clean(label).strip():
        book.add_metadata("DC", "subject", clean(label).strip())
    if clean(meta.source.name).strip():
        book.add_metadata("DC", "source", clean(meta.source.name).strip())
    for prop, value in (("schema:accessMode", "textual"),
                        ("schema:accessModeSufficient", "textual"),
                        ("schema:accessibilityFeature", "structuralNavigation"),
                        ("schema:accessibilityFeature", "tableOfContents"),
                        ("schema:accessibilityFeature", "readingOrder"),
                        ("schema:accessibilityHazard", "none"),
                        ("schema:accessibilitySummary", labels["summary"])):
        book.add_metadata(None, "meta", value, {"property": prop})

    css = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css",
                        content=stylesheet().encode("utf-8"))
    book.add_item(css)

    toc = []
    spine: list = []
    for i, (name, ch_title, data, entry) in enumerate(chapters, 1):
        ch_title = clean(ch_title).strip() or labels["untitled"]
        item = _Chapter(data, uid=f"text{i:03d}", file_name=name, title=ch_title, lang=lang)
        book.add_item(item)
        spine.append(item)
        children = [epub.Link(f"{name}#{c.id}", clean(c.title).strip() or labels["untitled"],
                              f"toc-{i}-{c.id}") for c in entry.children]
        link_href = f"{name}#{entry.id}" if entry.id else name
        if children:
            toc.append((epub.Section(ch_title, href=link_href), children))
        else:
            toc.append(epub.Link(link_href, ch_title, f"toc-{i}"))
    book.toc = toc
    nav = epub.EpubNav(title=labels["toc"])
    nav.add_link(href="style.css", rel="stylesheet", type="text/css")
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    book.spine = [(nav, "no")] + spine
    book.guide = [{"type": "toc", "href": "nav.xhtml", "title": labels["toc"]},
                  {"type": "text", "href": chapters[0][0], "title": labels["start"]}]
    if vertical:
        book.set_direction("rtl")

    # epub3_pages off: ebooklib would parse every chapter again looking for page breaks,
    # which convertkit never writes
    writer = _Writer("", book, {"epub3_landmark": True, "landmark_title": labels["landmarks"], "mtime": when,
                                "spine_direction": True, "package_direction": False, "epub3_pages": False})
    writer.process()
    writer.write()
    clean.report(ctx)
    members = {name: _strip_generator(content) if name.endswith(".opf") else content
               for name, content in writer.out.contents.items()}
    return zip_members(members, when, first=("mimetype", "META-INF/container.xml"), stored=("mimetype",),
                       memo=("EPUB/style.css",))


def _strip_generator(opf: bytes) -> bytes:
    """ebooklib names itself and its version in the OPF; convertkit's output should not
    change when ebooklib is upgraded."""
    return re.sub(rb'\s*<meta name="generator" content="[^"]*"\s*/>', b"", opf)
