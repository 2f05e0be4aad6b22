"""Shared fixtures: goldens with --update-goldens, ../shared pages, fresh plugin managers,
and the external validators (which must exist in CI: CONVERTKIT_CI=1 turns a missing
validator into a failure, not a skip)."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.register_assert_rewrite("convertkit.testing")
from convertkit.testing import IN_CI, epubcheck, require_tool

__all__ = ["canonical_zip", "output", "members", "squash", "paragraphs", "IN_CI", "epubcheck", "require_tool", "shared_pages", "pagegen_python", "SAMPLE", "GOLDEN", "ROOT"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "page.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED = ROOT.parent / "shared"

pytest_plugins = ["convertkit.testing"]  # golden, update_goldens, convertkit_plugins, sample_document


def squash(s: str) -> str:
    """Text with all whitespace removed (how output text is compared with the model's)."""
    return re.sub(r"\s+", "", s)


def paragraphs(blocks):
    """The plain text of every paragraph in blocks, at any depth (sections, quotes)."""
    from convertkit.model import Para, plain

    for b in blocks:
        if isinstance(b, Para):
            yield plain(b.content)
        for inner in getattr(b, "blocks", ()) or ():
            yield from paragraphs((inner,))


def output(fmt: str, src, **opts):
    """One format's output for a Document (write) or a path/bytes input (convert)."""
    import convertkit
    from convertkit.model import Document

    if isinstance(src, Document):
        return convertkit.write(src, fmt, **opts)
    return convertkit.convert(src, fmt, "-", **opts).output.data


def members(data: bytes) -> dict[str, bytes]:
    """The members of a zip (EPUB, DOCX) by name."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def canonical_zip(data: bytes) -> bytes:
    """A zip's members in sorted order, XML parts canonicalized (C14N 2.0, whitespace-only
    text dropped), other members as they are: what goldens of EPUB and DOCX compare."""
    from lxml import etree

    out = []
    for name, body in sorted(members(data).items()):
        if name.endswith((".xml", ".rels", ".xhtml", ".opf", ".ncx")):
            body = etree.canonicalize(body.decode("utf-8"), strip_text=True).encode("utf-8")
        out.append(b"== " + name.encode() + b"\n" + body + b"\n")
    return b"".join(out)


def shared_pages() -> list[tuple[Path, Path]]:
    """(page, truth) pairs of ../shared/newspages, or [] when ../shared is absent."""
    folder = SHARED / "newspages"
    if not folder.is_dir():
        return []
    return [(p, p.with_name(p.stem + ".truth.json")) for p in sorted(folder.glob("rmrb-*.txt"))]


def shared_pdfs() -> list[Path]:
    """The PDFs of ../shared/newspages, when ../shared is there and the PDF reader can run
    (convertkit[pdf]; CI installs it)."""
    import importlib.util

    if importlib.util.find_spec("pypdfium2") is None and not IN_CI:
        return []
    return [p.with_suffix(".pdf") for p, _ in shared_pages()]


def pagegen_python() -> str | None:
    """A Python that can run ../shared/pagegen (it needs reportlab): this one, else the
    README's venv (where .ci/run installs it); None where neither can."""
    if importlib.util.find_spec("reportlab") is not None:
        return sys.executable
    venv = ROOT / ".venv" / "bin" / "python"
    if venv.exists() and subprocess.run([str(venv), "-c", "import reportlab"], capture_output=True).returncode == 0:
        return str(venv)
    return None


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        if IN_CI:
            pytest.fail("../shared is missing, and CI always has it")
        pytest.skip("../shared is absent (a user's clone)")
    return SHARED


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch):
    """Goldens assume the fixed build date; a test that wants SOURCE_DATE_EPOCH sets it."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
