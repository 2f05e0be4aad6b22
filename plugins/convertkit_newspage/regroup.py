"""Stage 5, articles regrouped by their words: the articles as openers and closers cut them
(:mod:`.articles`) are mended where the words say otherwise. Untitled text joins the article
whose vocabulary it shares; a block printed inside a news item goes to the article it is
about; two articles under a stack of two headlines are cut apart where each part takes up
one headline's words; a head and text printed apart whose words another article takes up
are a section of it."""
from __future__ import annotations

import math
import re
from collections import Counter

from . import titles
from .articles import PAGE_LINES, Draft, draft_text
from .lines import HAN, Line, ends_sentence, inline_text
from .pieces import Kind, Piece, text_of
from .rules import Explain, Stage, register

register(Stage.ARTICLES, {
    "merged-by-affinity": "untitled text joins the article that shares clearly the most of its vocabulary",
    "section-apart": "a head and text printed apart whose words another article takes up are a section of it",
    "split-by-headlines": "two headlines over one article whose text falls in two parts, each taking up the "
                          "words of one headline and not the other's, are two articles",
    "headline-to-headless": "a head with no text under it is the headline of the article with none whose text "
                            "takes up its words",
    "out-of-item": "a block inside a dated news item that shares far more of its words with another article is "
                   "that article's",
})

MERGE_MIN, MERGE_RATIO = 0.3, 1.3  # untitled text joins the article sharing clearly most of its pairs


def _bigrams(lines: list[Line]) -> set[str]:
    return titles.text_pairs("".join(ln.text for ln in lines))


def merge_by_affinity(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """Text with neither headline, byline nor dateline, on a page of titled articles, is
    part of one of them printed apart (an intro set beside the headline stack): it goes to
    the article whose text shares clearly the most of its character pairs. As its intro
    when that article starts with a subhead (it lacks its intro) or is printed after the
    text (its headline was set beside the first lines: inset), else at its end."""
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
        if target.body and target.body[0].kind is Kind.HEAD or at < starts[k]:
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


ITEM_RATIO = 3.0  # how many times more of its weighted pairs another article must share
ITEM_MIN = 0.1  # the least share another article must hold at all
LEDE_MAX = 0.02  # a block that shares at most this much of its weighted pairs with the lede ...
APART_MIN = 0.25  # ... goes to another article that holds this much of them
ITEM_BLOCKS = 60  # text blocks at most: a longer text under a dateline is no short news item
ITEM_MOVES = 24  # blocks at most leave the items of one page (each move measures the page again)


def take_out_of_items(drafts: list[Draft], explain: Explain) -> None:
    """A news item (opened by its dateline) is short (ITEM_BLOCKS text blocks at most) and
    about one thing. A text block
    inside it, after its first, whose character pairs (weighted by how few blocks of the
    page use them) another article shares ITEM_RATIO times as much as the item's other
    blocks, or APART_MIN of them while the item's lede (its first block) shares next to none
    (LEDE_MAX), is that article's, printed among the item's columns: it goes to the end of
    that article. The clearest such block on the page moves first, and the shares are
    measured again (the item's other blocks may be that article's too, which hid it); a
    block moves once (ITEM_MOVES at most), and an article's new blocks stand in the order
    printed. Drafts are changed in place."""
    texts = [[p for p in d.body if p.kind is Kind.TEXT] for d in drafts]
    if not any(d.dateline and len(t) >= 2 for d, t in zip(drafts, texts)):
        return
    pairs = {id(p): _han_pairs(p) for t in texts for p in t}
    df: dict[str, int] = {}
    for ps in pairs.values():
        for b in ps:
            df[b] = df.get(b, 0) + 1
    n = len(pairs)
    weight = {b: math.log((n + 1) / c) for b, c in df.items()}
    # how many text blocks of each article hold each pair, kept up to date as blocks move
    counts = [Counter(b for p in t for b in pairs[id(p)]) for t in texts]
    moved: set[int] = set()
    while len(moved) < ITEM_MOVES:
        found: tuple[float, int, Piece, int, float, float, float] | None = None
        for i, d in enumerate(drafts):
            if not d.dateline or not 2 <= len(texts[i]) <= ITEM_BLOCKS:
                continue
            lede = pairs[id(texts[i][0])]
            for p in texts[i][1:]:
                mine = pairs[id(p)]
                total = sum(weight[b] for b in mine)
                if not total or id(p) in moved:
                    continue
                own = sum(weight[b] for b in mine if counts[i][b] > 1) / total  # the item's other blocks
                in_lede = sum(weight[b] for b in mine & lede) / total
                best, k = max(((sum(weight[b] for b in mine if counts[j][b]) / total, j)
                               for j in range(len(drafts)) if j != i and texts[j]), default=(0.0, -1))
                # a block that shares none of the words of the lede (the item's opening
                # block, which says what it is about) goes on less evidence
                if k >= 0 and (best >= ITEM_MIN and best >= ITEM_RATIO * own
                               or in_lede <= LEDE_MAX and best >= APART_MIN) \
                        and (found is None or best - own > found[0]):
                    found = (best - own, i, p, k, best, own, in_lede)
        if found is None:
            break
        _, i, p, k, best, own, in_lede = found
        drafts[i].body.remove(p)
        drafts[k].body.append(p)
        texts[i].remove(p)
        texts[k].append(p)
        counts[i].subtract(pairs[id(p)])
        counts[k].update(pairs[id(p)])
        moved.add(id(p))
        explain("out-of-item", p.span, f"shares {best:.0%} of its weighted pairs with the article at index {k}, "
                                       f"{own:.0%} with the dated item it was printed in, {in_lede:.0%} with "
                                       f"its lede")
    for d in drafts:  # the blocks an article took, at its end in the order printed
        came = sorted((p for p in d.body if id(p) in moved), key=lambda p: p.lines[0].no)
        if came:
            d.body = [p for p in d.body if id(p) not in moved] + came


def _han_pairs(p: Piece) -> set[str]:
    """The pairs of adjacent Han characters of a text piece."""
    t = "".join(ln.text for ln in p.lines)
    return {run[k:k + 2] for run in _HAN_RUN.findall(t) for k in range(len(run) - 1)}


_HAN_RUN = re.compile(f"[{HAN}]{{2,}}")


SPLIT_MIN = 0.5  # the least share of a headline's character pairs its part of the text must hold
SPLIT_MARGIN = 0.3  # how much more than the other part holds


def split_by_headlines(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """An article with two head blocks (no subtitle) over text that falls, at a sentence's
    end between two blocks, into two parts, each taking up the words of one headline
    (SPLIT_MIN of its character pairs) clearly more than the other part does (SPLIT_MARGIN),
    is two articles printed one after the other, each under its headline: a kicker's words
    run through its whole article. Of more head blocks, the pair that cuts the text best
    does, the others staying with the first part. So is an article with one head block
    whose text falls that way for its headline and a headline left with no article
    (printed after the text it heads). The byline and dateline stay with the first part,
    the sign-off and closer with the second. A run in the middle of the text that takes up
    one headline's words, the text around it the other's (:func:`_best_run`), is the other
    article printed inside this one's columns, when it cuts better than any two parts."""
    out: list[Draft] = []
    for d in drafts:
        blocks = titles.blocks_of(d.heads, d.head_sizes)
        # of more head blocks than two, the pair that cuts the text best; the others stay
        # with the first part (kickers, or other articles' headlines for the headline stage)
        cuts = [(cut, i, j) for i in range(len(blocks)) for j in range(i + 1, len(blocks))
                for cut in [_best_cut(d, [blocks[i], blocks[j]])] if cut is not None] if len(blocks) >= 2 else []
        # a run inside the text (the search grows with the square of the text: not for every
        # pair of a long stack)
        runs = [(run, i, j) for i in range(len(blocks)) for j in range(i + 1, len(blocks))
                for run in [_best_run(d, [blocks[i], blocks[j]])] if run is not None] \
            if 2 <= len(blocks) <= RUN_HEADS else []
        best_cut = max(cuts, key=lambda x: x[0][0]) if cuts else None
        best_run = max(runs, key=lambda x: x[0][0]) if runs else None
        if best_run is not None and (best_cut is None or best_run[0][0] > best_cut[0][0]):
            (score, c1, c2, b), i, j = best_run
            inner = (i, j)[b]
            out += _split_run(d, [x for k, x in enumerate(blocks) if k != inner], blocks[inner], c1, c2, score,
                              explain)
            continue
        if best_cut is None:
            out.append(d)
            continue
        (score, c, a), i, j = best_cut
        second = (i, j)[1 - a]
        out += _split(d, [b for k, b in enumerate(blocks) if k != second], blocks[second], c, score, explain)
    lone = [d for d in out if len(d.head_sizes) == 1 and not (d.body or d.byline or d.dateline or d.signoff)
            and not d.heads[0].text.startswith("——")]
    for h in lone:
        cuts = [(cut, d) for d in out if len(d.head_sizes) == 1 and d.body and d is not h
                for cut in [_best_cut(d, [d.heads, h.heads])] if cut is not None]
        if not cuts:
            continue
        (score, c, a), d = max(cuts, key=lambda x: x[0][0])
        pair = [d.heads, h.heads]
        at = out.index(d)
        out[at:at + 1] = _split(d, [pair[a]], pair[1 - a], c, score, explain)
        out.remove(h)
    return out


def _best_cut(d: Draft, blocks: list[list[Line]]) -> tuple[float, int, int] | None:
    """The best place to cut ``d``'s text in two, each part taking up the words of one of
    the two head ``blocks``: (score, the first piece of the second part, the block of the
    first part), or None. The pairs a head shares with each piece are found once, so the
    work grows with the text, not with its square."""
    if any(b[0].text.startswith("——") for b in blocks) or len(d.body) < 2:
        return None
    texts = [text_of(p) if p.kind is Kind.TEXT else "" for p in d.body]
    heads = [titles.pairs_of(b) for b in blocks]
    if not all(heads):
        return None
    n = len(d.body)
    # the share of each head's pairs that the pieces before and from each cut hold
    shares = []
    for pairs in heads:
        found = [{q for q in pairs if q in t} for t in texts]
        before, after = [set()], [set()]
        for f in found:
            before.append(before[-1] | f)
        for f in reversed(found):
            after.append(after[-1] | f)
        after.reverse()
        shares.append([(len(before[c]) / len(pairs), len(after[c]) / len(pairs)) for c in range(n + 1)])
    best: tuple[float, int, int] | None = None
    for c in range(1, n):
        before = d.body[c - 1]
        if before.kind is not Kind.TEXT or not ends_sentence(before.lines[-1].text):
            continue
        for a in (0, 1):
            (la, ra), (lb, rb) = shares[a][c], shares[1 - a][c]
            if min(la, rb) >= SPLIT_MIN and la >= ra + SPLIT_MARGIN and rb >= lb + SPLIT_MARGIN:
                score = la - ra + rb - lb
                if best is None or score > best[0]:
                    best = (score, c, a)
    return best


RUN_PIECES = 80  # an article of more pieces is not searched for a run printed inside it
RUN_HEADS = 4  # nor one under more head blocks
RUN_HEAD_PAIRS = 6  # a head of fewer character pairs (a column's name) is too short to tell by


def _best_run(d: Draft, blocks: list[list[Line]]) -> tuple[float, int, int, int] | None:
    """The best run of pieces inside ``d``'s text (after its first piece, before its last,
    from a sentence's end to a sentence's end) that takes up the words of one of the two
    head ``blocks`` while the text around it takes up the other's, as :func:`_best_cut`
    asks of two parts: (score, the run's first piece, the piece after it, the block of the
    run), or None. Another article printed inside this one's columns, read in the middle."""
    n = len(d.body)
    if any(b[0].text.startswith("——") for b in blocks) or not 3 <= n <= RUN_PIECES:
        return None
    heads = [titles.pairs_of(b) for b in blocks]
    if min(map(len, heads)) < RUN_HEAD_PAIRS:
        return None
    texts = [text_of(p) if p.kind is Kind.TEXT else "" for p in d.body]
    found = [[{q for q in pairs if q in t} for t in texts] for pairs in heads]
    # the pairs of each head the pieces before each place hold, and from each place on
    before = [[set()] for _ in heads]
    after = [[set()] for _ in heads]
    for h in (0, 1):
        for f in found[h]:
            before[h].append(before[h][-1] | f)
        for f in reversed(found[h]):
            after[h].append(after[h][-1] | f)
        after[h].reverse()
    ends = [p.kind is Kind.TEXT and ends_sentence(p.lines[-1].text) for p in d.body]
    best: tuple[float, int, int, int] | None = None
    for c1 in range(1, n - 1):
        if not ends[c1 - 1]:
            continue
        inside = [set(), set()]
        for c2 in range(c1 + 1, n):
            for h in (0, 1):
                inside[h] |= found[h][c2 - 1]
            if not ends[c2 - 1]:
                continue
            outside = [before[h][c1] | after[h][c2] for h in (0, 1)]
            for b in (0, 1):
                a = 1 - b
                ib, ob = len(inside[b]) / len(heads[b]), len(outside[b]) / len(heads[b])
                oa, ia = len(outside[a]) / len(heads[a]), len(inside[a]) / len(heads[a])
                if min(oa, ib) >= SPLIT_MIN and oa >= ia + SPLIT_MARGIN and ib >= ob + SPLIT_MARGIN:
                    score = oa - ia + ib - ob
                    if best is None or score > best[0]:
                        best = (score, c1, c2, b)
    return best


def _split_run(d: Draft, outer: list[list[Line]], inner: list[Line], c1: int, c2: int, score: float,
               explain: Explain) -> list[Draft]:
    """``d`` with its pieces ``c1`` to ``c2`` (not included) taken out as another article
    under the head block ``inner``; the rest, under the head blocks ``outer``, keeps the
    byline, dateline, sign-off and closer."""
    heads = [ln for b in outer for ln in b]
    one, two = Draft(heads=heads, head_sizes=[len(b) for b in outer], byline=d.byline), \
        Draft(heads=inner, head_sizes=[len(inner)])
    one.dateline, one.dateline_line = d.dateline, d.dateline_line
    one.signoff, one.signoff_line = d.signoff, d.signoff_line
    one.closed, one.closed_by_author = d.closed, d.closed_by_author
    one.body, two.body = d.body[:c1] + d.body[c2:], d.body[c1:c2]
    explain("split-by-headlines", d.body[c1].span, f"the text around takes up the words of {inline_text(heads)!r}, "
                                                   f"the text from here to line {d.body[c2 - 1].lines[-1].no} "
                                                   f"those of {inline_text(inner)!r} (score {score:.2f})")
    return [one, two]


def _split(d: Draft, first: list[list[Line]], second: list[Line], c: int, score: float,
           explain: Explain) -> list[Draft]:
    """``d`` cut before its ``c``-th body piece: the first part under the head blocks
    ``first``, the second under the head block ``second``."""
    heads = [ln for b in first for ln in b]
    one, two = Draft(heads=heads, head_sizes=[len(b) for b in first], byline=d.byline), \
        Draft(heads=second, head_sizes=[len(second)])
    one.dateline, one.dateline_line = d.dateline, d.dateline_line
    one.body, two.body = d.body[:c], d.body[c:]
    two.signoff, two.signoff_line = d.signoff, d.signoff_line
    two.closed, two.closed_by_author = d.closed, d.closed_by_author
    explain("split-by-headlines", d.body[c].span, f"the text before takes up the words of "
                                                  f"{inline_text(heads)!r}, the text from here those of "
                                                  f"{inline_text(second)!r} (score {score:.2f})")
    return [one, two]


SECTION_COVER = 0.7  # the least share of the head's character pairs the other article's text holds
SECTION_RATIO = 1.3  # how many times more of the text's pairs it shares than the next article


def join_sections_apart(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """A head block over text, with neither byline, dateline nor sign-off, is a section of
    another article printed apart (a subhead opens no article) when that article's text
    takes up the head's words (SECTION_COVER of its character pairs, as much as its own
    text does) and shares clearly the most of its text's pairs (SECTION_RATIO times the next
    article): head and text go to the end of that article, as a subhead and its section
    (where it was read is not known)."""
    texts = [draft_text(d) for d in drafts]
    pairs = [titles.text_pairs(t) for t in texts]
    titled = [j for j, d in enumerate(drafts) if (d.heads or d.byline) and texts[j]]
    gone: set[int] = set()
    for i, d in enumerate(drafts):
        if not d.heads or d.byline or d.dateline or d.signoff or len(d.head_sizes) != 1 or not texts[i]:
            continue
        others = [j for j in titled if j != i and j not in gone]
        if len(others) < 2:
            continue
        cover, k = max((titles.covers(d.heads, texts[j]), j) for j in others)
        shared = sorted(((len(pairs[i] & pairs[j]) / len(pairs[i]), j) for j in others), reverse=True)
        if cover < SECTION_COVER or cover < titles.covers(d.heads, texts[i]) or shared[0][1] != k \
                or shared[0][0] < SECTION_RATIO * shared[1][0]:
            continue
        target = drafts[k]
        target.body.append(Piece(Kind.HEAD, tuple(d.heads), d.body[0].block))
        target.body.extend(d.body)
        gone.add(i)
        explain("section-apart", (d.heads[0].no, d.heads[-1].no),
                f"the article at index {k} takes up {cover:.0%} of the head's character pairs and shares "
                f"{shared[0][0]:.0%} of its text's (next {shared[1][0]:.0%}): a section printed apart")
    return [d for i, d in enumerate(drafts) if i not in gone]


def headlines_to_headless(drafts: list[Draft], explain: Explain) -> None:
    """A subhead stands over its section's text; a head with no text under it (the last
    piece of an article, or one more head follows) is a headline printed apart from its
    article, as is a stack of heads with no article under it. Each goes to the article
    whose text takes up most of its character pairs (at least MIN_COVER of them, MARGIN
    more than the text it was printed with, unless that is its own article's), best match
    on the page first: an article with no headline takes it; an article whose one head
    block its text takes up MARGIN less takes it too, that head becoming a head over its
    first text, free to go on to the article it is the headline of. An article takes one
    such headline. Drafts are changed in place."""
    free: list[tuple[Draft, Piece | None, list[Line]]] = []  # (where printed, its piece, lines)
    for d in drafts:
        if d.heads and not (d.body or d.byline or d.dateline or d.signoff):
            free.extend((d, None, b) for b in titles.blocks_of(d.heads, d.head_sizes))
        for k, p in enumerate(d.body):
            if p.kind is Kind.HEAD and (k + 1 == len(d.body) or d.body[k + 1].kind is Kind.HEAD):
                free.append((d, p, list(p.lines)))
    texts = {id(d): draft_text(d) for d in drafts}
    articles = [d for d in drafts if texts[id(d)]]
    headed: set[int] = set()  # articles that took a headline here
    while free and articles:
        best: tuple[float, int, Draft] | None = None
        for k, (home, _, lines) in enumerate(free):
            mine = titles.covers(lines, texts[id(home)])
            for a in articles:
                cover = titles.covers(lines, texts[id(a)])
                if id(a) in headed or cover < titles.MIN_COVER or (best and cover <= best[0]) or \
                        a is not home and cover < mine + titles.MARGIN:
                    continue
                held = titles.covers(a.heads, texts[id(a)]) if a.heads else 0.0
                if a.heads and (len(a.head_sizes) != 1 or held >= titles.MIN_COVER or cover < held + titles.MARGIN):
                    continue
                best = (cover, k, a)
        if best is None:
            return
        cover, k, a = best
        home, piece, lines = free.pop(k)
        if piece is None:
            at = home.heads.index(lines[0])
            del home.heads[at:at + len(lines)]
            starts = [sum(home.head_sizes[:k]) for k in range(len(home.head_sizes))]
            del home.head_sizes[starts.index(at)]
        else:
            home.body.remove(piece)
        if a.heads:
            old = Piece(Kind.HEAD, tuple(a.heads), a.body[0].block)
            a.body.insert(0, old)
            free.append((a, old, list(a.heads)))
        a.heads, a.head_sizes = lines, [len(lines)]
        headed.add(id(a))
        explain("headline-to-headless", (lines[0].no, lines[-1].no),
                f"a head with no text under it is the headline of the article whose text takes up {cover:.0%} "
                f"of its character pairs ({titles.covers(lines, texts[id(home)]):.0%} where it was printed)")
