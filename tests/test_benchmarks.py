"""The benchmarks that reach into the reader's stages run: each replaces or watches a stage's
functions by name (the scored decisions, the reading order's evidence), so a stage that moves
or changes its signature breaks them while every other test passes. Each runs here on a page
or two of ../shared/pagegen and must print its table; the figures themselves are the
benchmarks' to report, not a test's."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import IN_CI, ROOT, pagegen_python

pytestmark = pytest.mark.shared

RUNS = {
    # the articles stage's fitted decisions, watched as the reader reaches them
    "regroup_weights.py": (["--fit", "700-701", "--check", "1-1"],
                           ["section:", "sectionsapart.py", "merge:", "regroup.py", "new_topic:", "articles.py"]),
    # the order stage's candidate joins and their evidence
    "order_weights.py": (["--fit", "700-701", "--check", "1-1"], ["order.py", "fitted"]),
    # the reader with one stage overruled by the truth
    "reader_loss.py": (["--seeds", "1-2"],
                       ["| rmrb | decisions |", "| rmrb | joins |", "own articles", "| own subhead |", "| out of order |",
                        "elsewhere, ended | kept", "| share of the truth's text |"]),
}


@pytest.mark.parametrize("script", sorted(RUNS))
def test_a_benchmark_that_reaches_into_the_stages_runs(script, shared_dir):
    python = pagegen_python()
    if python is None:
        if IN_CI:
            pytest.fail("pagegen cannot run: reportlab is missing (.ci/run runs ../shared/pagegen/setup.sh)")
        pytest.skip("pagegen needs reportlab: PYTHON=.venv/bin/python sh ../shared/pagegen/setup.sh")
    args, expected = RUNS[script]
    # (the benchmark runs here, on the convertkit under test; the pages are made where reportlab is)
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), "--shared", str(shared_dir), *args],
                         capture_output=True, text=True, timeout=300, cwd=ROOT,
                         env={**os.environ, "PAGEGEN_PYTHON": python})
    assert run.returncode == 0, run.stderr[-2000:]
    for text in expected:
        assert text in run.stdout, f"{script}: {text!r} missing from its output:\n{run.stdout[-2000:]}"
