"""The newspage reader for PDF input: articles from a newspaper page's own geometry.

The PDF front end (:mod:`.pdfglyphs`, :mod:`.pdflines`, :mod:`.pdforder`) gives each
page's blocks in reading order; from there the page goes through the same stages as
pdftotext's text (furniture, pieces, articles, headlines, paragraphs, sections, placement,
jumps), except reading order, which the geometry has settled. What the page shows goes
with the blocks: heads by type size and face, boxed pull quotes (:class:`.pieces.Hint`),
each line's indent (``Line.opens``), and furniture known by its place (the label on the
folio's row, a banner on a tinted panel). Every line's page and box goes to the document
(``Document.zones``; the line numbers of ``source`` spans count lines in reading order).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from convertkit.model import Article, Document, Furniture, Meta, Span, Surface, Zone
from convertkit.process import gc_paused
from convertkit.registry import Context

from .furniture import furniture_kind, take_furniture
from .jumps import join_jumps, printed_page
from .lines import BYLINE_RE, Line, closes_unopened, ends_sentence, has_sentence_punct, is_han
from .names import is_name_line
from .pdfglyphs import PageGlyphs, Rule, read_glyphs
from .pdflines import (HEAD_SIZE, HEADLINE_SIZE, PdfBlock, PdfLine, blocks_of, indents, lines_of, main_face,
                       near_size, same_size, within)
from .pdforder import inset_boxes, inset_heads_first, insets, reading_order, rule_between, vertical_first
from .pieces import Hint
from .reader import build_articles, forget, issue_date, write_explain
from .classify import NARROW_RUN, to_pieces
from .rules import Explain


def read_newspage_pdf(data: bytes, ctx: Context) -> Document:
    """Each page of the PDF ``data`` as articles, in page order; the document keeps the
    pages' sizes and where each line is printed (``Document.surfaces`` and ``zones``)."""
    with gc_paused():
        pages = read_glyphs(data, ctx.source_name or "input")
        forget()
        explain = Explain(record=bool(ctx.option("explain")))
        per_page: list[list[Article]] = []
        printed: list[int | None] = []
        furniture: list[Furniture] = []
        zones: list[Zone] = []
        first_no = 1
        for page in pages:
            read = read_pdf_page(page, first_no, explain, group=zones[-1].group + 1 if zones else 0)
            per_page.append(read.articles)
            printed.append(printed_page(read.furniture))
            furniture.extend(read.furniture)
            zones.extend(read.zones)
            first_no = read.next_no
        articles, jumped = join_jumps(per_page, printed, explain)
        furniture.extend(jumped)
    write_explain(ctx, explain)
    surfaces = tuple(Surface(p.number, round(p.width, 2), round(p.height, 2)) for p in pages)
    return Document(Meta(language="zh-CN", date=issue_date(furniture), furniture=tuple(furniture)), tuple(articles),
                    surfaces, tuple(zones))


@dataclass(frozen=True)
class PageRead:
    """One PDF page read: its articles and furniture, where each of its lines is printed,
    and the number after its last line."""

    articles: list[Article]
    furniture: list[Furniture]
    zones: list[Zone]
    next_no: int


def body_size(page: PageGlyphs) -> float:
    """The size most of the page's glyphs are set in."""
    return Counter(g.size for g in page.glyphs).most_common(1)[0][0] if page.glyphs else 0.0


def body_face(page: PageGlyphs, body: float) -> str:
    """The face the page's text is set in: most of its glyphs of the body's size."""
    return main_face(g for g in page.glyphs if g.size == body)


def read_pdf_page(page: PageGlyphs, first_no: int, explain: Explain, group: int = 0) -> PageRead:
    """The articles and furniture of one PDF page; its lines are numbered from
    ``first_no`` in reading order, its printed blocks from ``group``."""
    body = body_size(page)
    if not body:
        return PageRead([], [], [], first_no)
    found = blocks_of(lines_of(page.glyphs, body), page.rules)
    # the folio's pieces on one baseline (2025年9月7日 星期一), and authors' names set side by side
    found = _join_rows(found, body, lambda b: _in_margin(b, page.height), page.rules)
    found = _join_rows(found, body, _names, page.rules)
    in_box = {id(b) for b in insets(found, page.rules, body)}
    found = [part for b in found for part in (_head_apart(b) if id(b) in in_box else _size_runs(b, body))]
    kinds = _folio(found, page, body)
    # the folio is read first; a banner stays where it stands (it is taken out as furniture
    # below, after it has helped to place the heads under it)
    folio = [b for b in found if kinds.get(id(b)) not in (None, "banner")]
    rest = [b for b in found if kinds.get(id(b)) in (None, "banner")]
    ordered = sorted(folio, key=lambda b: -b.box[3]) + inset_heads_first(
        vertical_first(reading_order(rest, body, page.rules), body, page.rules), body, page.rules)
    # furniture the text stage's word lists may not know (a label, a banner) is taken out
    # before the heads are stacked
    placed = [b for b in ordered if kinds.get(id(b)) in _PLACED]
    face = body_face(page, body)
    ordered = _stack_heads([b for b in ordered if kinds.get(id(b)) not in _PLACED], body, face)
    boxed = _box_roles(inset_boxes(rest, page.rules, body))
    zones: list[Zone] = []
    block_nos = iter(range(group, group + len(placed) + len(ordered)))

    def numbered(b: PdfBlock, no: int) -> list[Line]:
        """The block's lines as the text stages' lines, numbered from ``no``; where each is
        printed goes to ``zones``, the block's number as their group."""
        lines = []
        block_no = next(block_nos)
        for ln, opens in zip(b.lines, indents(b)):
            # 7 理论: the folio's page number apart from its label
            t = ln.spaced() if kinds.get(id(b)) not in (None, *_PLACED) else ln.text
            lines.append(Line(no, t, t, False, opens))
            zones.append(Zone(no, page.number, _top_left(ln.box, page.height), block_no))
            no += 1
        return lines

    no = first_no
    furniture: list[Furniture] = []
    for b in placed:  # their lines numbered first
        (line,) = numbered(b, no)[:1]
        furniture.append(Furniture(kinds[id(b)], line.text, Span(no, no)))
        explain(_PLACED[kinds[id(b)]], no, f"page furniture: {line.text}")
        no += len(b.lines)
    blocks: list[list[Line]] = []
    hints: dict[int, Hint] = {}
    kickers: set[int] = set()  # the first lines of heads set right over a larger head
    column = _column_width(ordered, body)
    for k, b in enumerate(ordered):
        lines = numbered(b, no)
        no += len(lines)
        blocks.append(lines)
        over_head = k + 1 < len(ordered) and _over_larger_head(b, ordered[k + 1], body)
        hint = _hint(b, lines, body, face, boxed.get(id(b), ""), over_head=over_head, column=column)
        if hint is not None:
            hints[lines[0].no] = hint
        if over_head and hint in (Hint.HEAD, Hint.HEADLINE):
            kickers.add(lines[0].no)
    more, blocks, breaks = take_furniture(blocks, explain)
    pieces = to_pieces(blocks, explain, hints)
    articles, found_more = build_articles(pieces, blocks, breaks, explain, by_geometry=True,
                                          kickers=frozenset(kickers))
    return PageRead(articles, furniture + more + found_more, zones, no)


def _top_left(box: tuple[float, float, float, float], height: float) -> tuple[float, float, float, float]:
    """A box in PDF points (y up from the bottom) as left, top, right, bottom from the
    page's top-left corner, to a tenth of a point."""
    x0, y0, x1, y1 = box
    return (round(x0, 1), round(height - y1, 1), round(x1, 1), round(height - y0, 1))


MARGIN = 0.08  # of the page's height: the top and bottom bands the folio is printed in
_PLACED = {"label": "furniture-label-top", "banner": "furniture-panel"}  # furniture known by its place


def _in_margin(block: PdfBlock, height: float) -> bool:
    _, y0, _, y1 = block.box
    return len(block.lines) == 1 and (y0 >= (1 - MARGIN) * height or y1 <= MARGIN * height)


def _box_roles(boxes: list[list[PdfBlock]]) -> dict[int, str]:
    """Each boxed block's place in its box (by ``id``): "alone", "top" (the highest of
    several: where a box's head stands) or "in"."""
    roles = {}
    for inside in boxes:
        top = max(inside, key=lambda b: b.box[3])
        for b in inside:
            roles[id(b)] = "alone" if len(inside) == 1 else "top" if b is top else "in"
    return roles


def _head_apart(block: PdfBlock) -> tuple[PdfBlock, ...]:
    """A boxed block whose first lines are set a twentieth larger or smaller than the rest
    (one text's lines in a box are set alike), or in another face (a subhead over its pull
    quote, in one box), as two blocks: the head, and the rest. The rest's size and face are
    read off its last lines, eight glyphs at least (a last line of one or two glyphs, 育。,
    measures them poorly)."""
    end = len(block.lines) - 1
    while end > 0 and sum(len(ln.main_glyphs) for ln in block.lines[end:]) < 8:
        end -= 1
    rest = PdfBlock(block.lines[end:])
    size, face = rest.size, rest.face
    k = 0
    while k < end and (abs(block.lines[k].size - size) >= 0.05 * min(block.lines[k].size, size)
                       or main_face(block.lines[k].glyphs) != face):
        k += 1
    return (PdfBlock(block.lines[:k]), PdfBlock(block.lines[k:])) if k else (block,)


def _size_runs(block: PdfBlock, body: float) -> tuple[PdfBlock, ...]:
    """A block of heads as runs of lines set in one size: a kicker over its headline, a
    headline over its subtitle, set a tenth apart or more (one head's lines are set alike)."""
    if block.size < HEAD_SIZE * body or len(block.lines) < 2:
        return (block,)
    runs = [[block.lines[0]]]
    for ln in block.lines[1:]:
        prev = runs[-1][-1].size
        if abs(ln.size - prev) >= 0.1 * min(ln.size, prev):
            runs.append([ln])
        else:
            runs[-1].append(ln)
    return tuple(PdfBlock(tuple(run)) for run in runs)


def _join_rows(blocks: list[PdfBlock], body: float, which, rules: tuple[Rule, ...] = ()) -> list[PdfBlock]:
    """The one-line blocks ``which`` picks that stand on one baseline within three ems of
    each other, with no rule drawn down between them (it parts two modules: their
    headlines may stand side by side), joined as one line (the others as they are)."""
    picked = sorted((b for b in blocks if len(b.lines) == 1 and which(b)),
                    key=lambda b: (round(b.lines[0].glyphs[0].base), b.box[0]))
    if len(picked) < 2:
        return blocks
    joined: list[list[PdfBlock]] = [[picked[0]]]
    for b in picked[1:]:
        p = joined[-1][-1]
        if abs(b.lines[0].glyphs[0].base - p.lines[0].glyphs[0].base) <= 0.25 * body and \
                0 <= b.box[0] - p.box[2] <= 3 * max(b.size, p.size) and near_size(b.size, p.size) and \
                not rule_between(p.box[2], b.box[0], min(p.box[1], b.box[1]), max(p.box[3], b.box[3]), rules, body):
            joined[-1].append(b)
        else:
            joined.append([b])
    merged = [group[0] if len(group) == 1 else PdfBlock((PdfLine(tuple(g for b in group for g in b.lines[0].glyphs)),))
              for group in joined]
    ids = {id(b) for b in picked}
    return [b for b in blocks if id(b) not in ids] + merged


def _names(block: PdfBlock) -> bool:
    """A name, or one character of a name set letter-spaced (陈  曙  光: each glyph its
    own line, the gaps wider than a column's letter-spacing)."""
    t = block.lines[0].text
    return (len(t) == 1 and is_han(t)) or is_name_line(Line(0, t, t, False))


def _folio(blocks: list[PdfBlock], page: PageGlyphs, body: float) -> dict[int, str]:
    """The page furniture among the one-line blocks in the page's top or bottom margin
    (the folio, read before the page's articles), by id: the text stage's kinds (a date, a
    page number and label), and "label" for a short head set across on the folio's row at
    the top or over the rule drawn across the page under the folio (地方传真: the page's
    label, whatever its words; a headline set high is lower, a vertical one runs down from
    the row); and "banner" for a short head alone
    on a tinted panel, however long (a column banner over a module: 学术随笔, or a
    campaign's: 深入学习贯彻…思想, wherever it stands)."""
    height = page.height
    kinds: dict[int, str] = {}
    for b in blocks:
        if height and _in_margin(b, height):
            t = b.lines[0].spaced()
            kind = furniture_kind(Line(0, t, t, False), first=True, alone=True, edge=True)
            if kind is not None:
                kinds[id(b)] = kind
    # the folio's row: its date, page number and label (a campaign banner set high is none)
    row = [b.box for b in blocks if kinds.get(id(b)) not in (None, "banner") and b.box[1] >= (1 - MARGIN) * height]
    under = [r.y0 for r in page.rules if r.across and r.y0 >= (1 - MARGIN) * height and r.x1 - r.x0 >= 0.5 * page.width]
    for b in blocks:
        t = b.lines[0].text
        if id(b) not in kinds and len(b.lines) == 1 and not b.lines[0].vertical and b.size >= HEAD_SIZE * body \
                and 2 <= len(t) <= 8 \
                and all(is_han(ch) for ch in t) and (any(b.box[1] < y1 and b.box[3] > y0 for _, y0, _, y1 in row)
                                                     or (under and b.box[1] >= max(under))):
            kinds[id(b)] = "label"
    panels = {r.box for r in page.rules if r.panel}
    for box in panels:
        inside = [b for b in blocks if within(b.box, box)]
        if len(inside) == 1 and len(inside[0].lines) == 1 and id(inside[0]) not in kinds:
            t = inside[0].lines[0].text
            if len(t) >= 2 and all(is_han(ch) for ch in t):
                kinds[id(inside[0])] = "banner"
    return kinds


def _stack_heads(order: list[PdfBlock], body: float, face: str) -> list[PdfBlock]:
    """Head blocks read one after the other where the second is set right under the first,
    across the same span (a kicker over its headline, a subtitle under it, a headline's two
    lines each set to fit its width), as one block: one printed heading whose parts the
    headline stage tells apart, not blocks the word matching may part."""
    out: list[PdfBlock] = []
    for b in order:
        if _heading_like(b, body, face):
            b = _one_line_per_size(b)
        p = out[-1] if out else None
        if p is not None and _heading_like(p, body, face) and _heading_like(b, body, face):
            px0, py0, px1, _ = p.box
            x0, _, x1, top = b.box
            if 0 <= py0 - top <= max(p.size, b.size) and min(px1, x1) - max(px0, x0) >= 0.5 * min(px1 - px0, x1 - x0):
                out[-1] = PdfBlock(p.lines + b.lines)
                continue
        out.append(b)
    return out


def _one_line_per_size(block: PdfBlock) -> PdfBlock:
    """A head block with each run of lines set in one size read as one line: a headline
    set on two lines is one headline, and the parts of a stack of heads (kicker, headline,
    subtitle) differ in size; the headline stage tells the parts apart by line."""
    lines: list[PdfLine] = []
    for ln in block.lines:
        if lines and same_size(lines[-1].size, ln.size) and not ln.text.startswith("——") \
                and not lines[-1].vertical and not ln.vertical:
            lines[-1] = PdfLine(lines[-1].glyphs + ln.glyphs)
        else:
            lines.append(ln)
    return PdfBlock(tuple(lines)) if len(lines) < len(block.lines) else block


def _heading_like(block: PdfBlock, body: float, face: str) -> bool:
    """Set as a headline: headline-sized, or one line in a face other than the body's that
    reads as a head (:func:`_small_head`); not vertically."""
    if any(ln.vertical for ln in block.lines):
        return False
    if block.size >= HEADLINE_SIZE * body:
        return True
    return len(block.lines) == 1 and block.face != face and _small_head(block.lines[0].text)


_CLAUSE_MARKS = str.maketrans("", "", "，、")  # a head's clauses and lists (建设…体系，推进…改革)
SMALL_HEAD_CHARS = 60  # the most characters of a small head
SMALL_HEAD_LINES = 6  # ... and lines (a subhead of two clauses set on narrow lines)
ACROSS = 2.0  # ems (of the body's size) a line set across columns is wider than the column, at least


def _column_width(blocks: list[PdfBlock], body: float) -> float:
    """The page's body column in points: the median width of the lines of the blocks of
    three lines or more set in the body's size (0 when there are none)."""
    widths = sorted(ln.box[2] - ln.box[0] for b in blocks if len(b.lines) >= 3 and same_size(b.size, body)
                    for ln in b.lines)
    return widths[len(widths) // 2] if widths else 0.0


def _small_head(text: str, lines: int = 1) -> bool:
    """Whether ``text``, set in a face other than the body's on ``lines`` lines, reads as a
    head: five to SMALL_HEAD_CHARS characters (a name, or a piece of one, is shorter), no
    sentence in it, not in brackets (an author line, a sign-off), closing no bracket it did
    not open (the tail of an author line) and not a byline (本报记者 …, a name). Commas may
    part a head's clauses, never end it, and only in a head set on two narrow lines or more
    (``lines``: 1 for a block of any other shape; one line in bold with a comma may be a
    lede's first, run on into the next: 有史以来，我国思想理论对于)."""
    clauses = lines >= 2 and not text.endswith(("，", "、", ","))
    return (len(text) >= 5 and not has_sentence_punct(text.translate(_CLAUSE_MARKS) if clauses else text)
            and len(text) <= SMALL_HEAD_CHARS and not text.startswith(("（", "("))
            and not closes_unopened(text)
            and not BYLINE_RE.match(text) and not is_name_line(Line(0, text, text, False)))


def _over_larger_head(block: PdfBlock, nxt: PdfBlock, body: float) -> bool:
    """Whether ``nxt`` is a head set larger than ``block`` right under it (within an em of
    its size, overlapping it across): the two are one stack of heads."""
    x0, y0, x1, _ = block.box
    return nxt.size > block.size and nxt.size >= HEAD_SIZE * body and 0 <= y0 - nxt.box[3] <= nxt.size \
        and min(x1, nxt.box[2]) > max(x0, nxt.box[0])


def _hint(block: PdfBlock, lines: list[Line], body: float, face: str, boxed: str = "",
          over_head: bool = False, column: float = 0.0) -> Hint | None:
    """What the page shows of a block, or None (``boxed``: its place in a box inside an
    article, from :func:`_box_roles`, or ""):

    - a pull quote: boxed, set no smaller than the body, ending a sentence (a boxed
      subhead over its quote is told apart by the piece stage);
    - on SMALL_HEAD_LINES lines at most and read as a head (:func:`_small_head`): alone in its box, a
      subhead (a headline is boxed only with its article's text); atop other text in its
      box, a head (the piece stage tells its kind);
    - else a head, with no sentence in it and not a personal name or byline (a byline is
      set larger, or in another face, at times), when it is set at least HEAD_SIZE times
      the body size (a name-like line too, set over a larger head: a byline stands under its
      headline, never over it), or vertically and larger than the body, or in a face other than the
      body's ``face`` on SMALL_HEAD_LINES lines at most and reads as a head (:func:`_small_head`: a
      small head in bold); a headline when set HEADLINE_SIZE times the body size;
    - text, never a head, when set in the body's size with no small head in another face
      among its lines (the tail of an author line set in bold, carried over a column)."""
    size = block.size
    text = "".join(ln.text for ln in lines)
    # a head of two clauses is set on narrow lines, each holding well fewer characters than
    # a line of the body's ``column`` (a head set larger is no wider for it; a box's quote in
    # another face fills its lines): only such a block may hold commas
    narrow = len(lines) if column and all(len("".join(ln.text.split())) <= NARROW_RUN * column / body
                                          for ln in lines) else 1
    if column and len(block.lines) == 1 and block.box[2] - block.box[0] >= column + ACROSS * body:
        narrow = 2  # (one line set across columns, where no body line is: a lead's subhead)
    if boxed and size >= body and ends_sentence(text):
        return Hint.PULL
    if boxed in ("alone", "top") and len(lines) <= SMALL_HEAD_LINES and _small_head(text, narrow):
        return Hint.SUBHEAD if boxed == "alone" else Hint.HEAD
    vertical = any(ln.vertical for ln in block.lines)
    other_face = bool(face) and len(lines) <= SMALL_HEAD_LINES and block.face != face \
        and _small_head(text, narrow)
    if size < HEAD_SIZE * body and not (vertical and size > body) and not other_face:
        # in the body's size, with no small head in another face among its lines: text
        odd = "".join(ln.text for ln in block.lines
                      if any(g.face != face for g in ln.main_glyphs) and main_face(ln.glyphs) != face)
        return Hint.TEXT if same_size(size, body) and not vertical and not (odd and _small_head(odd)) else None
    if has_sentence_punct(text.replace("：", "").replace("、", "")) and not text.startswith("——") \
            and not other_face:  # (a small head's commas part its clauses: _small_head)
        return None
    if (len(lines) == 1 and is_name_line(lines[0]) and not over_head) or BYLINE_RE.match(text) or len(text) < 2:
        return None
    return Hint.HEADLINE if size >= HEADLINE_SIZE * body else Hint.HEAD
