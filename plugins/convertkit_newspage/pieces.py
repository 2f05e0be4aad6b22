"""The pieces of a page and what the stages after classification ask of them.

A :class:`Piece` is a run of lines of one kind (headline-like lines, a byline, text) cut
from pdftotext's blank-line blocks; the predicates here say whether a text piece leaves a
sentence open at its end, takes one up at its start, or opens a paragraph, and what its
column measure is.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from .lines import (AUTHOR_START_RE, BYLINE_RE, CREDIT_OPEN_RE, DATELINE_RE, ENUM_RE, SIGNOFF_RE, Line, closes_unopened,
                    ends_sentence, has_sentence_punct, has_two_han, spaceless_text)


class Kind(Enum):
    """What a piece of a block is."""

    HEAD = "head"  # headline-like lines: a headline, kicker, subtitle or subhead
    BYLINE = "byline"  # an author's name, or 本报记者 …
    TEXT = "text"  # body text
    PULL = "pull"  # a boxed pull quote: a statement the body repeats


class Hint(Enum):
    """What a front end that sees the page (a PDF's type sizes and boxes) knows of a block."""

    HEADLINE = "headline"  # set as large as a headline: opens an article
    HEAD = "head"  # set larger than the body, without a sentence: a kicker, subtitle or subhead
    PULL = "pull"  # sentences boxed inside an article: a pull quote
    SUBHEAD = "subhead"  # a head alone in a box inside an article: a subhead, never a headline
    TEXT = "text"  # set in the body's size and face throughout: never a head


@dataclass(frozen=True)
class Piece:
    """A run of lines of one :class:`Kind`; ``block`` is the index
    of the block it came from; ``wide`` marks a head set wider than the column under it (a
    headline, never a subhead), ``boxed`` a head the page sets alone in a box inside an
    article or over a boxed quote (a subhead, however wide, never one of a stack of
    headlines)."""

    kind: Kind
    lines: tuple[Line, ...]
    block: int
    starts_block: bool = True
    wide: bool = False
    boxed: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))  # given as a list or a slice

    @property
    def span(self) -> tuple[int, int]:
        return (self.lines[0].no, self.lines[-1].no)

    @cached_property
    def text(self) -> str:
        """The piece's text, spaces removed (what words are looked up in); its lines
        never change, so it is worked out once."""
        return spaceless_text(self.lines)


def printed_in(pieces: Iterable[Piece]) -> dict[int, int]:
    """The block each line of ``pieces`` was printed in, by line number."""
    return {ln.no: p.block for p in pieces for ln in p.lines}


def head_piece(lines: Sequence[Line], printed: Mapping[int, int] | None, near: Piece) -> Piece:
    """An article's head ``lines`` as a piece again (a headline moved among an article's
    text as its subhead), of the block they were printed in (``printed``:
    :func:`printed_in`), not of the text it goes beside: whether text was printed under a
    head in its block says what the head is (a stage run alone, with no ``printed``,
    takes ``near``'s)."""
    block = printed.get(lines[0].no) if printed else None
    return Piece(Kind.HEAD, tuple(lines), near.block if block is None else block)


def text_of(p: Piece) -> str:
    """A piece's text, spaces removed (what words are looked up in)."""
    return p.text


def measure(lines: list[Line]) -> float:
    """The column width of a block, in ems (the widest ordinary lines)."""
    widths = [ln.width for ln in lines]
    if len(widths) >= 3:
        widths.sort()
        return widths[-2]
    return max(widths) if widths else 0.0


OPENING_QUOTES = "“‘《"
DIGIT_SLACK = 0.25  # ems a digit or Latin letter may take beyond the half em it is counted


def cut_before_quote(width: float, nxt: Line, full: float) -> bool:
    """Whether ``nxt`` can be a piece pdftotext cut off a printed line, ``width`` ems wide
    so far, before an opening quote: it starts with one and the line still fits."""
    return bool(nxt.text) and nxt.text[0] in OPENING_QUOTES and width + nxt.width <= full + 0.5


INDENT_MOST = 3.0  # ems a paragraph's indented first line is short of its column, at most


def indented(line: Line, full: float, nxt: Line | None) -> bool:
    """Whether ``line`` looks like a paragraph's indented first line: two ems in from the
    left, so 1.5-3 ems short of the column (a shorter line is a paragraph's last or a piece
    pdftotext cut before a quote). A line cut before a quote is measured with the piece
    cut off it (曲晓杰表示：⏎“广东省委…)."""
    width = set_width(line)
    if nxt is not None and cut_before_quote(line.width, nxt, full):
        width += set_width(nxt)
    return full - INDENT_MOST <= width <= full - 1.5


def set_width(line: Line) -> float:
    """A line's width in ems, its digits and Latin letters (counted half an em each) at the
    most a justified line sets them."""
    return line.width + DIGIT_SLACK * sum(1 for ch in line.text if ch.isascii() and ch.isalnum())


def ends_mid_sentence(p: Piece) -> bool:
    t = p.lines[-1].text
    return p.kind is Kind.TEXT and not ends_sentence(t) and not t.endswith(("）", ")")) and not SIGNOFF_RE.search(t)


def closes_article(p: Piece) -> bool:
    """A block that is an article's closer: an author line (（作者为…）) or ends in a
    sign-off (（鄂 文）)."""
    return p.lines[-1].text.endswith(("）", ")")) and (
        SIGNOFF_RE.search(p.lines[-1].text) is not None
        or any(AUTHOR_START_RE.match(ln.text) for ln in p.lines[-4:]))


def author_piece(pieces: list[Piece]) -> int | None:
    """The index of the last of ``pieces`` that holds an author line (（作者为…）), if one does."""
    return next((n for n in range(len(pieces) - 1, -1, -1)
                 if any(AUTHOR_START_RE.match(ln.text) for ln in pieces[n].lines)), None)


def after_printed_before(body: list[Piece], line_no: int, end: int | None = None) -> int | None:
    """The index right after the last text piece of ``body[:end]`` printed before line
    ``line_no`` (where text printed there goes among them), or None where none was."""
    before = [k for k, p in enumerate(body[:end]) if p.kind is Kind.TEXT and p.lines[0].no < line_no]
    return before[-1] + 1 if before else None


def past_open_sentences(body: Sequence[Piece], at: int) -> int:
    """Where text put at index ``at`` of ``body`` goes so as to cut no sentence: on past the
    text pieces there that leave a sentence open into the next (a paragraph is not cut)."""
    while 0 < at < len(body) and body[at - 1].kind is Kind.TEXT and not ends_sentence(body[at - 1].lines[-1].text):
        at += 1
    return at


def opens_news_item(p: Piece) -> bool:
    """A text block that opens a news item: its first line starts with a dateline (本报讯,
    新华社…电) or with the reporter's credit that follows one (（记者 …）)."""
    first = p.lines[0].text
    return p.kind is Kind.TEXT and bool(DATELINE_RE.match(first) or CREDIT_OPEN_RE.match(first))


def starts_mid_sentence(p: Piece) -> bool:
    """A text block whose first line is as wide as its column: not a paragraph's indented
    first line but the middle of one (性质，具有相对稳定性；现…). The printed line is
    measured with the pieces pdftotext cut off it before opening quotes (的方向发展。实践证明
    ⏎“一带一路”…: the first piece alone is as short as an indented line)."""
    if p.kind is not Kind.TEXT or len(p.lines) < 3 or not p.starts_block:
        return False
    first = p.lines[0]
    if DATELINE_RE.match(first.text) or ENUM_RE.match(first.text) or AUTHOR_START_RE.match(first.text):
        return False
    # a justified (letter-spaced) line fills its column, though its punctuation may be
    # counted half an em short: only an indent (1.5 ems or more) makes it a paragraph start
    full = measure(p.lines[:8])
    return physical_width(p.lines, 0, full) >= full - (1.25 if first.spaced else 0.75)


def opens_paragraph(p: Piece) -> bool:
    """A text block whose first line is a paragraph's indented first line: it does not go
    on with a sentence the block before it left open."""
    return p.kind is Kind.TEXT and len(p.lines) >= 3 and p.starts_block and \
        indented(p.lines[0], measure(p.lines[:8]), p.lines[1])


NUMERALS = "一二三四五六七八九十"
#: a point of an enumeration (一是…, 二是…) where a text or a clause opens
POINT_RE = re.compile(f"(?:^|[。；：，])([{NUMERALS}])是")


def points(p: Piece) -> list[int]:
    """The enumeration points (0 for 一是, 1 for 二是 …) a text piece opens or holds after
    a sentence's or clause's end (none for other pieces)."""
    if p.kind is not Kind.TEXT:
        return []
    return [NUMERALS.index(m.group(1)) for m in POINT_RE.finditer(text_of(p))]


def opens_point(p: Piece) -> int | None:
    """The point a text piece opens with (1 for 二是…), if it opens with one."""
    m = POINT_RE.match(text_of(p)) if p.kind is Kind.TEXT else None
    return NUMERALS.index(m.group(1)) if m else None


def median(values: list[float]) -> float:
    """The median (statistics.median, without that module's import cost)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def physical_width(lines: Sequence[Line], k: int, full: float) -> float:
    """The width of the printed line that line ``k`` starts: with the pieces pdftotext cut
    off it before opening quotes (现在，⏎“一国两制”事业正站在)."""
    width = lines[k].width
    for nxt in lines[k + 1:k + 4]:
        if not cut_before_quote(width, nxt, full):
            break
        width += nxt.width
    return width


_HEAD_MARKS = str.maketrans("", "", "：、？！?!")  # what a head may hold (？！ not at its end)
_CLAUSE_MARKS = str.maketrans("", "", "：、？！?!，,")  # ... and a head of two clauses


def headish(line: Line, clauses: bool = False) -> bool:
    """A line that can be (part of) a headline or subhead: short, no sentence punctuation,
    not a dateline, byline, sign-off, author line, reporter's credit opening a lede
    (（记者…）) or enumerated point (一是…). With ``clauses``, it may hold commas too: a
    subhead of two clauses (建设高标准市场体系，推进要素市场化配置改革), which the caller
    tells from text by other evidence (its measure)."""
    t = line.text
    if t.startswith("——"):
        return len(t) <= 60
    # a headline may list with 、 (保持香港、澳门…) and ask or exclaim inside it (休闲方式选什么？
    # 近八成人选择泡汤养生); it never holds a sentence's 。，； nor ends with a sentence
    if not t or line.width > 32 or t[-1] in "？！?!" or \
            has_sentence_punct(t.translate(_CLAUSE_MARKS if clauses else _HEAD_MARKS)):
        return False
    if DATELINE_RE.match(t) or BYLINE_RE.match(line.text) or SIGNOFF_RE.search(t) or AUTHOR_START_RE.match(t) \
            or CREDIT_OPEN_RE.match(t):
        return False  # (a reporter's credit, （记者…）, opens a news lede)
    if ENUM_RE.match("".join(t.split())):
        return False  # a point of the body's enumeration (一是…, 其次…) opens a paragraph, cut by the column
    if closes_unopened(t):
        return False  # a head closes no bracket it did not open: the end of a sentence (研究员）) cut off
    return has_two_han(t)  # not a lone character (出：, the tail of 指⏎⏎出：)
