"""The newspage reader for PDF input: articles from a newspaper page's own geometry.

The PDF front end (:mod:`.pdfglyphs`, :mod:`.pdflayout`) gives each page's blocks in
reading order, with their type size; from there the page goes through the same stages as
pdftotext's text (furniture, pieces, articles, headlines, paragraphs, sections, placement),
except reading order, which the geometry has settled. What the type size tells is used:
a block set well above the body's size, with no sentence in it, is a head, and a headline
when it is larger still. Every line keeps its page and box (``Document.meta.extra`` holds
none of it yet: the line numbers in ``source`` spans count the lines in reading order).
"""
from __future__ import annotations

from collections import Counter

from convertkit.cjk import printed_date
from convertkit.model import Article, Document, Furniture, Meta
from convertkit.process import gc_paused
from convertkit.registry import Context

from .furniture import furniture_kind, take_furniture
from .lines import Line, ends_sentence, has_sentence_punct
from .names import is_name_line
from .pdfglyphs import PageGlyphs, read_glyphs
from .pdflayout import (HEAD_SIZE, HEADLINE_SIZE, PdfBlock, PdfLine, blocks_of, indents, insets, lines_of, near_size,
                        reading_order, vertical_first)
from .pieces import Hint
from .reader import build_articles, forget, write_explain
from .classify import to_pieces
from .rules import Explain


def read_newspage_pdf(data: bytes, ctx: Context) -> Document:
    """Each page of the PDF ``data`` as articles, in page order."""
    pages = read_glyphs(data, ctx.source_name or "input")
    with gc_paused():
        forget()
        explain = Explain(record=bool(ctx.option("explain")))
        articles: list[Article] = []
        furniture: list[Furniture] = []
        first_no = 1
        for page in pages:
            page_articles, page_furniture, first_no = read_pdf_page(page, first_no, explain)
            articles.extend(page_articles)
            furniture.extend(page_furniture)
    date = next((f.text for f in furniture if f.kind == "date"), "")
    write_explain(ctx, explain)
    return Document(Meta(language="zh-CN", date=printed_date(date), furniture=tuple(furniture)), tuple(articles))


def body_size(page: PageGlyphs) -> float:
    """The size most of the page's glyphs are set in."""
    return Counter(g.size for g in page.glyphs).most_common(1)[0][0] if page.glyphs else 0.0


def read_pdf_page(page: PageGlyphs, first_no: int,
                  explain: Explain) -> tuple[list[Article], list[Furniture], int]:
    """The articles and furniture of one PDF page; its lines are numbered from
    ``first_no`` in reading order; the number after its last line is returned too."""
    body = body_size(page)
    if not body:
        return [], [], first_no
    found = blocks_of(lines_of(page.glyphs, body))
    # the folio's pieces on one baseline (2025年9月7日 星期一), and authors' names set side by side
    found = _join_rows(found, body, lambda b: _in_margin(b, page.height))
    found = _join_rows(found, body, _names)
    is_folio = {id(b): _folio(b, page.height) for b in found}
    folio = [b for b in found if is_folio[id(b)]]
    rest = [b for b in found if not is_folio[id(b)]]
    ordered = sorted(folio, key=lambda b: -b.box[3]) + vertical_first(reading_order(rest, body, page.rules), body)
    ordered = _stack_heads(ordered, body)
    boxed = {id(b) for b in insets(rest, page.rules, body)}
    blocks: list[list[Line]] = []
    hints: dict[int, Hint] = {}
    no = first_no
    for b in ordered:
        lines = []
        for ln, opens in zip(b.lines, indents(b)):
            t = ln.spaced() if is_folio.get(id(b)) else ln.text  # 7 理论: the page number apart from the label
            lines.append(Line(no, t, t, False, opens))
            no += 1
        blocks.append(lines)
        hint = _hint(b, lines, body, id(b) in boxed)
        if hint is not None:
            hints[lines[0].no] = hint
    furniture, blocks, breaks = take_furniture(blocks, explain)
    pieces = to_pieces(blocks, explain, hints)
    articles, more = build_articles(pieces, blocks, breaks, explain)
    return articles, furniture + more, no


MARGIN = 0.08  # of the page's height: the top and bottom bands the folio is printed in


def _in_margin(block: PdfBlock, height: float) -> bool:
    _, y0, _, y1 = block.box
    return len(block.lines) == 1 and (y0 >= (1 - MARGIN) * height or y1 <= MARGIN * height)


def _join_rows(blocks: list[PdfBlock], body: float, which) -> list[PdfBlock]:
    """The one-line blocks ``which`` picks that stand on one baseline within three ems of
    each other, joined as one line (the others as they are)."""
    picked = sorted((b for b in blocks if len(b.lines) == 1 and which(b)),
                    key=lambda b: (round(b.lines[0].glyphs[0].base), b.box[0]))
    if len(picked) < 2:
        return blocks
    joined: list[list[PdfBlock]] = [[picked[0]]]
    for b in picked[1:]:
        p = joined[-1][-1]
        if abs(b.lines[0].glyphs[0].base - p.lines[0].glyphs[0].base) <= 0.25 * body and \
                0 <= b.box[0] - p.box[2] <= 3 * max(b.size, p.size) and near_size(b.size, p.size):
            joined[-1].append(b)
        else:
            joined.append([b])
    merged = [group[0] if len(group) == 1 else PdfBlock((PdfLine(tuple(g for b in group for g in b.lines[0].glyphs)),))
              for group in joined]
    ids = {id(b) for b in picked}
    return [b for b in blocks if id(b) not in ids] + merged


def _names(block: PdfBlock) -> bool:
    t = block.lines[0].text
    return is_name_line(Line(0, t, t, False))


def _folio(block: PdfBlock, height: float) -> bool:
    """A one-line block in the page's top or bottom margin that reads as page furniture (a
    date, a page number and label): the folio, read before the page's articles."""
    if not height or not _in_margin(block, height):
        return False
    t = block.lines[0].spaced()
    return furniture_kind(Line(0, t, t, False), first=True, alone=True, edge=True) is not None


def _stack_heads(order: list[PdfBlock], body: float) -> list[PdfBlock]:
    """Head blocks read one after the other where the second is set right under the first,
    across the same span (a kicker over its headline, a subtitle under it), as one block:
    one printed heading whose parts the headline stage tells apart, not blocks the word
    matching may part."""
    out: list[PdfBlock] = []
    for b in order:
        p = out[-1] if out else None
        if p is not None and _heading_like(p, body) and _heading_like(b, body):
            px0, py0, px1, _ = p.box
            x0, _, x1, top = b.box
            if 0 <= py0 - top <= max(p.size, b.size) and min(px1, x1) - max(px0, x0) >= 0.5 * min(px1 - px0, x1 - x0):
                out[-1] = PdfBlock(p.lines + b.lines)
                continue
        out.append(b)
    return out


def _heading_like(block: PdfBlock, body: float) -> bool:
    return block.size >= HEADLINE_SIZE * body and not any(ln.vertical for ln in block.lines)


def _hint(block: PdfBlock, lines: list[Line], body: float, boxed: bool) -> Hint | None:
    """What the page shows of a block: a pull quote when it is boxed inside an article, set
    no smaller than the body, ends a sentence and opens with no larger head line (a boxed
    subhead over its quote is told apart by the piece stage); else a head (a headline when it is set
    HEADLINE_SIZE times the body size) when it is set at least HEAD_SIZE times the body size
    (or vertically, larger than the body) with no sentence in it and is not a personal name
    (a byline is set larger at times); else nothing."""
    size = block.size
    text = "".join(ln.text for ln in lines)
    if boxed and size >= body and ends_sentence(text) and block.lines[0].size <= 1.1 * size:
        return Hint.PULL
    vertical = any(ln.vertical for ln in block.lines)
    if size < HEAD_SIZE * body and not (vertical and size > body):
        return None
    if has_sentence_punct(text.replace("：", "").replace("、", "")) and not text.startswith("——"):
        return None
    if len(lines) == 1 and is_name_line(lines[0]):
        return None
    return Hint.HEADLINE if size >= HEADLINE_SIZE * body else Hint.HEAD
