"""Stage 5, blocks taken out of news items: a news item (opened by its dateline) is short
and about one thing, so a block printed among its columns that shares far more of its words
with another article of the page is that article's."""
from __future__ import annotations

import math
from collections import Counter

from .articles import Draft
from .pieces import Kind, Piece, after_printed_before, author_piece, past_open_sentences
from .rules import Explain, Stage, register
from .wordmodel import pairs_of

register(Stage.ARTICLES, {
    "out-of-item": "a block inside a dated news item that shares far more of its words with another article is "
                   "that article's",
})

# APART_MIN was 0.25 before session 30 (chosen on development pages: see titles.MIN_COVER)
ITEM_RATIO = 3.0  # how many times more of its weighted pairs another article must share
ITEM_MIN = 0.1  # the least share another article must hold at all
LEDE_MAX = 0.02  # a block that shares at most this much of its weighted pairs with the lede ...
APART_MIN = 0.175  # ... goes to another article that holds this much of them
#: ... if it holds this many character pairs at least (more than a line of the column: a
#: block of a line or two shares none of any text's words by chance; session 54)
LEDE_PAIRS = 20
ITEM_BLOCKS = 60  # text blocks at most: a longer text under a dateline is no short news item
ITEM_MOVES = 24  # blocks at most leave the items of one page (each move measures the page again)


def take_out_of_items(drafts: list[Draft], explain: Explain) -> None:
    """A news item (opened by its dateline) is short (ITEM_BLOCKS text blocks at most) and
    about one thing. A text block
    inside it, after its first, whose character pairs (weighted by how few blocks of the
    page use them) another article shares ITEM_RATIO times as much as the item's other
    blocks, or APART_MIN of them while the item's lede (its first block) shares next to none
    (LEDE_MAX) and the block is long enough for that to say something (LEDE_PAIRS pairs), is
    that article's, printed among the item's columns: it goes where it was printed among
    that article's text (:func:`_put_at_print_place`). The clearest such block on the page
    moves first, and the shares are measured again (the item's other blocks may be that
    article's too, which hid it); a block moves once (ITEM_MOVES at most), and an article's
    new blocks stand in the order printed. Drafts are changed in place."""
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
    # (sums over sets of pairs are taken with math.fsum: exact, so the same whatever order
    # the set is walked in, which changes from run to run with Python's string hashing)
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
                total = math.fsum(weight[b] for b in mine)
                if not total or id(p) in moved:
                    continue
                own = math.fsum(weight[b] for b in mine if counts[i][b] > 1) / total  # the item's other blocks
                in_lede = math.fsum(weight[b] for b in mine & lede) / total
                best, k = max(((math.fsum(weight[b] for b in mine if counts[j][b]) / total, j)
                               for j in range(len(drafts)) if j != i and texts[j]), default=(0.0, -1))
                # a block that shares none of the words of the lede (the item's opening
                # block, which says what it is about) goes on less evidence, if it is long
                # enough to share some by chance
                if k >= 0 and (best >= ITEM_MIN and best >= ITEM_RATIO * own
                               or in_lede <= LEDE_MAX and best >= APART_MIN and len(mine) >= LEDE_PAIRS) \
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
    for d in drafts:  # the blocks an article took, each where it was printed among its text
        came = sorted((p for p in d.body if id(p) in moved), key=lambda p: p.lines[0].no)
        if came:
            d.body = [p for p in d.body if id(p) not in moved]
            for p in came:
                _put_at_print_place(d.body, p)


def _put_at_print_place(body: list[Piece], p: Piece) -> None:
    """Put text block ``p``, taken out of a news item, among the text of ``body``: after the
    last of its text printed before ``p`` and not past its author line (nothing follows an
    author line), on past text that leaves a sentence open into the next piece (a paragraph
    is not cut); at the end where none of its text was printed before ``p``. pdftotext
    prints an article's columns in order, however many of another's it prints among them."""
    at = after_printed_before(body, p.lines[0].no, author_piece(body))
    if at is None:
        body.append(p)
        return
    body.insert(past_open_sentences(body, at), p)


def _han_pairs(p: Piece) -> set[str]:
    """The pairs of adjacent Han characters of a text piece."""
    return set(pairs_of("".join(ln.text for ln in p.lines)))
