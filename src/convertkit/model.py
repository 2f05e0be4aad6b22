"""The document model: a small, closed set of frozen dataclasses in pandoc's spirit.

A :class:`Document` is metadata plus a tuple of blocks. Blocks hold inlines. News pages
are first-class: an :class:`Article` has its own headline, kicker, subtitle, byline,
dateline and sign-off, and a body of blocks that may contain :class:`Section` s.
Every block can carry the source line range it came from (:class:`Span`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from .value import Value, _set

Attrs = tuple[tuple[str, str], ...]

@dataclass(init=False, eq=False, repr=False)
class Span(Value):
    """Source provenance: first and last line (1-based, inclusive) of the input."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        _set(self, "start", start)
        _set(self, "end", end)


# ---------------------------------------------------------------- inlines
@dataclass(init=False, eq=False, repr=False)
class Text(Value):
    """A run of text."""

    text: str

    def __init__(self, text: str) -> None:
        _set(self, "text", text)


@dataclass(init=False, eq=False, repr=False)
class Emph(Value):
    """Emphasised inlines."""

    content: tuple[Inline, ...]

    def __init__(self, content: tuple[Inline, ...]) -> None:
        _set(self, "content", content)


@dataclass(init=False, eq=False, repr=False)
class Strong(Value):
    """Strongly emphasised inlines."""

    content: tuple[Inline, ...]

    def __init__(self, content: tuple[Inline, ...]) -> None:
        _set(self, "content", content)


@dataclass(init=False, eq=False, repr=False)
class LineBreak(Value):
    """A hard line break inside a block."""


@dataclass(init=False, eq=False, repr=False)
class Link(Value):
    """A hyperlink around inlines."""

    content: tuple[Inline, ...]
    url: str
    title: str = ""

    def __init__(self, content: tuple[Inline, ...], url: str, title: str = "") -> None:
        _set(self, "content", content)
        _set(self, "url", url)
        _set(self, "title", title)


@dataclass(init=False, eq=False, repr=False)
class Note(Value):
    """A footnote; its body is blocks."""

    blocks: tuple[Block, ...]

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        _set(self, "blocks", blocks)


Inline = Union[Text, Emph, Strong, LineBreak, Link, Note]


# ---------------------------------------------------------------- blocks
@dataclass(init=False, eq=False, repr=False)
class Para(Value):
    """A paragraph. ``lines`` (optional) keeps the source lines it was joined from, as
    ``(offset into its text, 1-based source line)`` pairs, for diplomatic output."""

    content: tuple[Inline, ...]
    source: Span | None = None
    lines: tuple[tuple[int, int], ...] = ()

    def __init__(self, content: tuple[Inline, ...], source: Span | None = None,
                 lines: tuple[tuple[int, int], ...] = ()) -> None:
        _set(self, "content", content)
        _set(self, "source", source)
        _set(self, "lines", lines)


@dataclass(init=False, eq=False, repr=False)
class Heading(Value):
    """A heading of a level (1 = top) outside the news structure."""

    level: int
    content: tuple[Inline, ...]
    source: Span | None = None

    def __init__(self, level: int, content: tuple[Inline, ...], source: Span | None = None) -> None:
        _set(self, "level", level)
        _set(self, "content", content)
        _set(self, "source", source)


@dataclass(init=False, eq=False, repr=False)
class BlockQuote(Value):
    """A quotation; ``kind="pullquote"`` marks a pull quote repeated from the body."""

    blocks: tuple[Block, ...]
    kind: str = "quote"
    source: Span | None = None

    def __init__(self, blocks: tuple[Block, ...], kind: str = "quote", source: Span | None = None) -> None:
        _set(self, "blocks", blocks)
        _set(self, "kind", kind)
        _set(self, "source", source)


@dataclass(init=False, eq=False, repr=False)
class ListBlock(Value):
    """An ordered or bullet list; each item is a tuple of blocks."""

    items: tuple[tuple[Block, ...], ...]
    ordered: bool = False
    source: Span | None = None

    def __init__(self, items: tuple[tuple[Block, ...], ...], ordered: bool = False,
                 source: Span | None = None) -> None:
        _set(self, "items", items)
        _set(self, "ordered", ordered)
        _set(self, "source", source)


@dataclass(init=False, eq=False, repr=False)
class Div(Value):
    """Generic container with a role and attributes: the escape hatch."""

    role: str
    blocks: tuple[Block, ...]
    attrs: Attrs = ()
    source: Span | None = None

    def __init__(self, role: str, blocks: tuple[Block, ...], attrs: Attrs = (),
                 source: Span | None = None) -> None:
        _set(self, "role", role)
        _set(self, "blocks", blocks)
        _set(self, "attrs", attrs)
        _set(self, "source", source)


@dataclass(init=False, eq=False, repr=False)
class Section(Value):
    """A subsection of an article: its subhead (may be empty) and its blocks;
    ``heading_source`` is the source lines of the subhead alone."""

    heading: tuple[Inline, ...]
    blocks: tuple[Block, ...]
    source: Span | None = None
    heading_source: Span | None = None

    def __init__(self, heading: tuple[Inline, ...], blocks: tuple[Block, ...],
                 source: Span | None = None, heading_source: Span | None = None) -> None:
        _set(self, "heading", heading)
        _set(self, "blocks", blocks)
        _set(self, "source", source)
        _set(self, "heading_source", heading_source)


@dataclass(init=False, eq=False, repr=False)
class Article(Value):
    """A news article: headline with kicker (引题) and subtitle (副题), byline, dateline,
    body blocks (paragraphs, sections, quotes) and sign-off. ``parts`` gives the source
    lines of those that have them, as (``"kicker"``, ``"headline"``, ``"subtitle"``,
    ``"byline"``, ``"dateline"`` or ``"signoff"``, span) pairs."""

    headline: tuple[Inline, ...]
    blocks: tuple[Block, ...]
    kicker: tuple[Inline, ...] = ()
    subtitle: tuple[Inline, ...] = ()
    byline: tuple[Inline, ...] = ()
    dateline: tuple[Inline, ...] = ()
    signoff: tuple[Inline, ...] = ()
    source: Span | None = None
    parts: tuple[tuple[str, Span], ...] = ()

    def __init__(self, headline: tuple[Inline, ...], blocks: tuple[Block, ...],
                 kicker: tuple[Inline, ...] = (), subtitle: tuple[Inline, ...] = (),
                 byline: tuple[Inline, ...] = (), dateline: tuple[Inline, ...] = (),
                 signoff: tuple[Inline, ...] = (), source: Span | None = None,
                 parts: tuple[tuple[str, Span], ...] = ()) -> None:
        _set(self, "headline", headline)
        _set(self, "blocks", blocks)
        _set(self, "kicker", kicker)
        _set(self, "subtitle", subtitle)
        _set(self, "byline", byline)
        _set(self, "dateline", dateline)
        _set(self, "signoff", signoff)
        _set(self, "source", source)
        _set(self, "parts", parts)

    def part(self, name: str) -> Span | None:
        """The source lines of one part (``"headline"``, ``"byline"`` …), if known."""
        return next((span for key, span in self.parts if key == name), None)


Block = Union[Para, Heading, BlockQuote, ListBlock, Div, Section, Article]


# ---------------------------------------------------------------- metadata
@dataclass(init=False, eq=False, repr=False)
class SourceInfo(Value):
    """Where the document came from: file name, detected encoding, sha256 of the bytes."""

    name: str = ""
    encoding: str = ""
    sha256: str = ""

    def __init__(self, name: str = "", encoding: str = "", sha256: str = "") -> None:
        _set(self, "name", name)
        _set(self, "encoding", encoding)
        _set(self, "sha256", sha256)


#: the default source of :class:`Meta` (the model is immutable: one instance serves all)
_NO_SOURCE = SourceInfo()


@dataclass(init=False, eq=False, repr=False)
class Furniture(Value):
    """Page furniture kept out of the articles: kind is ``label``, ``date``, ``page``,
    ``credit`` or ``other``; ``text`` is exactly as printed."""

    kind: str
    text: str
    source: Span | None = None

    def __init__(self, kind: str, text: str, source: Span | None = None) -> None:
        _set(self, "kind", kind)
        _set(self, "text", text)
        _set(self, "source", source)


@dataclass(init=False, eq=False, repr=False)
class Meta(Value):
    """Document metadata; ``extra`` holds free key/value pairs in a stable order."""

    title: str = ""
    language: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    publisher: str = ""
    source: SourceInfo = _NO_SOURCE
    furniture: tuple[Furniture, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()

    def __init__(self, title: str = "", language: str = "", authors: tuple[str, ...] = (), date: str = "",
                 publisher: str = "", source: SourceInfo = _NO_SOURCE, furniture: tuple[Furniture, ...] = (),
                 extra: tuple[tuple[str, str], ...] = ()) -> None:
        _set(self, "title", title)
        _set(self, "language", language)
        _set(self, "authors", authors)
        _set(self, "date", date)
        _set(self, "publisher", publisher)
        _set(self, "source", source)
        _set(self, "furniture", furniture)
        _set(self, "extra", extra)

    def get(self, key: str, default: str = "") -> str:
        """Value of a free key, or of the first furniture of that kind."""
        for k, v in self.extra:
            if k == key:
                return v
        for f in self.furniture:
            if f.kind == key:
                return f.text
        return default


_NO_META = Meta()


@dataclass(init=False, eq=False, repr=False)
class Surface(Value):
    """A printed page of the source (a PDF page): its number (1-based) and its size in
    points."""

    page: int
    width: float
    height: float

    def __init__(self, page: int, width: float, height: float) -> None:
        _set(self, "page", page)
        _set(self, "width", width)
        _set(self, "height", height)


@dataclass(init=False, eq=False, repr=False)
class Zone(Value):
    """Where a source line is printed: its page and its box (left, top, right, bottom) in
    points from the page's top-left corner, as an image of the page shows it; ``group``
    numbers the printed block it belongs to (a column of text, a head)."""

    line: int
    page: int
    box: tuple[float, float, float, float]
    group: int = 0

    def __init__(self, line: int, page: int, box: tuple[float, float, float, float], group: int = 0) -> None:
        _set(self, "line", line)
        _set(self, "page", page)
        _set(self, "box", box)
        _set(self, "group", group)


@dataclass(init=False, eq=False, repr=False)
class Document(Value):
    """A whole document: metadata and blocks; from a source with a page geometry (PDF),
    its pages (``surfaces``) and where each source line is printed on them (``zones``)."""

    meta: Meta = _NO_META
    blocks: tuple[Block, ...] = ()
    surfaces: tuple[Surface, ...] = ()
    zones: tuple[Zone, ...] = ()

    def __init__(self, meta: Meta = _NO_META, blocks: tuple[Block, ...] = (),
                 surfaces: tuple[Surface, ...] = (), zones: tuple[Zone, ...] = ()) -> None:
        _set(self, "meta", meta)
        _set(self, "blocks", blocks)
        _set(self, "surfaces", surfaces)
        _set(self, "zones", zones)


#: Every class of the model, by name: the closed set the JSON form may use.
NODE_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (Span, Text, Emph, Strong, LineBreak, Link, Note, Para, Heading, BlockQuote,
                ListBlock, Div, Section, Article, SourceInfo, Furniture, Meta, Surface, Zone, Document)
}


def plain(inlines: tuple[Inline, ...]) -> str:
    """The text of inlines, with line breaks as newlines and notes left out."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append("\n")
        elif isinstance(node, (Emph, Strong, Link)):
            out.append(plain(node.content))
    return "".join(out)


def text(s: str) -> tuple[Inline, ...]:
    """Inlines for a plain string (empty string gives no inlines)."""
    return (Text(s),) if s else ()


def articles(doc: Document) -> list[Article]:
    """The articles of a document, at any depth of Divs."""
    found: list[Article] = []
    _collect_articles(doc.blocks, found)
    return found


def _collect_articles(blocks: tuple[Block, ...], found: list[Article]) -> None:
    # a module function: a nested recursive one would be a reference cycle at every call
    for b in blocks:
        if isinstance(b, Article):
            found.append(b)
        elif isinstance(b, Div):
            _collect_articles(b.blocks, found)


def document_title(doc: Document) -> str:
    """The metadata title, else the page label and the first headline, else the source name."""
    if doc.meta.title:
        return doc.meta.title
    label = doc.meta.get("label")
    first = next((plain(a.headline) for a in articles(doc) if a.headline), "")
    return "：".join(p for p in (label, first) if p) or doc.meta.source.name or "Untitled"


def dateline_runs_in(a: Article) -> bool:
    """Whether the article's dateline is set run in with its first paragraph (``本报讯
    为提升…``, a space between), as papers print it: it has one, and it opens with a paragraph.

    The presentational writers (text, Markdown, HTML, EPUB, DOCX, pandoc JSON) then start that
    paragraph with the dateline in their own emphasis; otherwise the dateline is a line of its
    own. TEI always keeps ``<dateline>`` its own element: its schema does not allow it in ``<p>``."""
    return bool(a.dateline) and bool(a.blocks) and isinstance(a.blocks[0], Para)


def blocks_with_dateline(a: Article) -> tuple[Block, ...]:
    """The article's blocks, the first paragraph opening with the dateline in ``Strong`` and a
    space when :func:`dateline_runs_in`; else its blocks as they are."""
    if not dateline_runs_in(a):
        return a.blocks
    first = a.blocks[0]
    assert isinstance(first, Para)
    return (Para((Strong(a.dateline), Text(" "), *first.content), first.source), *a.blocks[1:])


def map_text(node, fn):
    """A copy of a document (or any node) with ``fn`` applied to every piece of human-readable
    text: ``Text`` runs, link titles, furniture and the metadata's title, authors and
    publisher. Structure, ids, URLs, language and provenance are left alone. Transforms such
    as simplified→traditional conversion are one call of this."""
    from dataclasses import fields, replace

    if isinstance(node, tuple):
        return tuple(map_text(x, fn) for x in node)
    if isinstance(node, Text):
        return Text(fn(node.text))
    if isinstance(node, Link):
        return replace(node, content=map_text(node.content, fn), title=fn(node.title) if node.title else "")
    if isinstance(node, Furniture):
        return replace(node, text=fn(node.text))
    if isinstance(node, Meta):
        return replace(node, title=fn(node.title) if node.title else "",
                       authors=tuple(fn(a) for a in node.authors),
                       publisher=fn(node.publisher) if node.publisher else "",
                       furniture=map_text(node.furniture, fn))
    if isinstance(node, (Span, SourceInfo, LineBreak)) or not hasattr(node, "__dataclass_fields__"):
        return node
    changes = {f.name: map_text(getattr(node, f.name), fn) for f in fields(node)
               if isinstance(getattr(node, f.name), (tuple, Meta)) and f.name != "attrs"}
    return replace(node, **changes)
