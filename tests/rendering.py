"""Rendering with the real programs: LibreOffice (DOCX -> PDF), headless Chromium (HTML and
EPUB content documents -> PDF or PNG), poppler (PDF -> PNG), and what a picture shows."""
from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image, ImageChops

from conftest import require_tool

#: Chromium as a tool, offline: no first-run, sync, component or network chatter
_CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--hide-scrollbars", "--force-device-scale-factor=1")


def chromium(tmp_path: Path, page: Path, *, pdf: Path | None = None, png: Path | None = None,
             size: tuple[int, int] = (800, 1000)) -> Path:
    """Print ``page`` to ``pdf`` (Chromium's print layout, Letter) or take a ``png`` of a
    window of ``size``."""
    exe = require_tool("chromium")
    out = pdf or png
    assert out is not None
    action = [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"] if pdf else \
        [f"--screenshot={png}", f"--window-size={size[0]},{size[1]}"]
    subprocess.run([exe, *_CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}", *action,
                    page.resolve().as_uri()], capture_output=True, timeout=120, check=True)
    assert out.exists() and out.stat().st_size > 1000, f"Chromium wrote no {out.name}"
    return out


def soffice(tmp_path: Path, src: Path, fmt: str) -> Path:
    """``src`` converted by headless LibreOffice (its own profile folder under ``tmp_path``)."""
    exe = require_tool("soffice")
    profile = tmp_path / "lo-profile"
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(tmp_path), str(src)], capture_output=True, timeout=300, check=True)
    return src.with_suffix("." + fmt)


def first_page_png(pdf: Path, out: Path, dpi: int = 60) -> Path:
    """Page 1 of a PDF as PNG (poppler)."""
    subprocess.run([require_tool("pdftoppm"), "-f", "1", "-l", "1", "-r", str(dpi), "-png", "-singlefile",
                    str(pdf), str(out.with_suffix(""))], check=True)
    return out


def pdf_page_size(pdf: Path) -> tuple[float, float]:
    """Width and height of page 1 in points (pdfinfo)."""
    info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    line = next(x for x in info.splitlines() if x.startswith("Page size:"))
    w, _, h = line.split(":", 1)[1].split()[:3]
    return float(w), float(h)


def fonts_of(pdf: Path, needle: str) -> set[str]:
    """The names of the fonts the characters of ``needle`` are set in, where it first
    occurs in the PDF (pdfium's text layer)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(pdf))
    for page in doc:
        tp = page.get_textpage()
        k = tp.get_text_range().find(needle)
        if k < 0:
            continue
        names = set()
        for i in range(k, k + len(needle)):
            buf = ctypes.create_string_buffer(256)
            raw.FPDFText_GetFontInfo(tp, i, buf, 256, ctypes.byref(ctypes.c_int()))
            names.add(buf.value.decode("latin-1").split("+")[-1])
        return names
    raise AssertionError(f"{needle!r} is not in {pdf.name}")


def char_boxes(pdf: Path, needle: str) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of each character of ``needle``'s first occurrence."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    for page in doc:
        tp = page.get_textpage()
        k = tp.get_text_range().find(needle)
        if k >= 0:
            return [tp.get_charbox(i) for i in range(k, k + len(needle))]
    raise AssertionError(f"{needle!r} is not in {pdf.name}")


def bands(png: Path, n: int, height: int) -> list[Image.Image]:
    """The first ``n`` horizontal bands of ``height`` pixels of an image, in grey."""
    img = Image.open(png).convert("L")
    return [img.crop((0, i * height, img.width, (i + 1) * height)) for i in range(n)]


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return ImageChops.difference(a, b).getbbox() is None


def inked(a: Image.Image) -> bool:
    """Whether anything is drawn (a band of one colour is empty)."""
    lo, hi = a.getextrema()
    return hi - lo > 64


def differing_share(png: Path, golden: Path) -> float:
    """The share of pixels of two pictures of one size that differ visibly (by more than a
    quarter of the grey range): 0 for the same picture, 1 for a wholly different one."""
    a, b = Image.open(png).convert("L"), Image.open(golden).convert("L")
    if a.size != b.size:
        return 1.0
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 64 else 0)
    return sum(diff.histogram()[255:]) / (a.width * a.height)
