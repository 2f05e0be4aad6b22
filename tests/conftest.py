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
