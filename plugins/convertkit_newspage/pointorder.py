"""Reading order by the numbers of an enumeration's points.

Chinese prose counts its points in the text (一是…, 二是…, 三是…), each point opening a
paragraph right after the paragraph of the point before it. A block that opens point n + 1
ends no cut sentence's join: the order stage's assignment (:mod:`.order`) has nothing to
go by, and pdftotext may print it before the text it follows (a box set across two
columns makes it read the columns' upper halves first, then their lower halves). The
number says where it goes: after the last block of the chain of joins that holds point n.

Every block that opens point n + 1 (and that no join already takes up) is a column, every
chain whose last point is n a row; a candidate link scores the share of the block's
vocabulary that the point's blocks use, less a little per block printed between them, and
the page's best assignment (:func:`.assignment.best_assignment`) chooses. A chain whose point
goes on through a join the words do not support (print order's guess, or a join chosen on
measure alone) has an unknown end: it competes, but no link follows it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .assignment import Join, Vocabulary, best_assignment, follow
from .pieces import NUMERALS, Kind, Piece, closes_article, ends_mid_sentence, opens_point, points
from .rules import Explain, Stage, register

register(Stage.ORDER, {
    "order-enumeration": "the points of an enumeration are read in turn: a block that opens point n + 1 "
                         "(二是…) is read after the chain of blocks that holds point n",
})

BASE = 1.0  # any link the numbers allow beats none
AFFINITY_WEIGHT = 8.0  # per share of the block's vocabulary (by weight) the point's blocks use
DISTANCE_COST = 0.05  # per block printed between them


@dataclass(frozen=True)
class PointChain:
    """A chain of blocks read one after another (by the order stage's joins) whose last
    enumeration point is ``number``, held by ``blocks[0]``; ``known``: the chain's end is
    the point's end (every join from the point's block on is supported by the words)."""

    blocks: tuple[int, ...]
    number: int
    known: bool


def point_chains(pieces: list[Piece], succ: dict[int, int], pred: dict[int, int],
                 supported: set[tuple[int, int]]) -> list[PointChain]:
    """Each chain of joined blocks that holds an enumeration point, from the block that holds
    its last point to the chain's end."""
    out = []
    for head in range(len(pieces)):
        if head in pred:
            continue
        chain = follow(succ, head)
        held = [(n, at) for at, k in enumerate(chain) for n in points(pieces[k])]
        if not held:
            continue
        number, at = held[-1]
        tail = tuple(chain[at:])
        known = all((a, b) in supported for a, b in zip(tail, tail[1:]))
        end = pieces[tail[-1]]
        known = known and end.kind is Kind.TEXT and not ends_mid_sentence(end) and not closes_article(end)
        out.append(PointChain(tail, number, known))
    return out


def point_links(pieces: list[Piece], succ: dict[int, int], pred: dict[int, int],
                supported: set[tuple[int, int]], explain: Explain) -> list[tuple[int, int]]:
    """The links (e, k) by which block k, which opens point n + 1 of an enumeration and
    continues no block, is read after block e, the end of the chain that holds point n.
    ``succ``/``pred``: the joins chosen so far; ``supported``: those the words across them
    support."""
    openers = {k: n for k, p in enumerate(pieces)
               if k not in pred and p.starts_block and (n := opens_point(p)) is not None and n >= 1}
    if not openers:
        return []
    chains = point_chains(pieces, succ, pred, supported)
    vocab = Vocabulary(pieces, [k for k, p in enumerate(pieces) if p.kind is Kind.TEXT])
    joins: list[Join] = []
    for k, n in openers.items():
        for c in chains:
            if c.number == n - 1 and k not in c.blocks:
                share = max(vocab.affinity(x, k) for x in c.blocks)
                e = c.blocks[-1]
                joins.append(Join(e, k, BASE + AFFINITY_WEIGHT * share - DISTANCE_COST * abs(k - e), False, 0.0))
    known = {c.blocks[-1] for c in chains if c.known}
    chosen = [jn for jn in best_assignment(joins) if jn.end in known]
    for jn in chosen:
        others = [o.score for o in joins if o.start == jn.start and o is not jn]
        runner = f"; runner-up {max(others):.2f}" if others else "; no other candidate"
        k, e = pieces[jn.start], pieces[jn.end]
        explain("order-enumeration", (k.lines[0].no, k.lines[-1].no),
                f"opens point {NUMERALS[openers[jn.start]]}是: read after line {e.lines[-1].no}, where "
                f"point {NUMERALS[openers[jn.start] - 1]}是 ends (score {jn.score:.2f}{runner})")
    return [(jn.end, jn.start) for jn in chosen]
