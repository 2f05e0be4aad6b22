"""Headline blocks to articles by the words they share.

A stack of headline blocks printed together (kicker of one article, headline of another,
the first one's headline, the second's subtitle …) reaches segmentation as the heads of the
article printed under it. A headline takes up its own article's words (打赢脱贫攻坚战的有益参考
over a text about 脱贫攻坚; a subtitle ——《摆脱贫困与全面小康》简评 over the review of that
book): each printed block of a stack goes to the article whose text covers most of its
character pairs, when that is clearly more than the article it was printed over. Blocks of
one article stay in print order, a subtitle (——…) under its headline; nothing moves
without a clear margin.
"""
from __future__ import annotations

from .lines import NEWS_LEDE_RE, Line, spaceless_text
from .rules import Explain, Stage, register

register(Stage.HEADLINES, {
    "title-by-words": "a head block printed over another article goes to the article whose words it takes up",
    "kicker-follows-headline": "the block printed over a headline that went to another article goes with it, as "
                               "its kicker, where that article's text takes up as much of its words",
    "byline-follows-headline": "the byline printed under a headline that went to another article goes with it",
    "kicker-by-size": "a head the page sets smaller right over a larger head is its kicker: it goes where that "
                      "head goes (PDF input)",
})

# MIN_COVER and FOREIGN (0.5 and 0.2 before session 30) were chosen by a coordinate search on the
# development pages' whole-page figures, as were the thresholds of `lede-goes-on` and
# `out-of-item` (docs/reader.md, session 30)
MIN_COVER = 0.35  # the least share of a block's character pairs the new article's text must hold
MARGIN = 0.3  # how much more it must hold than the article the block was printed over
FOREIGN = 0.28  # the most of a head block's character pairs an article's text holds when it is another's
LEDE_WORDS = 12  # characters: a news lede's first words, which say when it happened


def pairs_of(lines: list[Line]) -> set[str]:
    """The character pairs of head ``lines`` (a subtitle's dash left out)."""
    t = spaceless_text(lines).lstrip("—")
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _cover(pairs: set[str], text: str) -> float:
    return sum(p in text for p in pairs) / len(pairs) if pairs else 0.0


def covers(lines: list[Line], text: str) -> float:
    """The share of the character pairs of head ``lines`` that ``text`` holds."""
    return _cover(pairs_of(lines), text)


def blocks_of(heads: list[Line], sizes: list[int]) -> list[list[Line]]:
    """The printed blocks of an article's heads (``sizes``: lines per block)."""
    if sum(sizes) != len(heads):
        return [heads] if heads else []
    out, at = [], 0
    for n in sizes:
        out.append(heads[at:at + n])
        at += n
    return out


def redistribute(drafts: list, body_text, explain: Explain, kickers: frozenset[int] = frozenset()) -> None:
    """Move head blocks to the articles whose text takes up their words: the blocks of
    headline stacks (articles with two or more head blocks), and a lone headline printed
    over text it does not describe to an article that has none; ``body_text(draft)`` gives
    an article's text. ``kickers``: the first lines of heads a front end that sees type
    sizes found set smaller right over a larger head (a kicker over its headline): each goes
    where the head under it goes, whatever its own words (a kicker's are its article's
    theme, 让中国特色社会主义展现出更加强大生命力, which the page's other essays share).
    Drafts are changed in place (their ``heads`` and ``head_sizes``)."""
    stacks = [d for d in drafts if d.head_sizes and sum(d.head_sizes) == len(d.heads)]
    if not stacks:
        return
    texts = [body_text(d) for d in drafts]
    if sum(1 for t in texts if t) < 2:
        return
    moved: dict[int, list[tuple[int, list[Line]]]] = {}  # article -> (first line, block) moved there
    for d in stacks:
        home = drafts.index(d)
        keep: list[list[Line]] = []
        stack = blocks_of(d.heads, d.head_sizes)
        goes = [_goes(block, home, len(stack), drafts, texts) for block in stack]
        for n in range(len(stack) - 2, -1, -1):  # (from the foot: a kicker over a kicker's head)
            if stack[n][0].no in kickers:
                goes[n] = goes[n + 1]
                explain("kicker-by-size", (stack[n][0].no, stack[n][-1].no),
                        "set smaller right over a larger head: its kicker, which goes where that head goes")
        _theme_follows(stack, goes, d, drafts, texts, explain)
        for block, found in zip(stack, goes):
            if found is None:
                keep.append(block)
                continue
            k, best, mine = found
            moved.setdefault(k, []).append((block[0].no, block))
            explain("title-by-words", (block[0].no, block[-1].no),
                    f"a head block printed over another article takes up the words of the article at "
                    f"index {k} ({best:.0%} of its character pairs, {mine:.0%} where it was printed)")
        _kicker_follows(d, home, keep, moved, texts, explain)
        d.heads = [ln for b in keep for ln in b]
        d.head_sizes = [len(b) for b in keep]
        _byline_follows(d, moved, drafts, texts, explain)
    for k, blocks in moved.items():
        d = drafts[k]
        # print order, but the block printed right over this article's byline is the
        # headline (a kicker stands over it; a block moved here from over another article's
        # byline is not, unless that byline came with it) and a subtitle (——…) always goes
        # under its headline
        merged = sorted([(b[0].no, b) for b in blocks_of(d.heads, d.head_sizes)] + blocks,
                        key=lambda x: (x[1][0].text.startswith("——"), over_byline(x[1], d), x[0]))
        d.heads = [ln for _, b in merged for ln in b]
        d.head_sizes = [len(b) for _, b in merged]


def _goes(block: list[Line], home: int, stacked: int, drafts: list, texts: list[str]
          ) -> tuple[int, float, float] | None:
    """Where head ``block``, one of ``stacked`` blocks over article ``home``, goes by its
    words: (the article, the share of its character pairs that article's text holds, the
    share ``home``'s holds), or None where it stays."""
    pairs = pairs_of(block)
    covers = [(_cover(pairs, t) if t else 0.0, k) for k, t in enumerate(texts)]
    best, k = max(covers)
    mine = covers[home][0]
    # a lone headline moves only to an article that has none; a lone subtitle stays under
    # the byline it was printed right over (its headline is elsewhere), and printed over
    # none goes under the headline of the article whose text takes up its words, where that
    # article has no subtitle of its own (since session 58)
    if block[0].text.startswith("——"):
        lone = stacked == 1 and (over_byline(block, drafts[home])
                                 or any(ln.text.startswith("——") for ln in drafts[k].heads))
    else:
        lone = stacked == 1 and bool(drafts[k].heads)
    if k != home and best >= MIN_COVER and best >= mine + MARGIN and not lone:
        return k, best, mine
    return None


def _theme_follows(stack: list[list[Line]], goes: list, d, drafts: list, texts: list[str],
                   explain: Explain) -> None:
    """A kicker states its article's theme, which the page's other essays share
    (让中国特色社会主义展现出更加强大生命力): where the foot of ``d``'s stack, printed right over
    its byline, goes by its words to an article, and the block printed over it would go by
    its own to another that has a headline of its own, it goes with the headline instead
    (``goes`` changed in place) where the headline's article takes up its words (FOREIGN at
    least) within MARGIN of the article that takes up most: a head can be another article's
    headline only over text without one, and only where its words say so clearly."""
    if len(stack) < 2 or goes[-1] is None or goes[-2] is None or not over_byline(stack[-1], d):
        return
    k, (other, best, mine) = goes[-1][0], goes[-2]
    kicker = stack[-2]
    if other == k or kicker[0].text.startswith("——") \
            or not any(not ln.text.startswith("——") for ln in drafts[other].heads):
        return
    there = _cover(pairs_of(kicker), texts[k])
    if there >= FOREIGN and there >= best - MARGIN:
        goes[-2] = (k, there, mine)
        explain("kicker-follows-headline", (kicker[0].no, kicker[-1].no),
                f"printed over a headline that goes to the article at index {k}, which takes up {there:.0%} of its "
                f"character pairs (the article at index {other}, which has a headline, {best:.0%}): its kicker")


def _kicker_follows(d, home: int, keep: list[list[Line]], moved: dict[int, list], texts: list[str],
                    explain: Explain) -> None:
    """A kicker stands over its headline: where the last block of ``d``'s stack (its
    headline, printed under the others) went to another article, each block left (``keep``,
    changed in place) that was printed over it and whose words that article's text takes up
    (FOREIGN at least), and at least as much as ``d``'s, goes with it."""
    if not keep:
        return
    last = d.heads[-1].no
    for k, blocks in moved.items():
        if not any(b[-1].no == last for _, b in blocks):
            continue
        for block in [b for b in keep if b[-1].no < last and not b[0].text.startswith("——")]:
            pairs = pairs_of(block)
            there = _cover(pairs, texts[k])
            if there >= FOREIGN and there >= _cover(pairs, texts[home]):
                keep.remove(block)
                blocks.append((block[0].no, block))
                explain("kicker-follows-headline", (block[0].no, block[-1].no),
                        "the block printed over a headline goes with it to the article whose words it takes up: "
                        "its kicker")
        return


def _byline_follows(d, moved: dict[int, list], drafts: list, texts: list[str], explain: Explain) -> None:
    """A byline is printed right under its article's headline: when the block printed over
    ``d``'s byline went to another article (``moved``) and no head of ``d`` is left, the
    byline goes with it (:func:`byline_goes_with`), to an article that has none."""
    if not d.byline or d.heads:
        return
    for k, blocks in moved.items():
        if any(byline_goes_with(b, d, texts[k]) for _, b in blocks) and not drafts[k].byline:
            drafts[k].byline, d.byline = d.byline, []
            explain("byline-follows-headline", (drafts[k].byline[0].no, drafts[k].byline[-1].no),
                    "the byline printed under a headline goes with it to the article whose words it takes up")
            return


def byline_goes_with(block: list[Line], d, text: str) -> bool:
    """Whether ``d``'s byline, printed right under head ``block`` (:func:`over_byline`), goes
    with it to the article whose text is ``text``: not where that text opens as a news lede
    does, saying when it happened in its first words (LEDE_WORDS characters: 吉林省商务厅
    日前公布…), for a news item carries its reporter in its dateline, and the name is then
    the byline of the text it was printed over, whose headline is printed elsewhere."""
    return over_byline(block, d) and not NEWS_LEDE_RE.search(text[:LEDE_WORDS])


def over_byline(block: list[Line], d) -> bool:
    """Whether head ``block`` was printed right over ``d``'s byline."""
    return bool(d.byline) and d.byline[0].no == block[-1].no + 1


def text_pairs(t: str) -> set[str]:
    return {t[i:i + 2] for i in range(len(t) - 1)}


def coverage(headline: str, text: str) -> float:
    """The share of a headline's character pairs found in an article's text: a headline
    takes up its article's words (法治与德治何以相得益彰 over 以德治国 … 相得益彰),
    though seldom one long run of them. (Searched in the text, not in a set of its pairs:
    a page of many headless articles would hold a set per article.)"""
    mine = text_pairs("".join(headline.split()))
    return sum(pair in text for pair in mine) / len(mine) if mine else 0.0
