"""What head lines look like in pdftotext's text, for the pieces stage (:mod:`.classify`):
short lines without sentence punctuation over a paragraph's first line, at a block's foot,
set in a narrow run beside their column or across columns over it; and whether a word runs
on across a break between two lines, which says that they are one head."""
from __future__ import annotations

from . import lexicon
from .lines import (BYLINE_RE, CREDIT_OPEN_RE, REPORTER_LEDE_RE, Line, ends_sentence, inline_text, leaves_open,
                    spaceless_text)
from .names import byline_line, is_name_line, name_fragment, names_only
from .pieces import INDENT_MOST, cut_before_quote, headish, indented, measure, physical_width
from .pulls import BOX_INSET, Page

WIDE = 2.0  # ems a headline line is wider than the column under it, at least
HEAD_LINES = 6  # the most short lines of one head set beside the text of a narrow column
SUBTITLE_LINES = 4  # the most lines of a subtitle (——…) under head lines
COLUMN_FILL = 0.75  # ems from the page's column a line may be and fill it


def wide_heads(block: list[Line]) -> int:
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
            or subtitle_over_byline(block, k)):
        k += 1
    if not k:
        return 0
    text = [ln for ln in block[k:] if not (is_name_line(ln) or BYLINE_RE.match(ln.text))]
    # the column is known from three lines of text, or from two of one width (two full lines)
    return k if len(text) >= 3 or (len(text) == 2 and abs(text[0].width - text[1].width) <= 1.0) else 0


def subtitle_over_byline(block: list[Line], k: int) -> bool:
    """Whether line ``k`` of ``block`` goes on with a subtitle (——…) begun above it, in
    the lines of a subtitle: it stands right over the byline (a name, a credit, or a name's
    first character the layout broke off), and no body line stands between a subtitle and
    its byline (——学习《…政⏎》第二卷关于…中国⏎特色社会主义的重要论述⏎夏春涛)."""
    start = next((n for n in range(k) if block[n].text.startswith("——")), None)
    if start is None or k - start >= SUBTITLE_LINES or k + 1 >= len(block):
        return False
    under = block[k + 1]
    return byline_line(under) or name_fragment(under)


def fills_column(block: list[Line], col: float, measured: int) -> bool:
    """Whether three lines of ``block`` or more each fill the page's column, in characters:
    body text. A head set in the column is set in larger type, fewer characters to the line
    (呈现多样化多层次多方面的特点：⏎期盼有更好的教育、更稳定的工作、⏎… holds no sentence
    punctuation but is a sentence's lines). Only where other text shows the column: of the
    ``measured`` lines it was measured on, three at least are not the block's."""
    return measured - len(block) >= 3 and sum(abs(ln.width - col) <= COLUMN_FILL for ln in block) >= 3


def wide_over_stray(block: list[Line], col: float) -> int:
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


def opens_sentence(before: Line, line: Line) -> bool:
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


def head_over_stray_tail(block: list[Line], col: float, page: Page, bi: int) -> int:
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
            any(cut_full_line(block[i], block[i + 1], col) for i in range(k - 1)):
        return 0
    return 0 if word_across(block[k - 1], tail[0], page, bi) else k


def cut_full_line(line: Line, nxt: Line, full: float) -> bool:
    """Whether ``line`` and ``nxt`` are one printed line of text, a column ``full`` ems
    wide, that pdftotext cut before an opening quote (着新中国从“站起来”⏎“富起来”走向): together
    they fill the column, as no head's two lines do."""
    return cut_before_quote(line.width, nxt, full) and line.width + nxt.width >= full - 1


def head_over_paragraph(block: list[Line], page: Page, bi: int) -> int:
    """How many lines (one or two) at the top of ``block`` are a head over the first line of
    a paragraph, or 0: they hold no sentence punctuation and end no sentence, clause or
    quotation's lead-in (，、：), are no name (a byline), and the line under them is a
    paragraph's indented first line, which opens a sentence after them
    (:func:`opens_sentence`; no word runs on into it, :func:`runs_on`). A paragraph's last
    line ends its sentence: lines that end none cannot come before a paragraph's start but
    as its head."""
    for k in (2, 1):  # two lines when both fit: a head's second line is no paragraph's first
        full = measure(block[k:k + 8])
        # (one line of two clauses only where it is set across the column: no body line is)
        if len(block) < k + 3 or not all((headish(ln) or k == 1 and clause_line(ln) and ln.width >= full + WIDE)
                                         and not ends_sentence(ln.text) and not is_name_line(ln)
                                         and not ln.text.endswith(("，", "、", "：", ":")) for ln in block[:k]):
            continue
        if k == 2 and indented(block[1], full, block[2]) and block[2].width >= full - 1 \
                and opens_sentence(block[0], block[1]) and not runs_on(block[0], block[1], page, bi):
            continue  # text under a head opens with an indented line: here the second line does
        if k == 2 and cut_full_line(block[0], block[1], full):
            continue  # one line of text that pdftotext cut before a quote, not two head lines
        # the line under them is a paragraph's indented first line; or they are two lines
        # short of the column, which no body line is but the last of its paragraph
        short = k == 2 and all(ln.width <= full - 1.5 for ln in block[:k])
        # (or the line under them is set across columns, at least twice as wide as the column
        # under it: a lede's first line, whose paragraph opens the article's text)
        wide = block[k].width >= LEDE_COLUMNS * full
        under = indented(block[k], full, block[k + 1])
        # the page printing the characters each side of the join together says a word runs
        # across it, unless the line under them opens a paragraph and they begin and end in
        # words: two words side by side, a phrase the page happens to print (国外媒体对新时
        # 代的解读⏎中国奇迹…, 解读中国 elsewhere), not one word cut
        cut = runs_on(block[k - 1], block[k], page, bi) and not (under and in_words(block[:k]))
        if (short or wide or under) and opens_sentence(block[k - 1], block[k]) and not cut:
            return k
    return 0


LEDE_COLUMNS = 2  # a lede set across columns spans two of them at least


NARROW_RUN = 0.7  # the widest a subhead's lines are set, as a share of the column under them
RUN_CHARS = 60  # the most characters of a subhead set on several narrow lines
RUN_LINES = 10  # ... on as many lines as RUN_CHARS fill at six characters a line


def narrow_head_run(block: list[Line], page: Page, bi: int, col: float) -> int:
    """How many lines (two to RUN_LINES) at the top of ``block`` are a subhead set at a
    measure of its own, well short of the column under it, or 0: each line NARROW_RUN of
    that column at most and, but for the last, of one width (justified at the subhead's
    measure), none a personal name (a surname first: 置改革 has only a name's shape);
    together one head of RUN_CHARS at most that ends no sentence, clause or lead-in
    (，、：) and holds no 。；, though commas may part its clauses
    (一、保持零容忍态⏎度和高压态势，坚⏎决打赢…); and the text under it opens a sentence
    (no word runs on into it, :func:`opens_sentence`) in a line that fills the column or is
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
        if not one_head_of_clauses(heads):
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
        if opens_sentence(block[k - 1], under) and not runs_on(block[k - 1], under, page, bi):
            return k
    return 0


def one_head_of_clauses(lines: list[Line]) -> bool:
    """Whether ``lines`` together can be one head of clauses: RUN_CHARS at most, holding no
    。；, ending no sentence, clause or lead-in (，、：) and leaving no quotation open."""
    text = inline_text(lines)
    return len(spaceless_text(lines)) <= RUN_CHARS and not text.endswith(("，", "、", "：", ",", ":")) \
        and not ends_sentence(text) and not leaves_open(text) and "。" not in text and "；" not in text


def clause_line(line: Line) -> bool:
    """A line that could be a head of two clauses (建设高标准市场体系，推进要素市场化配置改革):
    :func:`headish` with commas, ending no clause and leaving no quotation open. Whether it is
    one the caller tells by other evidence (a pull quote under it, its measure)."""
    t = line.text
    return headish(line, clauses=True) and not headish(line) and not t.endswith(("，", "、", "：", ",", ":")) \
        and not leaves_open(t)


def head_over_credit(block: list[Line]) -> int:
    """How many lines (one to three) at the top of ``block`` are a head over a news lede that
    opens with its reporter's credit (（记者李建敏）中国国家海洋…) or with the reporter saying
    where the news was learnt (记者从…获悉), or 0: either opens a lede's first line, so head
    lines that end no sentence right over it are its headline."""
    k = next((k for k in range(1, min(4, len(block)))
              if CREDIT_OPEN_RE.match(block[k].text) or REPORTER_LEDE_RE.match(block[k].text)), 0)
    if k and all(headish(ln) and not ends_sentence(ln.text) for ln in block[:k]):
        return k
    return 0


def head_at_block_end(lines: list[Line]) -> int:
    """How many lines (two or three; up to HEAD_LINES for a head of two clauses) at the foot
    of text ``lines`` are a head set over the next column, or 0: each holds no sentence
    punctuation, is no name and is set two ems or more short of the column, and the line
    before them ends a sentence. (One such line may be a paragraph's indented first line,
    cut at the column's foot: it is left alone.) Lines whose commas part two clauses are
    such a head only where they are set at most NARROW_RUN of the column, end no clause and
    hold no sentence, as :func:`narrow_head_run` reads them at a block's top."""
    for k in range(min(HEAD_LINES, len(lines) - 1), 1, -1):
        if not ends_sentence(lines[-k - 1].text):
            continue
        full = measure(lines[:-k])
        heads = lines[-k:]
        if k <= 3 and all(headish(ln) and not is_name_line(ln) and ln.width <= full - 2 for ln in heads):
            return k
        if any("，" in ln.text for ln in heads) and one_head_of_clauses(heads) \
                and all(headish(ln, clauses=True) and not is_name_line(ln)
                        and physical_width(lines, len(lines) - k + n, full) <= NARROW_RUN * full
                        for n, ln in enumerate(heads)):
            return k  # (a line cut before an opening quote measured with the pieces cut off it)
    return 0



def short_of(line: Line, under: list[Line]) -> bool:
    """Whether ``line`` is more than a paragraph's indent short of the column of the lines
    ``under`` it: a head's line, not the body's."""
    full = measure(under)
    return line.width <= full - 1.5 and not indented(line, full, under[0])


def word_across(line: Line, nxt: Line, page: Page, bi: int) -> bool:
    """Whether a word runs on from ``line`` into ``nxt``: the lexicon reads one across the
    join (:func:`.lexicon.join_score`), or the page prints the characters either side of it
    together elsewhere (:func:`runs_on`)."""
    return bool(lexicon.join_score(line.text, nxt.text)) or runs_on(line, nxt, page, bi)


def head_cut_in_word(line: Line, nxt: Line, page: Page, bi: int) -> bool:
    """Whether a head's last ``line`` is cut inside a word that runs on into ``nxt``: the
    page prints the characters each side of the break together elsewhere (:func:`runs_on`),
    or the head does not end in a word (its last two characters make none: 促科, 特色产), or
    its last character makes a commoner one with the next line's first (节前, 前夕), and the
    lexicon reads one across the break (科技, 前夕). A head may end in a word (…创业教育),
    however the line under it begins (教育⏎学有所教…: no 教育学 there); one that ends in a
    word of three or four characters ends there, whatever its last character makes with the
    next line's first (…中国特色社会学⏎习近平同志…: 社会学, not 学习)."""
    if runs_on(line, nxt, page, bi):
        return True
    text = "".join(line.text.split())
    tail = text[-2:]
    head = "".join(nxt.text.split())[:1]
    words = lexicon.words()
    if any(words.get(text[-k:]) for k in (3, 4) if len(text) >= k):
        return False
    return len(tail) == 2 and bool(head) and (not words.get(tail) or words.get(tail[-1] + head) > words.get(tail)) \
        and bool(lexicon.join_score(line.text, nxt.text))


def in_words(lines: list[Line]) -> bool:
    """Whether ``lines`` begin with a word of two to four characters the lexicon knows and
    end in one (:func:`ends_in_word`)."""
    text = spaceless_text(lines)
    return any(_known(text[:k]) for k in (2, 3, 4) if len(text) >= k) and ends_in_word(lines[-1])


def ends_in_word(line: Line) -> bool:
    """Whether ``line`` ends in a word of two to four characters the lexicon knows: a head
    ends where its phrase does; a line the layout cut, anywhere (粤港澳大湾区兼具机电技⏎术)."""
    text = spaceless_text([line])
    return any(_known(text[-k:]) for k in (2, 3, 4) if len(text) >= k)


def _known(word: str) -> bool:
    """Whether the lexicon knows ``word``."""
    return bool(lexicon.words().get(word))


def runs_on(line: Line, nxt: Line, page: Page, bi: int) -> bool:
    """Whether a word runs on from ``line`` into ``nxt``: the two characters each side of
    the break are printed together elsewhere on the page (江苏万兆光⏎网试点…: 兆光网试). A
    name never runs on into the text under it."""
    a, b = "".join(line.text.split()), "".join(nxt.text.split())
    return len(a) >= 2 and len(b) >= 2 and page.printed_elsewhere(a[-2:] + b[:2], bi)
