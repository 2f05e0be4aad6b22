"""String similarity for the pull-quote search.

The measure is the length of the longest common subsequence (LCS) and the Indel ratio
built on it. Two exact implementations give the same numbers:

* pure Python, bit-parallel (Allison–Dix, in Hyyrö's formulation): one integer holds a
  row of the dynamic-programming table as bits, so each character of the second string
  costs a few integer operations. It imports nothing, which is what a one-page
  conversion from a cold start wants;
* rapidfuzz's C++ ``LCSseq`` and ``process.extractOne``, about ten times faster per pair
  but some 12 ms to import. It is loaded once a process has spent :data:`PURE_BUDGET` on
  pure-Python comparisons (a handful of pages), when the import has paid for itself, and
  only if it is installed.

In pure Python, :func:`lcs_bound` rules out most pairs with set operations before any
alignment.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

#: Pure-Python work a process does before it loads rapidfuzz, in bound checks (about 1.5 µs
#: each; an alignment counts as ALIGNMENT_COST of them): about seven pages, some 12 ms,
#: what the import costs. A one-page conversion never loads it.
PURE_BUDGET = 8000
ALIGNMENT_COST = 15

_pure_left = PURE_BUDGET
_c_lcs: Callable[[str, str], int] | None = None


def _positions(a: str) -> dict[str, int]:
    """For each character of ``a``, the bit mask of the positions where it occurs."""
    masks: dict[str, int] = {}
    bit = 1
    for c in a:
        masks[c] = masks.get(c, 0) | bit
        bit <<= 1
    return masks


def _bit_lcs(masks: dict[str, int], n: int, b: str) -> int:
    """The LCS length of the string of ``n`` characters whose :func:`_positions` are
    ``masks`` and ``b``. Carries out of the low ``n`` bits only ever move upwards, so the
    row is masked once at the end, not at every step."""
    row = (1 << n) - 1  # a 0 bit marks a position where the LCS grew
    for match in map(masks.get, b):
        if match:
            u = row & match
            row = (row + u) | (row - u)
    return n - (row & ((1 << n) - 1)).bit_count()


def _accelerator(cost: int = ALIGNMENT_COST) -> Callable[[str, str], int] | None:
    """rapidfuzz's LCS, once the pure-Python budget is spent (None before, or if absent);
    ``cost``: what the caller is about to do in pure Python, in bound checks."""
    global _pure_left, _c_lcs
    _pure_left -= cost
    if _pure_left >= 0:
        return None
    try:
        from rapidfuzz.distance.LCSseq import similarity
    except ImportError:
        _pure_left = 1 << 62
        return None
    _c_lcs = similarity
    return similarity


def use_pure_python(pure: bool = True) -> None:
    """Use only the pure-Python LCS from now on (``pure=False``: load rapidfuzz now).
    For tests and for measuring; the results are the same either way."""
    global _pure_left, _c_lcs
    _c_lcs = None
    _pure_left = 1 << 62 if pure else 0


def lcs_length(a: str, b: str) -> int:
    """The length of the longest common subsequence of ``a`` and ``b``."""
    fast = _c_lcs or _accelerator()
    if fast is not None:
        return int(fast(a, b))
    if len(a) > len(b):
        a, b = b, a
    return _bit_lcs(_positions(a), len(a), b) if a else 0


_CHARSETS: dict[str, frozenset[str]] = {}


def forget() -> None:
    """Empty the character-set memo (the reader does, for each document)."""
    _CHARSETS.clear()


def charset(s: str) -> frozenset[str]:
    """The set of characters of ``s`` (remembered, in a bounded memo: the same sentences
    and paragraphs are compared again and again)."""
    found = _CHARSETS.get(s)
    if found is None:
        if len(_CHARSETS) >= 4096:
            _CHARSETS.clear()
        found = _CHARSETS[s] = frozenset(s)
    return found


def lcs_bound(a: str, b: str) -> int:
    """An upper bound of ``lcs_length(a, b)`` from one set operation in C: a distinct
    character of one string that the other lacks is at least one position that cannot
    be matched."""
    sa, sb = charset(a), charset(b)
    return len(sa & sb) + min(len(a) - len(sa), len(b) - len(sb))


def ratio(a: str, b: str) -> float:
    """Indel similarity in [0, 1]: 2·LCS / (|a| + |b|), as difflib's ratio defines it
    for the optimal alignment (1.0 for two empty strings)."""
    total = len(a) + len(b)
    return 2.0 * lcs_length(a, b) / total if total else 1.0


def best_ratio(candidate: str, choices: Sequence[str], floor: float) -> float:
    """The highest :func:`ratio` of ``candidate`` against ``choices`` that reaches ``floor``,
    else 0.0. In pure Python, a choice whose characters rule it out is not aligned."""
    best, n = 0.0, len(candidate)
    if not n or not choices:
        return 0.0
    if (_c_lcs or _accelerator(len(choices))) is not None:
        return _best_in_c(candidate, choices, floor)
    sa = charset(candidate)
    repeats = n - len(sa)
    masks: Any = None
    for s in choices:
        sb = charset(s)
        rep = len(s) - len(sb)
        total = n + len(s)
        need = (best if best > floor else floor) * total
        # the LCS is at most the shorter string, and at most what lcs_bound allows
        if 2.0 * (len(sa & sb) + (repeats if repeats < rep else rep)) < need:
            continue
        if masks is None:
            masks = _positions(candidate)
        common = _bit_lcs(masks, n, s)
        r = 2.0 * common / total
        if r > best and r >= floor:
            best = r
    return best


def _best_in_c(candidate: str, choices: Sequence[str], floor: float) -> float:
    """:func:`best_ratio` with rapidfuzz: its ``extractOne`` picks the best choice by
    the same Indel ratio (computed in floating point as 1 − distance/length, so it is asked
    for a hair under ``floor``: at 1e-9 under, it turned away a choice exactly at the floor,
    11111 against 1 at 1/3), and the winner's ratio is then computed exactly, as the
    pure-Python path does (distinct ratios of strings this short differ by far more than a
    rounding error, so the winner is the same)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    found = process.extractOne(candidate, choices, scorer=Indel.normalized_similarity,
                               processor=None, score_cutoff=max(0.0, floor - 1e-6))
    if found is None:
        return 0.0
    s = found[0]
    r = 2.0 * int(_c_lcs(candidate, s)) / (len(candidate) + len(s))  # type: ignore[misc]
    return r if r >= floor else 0.0
