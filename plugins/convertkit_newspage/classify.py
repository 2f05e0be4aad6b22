"""Stage 3, pieces: each block cut into runs of one :class:`~.pieces.Kind` (headline-like
lines, bylines, text), by the shape of its lines: width against the column under them,
sentence punctuation, personal names, datelines, and a sentence repeated as a pull quote."""
from __future__ import annotations

from dataclasses import replace

from .headshape import (COLUMN_FILL, HEAD_LINES, NARROW, NARROW_RUN, SUBTITLE_LINES, WIDE, clause_line,
                        ends_in_word, fills_column, head_at_block_end, head_cut_in_word, head_over_credit,
                        head_over_paragraph, head_over_stray_tail, narrow_head_run, runs_on, short_of,
                        subtitle_over_byline, wide_heads, wide_over_stray, word_across)
from .lines import (BYLINE_RE, CREDIT_OPEN_RE, DATELINE_RE, Line, ends_sentence, inline_text, is_han, leaves_open,
                    spaceless_text, starts_inside)
from .names import byline_line, is_name_line, name_fragment, name_shaped, names_only, spells_byline
from .pieces import Hint, Kind, Piece, closes_article, headish, indented, measure, median, physical_width
from .pulls import (PULL_SIMILARITY, SPREAD_SLACK, Page, across_columns, over_pull_quote, pull_atop, pull_box, pull_cut,
                    split_quotes)
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
    "head-over-quote": "a block's last line that ends no sentence, after a sentence's end, right before a pull "
                       "quote box, is that quote's subhead (a paragraph's first line goes on into text)",
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
    "pull-quote-split": "two short blocks whose texts joined the body prints word for word are the parts of a "
                        "pull quote pdftotext printed apart",
    "pull-quote-cut": "a box's lines printed word for word in the body and cut off inside a word are a pull "
                      "quote the box cut at its edge",
    "pull-quote-box": "a block set narrower than the column, or across columns (one line may be), whose whole "
                      "text repeats a body sentence, in one block or run on across a column break, is a boxed "
                      "pull quote",
})



HEAD_BLOCK_LINES = 8  # the most lines of headline and subtitle over a byline in one block
PULL_GAIN = 0.05  # how much more nearly a quote repeats its sentence with its first line than without

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


def _add_text(pieces: list[Piece], rest: list[Line], bi: int, starts_block: bool, explain: Explain,
              foot_heads: bool) -> None:
    """Text lines of block ``bi`` as a piece, and the head at their foot set over the next
    column (:func:`head_at_block_end`, unless a front end marked the heads) as another."""
    k = head_at_block_end(rest) if foot_heads else 0
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
    k = (wide_heads(block) or wide_over_stray(block, col)) if text_input else 0
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
        if byline_line(rest[0]) or (len(rest) > 1 and name_fragment(rest[0])):
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
    k = head_over_stray_tail(block, col, page, bi) if text_input else 0
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
    elif (headish(first) or (clause_first := clause_line(first) and first.width >= col + WIDE)) \
            and not BYLINE_RE.match(first.text) and hint is not Hint.TEXT:
        # (a line of two clauses set across columns, where no body line is, is a head alone
        # in its block or over a pull quote: a comma is evidence against a head)
        if len(block) == 1:
            if not clause_first:
                heads, rest = [first], []
        else:
            cand, used = page.pull_candidate(bi, 1)
            score = page.repeats_elsewhere(cand, used)
            boxed = [ln for ln in block if ln.no in used]
            if score < PULL_SIMILARITY and len(boxed) == len(used) and across_columns(boxed, col):
                # a quote boxed across columns (its sentence ends in the box) may repeat a
                # sentence the body runs on across a column break, which no block prints
                # whole: every run of its words printed near by counts (a body sentence is
                # never set across columns)
                score = max(score, page.share_printed_near(cand, bi) - SPREAD_SLACK)
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
                    not fills_column(block, col, measured):
                # headline lines, then maybe the author's name or byline, and under it the
                # body's first lines (a byline ends the head: 推进…⏎——深入学习…⏎范 祚 军 万 少 文⏎习近平…)
                j = next((j for j in range(1, len(block))
                          if (byline_line(block[j]) or name_fragment(block[j]))
                          and not leaves_open(inline_text(block[:j]))), len(block))
                heads = block[:_paragraph_under(block[:j], col)]
                rest = block[len(heads):]
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
                         (text_input and word_across(block[k - 1], block[k], page, bi))) \
                        and not ends_sentence(block[k].text) and \
                        not block[k].text.endswith(("：", ":")) and \
                        not (is_name_line(block[k]) and names_only(block[k])
                             and not leaves_open(inline_text(block[:k]))):
                    # 指出： opens a quotation; a personal name under the head is its byline
                    k += 1
                byline = (byline_line(block[k]) or name_fragment(block[k])) and not leaves_open(inline_text(block[:k]))
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
    split = split_quotes(blocks, page) if hints is None else {}
    for bi, block in enumerate(blocks):
        if bi in split:
            pieces.append(Piece(Kind.PULL, block, bi))
            explain("pull-quote-split", (block[0].no, block[-1].no),
                    f"short, and with the short block at line {blocks[split[bi]][0].no}, joined, printed word for "
                    f"word in the body: part of a pull quote printed in two blocks")
            continue
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
                    leaves_open(inline_text(heads[start:])) or subtitle_over_byline(heads + rest[:2], len(heads))):
                # (or its second line, over the byline: ——学习…第二卷关于⏎坚持和发展…论述⏎夏春涛)
                heads, rest = heads + [rest[0]], rest[1:]
        # (a front end that sees type sizes has marked the heads already)
        if hints is None and not after_pull and len(heads) + len(rest) == len(block) and \
                all(a is b for a, b in zip(heads, block)) and \
                (k := narrow_head_run(block, page, bi, col)) > len(heads):
            heads, rest = block[:k], block[k:]
            explain("subhead-narrow-run", (first.no, block[k - 1].no),
                    f"{k} lines set at most {NARROW_RUN:.0%} of the column under them, ending no sentence: "
                    f"one subhead")
        if not heads and rest is block and hints is None:
            if k := head_over_credit(block):
                explain("head-over-credit", (first.no, block[k - 1].no), "lines that end no sentence over a "
                                                                        "lede opening with its reporter's credit")
            elif k := head_over_paragraph(block, page, bi):
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
                and headish(rest[0]) and not _ends_clause(rest[:1]) and \
                head_cut_in_word(pieces[-1].lines[-1], rest[0], page, bi) and \
                (short_of(rest[0], rest[1:9]) or
                 max(ln.width for ln in pieces[-1].lines) <= measure(rest[1:9]) and
                 not word_across(rest[0], rest[1], page, bi)):
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
                and not runs_on(rest[0], rest[1], page, bi))):
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
        _head_over_quote(pieces, explain)
    _mark_wide_heads(pieces, blocks, explain, hints or {})
    return pieces


def _head_over_quote(pieces: list[Piece], explain: Explain) -> None:
    """A block's last line that ends no sentence, after a line that ends one, printed right
    before a pull quote box (the next block's first piece) is the subhead set over that
    quote at the column's foot: a paragraph's first line cut there goes on into text in the
    next column, never into a quote. Pieces are replaced in place."""
    for k in range(len(pieces) - 1, 0, -1):  # (from the end: a split shifts only what follows)
        p, q = pieces[k - 1], pieces[k]
        if q.kind is not Kind.PULL or not q.starts_block or p.kind is not Kind.TEXT or len(p.lines) < 2:
            continue
        last = p.lines[-1]
        if not headish(last) or last.spaced or is_name_line(last) or not ends_sentence(p.lines[-2].text) \
                or not ends_in_word(last):
            continue
        pieces[k - 1:k] = [replace(p, lines=p.lines[:-1]), Piece(Kind.HEAD, (last,), p.block, starts_block=False)]
        explain("head-over-quote", last.no, "a line that ends no sentence at the block's foot, after a sentence's "
                                            "end, right before a pull quote: the quote's subhead")


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
                and over_text and runs_on(a.lines[-1], b.lines[0], page, b.block):
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
        if not short_of(first, list(p.lines[1:9])) or runs_on(first, p.lines[1], page, p.block):
            continue
        for h in heads:
            if h != k and pieces[h].kind is Kind.HEAD and runs_on(first, pieces[h].lines[0], page, p.block):
                pieces[h] = replace(pieces[h], lines=(first,) + pieces[h].lines)
                pieces[k] = replace(p, lines=p.lines[1:])
                explain("head-runs-on", first.no, f"a word runs on from this line into the head at line "
                                                  f"{pieces[h].lines[1].no}: that head's first line")
                break





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


def _paragraph_under(lines: list[Line], col: float) -> int:
    """How many of head-like ``lines`` are the head: not the lines at their foot that fill the
    page's ``col`` (within COLUMN_FILL), with a paragraph's indented first line over them,
    the first of them letter-spaced as a justified line is, under head lines each WIDE ems
    or more short of the column and none letter-spaced. Those are the first lines of the
    paragraph under the head (为世界和平与发展⏎作出新的重大贡献⏎“一带一路”建设以政策沟⏎通、
    设施联通…): a head set in the column has larger type, fewer characters to the line."""
    f = len(lines)
    while f > 1 and col and abs(lines[f - 1].width - col) <= COLUMN_FILL:
        f -= 1
    if 1 < f < len(lines) and indented(lines[f - 1], col, lines[f]):
        f -= 1
    if f < len(lines) and lines[f].spaced and all(ln.width <= col - WIDE and not ln.spaced for ln in lines[:f]):
        return f
    return len(lines)


def _ends_clause(lines: list[Line]) -> bool:
    """Whether head-like ``lines`` end in a colon: they open what follows (指出：)."""
    return "".join(inline_text(lines).split()).endswith(("：", ":"))


def _over_item(blocks: list[list[Line]], bi: int, rest: list[Line]) -> bool:
    """Whether what follows head lines in block ``bi`` opens a news item: a dateline or a
    reporter's credit (the rest of the block, else the next block's first line)."""
    nxt = rest[0] if rest else (blocks[bi + 1][0] if bi + 1 < len(blocks) else None)
    return nxt is not None and bool(DATELINE_RE.match(nxt.text) or CREDIT_OPEN_RE.match(nxt.text))



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
