"""The pull-quote search's string similarity: both LCS implementations are exact."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convertkit_newspage import similarity

# a small alphabet makes long common subsequences likely; CJK and punctuation included
text = st.text(alphabet="的一是国人在。，“”abc 12", max_size=80)


def dp_lcs(a: str, b: str) -> int:
    """The textbook dynamic programme, one row at a time."""
    row = [0] * (len(b) + 1)
    for ca in a:
        prev_diag, new = 0, [0]
        for j, cb in enumerate(b, 1):
            new.append(prev_diag + 1 if ca == cb else max(new[j - 1], row[j]))
            prev_diag = row[j]
        row = new
    return row[-1]


@pytest.fixture(autouse=True)
def _restore_backend():
    saved = similarity._c_lcs, similarity._pure_left
    yield
    similarity._c_lcs, similarity._pure_left = saved


@pytest.fixture(params=["pure", "rapidfuzz"])
def backend(request):
    similarity.use_pure_python(request.param == "pure")
    return request.param


@settings(max_examples=300, deadline=None)
@given(a=text, b=text)
def test_lcs_is_exact_and_bounded(a, b):
    for pure in (True, False):
        similarity.use_pure_python(pure)
        assert similarity.lcs_length(a, b) == dp_lcs(a, b)
    assert similarity.lcs_bound(a, b) >= dp_lcs(a, b)


@settings(max_examples=200, deadline=None)
@given(candidate=text, choices=st.lists(text, max_size=6), floor=st.floats(0.0, 1.0))
def test_best_ratio_is_the_best_ratio_over_the_floor(candidate, choices, floor):
    scores = [2 * dp_lcs(candidate, s) / (len(candidate) + len(s)) for s in choices if candidate or s]
    expected = max([r for r in scores if r >= floor], default=0.0) if candidate else 0.0
    for pure in (True, False):
        similarity.use_pure_python(pure)
        assert similarity.best_ratio(candidate, choices, floor) == pytest.approx(expected)


def test_examples(backend):
    assert similarity.lcs_length("推动高质量发展", "高质量发展是首要任务") == 5
    assert similarity.ratio("", "") == 1.0
    assert similarity.ratio("abc", "") == 0.0
    assert similarity.ratio("一是加大", "一是加大") == 1.0


def test_rapidfuzz_loads_only_after_the_budget(monkeypatch):
    monkeypatch.setattr(similarity, "_c_lcs", None)
    monkeypatch.setattr(similarity, "_pure_left", 2 * similarity.ALIGNMENT_COST + 3)
    similarity.lcs_length("ab", "ba")
    similarity.lcs_length("ab", "ba")
    choices = ["一是加大", "二是加快", "三是"]
    assert similarity.best_ratio("一是加大", choices, 0.5) == 1.0  # three bound checks
    assert similarity._c_lcs is None
    assert similarity.best_ratio("一是加大", choices, 0.5) == 1.0  # now in rapidfuzz
    assert similarity._c_lcs is not None


def test_a_choice_exactly_at_the_floor_counts(backend):
    # 2·1/(5+1) is the floor itself; rapidfuzz, asked for 1e-9 under it, turned it away
    assert similarity.best_ratio("11111", ["1"], 1 / 3) == pytest.approx(1 / 3)
