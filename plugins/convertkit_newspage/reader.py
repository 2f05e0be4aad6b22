"""The newspage reader: articles from a newspaper page extracted by ``pdftotext``.

Pipeline: lines -> blank-line blocks -> page furniture taken out -> pieces (headline-like
lines, bylines, text) -> articles (openers, closers, headlines printed after their body)
-> paragraphs (column breaks joined, paragraph breaks found inside blocks) -> sections
(subheads and pull quotes, put back in reading order). Every decision is logged with the
rule that made it, for ``--explain``.
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from typing import Any


from convertkit.cjk import CJK_TABLE, NO_LINE_END, join_pair, printed_date
from convertkit.model import (Article, BlockQuote, Document, Furniture, Meta, Para, Section, Span, plain,
                              text)
from convertkit.registry import Context

from . import lines as _lines, similarity as _similarity
from .similarity import best_ratio, lcs_bound, lcs_length
from .names import is_personal_name, split_names
from .lines import (AUTHOR_START_RE, BANNER_RE, BYLINE_RE, CREDIT_FIRST, CREDIT_RE, DATE_RE, DATELINE_RE, ENUM_RE,
                    LABEL_RE, LONE_PAGE_RE, PAGE_RE, SIGNOFF_RE, HanPattern, Line, Record, ends_sentence,
                    has_sentence_punct, has_two_han, is_han)

from .pieces import OPENING_QUOTES, Explain, Piece, cut_before_quote, indented, measure
from .order import assemble
from . import titles

NAME_RE = HanPattern(r"^{H}{2,4}(?:\s+{H}{2,4}){0,3}$")
PULL_SIMILARITY = 0.75
MERGE_MIN, MERGE_RATIO = 0.3, 1.3  # untitled text joins the article sharing clearly most of its pairs
PULL_MAX = 120  # characters: a pull quote is a sentence or two, never a whole paragraph
PAGE_LINES = 800  # how far (in lines) a headline printed apart may be from its article
PULL_LINES = 400  # how far a pull quote may be from the sentence it repeats (same page)


class Draft(Record):
    """An article while it is being assembled (``head_sizes``: lines per printed block of
    ``heads``)."""

    __slots__ = _compared = ("heads", "head_sizes", "byline", "dateline", "dateline_line", "body", "signoff",
                             "signoff_line", "closed", "closed_by_author")

    def __init__(self, heads: list[Line] | None = None, head_sizes: list[int] | None = None,
                 byline: list[Line] | None = None) -> None:
        self.heads: list[Line] = heads if heads is not None else []
        self.head_sizes: list[int] = head_sizes if head_sizes is not None else []
        self.byline: list[Line] = byline if byline is not None else []
        self.dateline, self.dateline_line = "", 0
        self.body: list[Piece] = []
        self.signoff, self.signoff_line = "", 0
        self.closed = self.closed_by_author = False


# ------------------------------------------------------------------ lines and blocks
def to_blocks(source: str, first_no: int = 1) -> list[list[Line]]:
    """Blank-line blocks of lines; ``first_no`` is the source line number of the first line."""
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for no, raw in enumerate(source.split("\n"), first_no):
        if raw.strip():
            cur.append(Line.read(no, raw))
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


SWAPPED_PUNCT = "，。、；：？！"


def swap_kinsoku(blocks: list[list[Line]], explain: Explain) -> None:
    """Put back a pair of punctuation marks pdftotext printed in the wrong order across a
    line break (行动自由”“⏎，为中): an opening quote never ends a printed line, nor does a
    comma start one, so the two change places (行动自由”，⏎“为中)."""
    for block in blocks:
        for k in range(1, len(block)):
            a, b = block[k - 1], block[k]
            if len(a.text) > 1 and len(b.text) > 1 and a.text[-1] in NO_LINE_END and b.text[0] in SWAPPED_PUNCT:
                block[k - 1] = Line(a.no, a.raw, a.text[:-1] + b.text[0])
                block[k] = Line(b.no, b.raw, a.text[-1] + b.text[1:])
                explain("kinsoku-swap", (a.no, b.no), "opening quote at a line end, comma at the next start: swapped")


def furniture_kind(line: Line, first: bool, alone: bool = False, edge: bool = False) -> str | None:
    """The kind of page furniture ``line`` is, if any: ``first`` when it is alone in one of
    the page's first three blocks, ``alone`` in its block, ``edge`` alone in the page's first
    three blocks or its last."""
    t = line.raw.strip()
    if alone and BANNER_RE.match(line.text):
        return "banner"
    # a date and a page number start with a digit (or 第); a page number may also end in one
    # (理论 7); a credit starts with its word (制图：): the character tests turn away body lines
    head = t[:1]
    if head.isdigit() or head == "第" or t[-1:].isdigit():
        if DATE_RE.match(t):
            return "date"
        if PAGE_RE.match(t) or (edge and LONE_PAGE_RE.match(t)):
            return "page"
    if head in CREDIT_FIRST and CREDIT_RE.match(t):
        return "credit"
    if first and LABEL_RE.match(line.text):
        return "label"
    return None


def take_furniture(blocks: list[list[Line]], explain: Explain) -> tuple[list[Furniture], list[list[Line]], set[int]]:
    """Dates, page numbers, section labels, campaign banners and picture credits, out of the
    text; and the first line of each block right after a banner (a banner stands over
    articles, never inside one: what follows it starts an article)."""
    furniture: list[Furniture] = []
    kept: list[list[Line]] = []
    breaks: set[int] = set()
    for bi, block in enumerate(blocks):
        if bi and furniture and furniture[-1].kind == "banner" and furniture[-1].source.start == blocks[bi - 1][0].no:
            breaks.add(block[0].no)
        rest: list[Line] = []
        for line in block:
            alone = len(block) == 1
            kind = furniture_kind(line, first=bi < 3 and alone, alone=alone,
                                  edge=alone and (bi < 3 or bi == len(blocks) - 1))
            if kind is None:
                rest.append(line)
                continue
            explain(f"furniture-{kind}", line.no, f"page furniture: {line.text}")
            span = Span(line.no, line.no)
            m = PAGE_RE.match(line.raw.strip()) if kind == "page" else None
            if m:  # 7 理论, 第 7 版 理论, 理论 7: the page (as printed, 第…版 kept) and the label
                label = m.group(2) or m.group(3)
                page = line.text[:-len(label)] if m.group(2) else line.text[len(label):]
                furniture.append(Furniture("page", page, span))
                furniture.append(Furniture("label", label, span))
            else:
                furniture.append(Furniture(kind, line.text, span))
        if rest:
            kept.append(rest)
    return furniture, kept, breaks


def median(values: list[float]) -> float:
    """The median (statistics.median, without that module's import cost)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


# ------------------------------------------------------------------ pieces
def name_fragment(line: Line) -> bool:
    """A single Chinese character alone on its line: a name the layout broke apart (肖⏎⏎珺)."""
    raw = line.raw.strip()
    return len(raw) == 1 and is_han(raw)


def is_name_line(line: Line) -> bool:
    """A line of one or more personal names, 2–3 characters each (陈宝生, 周江 张济坤), or of
    names set without a space between them (周江张济坤)."""
    if len(line.text) > 16:  # four names of four characters at most
        return False
    parts = line.raw.split()
    if len(parts) == 1 and split_names(parts[0]) is not None:
        return True
    return bool(NAME_RE.match(line.raw.strip())) and all(2 <= len(x) <= 3 for x in parts)


def lone_name(line: Line, next_block: list[Line] | None) -> bool:
    """A block of just a name or names (2–3 characters each): an author's byline, unless
    the next block is a one-line head that it would be the start of ("湖北推动⏎⏎中小企业…")."""
    if not is_name_line(line):
        return False
    if len(line.raw.split()) == 1 and next_block is not None and len(next_block) == 1 and headish(next_block[0]) \
            and not names_only(line):
        return False
    return True


def names_only(line: Line) -> bool:
    """Every word of the line reads as a personal name (starts with a surname)."""
    words = line.raw.split()
    if len(words) == 1 and split_names(words[0]) is not None:
        return True
    return all(is_personal_name(w) for w in words)


def headish(line: Line) -> bool:
    """A line that can be (part of) a headline or subhead: short, no sentence punctuation."""
    t = line.text
    if t.startswith("——"):
        return len(t) <= 60
    # a headline may list with 、 (保持香港、澳门…); it never holds a sentence's 。，；
    if not t or line.width > 32 or has_sentence_punct(t.replace("：", "").replace("、", "")):
        return False
    if DATELINE_RE.match(t) or BYLINE_RE.match(line.raw.strip()) or SIGNOFF_RE.search(t):
        return False
    return has_two_han(t)  # not a lone character (出：, the tail of 指⏎⏎出：)


class Page:
    """The page's blocks, with the sentences of its text, for pull-quote checks."""

    def __init__(self, blocks: list[list[Line]]) -> None:
        self.blocks = blocks
        # the sentences of the blocks starting in each stretch of PULL_LINES lines, by length:
        # (length, block's first line, sentence, block's line numbers), and the lengths. Built
        # when first asked for; stretches far behind are dropped (a long input stays small)
        self._buckets: dict[int, tuple[list[tuple[int, int, str, frozenset[int]]], list[int]]] = {}
        self._block_starts = [b[0].no for b in blocks]

    def pull_candidate(self, bi: int, start: int) -> tuple[str, set[int]]:
        """The sentence that starts at line ``start`` of block ``bi``, followed across
        column breaks, and the line numbers it uses."""
        out, used = "", set()
        for b in range(bi, min(bi + 3, len(self.blocks))):
            for line in self.blocks[b][start if b == bi else 0:]:
                out += join_pair(out, line.text) + line.text if out else line.text
                used.add(line.no)
                if ends_sentence(line.text):
                    return out, used
        return out, used

    def repeats_elsewhere(self, candidate: str, used: set[int]) -> float:
        """How nearly ``candidate`` repeats a (longer or equal) sentence elsewhere on the page:
        within PULL_LINES lines of it (a printed page is a few hundred lines), so that an
        input of many pages costs linear, not quadratic, time."""
        if not 8 <= len(candidate) <= PULL_MAX or not ends_sentence(candidate):
            return 0.0
        at = min(used)
        floor = PULL_SIMILARITY - 0.1
        n, longest = len(candidate), 1.6 * len(candidate)
        # sentences long enough (a pull quote may shorten, not lengthen), within PULL_LINES
        # lines and not the candidate's own, the best of them scored in C
        choices = []
        for key in range((at - PULL_LINES) // PULL_LINES, (at + PULL_LINES) // PULL_LINES + 1):
            items, lengths = self._bucket(key)
            choices.extend(sent for _, start, sent, nos in items[bisect_left(lengths, n - 1):bisect_right(lengths, longest)]
                           if abs(start - at) <= PULL_LINES and nos.isdisjoint(used))
        return best_ratio(candidate, choices, floor)

    def _bucket(self, key: int) -> tuple[list[tuple[int, int, str, frozenset[int]]], list[int]]:
        """The sentences of the blocks starting in lines ``key * PULL_LINES`` and on, by length."""
        found = self._buckets.get(key)
        if found is None:
            items = []
            lo = bisect_left(self._block_starts, key * PULL_LINES)
            hi = bisect_left(self._block_starts, (key + 1) * PULL_LINES)
            for block in self.blocks[lo:hi]:
                nos = frozenset(ln.no for ln in block)  # one set per block, shared by its sentences
                items.extend((len(sent), block[0].no, sent, nos) for sent in sentences(inline_text(block)))
            items.sort(key=lambda x: x[0])
            found = self._buckets[key] = (items, [x[0] for x in items])
            for old in [k for k in self._buckets if k < key - 2]:
                del self._buckets[old]
        return found


WIDE = 2.0  # ems a headline line is wider than the column under it, at least


def _wide_heads(block: list[Line]) -> int:
    """How many lines at the top of ``block`` are a headline set across columns: wider by
    WIDE ems or more than the column measured under them, with its subtitle (——…); 0
    when the first line is not, or when fewer than three lines of text follow."""
    k = 0
    while k < min(4, len(block)) and headish(block[k]) and (
            (k and block[k].text.startswith("——")) or
            block[k].width >= measure([ln for ln in block[k + 1:k + 10] if not ln.text.startswith("——")]) + WIDE):
        k += 1
    if not k:
        return 0
    text = [ln for ln in block[k:] if not (is_name_line(ln) or BYLINE_RE.match(ln.raw.strip()))]
    return k if len(text) >= 3 else 0


def _dateline_at(block: list[Line]) -> int:
    """Where a dateline (本报讯, 新华社…电) starts a line of ``block`` after one to four
    headline-like lines; 0 when none does."""
    for k, line in enumerate(block[1:5], 1):
        if DATELINE_RE.match(line.text):
            return k if all(headish(ln) for ln in block[:k]) else 0
        if not headish(line):
            return 0
    return 0


def to_pieces(blocks: list[list[Line]], explain: Explain) -> list[Piece]:
    page = Page(blocks)
    pieces: list[Piece] = []
    for bi, block in enumerate(blocks):
        heads: list[Line] = []
        rest = block
        first = block[0]
        if len(block) == 1 and pieces and pieces[-1].kind == "byline" and \
                (name_fragment(first) or is_name_line(first)) and \
                (name_fragment(pieces[-1].lines[-1]) or name_fragment(first)):
            pieces[-1].lines.append(first)
            explain("name-continued", first.no, "a name broken by the layout: joined to the byline before it")
            continue
        if len(block) == 1 and name_fragment(first):
            pieces.append(Piece("byline", [first], bi))
            explain("name-fragment", first.no, "a single character alone is part of a name")
            continue
        if len(block) == 1 and lone_name(first, blocks[bi + 1] if bi + 1 < len(blocks) else None) \
                and not (pieces and pieces[-1].kind == "byline"):
            pieces.append(Piece("byline", [first], bi))
            explain("byline-name-alone", first.no, "a name alone in its block is a byline")
            continue
        if len(block) > 1 and name_fragment(first) and pieces:
            # a character alone atop text: half of a name the layout set into a column break
            pieces.append(Piece("byline", [first], bi))
            explain("name-fragment", first.no, "a single character alone is part of a name")
            pieces.append(Piece("text", block[1:], bi))
            continue
        k = _wide_heads(block)
        if k:
            # a headline set across columns over the first column of its text
            pieces.append(Piece("head", block[:k], bi, wide=True))
            explain("head-wider-than-column", (first.no, block[k - 1].no),
                    "lines wider than the column under them are a headline (body lines never are)")
            rest = block[k:]
            if is_name_line(rest[0]) and names_only(rest[0]) or BYLINE_RE.match(rest[0].raw.strip()):
                pieces.append(Piece("byline", [rest[0]], bi, starts_block=False))
                explain("byline-name", rest[0].no, "a name under a headline is a byline")
                rest = rest[1:]
            pieces.append(Piece("text", rest, bi, starts_block=False))
            continue
        k = _dateline_at(block)
        if k:
            # an article opens with its headline, then its dateline (本报讯 …): the short
            # lines over a dateline in one block are that article's headline
            pieces.append(Piece("head", block[:k], bi))
            explain("head-over-dateline", (first.no, block[k - 1].no), "lines over a dateline are its headline")
            pieces.append(Piece("text", block[k:], bi, starts_block=False))
            continue
        over_text = len(block) > 1 and not headish(block[1])
        if (over_text or len(block) > 2) and is_name_line(first) and names_only(first):
            pass  # a name over the text: the byline, below
        elif over_text and first.text.endswith(("：", ":")):
            pass  # 报告指出： over the quotation it opens
        elif headish(first) and not BYLINE_RE.match(first.raw.strip()):
            if len(block) == 1:
                heads, rest = [first], []
            else:
                cand, used = page.pull_candidate(bi, 1)
                score = page.repeats_elsewhere(cand, used)
                if score >= PULL_SIMILARITY:
                    heads, rest = [first], block[1:]
                    explain("subhead-with-pull-quote", (first.no, block[-1].no),
                            f"a short line over a sentence repeated from the body (similarity {score:.2f})")
                elif len(block) <= 4 and all(headish(ln) for ln in block):
                    # headline lines, the last of which may be the author's name
                    if (NAME_RE.match(block[-1].raw.strip()) and names_only(block[-1])) or name_fragment(block[-1]):
                        heads, rest = block[:-1], block[-1:]
                    else:
                        heads, rest = block, []
                elif first.width <= 0.7 * measure(block[1:7]):  # the column right under it
                    # a subhead may take two or three short lines before the body's first
                    # full-width line (narrow columns break it)
                    k = 1
                    body_w = measure(block[1:7])
                    while k < min(4, len(block) - 1) and headish(block[k]) and \
                            block[k].width <= 0.7 * body_w and not ends_sentence(block[k].text) and \
                            not block[k].text.endswith(("：", ":")):  # 指出： opens a quotation
                        k += 1
                    if physical_width(block, k, body_w) <= 0.7 * body_w:
                        k = 1  # the short lines run on into the body: only the first is a head
                    if k > 1:
                        explain("multi-line-subhead", (first.no, block[k - 1].no),
                                f"{k} short lines over full-width body lines are one subhead")
                    heads, rest = block[:k], block[k:]
                else:
                    # headline lines, then a byline (a name) and maybe the body, in one block
                    j = next((j for j in range(1, min(4, len(block)))
                              if is_name_line(block[j]) or name_fragment(block[j])), 0)
                    if j and all(headish(ln) for ln in block[:j]):
                        while j < min(5, len(block)) and headish(block[j]) and is_name_line(block[j]) \
                                and not (name_fragment(block[j]) or names_only(block[j])):
                            j += 1  # 稳步地⏎推进: the head's short last lines, words and not names
                        heads, rest = block[:j], block[j:]
        if heads and rest and (name_fragment(rest[0]) or (
                NAME_RE.match(rest[0].raw.strip()) and names_only(rest[0])
                and (len(rest) == 1 or not headish(rest[1]) or is_name_line(rest[0])))):
            pieces.append(Piece("head", heads, bi))
            explain("head-lines", (heads[0].no, heads[-1].no), "headline-like lines")
            pieces.append(Piece("byline", [rest[0]], bi, starts_block=False))
            explain("byline-name", rest[0].no, "a name under a headline is a byline")
            rest = rest[1:]
            heads = []
        if heads:
            pieces.append(Piece("head", heads, bi))
            explain("head-lines", (heads[0].no, heads[-1].no), "short lines without sentence punctuation")
        if not rest:
            continue
        if not heads and (BYLINE_RE.match(rest[0].raw.strip()) or (
                len(rest) > 1 and is_name_line(rest[0]) and names_only(rest[0]))):
            pieces.append(Piece("byline", [rest[0]], bi))
            explain("byline", rest[0].no, "byline (本报记者 …, or a name over the text)")
            rest = rest[1:]
            if not rest:
                continue
        if not heads and len(rest) == 1 and NAME_RE.match(rest[0].raw.strip()) and pieces \
                and pieces[-1].kind == "head":
            pieces.append(Piece("byline", rest, bi))
            explain("byline-name", rest[0].no, "a name after a headline block is a byline")
            continue
        pieces.append(Piece("text", rest, bi, starts_block=not heads))
    _mark_wide_heads(pieces, blocks, explain)
    return pieces


def _mark_wide_heads(pieces: list[Piece], blocks: list[list[Line]], explain: Explain) -> None:
    """A head block printed over a text block (three lines or more, to know its column) and
    wider than that column by WIDE ems is a headline set across columns, not a subhead."""
    for k, p in enumerate(pieces[:-1]):
        nxt = pieces[k + 1]
        if p.kind != "head" or p.wide or nxt.kind != "text" or len(nxt.lines) < 3 or not nxt.starts_block:
            continue
        if max(ln.width for ln in p.lines) >= measure(nxt.lines[:9]) + WIDE:
            p.wide = True
            explain("head-wider-than-column", p.span, "a head wider than the column of the text under it "
                                                      "is a headline")


# ------------------------------------------------------------------ reading order
# ------------------------------------------------------------------ articles
def segment(pieces: list[Piece], explain: Explain, breaks: set[int] = frozenset()) -> list[Draft]:
    """Pieces into articles; a piece starting at a line in ``breaks`` (after a banner)
    starts a new one."""
    drafts: list[Draft] = []
    cur: Draft | None = None
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if cur is not None and not cur.closed and p.starts_block and p.lines[0].no in breaks:
            cur.closed = True
            explain("after-banner", p.lines[0].no, "a campaign banner stands over articles: what follows it "
                                                   "starts one")
        if p.kind == "head":
            group = [p]
            while i + 1 < len(pieces) and pieces[i + 1].kind == "head":
                i += 1
                group.append(pieces[i])
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            lines = [ln for g in group for ln in g.lines]
            span = (lines[0].no, lines[-1].no)
            opens_dateline = nxt is not None and nxt.kind == "text" and bool(DATELINE_RE.match(nxt.lines[0].text))
            sizes = [len(g.lines) for g in group]
            if nxt is not None and nxt.kind == "byline":
                cur = Draft(heads=lines, head_sizes=sizes)
                drafts.append(cur)
                explain("opener-headline-byline", span, "headline before a byline opens an article")
            elif cur is not None and cur.closed and not cur.heads:
                cur.heads, cur.head_sizes = lines, sizes
                explain("headline-after-body", span, "headline between a closer and the next opener "
                                                     "belongs to the item before it")
            elif cur is not None and cur.dateline and not cur.heads and not cur.byline and \
                    not opens_dateline and not any(g.wide for g in group) and \
                    titles.covers(lines, _draft_text(cur)) >= titles.MIN_COVER:
                # a news item opens with its dateline (本报讯 …); a head printed inside its
                # text while it has none, taking up the words of that text, is its headline
                # set beside the first lines (inset)
                cur.heads, cur.head_sizes = lines, sizes
                explain("headline-inset", span, "a head inside a dateline item that has no headline is that "
                                                "item's headline, set beside its first lines")
            elif cur is None or cur.closed or opens_dateline or any(g.wide for g in group):
                cur = Draft(heads=lines, head_sizes=sizes)
                drafts.append(cur)
                explain("opener-headline", span, "headline opens an article")
            elif len(group) > 1 and all(len(g.lines) == 1 and g.starts_block for g in group):
                # one-line heads each in its own block, stacked: one heads the text that
                # follows, the others are headlines printed apart from their articles. The
                # subhead is the one least like a headline of the untitled articles so far
                # (the one whose words they take up least); the first on a tie
                if nxt is not None and nxt.kind == "text":
                    untitled = ["".join(ln.text for q in d.body for ln in q.lines)
                                for d in drafts if not d.heads and d is not cur and d.body
                                and abs(d.body[0].lines[0].no - p.lines[0].no) <= PAGE_LINES]
                    likeness = [max((_coverage(inline_text(g.lines), u) for u in untitled), default=0.0)
                                for g in group]
                    k = likeness.index(min(likeness))
                    cur.body.append(Piece("head", group[k].lines, group[k].block))
                    explain("subhead", group[k].span, "of stacked heads over the text, the one least like an "
                                                      "untitled article's headline is a subhead")
                    group = group[:k] + group[k + 1:]
                stacked = [ln for g in group for ln in g.lines]
                drafts.append(Draft(heads=stacked, head_sizes=[1] * len(stacked)))
                explain("headline-stack", (stacked[0].no, stacked[-1].no), "stacked one-line heads inside an "
                                                                           "article are headlines printed apart")
            else:
                # a subhead: its first line; any further head lines are a multi-line subhead
                cur.body.append(Piece("head", lines, group[0].block))
                explain("subhead", span, "short unpunctuated line inside an article is a subhead")
        elif p.kind == "byline":
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            at = p.lines[0].no
            # a character alone, in its own block, completes a name begun by another one
            # alone: the layout broke the name apart (徐方平 高 … 静: 高静)
            pending = next((d for d in reversed(drafts) if d.byline and name_fragment(d.byline[-1])
                            and abs(d.byline[-1].no - at) <= PAGE_LINES), None) \
                if p.starts_block and len(p.lines) == 1 and name_fragment(p.lines[0]) else None
            if pending is not None:
                pending.byline = pending.byline + p.lines
                explain("name-completed", p.span, f"a character alone completes the name begun at line "
                                                  f"{pending.byline[-2].no}")
            elif cur is not None and not cur.byline and not cur.body and not cur.closed:
                cur.byline = p.lines
            elif cur is not None and cur.byline and len(inline_text(cur.byline)) == 1 and not cur.closed:
                cur.byline = cur.byline + p.lines
                explain("name-continued", p.span, "the rest of a byline the layout broke apart")
            elif cur is not None and cur.byline and len(p.lines) == 1 and name_fragment(p.lines[0]):
                # a character alone is no author: the start of a second name of the article
                # before it, completed further on
                cur.byline = cur.byline + p.lines
                explain("name-begun", p.span, "a character alone begins a second name of the article's byline")
            elif cur is not None and cur.closed and cur.closed_by_author and not cur.byline and \
                    len(p.lines) == 1 and NAME_RE.match(p.lines[0].raw.strip()) and \
                    (nxt is None or nxt.kind != "head"):
                cur.byline = p.lines
                explain("byline-after-author-line", p.span,
                        "a name right after an article closed by its author line is that article's byline")
            elif cur is not None and not cur.heads and not cur.byline and not cur.dateline and cur.body and \
                    cur.body[-1].kind == "text" and ends_sentence(cur.body[-1].lines[-1].text) and \
                    len(p.lines) == 1 and NAME_RE.match(p.lines[0].raw.strip()):
                cur.byline = p.lines
                cur.closed = True
                explain("byline-after-untitled", p.span,
                        "a name right after the end of an article with neither headline nor byline is its byline")
            else:
                cur = Draft(byline=p.lines)
                drafts.append(cur)
                explain("opener-byline", p.span, "a byline opens an article")
        else:
            first = p.lines[0]
            m = DATELINE_RE.match(first.text)
            if m and p.starts_block:
                if cur is None or cur.body or cur.closed or cur.dateline:
                    cur = Draft()
                    drafts.append(cur)
                    explain("opener-dateline", first.no, f"dateline {m.group(1)} opens an article")
                cur.dateline = m.group(1)
                cur.dateline_line = first.no
                rest = first.text[m.end():].strip()
                p.lines[0] = Line(first.no, first.raw, rest)
                if not rest:
                    p.lines.pop(0)
                if not p.lines:
                    i += 1
                    continue
            elif cur is None or cur.closed:
                cur = Draft()
                drafts.append(cur)
                explain("untitled-article", p.span, "text with no opener starts an untitled article")
            last = p.lines[-1]
            sm = SIGNOFF_RE.search(last.text)
            if sm and (sm.start() == 0 or last.text[:sm.start()].rstrip()[-1:] in "。！？”）"):
                cur.signoff = re.sub(r"\s+", "", sm.group(1))
                cur.signoff_line = last.no
                body_text = last.text[:sm.start()].rstrip()
                if body_text:
                    p.lines[-1] = Line(last.no, last.raw, body_text)
                else:
                    p.lines.pop()
                cur.closed = True
                explain("closer-signoff", last.no, f"sign-off {cur.signoff} closes the article")
            if p.lines:
                cur.body.append(p)
            if any(AUTHOR_START_RE.match(ln.text) for ln in p.lines) and ends_sentence_or_bracket(p.lines[-1].text):
                cur.closed = cur.closed_by_author = True
                explain("closer-author", p.span, "author line （作者…） closes the article")
        i += 1
    return drafts


def _bigrams(lines: list[Line]) -> set[str]:
    return _pairs("".join(ln.text for ln in lines))


def merge_by_affinity(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """Text with neither headline, byline nor dateline, on a page of titled articles, is
    part of one of them printed apart (an intro set beside the headline stack): it goes to
    the article whose text shares clearly the most of its character pairs. Before the
    first subhead of an article that starts with one (it lacks its intro), else at its end."""
    def first_line(d: Draft) -> int:
        return min(ln.no for part in (d.heads, d.byline, *(p.lines for p in d.body)) for ln in part[:1])

    titled = [d for d in drafts if d.heads or d.byline]
    starts = [first_line(t) for t in titled]
    grams: dict[int, set[str]] = {}
    out: list[Draft] = []
    for d in drafts:
        anonymous = not (d.heads or d.byline or d.dateline or d.signoff) and d.body
        at = first_line(d) if anonymous else 0
        # only articles of the same printed page (within PAGE_LINES): linear in long inputs
        near = [k for k, start in enumerate(starts) if abs(start - at) <= PAGE_LINES] if anonymous else []
        if len(near) < 2:
            out.append(d)
            continue
        mine = _bigrams([ln for p in d.body for ln in p.lines])
        for k in near:
            if k not in grams:
                grams[k] = _bigrams(titled[k].heads + [ln for p in titled[k].body for ln in p.lines])
        scores = sorted(((len(mine & grams[k]) / max(1, len(mine)), k) for k in near), reverse=True)
        (best, k), (second, _) = scores[0], scores[1]
        if best < MERGE_MIN or best < MERGE_RATIO * second:
            out.append(d)
            continue
        target = titled[k]
        if target.body and target.body[0].kind == "head":
            target.body[0:0] = d.body
            where = "as its intro"
        else:
            target.body.extend(d.body)
            where = "at its end"
        span = (d.body[0].lines[0].no, d.body[-1].lines[-1].no)
        explain("merged-by-affinity", span, f"untitled text shares {best:.0%} of its character pairs with the "
                                            f"article at line {(target.heads or target.byline)[0].no} "
                                            f"(next best {second:.0%}): put {where}")
    return out


def _draft_text(d: Draft) -> str:
    """An article's text, spaces removed (what its headline's words are looked up in)."""
    return "".join("".join(ln.text.split()) for p in d.body if p.kind == "text" for ln in p.lines)


def ends_sentence_or_bracket(t: str) -> bool:
    return t.rstrip().endswith("）") or ends_sentence(t)


# ------------------------------------------------------------------ paragraphs
class ParaDraft(Record):
    """A paragraph being assembled: its lines (only ever appended to, so their number keys
    the cached text) and the measure (em) of the block it started in."""

    __slots__ = ("lines", "width", "_joined")
    _compared = ("lines", "width")

    def __init__(self, lines: list[Line], width: float) -> None:
        self.lines, self.width = lines, width
        self._joined: tuple[int, str] = (0, "")

    @property
    def text(self) -> str:
        if self._joined[0] != len(self.lines):
            self._joined = (len(self.lines), inline_text(self.lines))
        return self._joined[1]


def split_line(prev: Line, line: Line, full: float) -> bool:
    """Whether ``prev`` and ``line`` are two pieces of one printed line (…的关系。⏎“一国两制”
    是一): the second cut off before a quote, and together about a full line wide."""
    return cut_before_quote(prev.width, line, full) and prev.width + line.width >= full - 2.5


def physical_width(lines: list[Line], k: int, full: float) -> float:
    """The width of the printed line that line ``k`` starts: with the pieces pdftotext cut
    off it before opening quotes (现在，⏎“一国两制”事业正站在)."""
    width = lines[k].width
    for nxt in lines[k + 1:k + 4]:
        if not cut_before_quote(width, nxt, full):
            break
        width += nxt.width
    return width


def local_measure(lines: list[Line], k: int) -> float:
    """The column width around line ``k``: the second widest of its neighbours (a block
    may change width where it passes a picture or another column)."""
    return measure(lines[max(0, k - 4):k + 5])


def split_paragraphs(pieces: list[Piece], explain: Explain, col: float) -> list[ParaDraft]:
    """Paragraphs of consecutive text pieces (one text run)."""
    paras: list[ParaDraft] = []
    cur: ParaDraft | None = None
    for p in pieces:
        width = max(measure(p.lines), 1.0)
        piece_full = min(width, col) if col else width  # for pieces too short for a local measure
        for k, line in enumerate(p.lines):
            if cur is None:
                cur = ParaDraft([line], width)
                continue
            prev = cur.lines[-1]
            if k == 0:
                # a block boundary: a column break unless the sentence ended
                if ends_sentence(prev.text) or SIGNOFF_RE.search(prev.text) or AUTHOR_START_RE.match(line.text):
                    explain("block-break-paragraph", (prev.no, line.no), "block ends a sentence: new paragraph")
                    paras.append(cur)
                    cur = ParaDraft([line], width)
                else:
                    explain("column-break-join", (prev.no, line.no), "blank line in mid-sentence: same paragraph")
                    cur.lines.append(line)
                continue
            if not may_break(prev, line):
                cur.lines.append(line)  # the common case, decided without the column's measure
                continue
            full = max(local_measure(p.lines, k), 1.0) if len(p.lines) >= 6 else piece_full
            nxt = p.lines[k + 1] if k + 1 < len(p.lines) else None
            if new_paragraph(cur, prev, line, full, explain, nxt):
                paras.append(cur)
                cur = ParaDraft([line], width)
            else:
                cur.lines.append(line)
    if cur is not None:
        paras.append(cur)
    return paras


def lead_line(line: Line, full: float, nxt: Line | None) -> bool:
    """Whether ``line`` is a paragraph's lead sentence printed on a line of its own (a bold
    lead: 发挥好政府与市场的作用。): a whole short sentence, and the line after it full width,
    so not a new paragraph's indented first line, nor a piece of the same printed line."""
    return (nxt is not None and ends_sentence(line.text) and line.width < full - 3.0
            and nxt.width >= full - 1.25 and not split_line(line, nxt, full))


def may_break(prev: Line, line: Line) -> bool:
    """Whether :func:`new_paragraph` can answer True: only after a sentence's end, a colon,
    or before an author line (most lines end mid-sentence: no rule needs their measure)."""
    return ends_sentence(prev.text) or prev.text.endswith("：") or AUTHOR_START_RE.match(line.text) is not None


def new_paragraph(cur: ParaDraft, prev: Line, line: Line, full: float, explain: Explain,
                  nxt: Line | None = None) -> bool:
    """Whether ``line`` starts a new paragraph inside a block; ``nxt`` is the line after it."""
    if AUTHOR_START_RE.match(line.text):
        explain("author-line-paragraph", line.no, "author line starts a paragraph")
        return True
    if prev.text.endswith("：") and prev.width < full - 1.25 and line.text[0] not in OPENING_QUOTES \
            and indented(line, full, nxt):
        explain("colon-list-paragraph", (prev.no, line.no),
                "a short line ends in a colon and the next is indented: the list after it is new paragraphs")
        return True
    if not ends_sentence(prev.text):
        return False
    if ENUM_RE.match(line.text) or DATELINE_RE.match(line.text) or BYLINE_RE.match(line.raw.strip()):
        explain("unit-opener-paragraph", line.no, "line opening a new unit (一是…, 本报讯) starts a paragraph")
        return True
    short = prev.width < full - 1.25
    if (not short or prev.spaced) and indented(line, full, nxt):
        explain("indented-line-paragraph", (prev.no, line.no),
                "a full line ends a sentence and the next is indented: new paragraph")
        return True
    if (not short or prev.spaced) and lead_line(line, full, nxt):
        explain("lead-line-paragraph", (prev.no, line.no),
                "a full line ends a sentence, the next is a whole short sentence over a full line: "
                "a lead sentence opens a new paragraph")
        return True
    if prev.spaced:
        return False  # a justified (letter-spaced) line is full width
    if short and len(cur.lines) == 1 and line.width >= full - 1.25:
        explain("run-in-lead", (prev.no, line.no),
                "a short lead sentence (一是…, a bold lead) on a line of its own runs into its paragraph")
        return False
    if short and split_line(prev, line, full):
        explain("split-line", (prev.no, line.no), "two pieces of one printed line, cut before a quote")
        return False
    if short:
        explain("short-line-paragraph", (prev.no, line.no), "short line ending a sentence ends the paragraph")
        return True
    return False


# ------------------------------------------------------------------ sections


_SENTENCE_END_RE = re.compile(r"(?<=[。！？；])")
_SENTENCES: dict[str, tuple[str, ...]] = {}


def sentences(s: str) -> tuple[str, ...]:
    """The sentences of ``s`` (remembered: the pull-quote checks split the same paragraphs
    again and again; a bounded memo)."""
    found = _SENTENCES.get(s)
    if found is None:
        if len(_SENTENCES) >= 4096:
            _SENTENCES.clear()
        found = _SENTENCES[s] = tuple(x for x in _SENTENCE_END_RE.split(s) if x)
    return found


def best_match(candidate: str, paras: list[ParaDraft]) -> float:
    """How nearly ``candidate`` repeats a sentence of ``paras`` (1.0 when one holds it)."""
    texts = [p.text for p in paras]
    if any(candidate in t for t in texts):
        return 1.0
    n = len(candidate)
    near = max(6, n // 3)  # a sentence of about the candidate's length
    best = best_ratio(candidate, [s for t in texts for s in sentences(t) if abs(len(s) - n) <= near], 0.0)
    if n > 12:  # a pull quote may also sum up two adjacent sentences
        for t in texts:
            if lcs_bound(candidate, t) >= 0.85 * n:
                best = max(best, _window_match(candidate, t))
    return best


def _window_match(candidate: str, t: str) -> float:
    """How much of ``candidate`` appears in ``t`` in order (longest common subsequence)."""
    matched = lcs_length(candidate, t)
    return matched / len(candidate) * 0.9 if matched >= 0.85 * len(candidate) else 0.0


class SectionDraft(Record):
    __slots__ = _compared = ("heading", "pull", "paras")

    def __init__(self, heading: list[Line], pull: ParaDraft | None, paras: list[ParaDraft]) -> None:
        self.heading, self.pull, self.paras = heading, pull, paras


def build_body(d: Draft, explain: Explain, col: float) -> list[Any]:
    """Paragraphs and sections of an article, subheads put back in reading order."""
    # runs of text separated by subheads
    runs: list[list[ParaDraft]] = [[]]
    heads: list[list[Line]] = []
    pending: list[Piece] = []
    for p in d.body + [Piece("end", [], -1)]:
        if p.kind == "text":
            pending.append(p)
            continue
        runs[-1].extend(split_paragraphs(pending, explain, col))
        pending = []
        if p.kind == "head":
            heads.append(p.lines)
            runs.append([])
    all_paras = [p for r in runs for p in r]
    widths = [p.width for p in all_paras]
    typical = median(widths) if widths else 0.0
    intro: list[ParaDraft] = []
    sections: list[SectionDraft] = []
    carry: list[ParaDraft] = runs[0]
    for h, run in zip(heads, runs[1:]):
        pull = None
        if run:
            cand = run[0]
            others = [p for p in all_paras if p is not cand]
            score = best_match(cand.text, others)
            # a pull quote is a whole statement: a fragment cut at a column foot that
            # happens to open other sentences too (中国特色社会主义新时代，是) is not one
            if score >= PULL_SIMILARITY and len(cand.text) <= PULL_MAX and ends_sentence_or_bracket(cand.text):
                pull = cand
                run = run[1:]
                before = [p for p in carry]
                where_before = best_match(cand.text, before) if before else 0.0
                where_after = best_match(cand.text, run) if run else 0.0
                explain("pull-quote", (cand.lines[0].no, cand.lines[-1].no),
                        f"repeats a body sentence (similarity {score:.2f}): pull quote")
                if where_before >= where_after and carry:
                    # the subhead and its pull quote were printed after the section they head;
                    # a lead set wider than the columns stays before the first section
                    lead = [p for p in carry if p.width > 1.4 * typical] if not sections else []
                    intro.extend(lead)
                    sections.append(SectionDraft(h, pull, [p for p in carry if p not in lead]))
                    explain("subhead-after-section", (h[0].no, h[-1].no),
                            "subhead with its pull quote printed after its section: moved before it")
                    carry = run
                    continue
        # the subhead heads what follows it
        if not sections:
            intro.extend(carry)
        elif carry:
            sections[-1].paras.extend(carry)
        sections.append(SectionDraft(h, pull, []))
        carry = run
    if not sections:
        intro.extend(carry)
    else:
        sections[-1].paras.extend(carry)
    return [intro, sections]


# ------------------------------------------------------------------ model
def inline_text(lines: list[Line]) -> str:
    """The lines joined into one text (as :func:`joined`, without the line marks; where CJK
    meets at every break, as it nearly always does, one ``str.join``)."""
    prev = ""
    for ln in lines:
        t = ln.text
        if t:
            if prev and not (CJK_TABLE[prev[-1]] or CJK_TABLE[t[0]]):
                return joined(lines)[0]
            prev = t
    return "".join([ln.text for ln in lines])


def joined(lines: list[Line]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The lines joined into one text, and where each source line starts in it."""
    parts: list[str] = []
    marks = []
    pos, tail = 0, ""  # tail: the last two characters joined so far
    for ln in lines:
        t = ln.text
        if tail and t and not (CJK_TABLE[tail[-1]] or CJK_TABLE[t[0]]):  # CJK on either side: no separator
            sep = join_pair(tail, t)
            parts.append(sep)
            pos += len(sep)
        marks.append((pos, ln.no))
        parts.append(t)
        pos += len(t)
        tail = t[-2:] if len(t) >= 2 else (tail + t)[-2:]
    return "".join(parts), tuple(marks)


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


def headline_parts(heads: list[Line], explain: Explain, opener: bool,
                   sizes: list[int] | None = None) -> tuple[str, str, str, list[str], list[str]]:
    """(kicker, headline, subtitle, duplicates, rubrics) from headline lines; ``sizes`` gives
    how many of the lines each printed block holds. Over a byline, separate blocks stack as
    rubric(s) (栏目), kicker (引题) and headline; a block opening with —— is the subtitle."""
    rubrics: list[str] = []
    if sizes and sum(sizes) == len(heads) and len(sizes) > 1:
        groups, at = [], 0
        for n in sizes:
            groups.append(heads[at:at + n])
            at += n
        sub_group: list[Line] = []
        if groups[-1][0].text.startswith("——"):
            sub_group = groups.pop()
        # a block that carries its own —— subtitle is a headline, printed apart, not a
        # kicker: it and the blocks over it go to their articles
        while len(groups) >= 2 and any(ln.text.startswith("——") for ln in groups[-2][1:]):
            for g in groups[:-1]:
                rubrics.append(inline_text(g))
                explain("headline-apart", (g[0].no, g[-1].no), "a headline with its own subtitle over another "
                                                              "headline is not its kicker")
            groups = groups[-1:]
            heads = groups[0] + sub_group
        if opener and len(groups) >= 2:
            for g in groups[:-2]:
                rubrics.append(inline_text(g))
                explain("rubric", (g[0].no, g[-1].no), "a banner over kicker and headline is a column rubric")
            kicker_g, head_g = groups[-2], groups[-1]
            explain("kicker-block", (kicker_g[0].no, kicker_g[-1].no), "the block over the headline is its kicker")
            _, h, sub, dupes = _headline_lines(head_g + sub_group, explain, opener=False)
            return inline_text(kicker_g), h, sub, dupes, rubrics
    k, h, sub, dupes = _headline_lines(heads, explain, opener)
    return k, h, sub, dupes, rubrics


def _headline_lines(heads: list[Line], explain: Explain, opener: bool) -> tuple[str, str, str, list[str]]:
    """(kicker, headline, subtitle, duplicates) from the lines of one headline block."""
    texts = [h.text for h in heads]
    dupes: list[str] = []
    # a headline printed twice (glyphs doubled and fragmented): drop a line that
    # repeats the start of what follows it
    i = 0
    while i < len(texts) - 1:
        rest = "".join(texts[i + 1:])
        if len(texts[i]) >= 2 and rest.startswith(texts[i].rstrip("：:")) and \
                (texts[i].endswith(("：", ":")) or texts[i] == texts[i + 1]):
            explain("doubled-headline", heads[i].no, "headline glyphs printed twice: merged")
            dupes.append(texts.pop(i))
            heads = heads[:i] + heads[i + 1:]
            continue
        i += 1
    subtitle = ""
    if opener and texts and texts[0].startswith("——"):
        # only a subtitle over the byline: the headline is printed elsewhere
        explain("subtitle-only", heads[0].no, "a —— line over a byline is a subtitle; the headline is elsewhere")
        return "", "", "".join(texts), dupes
    sub_at = next((j for j, t in enumerate(texts) if j > 0 and t.startswith("——")), None)
    if sub_at is not None:
        subtitle = "".join(texts[sub_at:])
        texts = texts[:sub_at]
    kicker = ""
    # a kicker (引题) stands over a headline that opens an article; a short item's
    # headline printed after its body is one headline broken over two lines
    if opener and len(texts) == 2 and len(texts[0]) >= 8 and len(texts[1]) >= 6 and not texts[1].startswith(("：", ":")):
        kicker = texts.pop(0)
    headline = ""
    for t in texts:
        headline = headline + join_pair(headline, t) + t if headline else t
    return kicker, headline, subtitle, dupes


def read_newspage(source: str, ctx: Context) -> Document:
    """The pages of ``source`` (pdftotext output, pages split by form feeds) as articles.

    The cyclic garbage collector is paused while it reads: the records a page makes hold no
    cycles, and in a long input (a thousand pages in one file) each full collection would
    walk every record made so far, a quarter of the time. It is resumed, if it was on, on
    the way out, whatever happens."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_newspage(source, ctx)
    finally:
        if collecting:
            gc.enable()


def _read_newspage(source: str, ctx: Context) -> Document:
    forget()
    explain = Explain(record=bool(ctx.option("explain")))
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    articles: list[Article] = []
    furniture: list[Furniture] = []
    first_no = 1
    # pdftotext ends each page of a PDF with a form feed: each page has its own furniture
    # and its own articles (one that runs on to another page is read as two)
    for page in source.split("\f"):
        page_articles, page_furniture = read_page(page, first_no, explain)
        articles.extend(page_articles)
        furniture.extend(page_furniture)
        first_no += page.count("\n")
    if not source.strip():
        ctx.warn("the input has no text: the document is empty")
    date = next((f.text for f in furniture if f.kind == "date"), "")
    meta = Meta(language="zh-CN", date=printed_date(date), furniture=tuple(furniture))
    path = ctx.option("explain")
    if path:
        import json

        from convertkit.atomic import atomic_write

        atomic_write(path, (json.dumps({"source": ctx.source_name, "steps": explain.steps}, ensure_ascii=False,
                                       indent=1) + "\n").encode("utf-8"), protect=(ctx.source_name,))
    return Document(meta, tuple(articles))


def forget() -> None:
    """Empty the memos (masked lines, sentences, character sets). They serve one document:
    a page must not read faster for following an identical one (a batch of copies would
    measure the memos, not the reader), nor keep the previous document's text alive."""
    _lines.forget()
    _similarity.forget()
    _SENTENCES.clear()


def read_page(source: str, first_no: int, explain: Explain) -> tuple[list[Article], list[Furniture]]:
    """The articles and furniture of one printed page, its first line numbered ``first_no``."""
    blocks = to_blocks(source, first_no)
    swap_kinsoku(blocks, explain)
    furniture, blocks, breaks = take_furniture(blocks, explain)
    pieces = assemble(to_pieces(blocks, explain), explain)
    drafts = merge_by_affinity(segment(pieces, explain, breaks), explain)
    titles.redistribute(drafts, _draft_text, explain)
    drafts = [d for d in drafts if d.heads or d.byline or d.body or d.dateline or d.signoff]  # stacks emptied
    all_text_lines = [ln for d in drafts for p in d.body if p.kind == "text" for ln in p.lines]
    col_widths = [ln.width for ln in all_text_lines if not ln.spaced]
    col = median(col_widths) if col_widths else 0.0
    articles = []
    extra_furniture: list[Furniture] = []
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
                                                                    sizes=d.head_sizes)
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
            blocks_out.append(Section(text(inline_text(s.heading)), tuple(sec_blocks), Span(first, last)))
        lines_all = d.heads + d.byline + [ln for p in d.body for ln in p.lines]
        nos = [ln.no for ln in lines_all] + ([d.signoff_line] if d.signoff_line else []) + \
              ([d.dateline_line] if d.dateline_line else [])
        articles.append(Article(
            headline=text(headline), blocks=tuple(blocks_out), kicker=text(kicker), subtitle=text(subtitle),
            byline=text(inline_text(d.byline)), dateline=text(d.dateline), signoff=text(d.signoff),
            source=Span(min(nos), max(nos)) if nos else None))
    articles, extra_furniture = place_orphan_headlines(articles, extra_furniture, explain)
    articles = join_signed_fragments(articles, blocks, explain)
    return articles, furniture + extra_furniture


def _article_text(a: Article) -> str:
    out: list[str] = []
    _collect_text(a.blocks, out)
    return "".join(out)


def _collect_text(blocks: tuple[Any, ...], out: list[str]) -> None:
    """The text of paragraphs and headings, in order, into ``out`` (a module function: a
    nested recursive one is a reference cycle, garbage the paused collector would keep)."""
    for b in blocks:
        if isinstance(b, Para):
            out.append(plain(b.content))
        elif isinstance(b, Section):
            out.append(plain(b.heading))
            _collect_text(b.blocks, out)
        elif isinstance(b, BlockQuote):
            _collect_text(b.blocks, out)


def _pairs(t: str) -> set[str]:
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _coverage(headline: str, text: str) -> float:
    """The share of a headline's character pairs found in an article's text: a headline
    takes up its article's words (法治与德治何以相得益彰 over 以德治国 … 相得益彰),
    though seldom one long run of them. (Searched in the text, not in a set of its pairs:
    a page of many headless articles would hold a set per article.)"""
    mine = _pairs("".join(headline.split()))
    return sum(pair in text for pair in mine) / len(mine) if mine else 0.0


def place_orphan_headlines(articles: list[Article], furniture: list[Furniture],
                           explain: Explain) -> tuple[list[Article], list[Furniture]]:
    """Headlines printed in a stack away from their articles (they came out as rubrics over
    another article's kicker) go to the headless articles whose text repeats them most
    (at least half the headline's character pairs) on the same printed page;
    articles with a byline are preferred to untitled fragments."""
    from dataclasses import replace

    orphans = [i for i, f in enumerate(furniture) if f.kind == "rubric"]
    headless = [i for i, a in enumerate(articles) if not a.headline]
    if not orphans or not headless:
        return articles, furniture
    texts = {i: _article_text(articles[i]) for i in headless}
    scored = []
    for fi in orphans:
        cand = furniture[fi].text
        at = furniture[fi].source.start if furniture[fi].source else 0
        for ai in headless:
            src = articles[ai].source
            if src is not None and at and abs(src.start - at) > PAGE_LINES:
                continue  # another printed page: keeps many-page inputs linear
            score = _coverage(cand, texts[ai])
            if score >= 0.5:
                scored.append((score, bool(articles[ai].byline), len(texts[ai]), fi, ai))
    taken_f: set[int] = set()
    taken_a: set[int] = set()
    out = list(articles)
    for score, _, _, fi, ai in sorted(scored, reverse=True):
        if fi in taken_f or ai in taken_a:
            continue
        taken_f.add(fi)
        taken_a.add(ai)
        head, dash, sub = furniture[fi].text.partition("——")
        if head and dash and not plain(out[ai].subtitle):
            out[ai] = replace(out[ai], headline=text(head), subtitle=text(dash + sub))
        else:
            out[ai] = replace(out[ai], headline=text(furniture[fi].text))
        span = furniture[fi].source
        explain("orphan-headline", (span.start, span.end) if span else 0,
                f"headline placed on the headless article whose text repeats it ({score:.2f})")
    return out, [f for i, f in enumerate(furniture) if i not in taken_f]


def join_signed_fragments(articles: list[Article], blocks: list[list[Line]],
                          explain: Explain) -> list[Article]:
    """Text under a byline that found no headline is often part of a titled article printed
    apart: the byline and intro of one article set under another's headline, or a second
    author's name over the intro of an article that starts with a subhead. Such a fragment
    joins the one titled article of its printed page that lacks what it brings and is set
    in the same column width as one of its paragraphs (measured on the page's ``blocks``):
    one with no
    byline takes it after its intro; one that starts with a subhead takes it as its intro,
    and the name as a second byline."""
    from dataclasses import replace

    lines: dict[int, Line] = {}  # line number -> line, made only when a fragment needs it

    def measures(a: Article) -> list[float]:
        return [measure([lines[no] for _, no in p.lines if no in lines]) for p in _paras(a.blocks)]

    out = list(articles)
    for hi, h in enumerate(articles):
        if h.headline or h.kicker or h.subtitle or h.dateline or not h.byline or not h.blocks \
                or h.source is None or any(not isinstance(b, Para) for b in h.blocks):
            continue
        if not lines:
            lines.update((ln.no, ln) for block in blocks for ln in block)
        w = measure([lines[no] for p in _paras(h.blocks) for _, no in p.lines if no in lines])
        fits = []
        for ti, t in enumerate(out):
            if t is None or ti == hi or not t.headline or t.source is None or abs(t.source.start - h.source.start) > PAGE_LINES \
                    or (h.signoff and t.signoff) or min((abs(m - w) for m in measures(t)), default=99) > 1.0:
                continue
            if not t.byline and not t.dateline:
                fits.append((ti, "after its intro"))
            elif t.blocks and isinstance(t.blocks[0], Section):
                fits.append((ti, "as its intro"))
        if len(fits) != 1:
            continue
        ti, where = fits[0]
        t = out[ti]
        lead = 0
        if where == "after its intro":
            while lead < len(t.blocks) and not isinstance(t.blocks[lead], Section):
                lead += 1
        byline = h.byline if not t.byline else text(plain(t.byline) + plain(h.byline))
        out[ti] = replace(t, blocks=t.blocks[:lead] + h.blocks + t.blocks[lead:], byline=byline,
                          signoff=t.signoff or h.signoff,
                          source=Span(min(t.source.start, h.source.start), max(t.source.end, h.source.end)))
        out[hi] = None  # type: ignore[call-overload]
        explain("signed-fragment", (h.source.start, h.source.end),
                f"text under the byline {plain(h.byline)} with no headline, set in the column width "
                f"({w:.1f} em) of the article at line {t.source.start}: put {where}")
    return [a for a in out if a is not None]


def _paras(blocks: tuple[Any, ...]) -> list[Para]:
    out: list[Para] = []
    for b in blocks:
        if isinstance(b, Para):
            out.append(b)
        elif isinstance(b, Section):
            out.extend(_paras(b.blocks))
    return out
