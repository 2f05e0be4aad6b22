"""The page's best set of joins, and the vocabulary blocks share.

A stage that links blocks (a sentence cut at a column's foot and the block that takes it up,
a point of an enumeration and the paragraph before it) scores each candidate link as a
:class:`Join` and keeps the set that maximises the page's total score, each block used at
most once at either end (:func:`best_assignment`, the Hungarian method, exact; where the
links are a reading order, :func:`best_chains` keeps them from running in a circle). What words
two blocks share (:class:`Vocabulary`) says which article a block is from; :func:`follow`
walks a chain of the links chosen.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .lines import HAN_AND_SPACES
from .pieces import Kind, Piece


@dataclass(frozen=True)
class Join:
    """A candidate link: block ``start`` is read right after block ``end`` (in the order
    stage, ``end`` leaves a sentence open and ``start`` takes it up), with its score and
    what made it."""

    end: int
    start: int
    score: float
    natural: bool  # ``start`` is the block printed right after ``end``
    #: the language across the join (:func:`.order.candidates`: the lexicon's word plus the
    #: page's own run), what says a join is more than print order's guess
    words: float


class Vocabulary:
    """What words two blocks share: the character pairs (two Han characters) of each text
    block, weighted by how few blocks of the page use them (a pair every article uses, 发展,
    tells nothing; 海权 tells which article a block is from)."""

    def __init__(self, pieces: list[Piece], used: list[int]) -> None:
        """``used``: the blocks a join may involve (the others are neither counted nor
        weighed)."""
        self.pairs: list[set[str]] = [set() for _ in pieces]
        for k in used:
            p = pieces[k]
            t = "".join(ln.text for ln in p.lines).translate(HAN_AND_SPACES) if p.kind is Kind.TEXT else ""
            self.pairs[k] = {a + b for a, b in zip(t, t[1:]) if a != " " and b != " "}
        df: dict[str, int] = {}
        for s in self.pairs:
            for b in s:
                df[b] = df.get(b, 0) + 1
        n = max(1, sum(1 for s in self.pairs if s))
        self.weight = {b: math.log((n + 1) / c) for b, c in df.items()}
        self.totals: dict[int, float] = {}

    def affinity(self, i: int, j: int) -> float:
        """The share of block ``j``'s vocabulary (by weight) that block ``i`` uses."""
        a, b = self.pairs[i], self.pairs[j]
        if not a or not b:
            return 0.0
        weight = self.weight
        total = self.totals.get(j)
        if total is None:
            total = self.totals[j] = math.fsum(map(weight.__getitem__, b))
        # math.fsum: exact, so the same whatever order the sets are walked in (that order
        # changes from run to run with Python's string hashing)
        return math.fsum(map(weight.__getitem__, b & a)) / total if total else 0.0


def best_assignment(joins: list[Join]) -> list[Join]:
    """The joins with the largest total score, each block used at most once as an end and
    once as a start (the Hungarian method on the joins' rows and columns; leaving a block
    unjoined scores 0)."""
    rows = sorted({j.end for j in joins})
    cols = sorted({j.start for j in joins})
    if not rows:
        return []
    # rows x (columns + one "unjoined" column per row): a column may stay unused
    width = len(cols) + len(rows)
    big = 1e9
    cost = [[big] * width for _ in rows]
    ri = {r: k for k, r in enumerate(rows)}
    ci = {c: k for k, c in enumerate(cols)}
    best: dict[tuple[int, int], Join] = {}
    for jn in joins:
        key = (ri[jn.end], ci[jn.start])
        if key not in best or jn.score > best[key].score:
            best[key] = jn
            cost[key[0]][key[1]] = -jn.score
    for r in range(len(rows)):
        cost[r][len(cols) + r] = 0.0  # row r unjoined
    match = _hungarian(cost)
    return [best[(r, c)] for r, c in enumerate(match) if (r, c) in best]


def best_chains(joins: list[Join]) -> list[Join]:
    """The best assignment of ``joins`` (:func:`best_assignment`) that closes no loop: a
    reading goes on from block to block and never comes back to where it began. Where the
    joins chosen run in a circle, one of them is forbidden, the one whose loss the page's
    total feels least (each tried in turn, the rest chosen again), until no circle is left
    (each round forbids one join: at most as many rounds as joins)."""
    forbidden: set[tuple[int, int]] = set()
    chosen = best_assignment(joins)
    while loop := _loop(chosen):
        tries = []
        for jn in loop:
            without = forbidden | {(jn.end, jn.start)}
            found = best_assignment([j for j in joins if (j.end, j.start) not in without])
            tries.append((sum(j.score for j in found), -jn.end, without, found))
        _, _, forbidden, chosen = max(tries, key=lambda t: t[:2])
    return chosen


def _loop(chosen: list[Join]) -> list[Join]:
    """The joins of one circle among ``chosen`` (each block one join at either end), or none."""
    by_end = {jn.end: jn for jn in chosen}
    for first in sorted(by_end):
        path: list[Join] = []
        at = first
        while at in by_end and len(path) <= len(by_end):
            path.append(by_end[at])
            at = by_end[at].start
            if at == first:
                return path
    return []


def _hungarian(cost: list[list[float]]) -> list[int]:
    """The column assigned to each row in a minimum-cost assignment of an n x m matrix,
    n <= m (the O(n²m) method with potentials; columns may stay unused)."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            row = cost[i0 - 1]
            ui0 = u[i0]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - ui0 - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    match = [0] * n
    for j in range(1, m + 1):
        if p[j]:
            match[p[j] - 1] = j - 1
    return match


def follow(links: dict[int, int], k: int) -> list[int]:
    """Block ``k`` and the blocks ``links`` lead to from it in turn (each block's next, or
    each block's previous), up to the chain's end or to where a loop closes."""
    path = [k]
    while path[-1] in links and links[path[-1]] not in path:
        path.append(links[path[-1]])
    return path
