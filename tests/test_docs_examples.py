"""Every shell and Python example in docs/*.md runs as written in a fresh folder (README.md's
own are run by test_readme.py), except those that need a cluster this machine does not have:
they are listed here by what marks them, and a test keeps the list from hiding a local one."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: what marks an example as one for a cluster (Dask scheduler, Slurm, Kubernetes)
CLUSTER_ONLY = ("tcp://", "SLURMCluster", "kubectl", "KubeCluster", "sbatch", "dask-scheduler", "helm ")
#: examples that are run elsewhere: the tutorial by test_docs_tutorial.py
ELSEWHERE = ("convertkit_wirelist", "pytest_plugins", "def test_wirelist")


def _examples() -> list[tuple[str, str, str]]:
    found = []
    for doc in sorted((ROOT / "docs").glob("*.md")):
        for lang, block in re.findall(r"```(sh|python)\n(.*?)```", doc.read_text(encoding="utf-8"), re.S):
            found.append((doc.name, lang, block))
    return found


EXAMPLES = _examples()
LOCAL = [e for e in EXAMPLES if not any(m in e[2] for m in CLUSTER_ONLY + ELSEWHERE)]


def test_most_examples_run_here():
    assert len(LOCAL) >= 2 and len(LOCAL) >= len(EXAMPLES) // 3


@pytest.fixture
def fresh(tmp_path):
    sample = ROOT / "samples" / "page.txt"
    (tmp_path / "archive").mkdir()
    for i in range(3):
        shutil.copy(sample, tmp_path / "archive" / f"p{i}.txt")
    shutil.copy(sample, tmp_path / "page.txt")
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    return tmp_path, env


@pytest.mark.parametrize("doc,lang,block", LOCAL, ids=[f"{d}-{i}" for i, (d, _, _) in enumerate(LOCAL)])
def test_docs_example_runs_as_written(fresh, doc, lang, block):
    folder, env = fresh
    if lang == "sh":
        cmd = ["bash", "-e", "-o", "pipefail", "-c", block.replace("--jobs 8", "--jobs 2")]
    else:
        cmd = [sys.executable, "-c", block.replace("jobs=8", "jobs=2")]
    r = subprocess.run(cmd, cwd=folder, env=env, capture_output=True, timeout=600)
    assert r.returncode == 0, (doc, block, r.stderr.decode("utf-8", "replace"))
    assert b"Traceback" not in r.stderr
