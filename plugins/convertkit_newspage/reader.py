"""The newspage reader: articles from a newspaper page extracted by ``pdftotext``.

The reader is a pipeline of stages, each in its own module, each handing the next its own
data (the stages and their rules are listed in :mod:`.rules`):

1. :mod:`.blocks` - the text as blank-line blocks of lines;
2. :mod:`.furniture` - date, page number, label, banners and credits taken out;
3. :mod:`.classify` - each block cut into pieces: heads, bylines, text;
4. :mod:`.order` - the column breaks joined: one global assignment gives the reading order;
5. :mod:`.articles` - openers and closers cut the pieces into articles; their words mend
   them: :mod:`.regroup` joins untitled text to its article, :mod:`.items` takes blocks
   out of news items they are not about, :mod:`.sectionsapart` puts sections printed apart
   in their articles; :mod:`.titles` moves head blocks printed over the wrong
   article to the one whose words they take up, :mod:`.byheadlines` cuts text where
   each part takes up one headline's words and places heads printed with no text,
   :mod:`.signoffs` gives a news item's sign-off to the item that names its province, and
   :mod:`.enumeration` puts the points of an enumeration (一是, 二是 …) in their order;
6. :mod:`.headlines` - kicker, headline and subtitle;
7. :mod:`.paragraphs` and 8. :mod:`.sections` - paragraphs, subheads and pull quotes;
9. :mod:`.placement` - fragments and pull quotes printed apart, put on their articles;
   :mod:`.retitle` matches the page's headlines to its texts as a whole.

Only stages 1-3 read pdftotext's layout (blank lines, line widths in ems); from stage 4 on
the stages see pieces of lines, which a front end that knows the page's geometry can make
as well. This module runs the stages and converts the result to :mod:`convertkit.model`,
once, at the end; every decision is logged with its stage and rule for ``--explain``.
"""
from __future__ import annotations

import re
from typing import Any

from convertkit.cjk import printed_date
from convertkit.model import Article, BlockQuote, Document, Furniture, Meta, Para, Section, Span, text
from convertkit.process import gc_paused
from convertkit.registry import Context

from . import lines as _lines, pulls as _pulls, similarity as _similarity, titles
from .articles import draft_text, segment
from .besidebox import columns_beside_boxes
from .blocks import split_at_datelines, split_interleaved, swap_kinsoku, to_blocks
from .brokenheads import complete_headlines, deinterleave
from .byheadlines import (headlines_to_headless, headlines_to_sections, heads_open_articles, join_ledes,
                          split_at_trailing_heads, split_by_headlines, subheads_to_sections)
from .classify import to_pieces
from .enumeration import complete_enumerations, order_points
from .furniture import take_furniture
from .headlines import headline_parts, take_column_names
from .items import take_out_of_items
from .jumps import join_jumps, printed_page
from .lastpart import join_last_parts, join_signed_parts
from .lines import Line, inline_text, joined
from .names import byline_text
from .order import PageText, assemble
from .pieces import Kind, Piece, median, printed_in
from .placement import join_signed_fragments, place_lone_bylines, place_pull_quotes
from .retitle import assign_headlines
from .regroup import merge_by_affinity
from .rules import Explain
from .sections import build_body
from .sectionsapart import join_sections_apart, numbered_sections_home, subheads_over_headlines
from .signoffs import place_signoffs
from .wordmodel import move_by_words


def read_newspage(source: str, ctx: Context) -> Document:
    """The pages of ``source`` (pdftotext output, pages split by form feeds) as articles,
    the garbage collector paused (:func:`convertkit.process.gc_paused`)."""
    with gc_paused():
        return _read_newspage(source, ctx)


def _read_newspage(source: str, ctx: Context) -> Document:
    forget()
    explain = Explain(record=bool(ctx.option("explain")))
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    pages: list[list[Article]] = []
    printed: list[int | None] = []
    furniture: list[Furniture] = []
    first_no = 1
    # pdftotext ends each page of a PDF with a form feed: each page has its own furniture
    # and its own articles; one that jumps to a later page (下转) is joined after
    for page in source.split("\f"):
        pages.append([])
        page_furniture: list[Furniture] = []
        for stretch in stretches(page):
            stretch_articles, stretch_furniture = read_page(stretch, first_no, explain)
            pages[-1].extend(stretch_articles)
            page_furniture.extend(stretch_furniture)
            first_no += stretch.count("\n")
        printed.append(printed_page(page_furniture))
        furniture.extend(page_furniture)
    articles, jumped = join_jumps(pages, printed, explain)
    furniture.extend(jumped)
    if not source.strip():
        ctx.warn("the input has no text: the document is empty")
    meta = Meta(language="zh-CN", date=issue_date(furniture), furniture=tuple(furniture))
    write_explain(ctx, explain)
    return Document(meta, tuple(articles))


#: more lines than any printed page gives pdftotext (a broadsheet page: 400 to 800)
MAX_PAGE_LINES = 1600
_SENTENCE_CLOSED = re.compile(r"[。！？!?…）)”」』]\s*$")


def stretches(page: str) -> list[str]:
    """A page's text, or, when it is longer than any printed page, the stretches it is read
    in: such a text is several pages whose form feeds were lost (pages pasted together), and
    its reading order is assembled a page at a time, so that the work grows with the text,
    not with its square. Each printed page opens with its folio, the line pdftotext prints
    first (the issue date, the page's label or column name): a later line that repeats the
    text's first (or is a date, as the first is) opens another page (:func:`page_starts`).
    A stretch longer than any page still is cut at a blank line after a closed sentence, at
    most ``MAX_PAGE_LINES`` lines in (or at the limit, if no such line comes). The
    stretches together are the text, character for character."""
    lines = page.split("\n")
    if len(lines) <= MAX_PAGE_LINES:
        return [page]
    out: list[str] = []
    start = 0
    for end in page_starts(lines) + [len(lines)]:
        while end - start > MAX_PAGE_LINES:
            cut = start + MAX_PAGE_LINES
            for k in range(cut, start + MAX_PAGE_LINES // 2, -1):
                if not lines[k].strip() and _SENTENCE_CLOSED.search(lines[k - 1]):
                    cut = k
                    break
            out.append("\n".join(lines[start:cut]) + "\n")
            start = cut
        if end > start:
            out.append("\n".join(lines[start:end]) + ("\n" if end < len(lines) else ""))
        start = end
    return out


def page_starts(lines: list[str]) -> list[int]:
    """Where the pages of a text pasted together from several begin (their indices in
    ``lines``, the first page's excluded): at each line that repeats the text's first line
    (the folio pdftotext prints first on every page: the page's label or column name, the
    issue date), or that is a date where the first line is one. A first line that ends a
    sentence is no folio: the text then has no page starts."""
    at = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    if at is None or _SENTENCE_CLOSED.search(first := lines[at].strip()):
        return []
    dated = bool(_lines.DATE_RE.match(first))
    return [k for k in range(at + 1, len(lines))
            if (t := lines[k].strip()) and (t == first or dated and _lines.DATE_RE.match(t))]


def issue_date(furniture: list[Furniture]) -> str:
    """The issue's date (ISO) from the first date furniture that names a day (a weekday may
    be printed apart from its date), or ""."""
    return next((d for f in furniture if f.kind == "date" for d in [printed_date(f.text)] if d), "")


def write_explain(ctx: Context, explain: Explain) -> None:
    """The decisions, as JSON, to the file ``--explain`` names (if it names one)."""
    path = ctx.option("explain")
    if path:
        import json

        from convertkit.atomic import atomic_write

        atomic_write(path, (json.dumps({"source": ctx.source_name, "steps": explain.steps}, ensure_ascii=False,
                                       indent=1) + "\n").encode("utf-8"), protect=(ctx.source_name,))


def forget() -> None:
    """Empty the memos (masked lines, sentences, character sets). They serve one document:
    a page must not read faster for following an identical one (a batch of copies would
    measure the memos, not the reader), nor keep the previous document's text alive."""
    _lines.forget()
    _similarity.forget()
    _pulls.forget()


def read_page(source: str, first_no: int, explain: Explain) -> tuple[list[Article], list[Furniture]]:
    """The articles and furniture of one printed page, its first line numbered ``first_no``."""
    pieces, blocks, furniture, breaks = page_pieces(source, first_no, explain)
    articles, more = build_articles(assemble(pieces, explain), blocks, breaks, explain)
    return articles, furniture + more


def page_pieces(source: str, first_no: int, explain: Explain
                ) -> tuple[list[Piece], list[list[Line]], list[Furniture], set[int]]:
    """Stages 1-3 of one printed page: its pieces in print order, its blocks (furniture
    taken out), its furniture, and the lines that must start an article (after a banner)."""
    blocks = split_interleaved(split_at_datelines(to_blocks(source, first_no), explain), explain)
    swap_kinsoku(blocks, explain)
    furniture, blocks, breaks = take_furniture(blocks, explain)
    return to_pieces(blocks, explain), blocks, furniture, breaks


def build_articles(pieces: list[Piece], blocks: list[list[Line]], breaks: set[int],
                   explain: Explain, by_geometry: bool = False,
                   kickers: frozenset[int] = frozenset()) -> tuple[list[Article], list[Furniture]]:
    """Stages 5-9: the articles of a page's pieces, in reading order, and the furniture
    found on the way (headline stacks with no article, doubled headlines). ``blocks`` are
    the page's blocks (for measures); a piece starting at a line in ``breaks`` starts an
    article. Front ends that know the page's geometry (the PDF reader) start here, with
    ``by_geometry``: they read each block where the page sets it, so no block stands in an
    article by print order alone, and none is moved out of it by its words
    (:func:`.wordmodel.move_by_words`, which undoes pdftotext's order); ``kickers``: the
    first lines of the heads they see set smaller right over a larger head (its kicker)."""
    boxes = [p for p in pieces if p.kind is Kind.PULL]  # placed once the articles are built
    pieces = [p for p in pieces if p.kind is not Kind.PULL]
    page = PageText(pieces)  # the page's text, for words running across a break
    printed = printed_in(pieces)  # each line's printed block, for heads made pieces again
    drafts = merge_by_affinity(segment(pieces, page, explain, breaks), explain)
    take_out_of_items(drafts, explain)
    drafts = place_signoffs(drafts, explain)
    deinterleave(drafts, page, explain)
    columns = [Furniture("rubric", name, span_of(lines))
               for name, lines in take_column_names(drafts, draft_text, explain)]
    titles.redistribute(drafts, draft_text, explain, kickers)
    drafts = split_by_headlines(drafts, explain)
    drafts = join_sections_apart(drafts, explain, printed)
    numbered_sections_home(drafts, explain)
    subheads_over_headlines(drafts, explain, printed)
    headlines_to_sections(drafts, explain, printed)
    headlines_to_headless(drafts, explain, printed)
    drafts = split_at_trailing_heads(drafts, explain)
    # untitled text weighed again, now that the headlines have found their articles (their
    # words count in the affinity)
    drafts = merge_by_affinity(drafts, explain)
    complete_headlines(drafts, page, explain)
    drafts = join_ledes(drafts, explain, printed)
    subheads_to_sections(drafts, explain)
    heads_open_articles(drafts, explain)
    if not by_geometry:
        move_by_words(drafts, explain)
    # heads left over text that its words have since moved to another article find their
    # articles again (a head over text that went elsewhere heads it no longer)
    headlines_to_headless(drafts, explain, printed)
    drafts = join_last_parts(drafts, explain, printed)
    drafts = join_signed_parts(drafts, explain)
    columns_beside_boxes(drafts, explain)
    complete_enumerations(drafts, explain)
    order_points(drafts, explain)
    drafts = [d for d in drafts if d.heads or d.byline or d.body or d.dateline or d.signoff]  # stacks emptied
    all_text_lines = [ln for d in drafts for p in d.body if p.kind is Kind.TEXT for ln in p.lines]
    col_widths = [ln.width for ln in all_text_lines if not ln.spaced]
    col = median(col_widths) if col_widths else 0.0
    articles = []
    extra_furniture: list[Furniture] = columns
    for d in drafts:
        if d.heads and not (d.body or d.byline or d.dateline or d.signoff):
            # headlines alone, printed in a stack apart from their articles: each printed
            # block is a headline to place on an article that lacks one
            at = 0
            for n in (d.head_sizes if sum(d.head_sizes) == len(d.heads) else [len(d.heads)]):
                group = d.heads[at:at + n]
                at += n
                extra_furniture.append(Furniture("rubric", inline_text(group), span_of(group)))
                explain("headline-stack", (group[0].no, group[-1].no), "a headline with no article under it")
            continue
        kicker, headline, subtitle, dupes, rubrics = headline_parts(d.heads, explain, opener=bool(d.byline),
                                                                    sizes=d.head_sizes, text=draft_text(d))
        for dup in dupes:
            extra_furniture.append(Furniture("duplicate", dup, span_of(d.heads)))
        for rubric in rubrics:
            extra_furniture.append(Furniture("rubric", rubric, span_of(d.heads)))
        intro, sections = build_body(d, explain, col)
        blocks_out: list[Any] = [para_of(p.lines) for p in intro]
        for s in sections:
            sec_blocks: list[Any] = []
            if s.pull is not None:
                sec_blocks.append(BlockQuote((para_of(s.pull.lines),), "pullquote",
                                             span_of(s.pull.lines)))
            sec_blocks.extend(para_of(p.lines) for p in s.paras)
            all_lines = s.heading + [ln for p in s.paras for ln in p.lines]
            first = min(ln.no for ln in all_lines)
            last = max(ln.no for ln in all_lines)
            blocks_out.append(Section(text(inline_text(s.heading)), tuple(sec_blocks), Span(first, last),
                                      span_of(s.heading)))
        lines_all = d.heads + d.byline + [ln for p in d.body for ln in p.lines]
        nos = [ln.no for ln in lines_all] + ([d.signoff_line] if d.signoff_line else []) + \
              ([d.dateline_line] if d.dateline_line else [])
        articles.append(Article(
            headline=text(headline), blocks=tuple(blocks_out), kicker=text(kicker), subtitle=text(subtitle),
            byline=text(byline_text(d.byline)), dateline=text(d.dateline), signoff=text(d.signoff),
            source=Span(min(nos), max(nos)) if nos else None,
            parts=part_spans(d, kicker, subtitle)))
    articles = place_lone_bylines(join_signed_fragments(articles, blocks, explain), explain)
    articles, unplaced = place_pull_quotes(articles, boxes, explain, _pull_quote)
    return assign_headlines(articles, explain), extra_furniture + unplaced


def part_spans(d, kicker: str, subtitle: str) -> tuple[tuple[str, Span], ...]:
    """The source lines of an article's parts: each head line goes to the kicker or the
    subtitle when its text is part of theirs, else to the headline; the byline's lines,
    the dateline's and the sign-off's line."""
    heads: dict[str, list[Line]] = {"kicker": [], "headline": [], "subtitle": []}
    for ln in d.heads:
        t = "".join(ln.text.split())
        part = "kicker" if t and t in "".join(kicker.split()) else \
            "subtitle" if t and t in "".join(subtitle.split()) else "headline"
        heads[part].append(ln)
    found = [(name, span_of(lines)) for name, lines in heads.items()] + [("byline", span_of(d.byline))]
    if d.dateline_line:
        found.append(("dateline", Span(d.dateline_line, d.dateline_line)))
    if d.signoff_line:
        found.append(("signoff", Span(d.signoff_line, d.signoff_line)))
    return tuple((name, span) for name, span in found if span is not None)


def para_of(lines: list[Line]) -> Para:
    body, marks = joined(lines)
    return Para(text(body), span_of(lines), marks)


def span_of(lines: list[Line]) -> Span | None:
    """The source lines a block came from: first to last (lines put back in reading order
    may come from above and below)."""
    if not lines:
        return None
    nos = [ln.no for ln in lines]
    return Span(min(nos), max(nos))


def _pull_quote(lines: tuple[Line, ...]) -> BlockQuote:
    return BlockQuote((para_of(list(lines)),), "pullquote", span_of(list(lines)))
