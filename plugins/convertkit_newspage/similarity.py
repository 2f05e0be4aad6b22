"""String similarity for the pull-quote search.

The measure is the length of the longest common subsequence (LCS) and the Indel ratio
built on it. Two exact implementations give the same numbers:

* pure Python, bit-parallel (Allison–Dix, in Hyyrö's formulation): one integer holds a
  row of the dynamic-programming table as bits, so each character of the second string
  costs a few integer operations. It imports nothing, which is what a one-page
  conversion from a cold start wants;
* rapidfuzz's C++ ``LCSseq``, about ten times faster per pair but some 12 ms to import.
  It is loaded once a process has done :data:`PURE_ALIGNMENTS` pure-Python alignments
  (a few pages), when the import has paid for itself, and only if it is installed.

Before any alignment, :func:`lcs_bound` rules out most pairs with set operations.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

#: Pure-Python alignments a process does before it loads rapidfuzz (about ten pages).
PURE_ALIGNMENTS = 600

_pure_left = PURE_ALIGNMENTS
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


def _accelerator() -> Callable[[str, str], int] | None:
    """rapidfuzz's LCS, once the pure-Python budget is spent (None before, or if absent)."""
    global _pure_left, _c_lcs
    _pure_left -= 1
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


def prepared(s: str) -> tuple[str, frozenset[str], int]:
    """``s`` with its character set and how many of its characters repeat one before, for
    :func:`best_prepared`: a page's sentences are prepared once and compared many times."""
    cs = charset(s)
    return s, cs, len(s) - len(cs)


def best_prepared(candidate: str, choices: Iterable[tuple[str, frozenset[str], int]], floor: float) -> float:
    """The highest :func:`ratio` of ``candidate`` against the :func:`prepared` ``choices``
    that reaches ``floor``, else 0.0. A choice whose characters rule it out is not aligned."""
    best, n = 0.0, len(candidate)
    if not n:
        return 0.0
    sa = charset(candidate)
    repeats = n - len(sa)
    masks: Any = None
    for s, sb, rep in choices:
        total = n + len(s)
        need = (best if best > floor else floor) * total
        # the LCS is at most the shorter string, and at most what lcs_bound allows
        if 2.0 * (len(sa & sb) + (repeats if repeats < rep else rep)) < need:
            continue
        fast = _c_lcs or _accelerator()
        if fast is not None:
            common = int(fast(candidate, s))
        else:
            if masks is None:
                masks = _positions(candidate)
            common = _bit_lcs(masks, n, s)
        r = 2.0 * common / total
        if r > best and r >= floor:
            best = r
    return best
