"""Every command and Python example of README.md's "Using it" and "Python API" sections runs
as written, in a fresh folder holding a page.txt, an archive/ of pages and samples/page.txt
(the first block, the install and tox commands, is what CI itself runs)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from convertkit.testing import IN_CI

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert m, f"README has no section {title!r}"
    return m.group(1)


COMMANDS = [ln.split("  #")[0].strip() for block in re.findall(r"```sh\n(.*?)```", _section("Using it"), re.S)
            for ln in block.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
PYTHON = re.findall(r"```python\n(.*?)```", _section("Python API"), re.S)
# the PDF section's second block (the first installs the extra, as CI's tox does)
PDF_COMMANDS = [ln.split("  #")[0].strip() for ln in re.findall(r"```sh\n(.*?)```", _section("Reading PDF"),
                                                                 re.S)[1].splitlines() if ln.strip()]


@pytest.fixture
def fresh(tmp_path):
    sample = ROOT / "samples" / "page.txt"
    shutil.copy(sample, tmp_path / "page.txt")
    (tmp_path / "archive").mkdir()
    for i in range(3):
        shutil.copy(sample, tmp_path / "archive" / f"p{i}.txt")
    (tmp_path / "samples").mkdir()
    shutil.copy(sample, tmp_path / "samples" / "page.txt")
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    return tmp_path, env


def test_the_readme_has_examples():
    assert len(COMMANDS) >= 10 and PYTHON


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs_as_written(fresh, command):
    folder, env = fresh
    if "pandoc" in command.replace("pandoc-json", "") and shutil.which("pandoc") is None:
        if IN_CI:
            pytest.fail("pandoc is missing in CI")
        pytest.skip("pandoc not installed")
    r = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=folder, env=env, capture_output=True,
                       timeout=300)
    assert r.returncode == 0, (command, r.stderr.decode("utf-8", "replace"))
    assert b"Traceback" not in r.stderr


@pytest.mark.parametrize("n", range(len(PYTHON)))
def test_readme_python_runs_as_written(fresh, n):
    folder, env = fresh
    r = subprocess.run([sys.executable, "-c", PYTHON[n]], cwd=folder, env=env, capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("command", PDF_COMMANDS)
def test_readme_pdf_command_runs_as_written(fresh, command):
    """With page.pdf, a real page of ../shared, in the fresh folder."""
    pytest.importorskip("pypdfium2", reason="the PDF reader needs convertkit[pdf]")
    folder, env = fresh
    pdf = ROOT.parent / "shared" / "newspages" / "rmrb-005.pdf"
    if not pdf.exists():
        pytest.skip("../shared is absent (a user's clone)")
    shutil.copy(pdf, folder / "page.pdf")
    r = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=folder, env=env, capture_output=True,
                       timeout=300)
    assert r.returncode == 0, (command, r.stderr.decode("utf-8", "replace"))
    assert b"Traceback" not in r.stderr
