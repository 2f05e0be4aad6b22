"""Stage 3, pieces: each block cut into runs of one :class:`~.pieces.Kind` (headline-like
lines, bylines, text), by the shape of its lines: width against the column under them,
sentence punctuation, personal names, datelines, and a sentence repeated as a pull quote."""
from __future__ import annotations

from dataclasses import replace

from . import lexicon
from .lines import (BYLINE_RE, CREDIT_OPEN_RE, DATELINE_RE, Line, ends_sentence, inline_text, is_han, leaves_open,
                    spaceless_text, starts_inside)
from .names import is_name_line, name_fragment, name_shaped, names_only, spells_byline
from .pieces import (INDENT_MOST, Hint, Kind, Piece, closes_article, cut_before_quote, headish, indented, measure,
                     median, physical_width)
from .pulls import BOX_INSET, PULL_SIMILARITY, Page, over_pull_quote, pull_atop, pull_box, pull_cut
from .rules import Explain, Stage, register

register(Stage.PIECES, {
    "name-continued": "a name the layout broke apart goes on in the next block",
    "name-fragment": "a single character alone in its block is part of a name",
    "byline-vertical": "a block of characters one to a line that spell a byline (a credit and names) is a byline "
                       "set vertically",
    "byline-name-alone": "a personal name alone in its block is a byline",
    "head-wider-than-column": "a line wider than the column under it is a headline: body lines never are",
    "byline-name": "a personal name under a headline is the byline",
    "byline": "本报记者 … or a name over the text is the byline",
    "head-runs-on": "a head's lines set apart by the layout are one head where a word runs across them",
    "subhead-with-pull-quote": "a short line over a sentence the body repeats heads that pull quote",
    "multi-line-subhead": "short lines over full-width body lines are one subhead set on several lines",
    "head-lines": "short lines without sentence punctuation are headline-like",
    "subhead-narrow-run": "lines set at a measure well short of the column under them, of one width, that end "
                          "no sentence (commas between clauses allowed), over the text's first sentence, are one "
                          "subhead: body lines fill their column",
    "head-quote-across": "a headline's quotation broken across its lines: head lines that close the quotation a "
                         "head printed right before them opened (another head's lines between, in a stack printed "
                         "row by row) are that head's last lines",
    "head-quote-over-item": "head lines over a news item's dateline that close a quotation they never opened are "
                            "its headline's last lines (the quotation opened in its first line, printed apart)",
    "head-clause-open": "short lines that end in a colon or close a quotation they never opened are the middle "
                        "of a sentence, not a head",
    "head-over-stray-tail": "short head lines over the end of a sentence begun elsewhere, in one block: the head "
                            "is set apart from the column beside it, the sentence's end goes on from another block",
    "head-over-credit": "lines that end no sentence right over a line opening with a reporter's credit "
                        "(（记者…）) are a headline over its news lede",
    "head-over-paragraph": "lines without sentence punctuation over a paragraph's first line, which no word "
                           "or sentence runs into, are a head",
    "head-at-block-end": "two or three short lines with no sentence in them after a sentence's end, at a "
                         "block's foot, are a subhead over the next column (a paragraph's lines end their "
                         "sentence)",
    "head-by-size": "a block set in a type size well above the body's, with no sentence in it, is a head "
                    "(PDF input)",
    "pull-quote-whole": "a quote whose first line the body prints running on into it has no head of its own: "
                        "the first line is the quote's",
    "head-boxed-alone": "a head a PDF sets alone in a box inside an article is a subhead, however wide "
                        "(PDF input)",
    "pull-quote-boxed": "sentences a PDF sets in a box inside an article are a pull quote (PDF input)",
    "subhead-over-boxed-quote": "a box's head-like first line over a quote the body repeats, not run on into "
                                "it in the body, is a subhead (PDF input)",
    "pull-quote-atop": "lines at the top of a block set narrower than the text under them, or across columns, "
                       "one statement a body sentence printed elsewhere repeats: a boxed pull quote over the text",
    "pull-quote-cut": "a box's lines printed word for word in the body and cut off inside a word are a pull "
                      "quote the box cut at its edge",
    "pull-quote-box": "a block set narrower than the column, or across columns (one line may be), whose whole "
                      "text repeats a body sentence, in one block or run on across a column break, is a boxed "
                      "pull quote",
})



def lone_name(line: Line, next_block: list[Line] | None) -> bool:
    """A block of just a name or names (2–3 characters each): an author's byline, unless
    it reads as no personal name (no surname first) and a head follows it: the start of
    a one-line head printed apart ("湖北推动⏎⏎中小企业…"), or a column's name over a
    headline (读书⏎⏎法治与德治…)."""
    if not is_name_line(line):
        return False
    if len(line.raw.split()) == 1 and next_block is not None and headish(next_block[0]) \
            and not names_only(line):
        return False
    return True


WIDE = 2.0  # ems a headline line is wider than the column under it, at least
HEAD_BLOCK_LINES = 8  # the most lines of headline and subtitle over a byline in one block
HEAD_LINES = 6  # the most short lines of one head set beside the text of a narrow column
SUBTITLE_LINES = 4  # the most lines of a subtitle (——…) under head lines
COLUMN_FILL = 0.75  # ems from the page's column a line may be and fill it
PULL_GAIN = 0.05  # how much more nearly a quote repeats its sentence with its first line than without


def _wide_heads(block: list[Line]) -> int:
    """How many lines at the top of ``block`` are a headline set across columns: wider by
    WIDE ems or more than the column measured under them, with its subtitle (——…) and the
    lines that close a quotation or title a head line opened (——“第六届中国工⏎业发展论坛”述要);
    0 when the first line is not, or when too little text follows to know the column."""
    k = 0
    while k < len(block) and headish(block[k]) and (
            k < 4 and ((k and block[k].text.startswith("——")) or
                       (k and leaves_open(inline_text(block[:k]))) or
                       block[k].width >= measure([ln for ln in block[k + 1:k + 10]
                                                  if not ln.text.startswith("——")]) + WIDE)
            or _subtitle_over_byline(block, k)):
        k += 1
    if not k:
        return 0
    text = [ln for ln in block[k:] if not (is_name_line(ln) or BYLINE_RE.match(ln.text))]
    # the column is known from three lines of text, or from two of one width (two full lines)
    return k if len(text) >= 3 or (len(text) == 2 and abs(text[0].width - text[1].width) <= 1.0) else 0


def _subtitle_over_byline(block: list[Line], k: int) -> bool:
    """Whether line ``k`` of ``block`` goes on with a subtitle (——…) begun above it, in
    the lines of a subtitle: it stands right over the byline (a name, a credit, or a name's
    first character the layout broke off), and no body line stands between a subtitle and
    its byline (——学习《…政⏎》第二卷关于…中国⏎特色社会主义的重要论述⏎夏春涛)."""
    start = next((n for n in range(k) if block[n].text.startswith("——")), None)
    if start is None or k - start >= SUBTITLE_LINES or k + 1 >= len(block):
        return False
    under = block[k + 1]
    return bool(is_name_line(under) and names_only(under) or name_fragment(under) or BYLINE_RE.match(under.text))


def _fills_column(block: list[Line], col: float, measured: int) -> bool:
    """Whether three lines of ``block`` or more each fill the page's column, in characters:
    body text. A head set in the column is set in larger type, fewer characters to the line
    (呈现多样化多层次多方面的特点：⏎期盼有更好的教育、更稳定的工作、⏎… holds no sentence
    punctuation but is a sentence's lines). Only where other text shows the column: of the
    ``measured`` lines it was measured on, three at least are not the block's."""
    return measured - len(block) >= 3 and sum(abs(ln.width - col) <= COLUMN_FILL for ln in block) >= 3


def _wide_over_stray(block: list[Line], col: float) -> int:
    """1 where ``block`` is one head line wider than the page's body column by WIDE ems or
    more over one or two lines set no wider than that column (too few to measure a column
    of their own: a column's stray lines pdftotext printed in the head's block), else 0: a
    body line is never wider than the page's column."""
    if not col or len(block) not in (2, 3) or not headish(block[0]) or block[0].width < col + WIDE \
            or leaves_open(block[0].text) or lexicon.join_score(block[0].text, block[1].text):
        return 0  # (a head leaves no quotation open, and no word runs on from it into the text)
    return int(all(ln.width <= col + 0.5 and not headish(ln) and not name_fragment(ln) and not is_name_line(ln)
                   and not BYLINE_RE.match(ln.text) for ln in block[1:]))  # (a byline's lines stay its own)


#: characters that only go on with what comes before them: particles and aspect markers
#: (的, 了, 地, 得, 着, 过), and punctuation that continues or closes
_ONLY_AFTER = "的了地得着过，、。；：！？）》”’+%"


def _opens_sentence(before: Line, line: Line) -> bool:
    """Whether ``line`` can open a sentence after ``before``: no word runs across the join
    (:func:`.lexicon.join_score`), it does not start with what only follows a word (的, 了,
    punctuation), and no sentence ends within its first SHORTEST characters (a sentence
    is longer: 践。习近平… ends one begun on the line before)."""
    t = line.text
    return lexicon.join_score(before.text, t) == 0 and t[:1] not in _ONLY_AFTER and \
        not any(c in "。！？" for c in t[:SHORTEST])


SHORTEST = 8  # characters: a sentence that ends sooner in a paragraph's first line began before it


# NARROW was 0.6 before session 30 (chosen on development pages: see titles.MIN_COVER)
NARROW = 0.8  # the widest a head's lines are set, as a share of the page's column, over a stray sentence end
STRAY_LINES = 2  # the most lines of a sentence's end pdftotext prints under a head set beside its column


def _head_over_stray_tail(block: list[Line], col: float, page: Page, bi: int) -> int:
    """How many lines at the top of ``block`` are a head set apart from the column beside it
    (head lines, each NARROW of the page's column at most: a headline set large,
    or down a narrow box; a name under them is a byline) over one or two lines, set in the
    column, that end a sentence begun elsewhere, which pdftotext printed in the head's block
    (吉林今年以来⏎家电及 3C 产⏎…⏎23 亿元⏎政策直达。); 0 when it is not such a block. A head
    ends no sentence and leaves no quotation or title open, and no word runs from it into
    the sentence's end."""
    k = 0
    while k < len(block) and headish(block[k]) and block[k].width <= NARROW * col and \
            not (is_name_line(block[k]) and names_only(block[k])):
        k += 1
    tail = block[k:]
    # one head line too: a body line short of its column ends its paragraph, or was cut
    # before an opening mark the next line starts with
    if k < 1 or (k == 1 and tail and tail[0].text.lstrip()[:1] in "“《（‘") or \
            not 1 <= len(tail) <= STRAY_LINES or not ends_sentence(tail[-1].text) or \
            leaves_open(inline_text(block[:k])) or max(ln.width for ln in tail) > col + BOX_INSET or \
            any(_cut_full_line(block[i], block[i + 1], col) for i in range(k - 1)):
        return 0
    return 0 if _word_across(block[k - 1], tail[0], page, bi) else k


def _cut_full_line(line: Line, nxt: Line, full: float) -> bool:
    """Whether ``line`` and ``nxt`` are one printed line of text, a column ``full`` ems
    wide, that pdftotext cut before an opening quote (着新中国从“站起来”⏎“富起来”走向): together
    they fill the column, as no head's two lines do."""
    return cut_before_quote(line.width, nxt, full) and line.width + nxt.width >= full - 1


def _head_over_paragraph(block: list[Line], page: Page, bi: int) -> int:
    """How many lines (one or two) at the top of ``block`` are a head over the first line of
    a paragraph, or 0: they hold no sentence punctuation and end no sentence, clause or
    quotation's lead-in (，、：), are no name (a byline), and the line under them is a
    paragraph's indented first line, which opens a sentence after them
    (:func:`_opens_sentence`; no word runs on into it, :func:`_runs_on`). A paragraph's last
    line ends its sentence: lines that end none cannot come before a paragraph's start but
    as its head."""
    for k in (2, 1):  # two lines when both fit: a head's second line is no paragraph's first
        full = measure(block[k:k + 8])
        # (one line of two clauses only where it is set across the column: no body line is)
        if len(block) < k + 3 or not all((headish(ln) or k == 1 and _clause_line(ln) and ln.width >= full + WIDE)
                                         and not ends_sentence(ln.text) and not is_name_line(ln)
                                         and not ln.text.endswith(("，", "、", "：", ":")) for ln in block[:k]):
            continue
        if k == 2 and indented(block[1], full, block[2]) and block[2].width >= full - 1 \
                and _opens_sentence(block[0], block[1]) and not _runs_on(block[0], block[1], page, bi):
            continue  # text under a head opens with an indented line: here the second line does
        if k == 2 and _cut_full_line(block[0], block[1], full):
            continue  # one line of text that pdftotext cut before a quote, not two head lines
        # the line under them is a paragraph's indented first line; or they are two lines
        # short of the column, which no body line is but the last of its paragraph
        short = k == 2 and all(ln.width <= full - 1.5 for ln in block[:k])
        # (or the line under them is set across columns, at least twice as wide as the column
        # under it: a lede's first line, whose paragraph opens the article's text)
        wide = block[k].width >= LEDE_COLUMNS * full
        if (short or wide or indented(block[k], full, block[k + 1])) and _opens_sentence(block[k - 1], block[k]) \
                and not _runs_on(block[k - 1], block[k], page, bi):
            return k
    return 0


LEDE_COLUMNS = 2  # a lede set across columns spans two of them at least


NARROW_RUN = 0.7  # the widest a subhead's lines are set, as a share of the column under them
RUN_CHARS = 60  # the most characters of a subhead set on several narrow lines
RUN_LINES = 10  # ... on as many lines as RUN_CHARS fill at six characters a line


def _narrow_head_run(block: list[Line], page: Page, bi: int, col: float) -> int:
    """How many lines (two to RUN_LINES) at the top of ``block`` are a subhead set at a
    measure of its own, well short of the column under it, or 0: each line NARROW_RUN of
    that column at most and, but for the last, of one width (justified at the subhead's
    measure), none a personal name (a surname first: 置改革 has only a name's shape);
    together one head of RUN_CHARS at most that ends no sentence, clause or lead-in
    (，、：) and holds no 。；, though commas may part its clauses
    (一、保持零容忍态⏎度和高压态势，坚⏎决打赢…); and the text under it opens a sentence
    (no word runs on into it, :func:`_opens_sentence`) in a line that fills the column or is
    indented as a paragraph's first. A block of such lines alone is a subhead printed apart
    from its text, measured against the page's column ``col``. Body lines fill their column:
    a run of lines that all stop well short of it is no paragraph's."""
    if len(block) < 2 or not headish(block[0], clauses=True):
        return 0
    for k in range(min(RUN_LINES, len(block) if col else len(block) - 2), 1, -1):
        heads = block[:k]
        if k == len(block):
            full = col
        elif len(block) - k < 3 and not all(abs(ln.width - block[k].width) <= 1.0 for ln in block[k:]):
            continue  # (the column is known from three lines, or from two full ones)
        else:
            full = measure(block[k:k + 8])
        if block[0].width > NARROW_RUN * full:
            continue  # (most blocks: a body line fills its column)
        if not _one_head_of_clauses(heads):
            continue
        # (a line pdftotext cut before an opening quote is measured with the pieces cut off it)
        if not all(headish(ln, clauses=True) and not (is_name_line(ln) and names_only(ln)) and
                   physical_width(block, n, full) <= NARROW_RUN * full for n, ln in enumerate(heads)):
            continue
        if any(abs(ln.width - heads[0].width) > 1.0 for ln in heads[1:-1]) or heads[-1].width > heads[0].width + 1.0:
            continue
        if k == len(block):
            return k
        # the text's first line fills its column, or is a paragraph's indented first line (a
        # box's narrow lines go on at their own measure); it is no byline or subtitle (——…)
        under = block[k]
        if physical_width(block, k, full) < full - INDENT_MOST or is_name_line(under) or name_fragment(under) \
                or BYLINE_RE.match(under.text) or under.text.startswith("——"):
            continue
        if _opens_sentence(block[k - 1], under) and not _runs_on(block[k - 1], under, page, bi):
            return k
    return 0


def _one_head_of_clauses(lines: list[Line]) -> bool:
    """Whether ``lines`` together can be one head of clauses: RUN_CHARS at most, holding no
    。；, ending no sentence, clause or lead-in (，、：) and leaving no quotation open."""
    text = inline_text(lines)
    return len(spaceless_text(lines)) <= RUN_CHARS and not text.endswith(("，", "、", "：", ",", ":")) \
        and not ends_sentence(text) and not leaves_open(text) and "。" not in text and "；" not in text


def _clause_line(line: Line) -> bool:
    """A line that could be a head of two clauses (建设高标准市场体系，推进要素市场化配置改革):
    :func:`headish` with commas, ending no clause and leaving no quotation open. Whether it is
    one the caller tells by other evidence (a pull quote under it, its measure)."""
    t = line.text
    return headish(line, clauses=True) and not headish(line) and not t.endswith(("，", "、", "：", ",", ":")) \
        and not leaves_open(t)


def _head_over_credit(block: list[Line]) -> int:
    """How many lines (one to three) at the top of ``block`` are a head over a news lede that
    opens with its reporter's credit (（记者李建敏）中国国家海洋…), or 0: a credit opens a
    lede's first line, so head lines that end no sentence right over it are its headline."""
    k = next((k for k in range(1, min(4, len(block))) if CREDIT_OPEN_RE.match(block[k].text)), 0)
    if k and all(headish(ln) and not ends_sentence(ln.text) for ln in block[:k]):
        return k
    return 0


def _head_at_block_end(lines: list[Line]) -> int:
    """How many lines (two or three; up to HEAD_LINES for a head of two clauses) at the foot
    of text ``lines`` are a head set over the next column, or 0: each holds no sentence
    punctuation, is no name and is set two ems or more short of the column, and the line
    before them ends a sentence. (One such line may be a paragraph's indented first line,
    cut at the column's foot: it is left alone.) Lines whose commas part two clauses are
    such a head only where they are set at most NARROW_RUN of the column, end no clause and
    hold no sentence, as :func:`_narrow_head_run` reads them at a block's top."""
    for k in range(min(HEAD_LINES, len(lines) - 1), 1, -1):
        if not ends_sentence(lines[-k - 1].text):
            continue
        full = measure(lines[:-k])
        heads = lines[-k:]
        if k <= 3 and all(headish(ln) and not is_name_line(ln) and ln.width <= full - 2 for ln in heads):
            return k
        if any("，" in ln.text for ln in heads) and _one_head_of_clauses(heads) \
                and all(headish(ln, clauses=True) and not is_name_line(ln)
                        and physical_width(lines, len(lines) - k + n, full) <= NARROW_RUN * full
                        for n, ln in enumerate(heads)):
            return k  # (a line cut before an opening quote measured with the pieces cut off it)
    return 0


def _add_text(pieces: list[Piece], rest: list[Line], bi: int, starts_block: bool, explain: Explain,
              foot_heads: bool) -> None:
    """Text lines of block ``bi`` as a piece, and the head at their foot set over the next
    column (:func:`_head_at_block_end`, unless a front end marked the heads) as another."""
    k = _head_at_block_end(rest) if foot_heads else 0
    if k:
        pieces.append(Piece(Kind.TEXT, rest[:-k], bi, starts_block=starts_block))
        pieces.append(Piece(Kind.HEAD, rest[-k:], bi, starts_block=False))
        explain("head-at-block-end", (rest[-k].no, rest[-1].no), f"{k} short lines with no sentence in them "
                                                                f"after a sentence's end, at the block's foot: "
                                                                f"a subhead over the next column")
    else:
        pieces.append(Piece(Kind.TEXT, rest, bi, starts_block=starts_block))


def _add_hinted(pieces: list[Piece], blocks: list[list[Line]], bi: int, hint: Hint, hints: dict[int, Hint],
                page: Page, explain: Explain) -> None:
    """The pieces of block ``bi``, which a front end that sees the page marked (``hint``: a
    head by its type size, a box's quote or head); its boxes and sizes say what the text
    stages would guess."""
    block = blocks[bi]
    first = block[0]
    if hint is Hint.PULL:
        # a boxed subhead over its quote: a head-like first line (a line ending in a colon
        # opens the quote) over lines that repeat a body sentence, which the body does not
        # print after the first line's words; a quote printed right under a head the page
        # sets large or in bold has its head already
        headed = bi > 0 and hints.get(blocks[bi - 1][0].no) in (Hint.HEAD, Hint.SUBHEAD)
        under = page.repeats_elsewhere(*page.pull_candidate(bi, 1)) \
            if len(block) > 1 and not headed and headish(first) and not first.text.endswith(("：", ":")) \
            and not page.printed_elsewhere(first.text + block[1].text[:4], bi) else 0.0
        if under >= PULL_SIMILARITY:
            pieces.append(Piece(Kind.HEAD, [first], bi, boxed=True))
            explain("subhead-over-boxed-quote", first.no, f"the box's first line, which the body never runs on "
                                                           f"into the quote, over a quote that repeats a body "
                                                           f"sentence ({under:.2f})")
            pieces.append(Piece(Kind.PULL, block[1:], bi, starts_block=False))
        else:
            pieces.append(Piece(Kind.PULL, block, bi))
        explain("pull-quote-boxed", (first.no, block[-1].no), "sentences in a box inside an article: a pull quote")
        return
    byline = None
    last = block[-1]
    if len(block) > 1 and hint is not Hint.SUBHEAD and all(is_han(c) or c.isspace() for c in last.text) \
            and is_name_line(last) and names_only(last):
        # a personal name (ideographs only) under the head, in its block: the byline
        block, byline = block[:-1], last
    # a head over a boxed quote heads that quote: a subhead, as one alone in its box
    over_quote = bi + 1 < len(blocks) and hints.get(blocks[bi + 1][0].no) is Hint.PULL
    pieces.append(Piece(Kind.HEAD, block, bi, wide=hint is Hint.HEADLINE,
                        boxed=hint is Hint.SUBHEAD or (hint is Hint.HEAD and over_quote)))
    if hint is Hint.SUBHEAD:
        explain("head-boxed-alone", (first.no, block[-1].no), "a head alone in a box inside an article: "
                                                               "a subhead")
    else:
        explain("head-by-size", (first.no, block[-1].no), "set larger than the body, without a sentence: "
                                                           + ("a headline" if hint is Hint.HEADLINE else "a head"))
    if byline is not None:
        pieces.append(Piece(Kind.BYLINE, [byline], bi, starts_block=False))
        explain("byline-name", byline.no, "a name after a headline block is a byline")


def _add_name_block(pieces: list[Piece], blocks: list[list[Line]], bi: int, explain: Explain) -> bool:
    """Whether block ``bi`` is (part of) a byline, which is then added to ``pieces`` (or joined
    to the byline piece before it): a name the layout broke apart, a character alone, a name
    set vertically, a name alone in its block."""
    block = blocks[bi]
    first = block[0]
    if len(block) == 1 and pieces and pieces[-1].kind is Kind.BYLINE and \
            (name_fragment(first) or is_name_line(first)) and \
            (name_fragment(pieces[-1].lines[-1]) or name_fragment(first)):
        pieces[-1] = replace(pieces[-1], lines=pieces[-1].lines + (first,))
        explain("name-continued", first.no, "a name broken by the layout: joined to the byline before it")
        return True
    if len(block) == 1 and name_fragment(first):
        pieces.append(Piece(Kind.BYLINE, [first], bi))
        explain("name-fragment", first.no, "a single character alone is part of a name")
        return True
    if len(block) > 1 and all(len(ln.text) == 1 and is_han(ln.text) for ln in block) and \
            any(spells_byline(t) for t in (spaceless_text(block), spaceless_text(block)[::-1])):
        pieces.append(Piece(Kind.BYLINE, block, bi))
        explain("byline-vertical", (first.no, block[-1].no), "characters one to a line that spell a byline "
                                                             "are a byline set vertically")
        return True
    if len(block) == 1 and lone_name(first, blocks[bi + 1] if bi + 1 < len(blocks) else None) \
            and not (pieces and pieces[-1].kind is Kind.BYLINE):
        pieces.append(Piece(Kind.BYLINE, [first], bi))
        explain("byline-name-alone", first.no, "a name alone in its block is a byline")
        return True
    if len(block) > 1 and name_fragment(first) and pieces:
        # a character alone atop text: half of a name the layout set into a column break
        pieces.append(Piece(Kind.BYLINE, [first], bi))
        explain("name-fragment", first.no, "a single character alone is part of a name")
        pieces.append(Piece(Kind.TEXT, block[1:], bi))
        return True
    return False


def _add_pull_block(pieces: list[Piece], block: list[Line], bi: int, page: Page, col: float, text_input: bool,
                    explain: Explain) -> bool:
    """Whether ``block`` is (or opens with) a boxed pull quote, which is then added to
    ``pieces``; ``col``: the page's body column, ``text_input``: pdftotext's text (a front
    end that sees the boxes has marked them)."""
    first = block[0]
    k = pull_atop(block, page) if text_input else 0
    if k:
        pieces.append(Piece(Kind.PULL, block[:k], bi))
        explain("pull-quote-atop", (first.no, block[k - 1].no),
                "lines set narrower than the text under them (or across columns), one statement the body "
                "repeats: a boxed pull quote over the text")
        pieces.append(Piece(Kind.TEXT, block[k:], bi))
        return True
    if text_input and pull_cut(block, page, bi, col):
        pieces.append(Piece(Kind.PULL, block, bi))
        explain("pull-quote-cut", (first.no, block[-1].no),
                "set like a box, printed word for word in the body, cut off inside a word: a boxed pull "
                "quote cut at the box's edge")
        return True
    score = pull_box(block, page, bi, col)
    if score >= PULL_SIMILARITY:
        pieces.append(Piece(Kind.PULL, block, bi))
        explain("pull-quote-box", (first.no, block[-1].no),
                f"set apart from the column ({col:.1f} em) and repeats a body sentence (similarity "
                f"{score:.2f}): a boxed pull quote")
        return True
    return False


def _add_wide_headline(pieces: list[Piece], block: list[Line], bi: int, page: Page, col: float, text_input: bool,
                       explain: Explain) -> bool:
    """Whether ``block`` opens with a headline set across columns (wider than the column
    ``col`` under it), which is then added to ``pieces`` with the byline and text under it."""
    first = block[0]
    # a front end that sees type sizes and faces has marked the heads set across columns
    k = (_wide_heads(block) or _wide_over_stray(block, col)) if text_input else 0
    if k and pieces and pieces[-1].kind is Kind.TEXT and not closes_article(pieces[-1]) and \
            measure(list(pieces[-1].lines)) >= max(ln.width for ln in block[:k]):
        k = 0  # under text set wider still, not closed (a lede across columns): its subhead
    if k == 1 and len(block) > 2 and over_pull_quote(block, bi, page, col):
        k = 0  # over a statement the body repeats (a pull quote): a subhead, however wide
    if k:
        # a headline set across columns over the first column of its text
        pieces.append(Piece(Kind.HEAD, block[:k], bi, wide=True))
        explain("head-wider-than-column", (first.no, block[k - 1].no),
                "lines wider than the column under them are a headline (body lines never are)")
        rest = block[k:]
        if is_name_line(rest[0]) and names_only(rest[0]) or BYLINE_RE.match(rest[0].text) or \
                (len(rest) > 1 and name_fragment(rest[0])):
            pieces.append(Piece(Kind.BYLINE, [rest[0]], bi, starts_block=False))
            explain("byline-name", rest[0].no, "a name under a headline is a byline")
            rest = rest[1:]
        _add_text(pieces, rest, bi, False, explain, text_input)
        return True
    return False


def _add_head_over_stray_tail(pieces: list[Piece], block: list[Line], bi: int, page: Page, col: float,
                              text_input: bool, explain: Explain) -> bool:
    """Whether ``block`` is a head over the end of a sentence begun elsewhere, which are
    then added to ``pieces`` as two pieces."""
    first = block[0]
    k = _head_over_stray_tail(block, col, page, bi) if text_input else 0
    if k:
        pieces.append(Piece(Kind.HEAD, block[:k], bi))
        explain("head-over-stray-tail", (first.no, block[-1].no),
                f"{k} head lines set at most {NARROW:.0%} of the column over the end of a sentence begun "
                f"elsewhere: a head, and that sentence's end")
        pieces.append(Piece(Kind.TEXT, block[k:], bi))  # a block of its own: it goes on from another
        return True
    return False


def _heads_atop(pieces: list[Piece], block: list[Line], bi: int, page: Page, col: float, hint: Hint | None,
                text_input: bool, measured: int, explain: Explain) -> tuple[list[Line], list[Line], list[Line]]:
    """The head lines atop ``block``, the lines under them, and the text under a subhead's
    pull quote in the same block (a quote whose first line the body runs on into is added
    to ``pieces`` at once); ``measured``: how many of the page's lines show its column."""
    first = block[0]
    heads: list[Line] = []
    rest = block
    clause_first = False  # the first line holds two clauses (set below)
    after_pull: list[Line] = []  # the text under a subhead's pull quote, in the same block
    over_text = len(block) > 1 and not headish(block[1])
    if (over_text or len(block) > 2) and is_name_line(first) and names_only(first):
        pass  # a name over the text: the byline, below
    elif over_text and first.text.endswith(("：", ":")):
        pass  # 报告指出： over the quotation it opens
    elif (headish(first) or (clause_first := _clause_line(first) and first.width >= col + WIDE)) \
            and not BYLINE_RE.match(first.text) and hint is not Hint.TEXT:
        # (a line of two clauses set across columns, where no body line is, is a head alone
        # in its block or over a pull quote: a comma is evidence against a head)
        if len(block) == 1:
            if not clause_first:
                heads, rest = [first], []
        else:
            cand, used = page.pull_candidate(bi, 1)
            score = page.repeats_elsewhere(cand, used)
            whole, used0 = page.pull_candidate(bi, 0)
            if score >= PULL_SIMILARITY and (page.printed_elsewhere(first.text + block[1].text[:4], bi)
                                             or page.repeats_elsewhere(whole, used0) >= score + PULL_GAIN):
                # the body prints the first line's words running on into the quote (the
                # quote with its first line repeats the body's sentence more nearly than
                # without): the quote starts at the first line (a box's head is no part
                # of its sentence), a piece of its own, the body's text after it another
                used = used0
                end = max(k for k, ln in enumerate(block) if ln.no in used) + 1
                pieces.append(Piece(Kind.PULL, block[:end], bi))
                explain("pull-quote-whole", (first.no, block[end - 1].no),
                        "a quote whose first line the body runs on into has no head of its own")
                rest = block[end:]  # the body's text after it, in the box's block
            elif score >= PULL_SIMILARITY:
                heads, rest = [first], block[1:]
                # the quote ends where its sentence does: the body may go on in the box's
                # block (a quote set across columns, or the sentence it repeats under it)
                end = max(k for k, ln in enumerate(block) if ln.no in used) + 1
                if end < len(block):
                    rest, after_pull = block[1:end], block[end:]
                explain("subhead-with-pull-quote", (first.no, block[end - 1].no),
                        f"a short line over a sentence repeated from the body (similarity {score:.2f})")
            elif not clause_first and len(block) <= 6 and all(headish(ln) for ln in block[:-1]) and \
                    (headish(block[-1]) or BYLINE_RE.match(block[-1].text)) and \
                    not _fills_column(block, col, measured):
                # headline lines, then maybe the author's name or byline, and under it the
                # body's first lines (a byline ends the head: 推进…⏎——深入学习…⏎范 祚 军 万 少 文⏎习近平…)
                j = next((j for j in range(1, len(block))
                          if (is_name_line(block[j]) and names_only(block[j]) or name_fragment(block[j])
                              or BYLINE_RE.match(block[j].text)) and not leaves_open(inline_text(block[:j]))),
                         len(block))
                heads, rest = block[:j], block[j:]
            elif not clause_first and physical_width(block, 0, measure(block[1:7])) <= 0.7 * measure(block[1:7]):
                # (the column right under it; a line pdftotext cut before an opening
                # quote is measured with the piece it cut off: 本次会议的主题是⏎“一带一路…)
                # a subhead may take two or three short lines before the body's first
                # full-width line (narrow columns break it), and a line a word runs into
                # from the line above (text input: a PDF's type sizes say where it ends)
                k = 1
                body_w = measure(block[1:7])
                while k < min(HEAD_LINES, len(block) - 1) and headish(block[k]) and \
                        (block[k].width <= 0.7 * body_w or
                         (text_input and _word_across(block[k - 1], block[k], page, bi))) \
                        and not ends_sentence(block[k].text) and \
                        not block[k].text.endswith(("：", ":")) and \
                        not (is_name_line(block[k]) and names_only(block[k])
                             and not leaves_open(inline_text(block[:k]))):
                    # 指出： opens a quotation; a personal name under the head is its byline
                    k += 1
                byline = (is_name_line(block[k]) and names_only(block[k]) or BYLINE_RE.match(block[k].text)) \
                    and not leaves_open(inline_text(block[:k]))
                if not byline and physical_width(block, k, body_w) <= 0.7 * body_w:
                    # the short lines run on into the body (a name under them is their
                    # byline, no body line): only the first is a head
                    k = 1
                if k > 1:
                    explain("multi-line-subhead", (first.no, block[k - 1].no),
                            f"{k} short lines over full-width body lines are one subhead")
                heads, rest = block[:k], block[k:]
            elif not clause_first:
                # headline lines (with a subtitle: eight lines at most), then a byline (a
                # name) and maybe the body, in one block
                # (not inside a title or quotation the head lines opened: 《王明李华⏎张强赵刚⏎文集》)
                j = next((j for j in range(1, min(HEAD_BLOCK_LINES + 1, len(block)))
                          if (is_name_line(block[j]) or name_fragment(block[j]) or BYLINE_RE.match(block[j].text))
                          and not leaves_open(inline_text(block[:j]))), 0)
                if j and all(headish(ln) for ln in block[:j]):
                    while j < min(HEAD_BLOCK_LINES, len(block)) and headish(block[j]) and is_name_line(block[j]) \
                            and not (name_fragment(block[j]) or names_only(block[j])):
                        j += 1  # 稳步地⏎推进: the head's short last lines, words and not names
                    heads, rest = block[:j], block[j:]
    return heads, rest, after_pull


def to_pieces(blocks: list[list[Line]], explain: Explain, hints: dict[int, Hint] | None = None) -> list[Piece]:
    """The blocks cut into pieces. ``hints``: what a front end knows of some blocks (by
    their type size, the box they are set in), by their first line's number."""
    page = Page(blocks)
    widths = [ln.width for b in blocks if len(b) >= 3 for ln in b]
    col = median(widths) if widths else 0.0  # the page's body column
    pieces: list[Piece] = []
    for bi, block in enumerate(blocks):
        hint = hints.get(block[0].no) if hints else None
        if hint is not None and hint is not Hint.TEXT:
            _add_hinted(pieces, blocks, bi, hint, hints, page, explain)
            continue
        if _add_name_block(pieces, blocks, bi, explain) or \
                _add_pull_block(pieces, block, bi, page, col, hints is None, explain):
            continue
        first = block[0]
        if _add_wide_headline(pieces, block, bi, page, col, hints is None, explain) or \
                _add_head_over_stray_tail(pieces, block, bi, page, col, hints is None, explain):
            continue
        heads, rest, after_pull = _heads_atop(pieces, block, bi, page, col, hint, hints is None, len(widths), explain)
        while heads and rest and rest[0].text.startswith("——") and headish(rest[0]) and len(rest) > 1:
            # a subtitle (——…) under the head lines is theirs, however wide it is set, with
            # the lines that close a quotation or title it opened (——“新时代中国⏎特色…研⏎讨会”述要)
            heads, rest = heads + [rest[0]], rest[1:]
            start = len(heads) - 1
            while len(rest) > 1 and headish(rest[0]) and len(heads) - start < SUBTITLE_LINES and (
                    leaves_open(inline_text(heads[start:])) or _subtitle_over_byline(heads + rest[:2], len(heads))):
                # (or its second line, over the byline: ——学习…第二卷关于⏎坚持和发展…论述⏎夏春涛)
                heads, rest = heads + [rest[0]], rest[1:]
        # (a front end that sees type sizes has marked the heads already)
        if hints is None and not after_pull and len(heads) + len(rest) == len(block) and \
                all(a is b for a, b in zip(heads, block)) and \
                (k := _narrow_head_run(block, page, bi, col)) > len(heads):
            heads, rest = block[:k], block[k:]
            explain("subhead-narrow-run", (first.no, block[k - 1].no),
                    f"{k} lines set at most {NARROW_RUN:.0%} of the column under them, ending no sentence: "
                    f"one subhead")
        if not heads and rest is block and hints is None:
            if k := _head_over_credit(block):
                explain("head-over-credit", (first.no, block[k - 1].no), "lines that end no sentence over a "
                                                                        "lede opening with its reporter's credit")
            elif k := _head_over_paragraph(block, page, bi):
                explain("head-over-paragraph", (first.no, block[k - 1].no), "lines that end no sentence over a "
                                                                           "paragraph's first line: a head")
            if k:
                heads, rest = block[:k], block[k:]
        if heads and rest and not leaves_open(inline_text(heads)) and (
                name_fragment(rest[0]) or BYLINE_RE.match(rest[0].text) or (
                is_name_line(rest[0]) and names_only(rest[0])
                and (len(rest) == 1 or not headish(rest[1]) or is_name_line(rest[0])))):
            pieces.append(Piece(Kind.HEAD, heads, bi))
            explain("head-lines", (heads[0].no, heads[-1].no), "headline-like lines")
            pieces.append(Piece(Kind.BYLINE, [rest[0]], bi, starts_block=False))
            explain("byline-name", rest[0].no, "a name under a headline is a byline")
            rest = rest[1:]
            heads = []
        if heads and hints is None and _clause_open(heads):
            opened = _open_head(pieces, heads)
            if opened is not None:
                # a headline's quotation broken across its lines: a head printed right before
                # them (another head's lines between, in a stack printed row by row) opened it
                # (国家天文台举行“⏎⏎周又元星”颁授仪式), and they are its last lines
                prev = pieces.pop(opened)
                heads = list(prev.lines) + heads
                explain("head-quote-across", (heads[0].no, heads[-1].no), "head lines that close the quotation "
                                                                          "a head printed before them opened are "
                                                                          "that head's")
            elif not _ends_clause(heads) and _over_item(blocks, bi, rest):
                # over a news item's dateline (本报讯…): its headline's last lines, whose first
                # line, with the quotation's opening, is printed apart
                explain("head-quote-over-item", (heads[0].no, heads[-1].no), "head lines over a news item's "
                                                                             "dateline that close a quotation "
                                                                             "opened in a head printed apart")
            else:
                explain("head-clause-open", (heads[0].no, heads[-1].no), "short lines that end in a colon or close "
                                                                         "a quotation they never opened: a sentence's "
                                                                         "middle")
                rest, heads = heads + rest, []
        if heads:
            pieces.append(Piece(Kind.HEAD, heads, bi))
            explain("head-lines", (heads[0].no, heads[-1].no), "short lines without sentence punctuation")
        if not rest:
            continue
        if hints is None and not heads and len(rest) > 1 and pieces and pieces[-1].kind is Kind.HEAD \
                and headish(rest[0]) and _head_cut_in_word(pieces[-1].lines[-1], rest[0], page, bi) and \
                (_short_of(rest[0], rest[1:9]) or
                 max(ln.width for ln in pieces[-1].lines) <= measure(rest[1:9]) and
                 not _word_across(rest[0], rest[1], page, bi)):
            # a head's last line cut inside a word (促科技⏎创新与…, 促科⏎技创新…) goes on in the short line
            # printed atop the next block: more than a paragraph's indent short of its column,
            # or, under a head set in that column (not across columns), as short as an
            # indented first line but running on into no line under it (…及 3C⏎产品以旧换新
            # 销售额 23 亿元⏎线下…); a front end that sees type sizes has told heads from text
            pieces[-1] = replace(pieces[-1], lines=pieces[-1].lines + (rest[0],))
            explain("head-runs-on", rest[0].no, "a short line a word of the head before runs on into is that "
                                                "head's last line")
            rest = rest[1:]
        if not heads and (BYLINE_RE.match(rest[0].text) or (
                len(rest) > 1 and is_name_line(rest[0]) and names_only(rest[0])
                and not _runs_on(rest[0], rest[1], page, bi))):
            pieces.append(Piece(Kind.BYLINE, [rest[0]], bi))
            explain("byline", rest[0].no, "byline (本报记者 …, or a name over the text)")
            rest = rest[1:]
            if not rest:
                continue
        if not heads and len(rest) == 1 and name_shaped(rest[0]) and pieces \
                and pieces[-1].kind is Kind.HEAD:
            pieces.append(Piece(Kind.BYLINE, rest, bi))
            explain("byline-name", rest[0].no, "a name after a headline block is a byline")
            continue
        _add_text(pieces, rest, bi, not heads, explain, hints is None)
        if after_pull:
            pieces.append(Piece(Kind.TEXT, after_pull, bi))
    if hints is None:
        _head_starts_apart(pieces, page, explain)
        _heads_run_on(pieces, page, explain)
    _mark_wide_heads(pieces, blocks, explain, hints or {})
    return pieces


def _heads_run_on(pieces: list[Piece], page: Page, explain: Explain) -> None:
    """A head over text in its own block, printed in the block right after another head,
    goes on from it where a word runs across the break (江苏万兆光网试点⏎⏎主题活动在南京举办
    over the item's text: the page prints 试点主题 elsewhere, a headline's words in its
    lede): one head set on lines the layout printed apart. Not a head over a byline or
    another head: a stack's heads (kicker, headline; two headlines set side by side) are
    each whole, and the page may print two of their words together by chance (意气风发走进
    新时代⏎⏎优先发展教育事业⏎陈宝生, over text on 新时代优先发展…). Pieces are replaced in
    place."""
    k = 1
    while k < len(pieces):
        a, b = pieces[k - 1], pieces[k]
        over_text = k + 1 < len(pieces) and pieces[k + 1].kind is Kind.TEXT and pieces[k + 1].block == b.block
        if a.kind is Kind.HEAD and b.kind is Kind.HEAD and b.starts_block and b.block == a.block + 1 \
                and over_text and _runs_on(a.lines[-1], b.lines[0], page, b.block):
            pieces[k - 1] = replace(a, lines=a.lines + b.lines)
            del pieces[k]
            explain("head-runs-on", (b.lines[0].no, b.lines[-1].no), f"a word runs on into this head from the head "
                                                                      f"at line {a.lines[-1].no}: one head")
        else:
            k += 1


def _head_starts_apart(pieces: list[Piece], page: Page, explain: Explain) -> None:
    """A short line atop a text block that a head printed elsewhere goes on from (江苏万兆光网
    试点主题活 … 动在南京举办: the page prints 题活动在 elsewhere), and that runs on into no line
    under it, is that head's first line, set apart from it by the layout. Pieces are
    replaced in place."""
    heads = [k for k, p in enumerate(pieces) if p.kind is Kind.HEAD and p.starts_block]
    for k, p in enumerate(pieces):
        if p.kind is not Kind.TEXT or not p.starts_block or len(p.lines) < 3 or not headish(p.lines[0]):
            continue
        first = p.lines[0]
        if not _short_of(first, list(p.lines[1:9])) or _runs_on(first, p.lines[1], page, p.block):
            continue
        for h in heads:
            if h != k and pieces[h].kind is Kind.HEAD and _runs_on(first, pieces[h].lines[0], page, p.block):
                pieces[h] = replace(pieces[h], lines=(first,) + pieces[h].lines)
                pieces[k] = replace(p, lines=p.lines[1:])
                explain("head-runs-on", first.no, f"a word runs on from this line into the head at line "
                                                  f"{pieces[h].lines[1].no}: that head's first line")
                break


def _short_of(line: Line, under: list[Line]) -> bool:
    """Whether ``line`` is more than a paragraph's indent short of the column of the lines
    ``under`` it: a head's line, not the body's."""
    full = measure(under)
    return line.width <= full - 1.5 and not indented(line, full, under[0])


def _word_across(line: Line, nxt: Line, page: Page, bi: int) -> bool:
    """Whether a word runs on from ``line`` into ``nxt``: the lexicon reads one across the
    join (:func:`.lexicon.join_score`), or the page prints the characters either side of it
    together elsewhere (:func:`_runs_on`)."""
    return bool(lexicon.join_score(line.text, nxt.text)) or _runs_on(line, nxt, page, bi)


def _head_cut_in_word(line: Line, nxt: Line, page: Page, bi: int) -> bool:
    """Whether a head's last ``line`` is cut inside a word that runs on into ``nxt``: the
    page prints the characters each side of the break together elsewhere (:func:`_runs_on`),
    or the head does not end in a word (its last two characters make none: 促科, 特色产), or
    its last character makes a commoner one with the next line's first (节前, 前夕), and the
    lexicon reads one across the break (科技, 前夕). A head may end in a word (…创业教育),
    however the line under it begins (教育⏎学有所教…: no 教育学 there)."""
    if _runs_on(line, nxt, page, bi):
        return True
    tail = "".join(line.text.split())[-2:]
    head = "".join(nxt.text.split())[:1]
    words = lexicon.words()
    return len(tail) == 2 and bool(head) and (not words.get(tail) or words.get(tail[-1] + head) > words.get(tail)) \
        and bool(lexicon.join_score(line.text, nxt.text))


def _clause_open(lines: list[Line]) -> bool:
    """Whether head-like ``lines`` are the middle of a sentence: they end in a colon (指出：
    opens what follows; a head ends no clause), or close a quotation they never opened
    (…平坦”“全党…: the quotation began before them). Text input: a PDF's type sizes say
    what is a head."""
    return _ends_clause(lines) or starts_inside("".join(inline_text(lines).split()), "“", "”")


def _open_head(pieces: list[Piece], heads: list[Line]) -> int | None:
    """The index in ``pieces`` of the head that head-like ``heads``, which close a quotation
    they never opened, go on with: the last of the heads printed right before them (a stack of
    heads, printed row by row, may put another's lines between) that left a quotation open;
    None where there is none, or where ``heads`` end a clause."""
    if _ends_clause(heads):
        return None
    k = len(pieces) - 1
    while k >= 0 and pieces[k].kind is Kind.HEAD and len(pieces) - k <= OPEN_HEAD_BACK:
        before = "".join(inline_text(list(pieces[k].lines)).split())
        if before.count("“") > before.count("”"):
            return k
        k -= 1
    return None


OPEN_HEAD_BACK = 2  # heads: the one that opened the quotation, and one printed beside it


def _ends_clause(lines: list[Line]) -> bool:
    """Whether head-like ``lines`` end in a colon: they open what follows (指出：)."""
    return "".join(inline_text(lines).split()).endswith(("：", ":"))


def _over_item(blocks: list[list[Line]], bi: int, rest: list[Line]) -> bool:
    """Whether what follows head lines in block ``bi`` opens a news item: a dateline or a
    reporter's credit (the rest of the block, else the next block's first line)."""
    nxt = rest[0] if rest else (blocks[bi + 1][0] if bi + 1 < len(blocks) else None)
    return nxt is not None and bool(DATELINE_RE.match(nxt.text) or CREDIT_OPEN_RE.match(nxt.text))


def _runs_on(line: Line, nxt: Line, page: Page, bi: int) -> bool:
    """Whether a word runs on from ``line`` into ``nxt``: the two characters each side of
    the break are printed together elsewhere on the page (江苏万兆光⏎网试点…: 兆光网试). A
    name never runs on into the text under it."""
    a, b = "".join(line.text.split()), "".join(nxt.text.split())
    return len(a) >= 2 and len(b) >= 2 and page.printed_elsewhere(a[-2:] + b[:2], bi)


def _mark_wide_heads(pieces: list[Piece], blocks: list[list[Line]], explain: Explain,
                     hints: dict[int, Hint]) -> None:
    """A head block printed over a text block (three lines or more, to know its column) and
    wider than that column by WIDE ems is a headline set across columns, not a subhead;
    unless the page's type sizes said it is a head below a headline's size (a subhead may
    stand out over a narrow column)."""
    for k, p in enumerate(pieces[:-1]):  # pieces[k] is replaced, never the list's length
        nxt = pieces[k + 1]
        if p.kind is not Kind.HEAD or p.wide or p.boxed or nxt.kind is not Kind.TEXT or len(nxt.lines) < 3 \
                or not nxt.starts_block or hints.get(p.lines[0].no) is Hint.HEAD:
            continue
        if max(ln.width for ln in p.lines) >= measure(nxt.lines[:9]) + WIDE:
            pieces[k] = replace(p, wide=True)
            explain("head-wider-than-column", p.span, "a head wider than the column of the text under it "
                                                      "is a headline")
