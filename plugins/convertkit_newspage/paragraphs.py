"""Stage 7, paragraphs: an article's text runs cut into paragraphs. A column break (a
blank line) in mid-sentence joins, and so does one at a sentence's end between two full
lines where paragraphs run on in their columns; inside a block, a new paragraph starts
where a line that ends a sentence is followed by an indented one, a lead sentence, or a
new unit (一是…, 本报讯)."""
from __future__ import annotations

from .lines import (AUTHOR_START_RE, BYLINE_RE, DATELINE_RE, ENUM_RE, SIGNOFF_RE, Line, Record, ends_sentence,
                    inline_text, widest)
from .order import paragraphs_apart
from .pieces import OPENING_QUOTES, Piece, cut_before_quote, indented, measure
from .rules import Explain, Stage, register

#: ems a full line may fall short of its column's measure (punctuation set at half width)
FULL_SLACK = 0.75

register(Stage.PARAGRAPHS, {
    "block-break-paragraph": "a block that ends a sentence ends its paragraph",
    "column-break-join": "a blank line in mid-sentence is a column break: the paragraph goes on",
    "column-break-at-sentence-end": "a column's last line full to its end and the next block's first line full "
                                    "(no indent), where paragraphs run on in their columns: the column break fell "
                                    "at a sentence's end, and the paragraph goes on",
    "author-line-paragraph": "an author line (（作者…）) is a paragraph of its own",
    "colon-list-paragraph": "after a short line ending in a colon, indented lines are the items of a list",
    "unit-opener-paragraph": "a line opening a new unit (一是…, 本报讯) starts a paragraph",
    "indented-line-paragraph": "a full line ends a sentence and the next is indented: a new paragraph",
    "lead-line-paragraph": "a whole short sentence over a full line is a lead that opens a paragraph",
    "run-in-lead": "a short lead sentence on a line of its own runs into its paragraph",
    "split-line": "two pieces of one printed line, cut before a quote, are one line",
    "short-line-paragraph": "a short line that ends a sentence ends its paragraph (short even with its "
                            "punctuation set a full em, where a full line follows it)",
    "indent-shown-paragraph": "a line the page sets indented opens a paragraph; one set flush goes on (PDF input)",
})


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


def _end_over_opening(prev: Line, line: Line, full: float, nxt: Line | None) -> bool:
    """Whether ``prev``, a short line that ends its sentence with a bare stop (。！？, no
    closing quote), and ``line``, set an indent's width short of the column, are a
    paragraph's last line and the next one's indented first: their widths fit that as well
    as one printed line cut before a quote, and pdftotext cuts a line before an opening
    quote where a closing one precedes it (”“: each mark's glyph sits on the far side of its
    square, the widest gap it sees), not after a bare stop."""
    return prev.text.rstrip()[-1:] in "。！？" and indented(line, full, nxt)


def local_measure(lines: list[Line], k: int) -> float:
    """The column width around line ``k``: the second widest of its neighbours (a block
    may change width where it passes a picture or another column)."""
    return measure(lines[max(0, k - 4):k + 5])


def split_paragraphs(pieces: list[Piece], explain: Explain, col: float) -> list[ParaDraft]:
    """Paragraphs of consecutive text pieces (one text run)."""
    paras: list[ParaDraft] = []
    cur: ParaDraft | None = None
    apart = paragraphs_apart(pieces)
    for p in pieces:
        width = max(measure(p.lines), 1.0)
        piece_full = min(width, col) if col else width  # for pieces too short for a local measure
        for k, line in enumerate(p.lines):
            if cur is None:
                cur = ParaDraft([line], width)
                continue
            prev = cur.lines[-1]
            if k == 0:
                # a block boundary: a column break unless the sentence ended (or, when the
                # page shows it, unless the line is indented)
                ended = ends_sentence(prev.text) if line.opens is None else line.opens
                if ended and line.opens is None and not apart and _goes_on_across(cur, p, width):
                    explain("column-break-at-sentence-end", (prev.no, line.no),
                            "a full last line ends a sentence, the next block opens with a full line: same paragraph")
                    cur.lines.append(line)
                    continue
                if ended or SIGNOFF_RE.search(prev.text) or AUTHOR_START_RE.match(line.text) or _author_line(cur):
                    explain("block-break-paragraph", (prev.no, line.no), "block ends a sentence: new paragraph")
                    paras.append(cur)
                    cur = ParaDraft([line], width)
                else:
                    explain("column-break-join", (prev.no, line.no), "blank line in mid-sentence: same paragraph")
                    cur.lines.append(line)
                continue
            if line.opens is not None and not AUTHOR_START_RE.match(line.text):
                if line.opens:
                    explain("indent-shown-paragraph", line.no, "the page sets the line indented: a new paragraph")
                    paras.append(cur)
                    cur = ParaDraft([line], width)
                else:
                    cur.lines.append(line)
                continue
            if _author_line(cur):
                explain("author-line-paragraph", line.no, "an author line is a paragraph of its own")
                paras.append(cur)
                cur = ParaDraft([line], width)
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


def _goes_on_across(cur: ParaDraft, p: Piece, width: float) -> bool:
    """Whether paragraph ``cur``, whose last line ends a sentence at a block's end, goes on
    in block ``p`` (of measure ``width``): its last line fills its column (a paragraph's last
    line seldom does) and ``p`` opens with a full line (a paragraph's first is indented),
    neither a new unit's (一是…, a dateline, an author line). The column break fell at a
    sentence's end. Both blocks show their measure (two lines of the paragraph at least,
    three of the block)."""
    prev, first = cur.lines[-1], p.lines[0]
    return (len(cur.lines) >= 2 and len(p.lines) >= 3 and prev.width >= cur.width - FULL_SLACK
            and first.width >= width - FULL_SLACK and not ENUM_RE.match(first.text)
            and not DATELINE_RE.match(first.text) and not AUTHOR_START_RE.match(first.text))


def _author_line(cur: ParaDraft) -> bool:
    """Whether paragraph ``cur`` is a whole author line (（作者为…）): nothing goes on after it."""
    return AUTHOR_START_RE.match(cur.lines[0].text) is not None and cur.lines[-1].text.rstrip().endswith(("）", ")"))


def lead_line(line: Line, full: float, nxt: Line | None) -> bool:
    """Whether ``line`` is a paragraph's lead sentence printed on a line of its own (a bold
    lead: 发挥好政府与市场的作用。): a whole short sentence, and the line after it full width,
    so not a new paragraph's indented first line, nor a piece of the same printed line."""
    return (nxt is not None and ends_sentence(line.text) and line.width < full - 3.0
            and nxt.width >= full - 1.25 and not split_line(line, nxt, full))


def _set_full(line: Line, full: float, nxt: Line | None) -> bool:
    """Whether ``line`` (with the piece pdftotext cut off it before a quote) fills its
    column: no paragraph's indented first line, however it begins (其次，《…》)."""
    width = line.width + (nxt.width if nxt is not None and cut_before_quote(line.width, nxt, full) else 0.0)
    return width >= full - FULL_SLACK


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
    if (ENUM_RE.match(line.text) and not _set_full(line, full, nxt)) or DATELINE_RE.match(line.text) \
            or BYLINE_RE.match(line.text):
        explain("unit-opener-paragraph", line.no, "line opening a new unit (一是…, 本报讯) starts a paragraph")
        return True
    # a line is its paragraph's last where it falls short of the column, even with its
    # punctuation set a full em each, when the line under it fills the column: a
    # paragraph's first line is indented, so under a full line the paragraph goes on
    short = prev.width < full - 1.25 and not (line.width >= full - FULL_SLACK and widest(prev) >= full - 1.25)
    if short and len(cur.lines) >= 2 and cut_before_quote(cur.lines[-2].width, prev, full) \
            and cur.lines[-2].width + prev.width >= full - 1.25:
        # the last piece of a printed line pdftotext cut before a quote (俗话说：⏎“冰冻三尺，
        # 非一日之寒。”): measured with the piece before it, the line is full
        short = False
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
    if short and split_line(prev, line, full) and not _end_over_opening(prev, line, full, nxt):
        explain("split-line", (prev.no, line.no), "two pieces of one printed line, cut before a quote")
        return False
    if short:
        explain("short-line-paragraph", (prev.no, line.no), "short line ending a sentence ends the paragraph")
        return True
    return False
