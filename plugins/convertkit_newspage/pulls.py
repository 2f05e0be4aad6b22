"""Pull quotes: a sentence or two of an article repeated in large type beside it. They are
found by their repetition of a body sentence (a longest-common-subsequence ratio), on the
page (:class:`Page`, while blocks are classified) or in an article's paragraphs
(:func:`best_match`, while sections are built), and by the shape of the box they are set in
(:func:`box_shaped` and the tests after it, which the pieces stage asks of a block)."""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right

from convertkit.cjk import join_pair

from . import lexicon
from .lines import Line, ends_sentence, inline_text, joined
from .pieces import INDENT_MOST, headish, measure
from .similarity import best_ratio, lcs_bound, lcs_length

PULL_SIMILARITY = 0.75


PULL_MAX = 120  # characters: a pull quote is a sentence or two, never a whole paragraph


PULL_LINES = 400  # how far a pull quote may be from the sentence it repeats (same page)
GRAM = 4  # characters: runs this long say where a text's words are printed again


class Page:
    """The page's blocks, with the sentences of its text, for pull-quote checks."""

    def __init__(self, blocks: list[list[Line]]) -> None:
        self.blocks = blocks
        # the sentences of the blocks starting in each stretch of PULL_LINES lines, by length:
        # (length, block's first line, sentence, block's line numbers), and the lengths. Built
        # when first asked for; stretches far behind are dropped (a long input stays small)
        self._buckets: dict[int, tuple[list[tuple[int, int, str, frozenset[int]]], list[int]]] = {}
        self._block_starts = [b[0].no for b in blocks]
        self._texts: dict[int, str] = {}  # each block's text, joined when first asked for

    def printed_elsewhere(self, text: str, bi: int) -> bool:
        """Whether ``text`` is printed word for word in the other blocks within PULL_LINES
        lines of block ``bi``, read one after another (a sentence may run on across a
        column break)."""
        return self.printed_after(text, bi) is not None

    def printed_after(self, text: str, bi: int) -> str | None:
        """What the other blocks within PULL_LINES lines of block ``bi``, read one after
        another, print right after ``text`` where they print it word for word (the next few
        characters; "" at their end); None where they do not print it. The blocks before
        ``bi`` and those after it are read apart: block bi - 1 does not run on into bi + 1."""
        lo, hi = self.near(bi)
        for ks in (range(lo, min(bi, hi)), range(max(lo, bi + 1), hi)):
            other = "".join(self._text(k) for k in ks)
            found = other.find(text)
            if found >= 0:
                return other[found + len(text):found + len(text) + 4]
        return None

    def share_printed_near(self, text: str, bi: int) -> float:
        """The share of ``text``'s runs of GRAM characters that the other blocks within
        PULL_LINES lines of block ``bi`` print: a sentence the body runs on across a column
        break is no sentence of one block, but its words are all printed."""
        grams = {text[k:k + GRAM] for k in range(len(text) - GRAM + 1)}
        if not grams:
            return 0.0
        lo, hi = self.near(bi)
        other = "\n".join(self._text(k) for k in range(lo, hi) if k != bi)
        return sum(g in other for g in grams) / len(grams)

    def near(self, bi: int) -> tuple[int, int]:
        """The blocks that start within PULL_LINES lines of block ``bi``'s start: (lo, hi), a
        range of their indices."""
        at = self._block_starts[bi]
        return bisect_left(self._block_starts, at - PULL_LINES), bisect_right(self._block_starts, at + PULL_LINES)

    def _text(self, k: int) -> str:
        if k not in self._texts:
            self._texts[k] = joined(self.blocks[k])[0]
        return self._texts[k]

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
        parts = sentences(candidate)  # a quote of two clauses (…短板；…差距。) repeats both
        if len(parts) > 1:
            return math.fsum(len(part) * self._repeat(part, used) for part in parts) / len(candidate)
        return self._repeat(candidate, used)

    def _repeat(self, candidate: str, used: set[int]) -> float:
        """How nearly the sentence ``candidate`` repeats one at least as long near it."""
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
                items.extend((len(sent), block[0].no, sent, nos) for sent, nos in _sentence_lines(block))
            items.sort(key=lambda x: x[0])
            found = self._buckets[key] = (items, [x[0] for x in items])
            for old in [k for k in self._buckets if k < key - 2]:
                del self._buckets[old]
        return found

def _sentence_lines(block: list[Line]) -> list[tuple[str, frozenset[int]]]:
    """The sentences of ``block`` with the numbers of the lines each is printed on (a box
    may hold a pull quote and, under it, the body sentence it repeats)."""
    text, marks = joined(block)
    # line k holds text[spans[k][0]:spans[k][1]]; the sentences and the lines both run
    # forward, so the first line a sentence may touch only moves on
    spans = [(pos, marks[k + 1][0] if k + 1 < len(marks) else len(text), no) for k, (pos, no) in enumerate(marks)]
    out, at, first = [], 0, 0
    for sent in sentences(text):
        end = at + len(sent)
        while first < len(spans) and spans[first][1] <= at:
            first += 1
        nos = []
        for pos, stop, no in spans[first:]:
            if pos >= end:
                break
            if stop > at:
                nos.append(no)
        out.append((sent, frozenset(nos)))
        at = end
    return out


_SENTENCE_END_RE = re.compile(r"(?<=[。！？；])")
_SENTENCES: dict[str, tuple[str, ...]] = {}


def forget() -> None:
    """Empty the memo of sentences (it serves one document)."""
    _SENTENCES.clear()


def sentences(s: str) -> tuple[str, ...]:
    """The sentences of ``s`` (remembered: the pull-quote checks split the same paragraphs
    again and again; a bounded memo)."""
    found = _SENTENCES.get(s)
    if found is None:
        if len(_SENTENCES) >= 4096:
            _SENTENCES.clear()
        found = _SENTENCES[s] = tuple(x for x in _SENTENCE_END_RE.split(s) if x)
    return found


def best_match(candidate: str, texts: list[str]) -> float:
    """How nearly ``candidate`` repeats a sentence of ``texts`` (1.0 when one holds it)."""
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


# The shapes of a pull quote box, as the pieces stage tells them (:mod:`.classify`)

BOX_INSET = 2.0  # ems a box's lines are narrower than the page's column, at least
BOX_ACROSS = 3.0  # ... or wider, for a box set across columns
SPREAD_SLACK = 0.1  # a sentence found only as runs of words printed near by counts for that much less
ATOP_INSET = 1.0  # ems a box's lines are narrower than the text under it in its block, at least
#: how nearly a box printed over text in its block repeats a body sentence, at least: printed
#: with no blank line between it and the text, it takes closer evidence than PULL_SIMILARITY
ATOP_SIMILARITY = 0.8


def over_pull_quote(block: list[Line], bi: int, page: Page, col: float) -> bool:
    """Whether ``block``'s first line stands over a pull quote boxed across columns: the
    sentence under it repeats one printed elsewhere and is set wider than the page's column
    and than the text after it in the block: a body sentence the quote repeats goes on into
    its paragraph at its column's measure."""
    cand, used = page.pull_candidate(bi, 1)
    if page.repeats_elsewhere(cand, used) < PULL_SIMILARITY:
        return False
    wide = max(ln.width for ln in block if ln.no in used) - BOX_ACROSS
    after = [ln for ln in block if ln.no > max(used)]
    return col < wide and (not after or measure(after[:8]) < wide)


def pull_box(block: list[Line], page: Page, bi: int, col: float) -> float:
    """How nearly ``block`` repeats a body sentence as a whole, if it is set like a pull
    quote box (:func:`box_shaped`), one statement. 0.0 when it is not
    such a block; also when its lines after the first repeat the body better (the first
    line is then the box's subhead)."""
    if not box_shaped(block, col):
        return 0.0
    text = inline_text(block)
    if not 8 <= len(text) <= PULL_MAX or not ends_sentence(text):
        return 0.0
    score = page.repeats_elsewhere(text, {ln.no for ln in block})
    if score < PULL_SIMILARITY and not headish(block[0]):
        # the sentence it repeats may run on across a column break: every run of its
        # words printed in the body near by (not for a head-like first line, which may
        # head the box)
        score = max(score, page.share_printed_near(text, bi) - SPREAD_SLACK)
    if score >= PULL_SIMILARITY and headish(block[0]):
        rest = page.repeats_elsewhere(inline_text(block[1:]), {ln.no for ln in block})
        if rest > score:
            return 0.0
    return score


def box_shaped(block: list[Line], col: float) -> bool:
    """Whether ``block`` is set like a pull quote box: two to eight lines, all narrower than
    the page's column ``col`` (a box inset in its column) or, but for the last, clearly
    wider (a box across columns); or one line clearly wider (a quote across columns that
    fits on one line)."""
    if not col:
        return False
    if len(block) == 1:
        return block[0].width >= col + BOX_ACROSS
    if len(block) > 8:
        return False
    return max(ln.width for ln in block) <= col - BOX_INSET or across_columns(block, col)


def across_columns(lines: list[Line], col: float) -> bool:
    """Whether ``lines`` are set as a box across columns: two or more, all but the last
    clearly wider than the page's column ``col`` (BOX_ACROSS ems; body lines never are)."""
    return bool(col) and len(lines) >= 2 and min(ln.width for ln in lines[:-1]) >= col + BOX_ACROSS


def pull_cut(block: list[Line], page: Page, bi: int, col: float) -> bool:
    """Whether ``block`` is a pull quote box that cut its quote off at its edge: two to
    eight lines set like a box (:func:`box_shaped`), CUT_CHARS or more that
    end no sentence, printed word for word elsewhere on the page, where a word runs on
    across the point the box cut (新型国⏎际关系): a head never ends inside a word."""
    if not box_shaped(block, col):
        return False
    text = inline_text(block)
    if not CUT_CHARS <= len(text) <= PULL_MAX or ends_sentence(text):
        return False
    after = page.printed_after(text, bi)
    return bool(after) and bool(lexicon.join_score(text, after))


CUT_CHARS = 12  # characters at least of a cut-off quote: fewer might be a head the body repeats


SPLIT_MIN = 12  # characters at least of a quote printed in two blocks


def split_quotes(blocks: list[list[Line]], page: Page) -> dict[int, int]:
    """The blocks (indices) that are parts of a pull quote pdftotext printed apart (a box's
    lines fall in two blocks, printed far from each other, a part too short to repeat a
    sentence on its own): two short blocks (eight lines and fewer than PULL_MAX characters
    each), the first ending no sentence, whose texts joined, SPLIT_MIN characters or more, the
    page's other blocks print word for word (the body the quote repeats), the first's words
    right before the second's. A quote in three blocks is two such pairs. Each block found,
    with the other part's (its index)."""
    texts = {k: inline_text(b) for k, b in enumerate(blocks) if len(b) <= 8}
    short = {k: t for k, t in texts.items() if len(t) < PULL_MAX}
    found: dict[int, int] = {}
    for a, head in short.items():
        if len(head) < 4 or ends_sentence(head):
            continue
        after = page.printed_after(head, a)  # (what the body prints next: the second part's start)
        if not after:
            continue
        lo, hi = page.near(a)  # (the same printed page: linear in a long input)
        for b in range(lo, hi):
            rest = short.get(b)  # (a rest of fewer characters than ``after``: its start)
            if rest is not None and b != a and (rest.startswith(after) or after.startswith(rest)) \
                    and SPLIT_MIN <= len(head) + len(rest) <= PULL_MAX \
                    and page.printed_elsewhere(head + rest, a) and page.printed_elsewhere(head + rest, b):
                found.setdefault(a, b)
                found.setdefault(b, a)
    return found


def pull_atop(block: list[Line], page: Page) -> int:
    """How many lines at the top of ``block`` are a pull quote box over the column's text,
    or 0: two to eight lines, set inset in the column (each ATOP_INSET narrower than the
    text under them) or across columns (each but the last BOX_ACROSS wider), ending one
    statement that repeats a body sentence printed elsewhere (ATOP_SIMILARITY), over the
    text (a line that fills its column, or a paragraph's indented first line, and a full
    one under it)."""
    for k in range(2, min(9, len(block) - 2)):
        if not ends_sentence(block[k - 1].text):
            continue
        col = measure(block[k:k + 8])
        inset = all(ln.width <= col - ATOP_INSET for ln in block[:k])
        across = all(ln.width >= col + BOX_ACROSS for ln in block[:k - 1])
        if not (inset or across) or block[k].width < col - INDENT_MOST or block[k + 1].width < col - ATOP_INSET:
            return 0
        text = inline_text(block[:k])
        return k if page.repeats_elsewhere(text, {ln.no for ln in block[:k]}) >= ATOP_SIMILARITY else 0
    return 0
