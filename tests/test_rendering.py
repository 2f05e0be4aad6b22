"""What the presentational writers look like, rendered by the real programs: the DOCX by
LibreOffice, the HTML and the EPUB's content documents by headless Chromium (horizontal and
vertical). The assertions are on what the picture shows: page size, the faces the text is set
in, numbers set upright in vertical text. The PNGs of the sample's first page are goldens,
looked at before they were committed (``--update-goldens`` rewrites them)."""
from __future__ import annotations

import io
import zipfile

import pytest

import convertkit
from conftest import GOLDEN, SAMPLE, output, shared_pages
from convertkit.model import Para, articles, plain
from convertkit_html.render import stylesheet
from rendering import (bands, char_boxes, chromium, differing_share, first_page_png, fonts_of, inked,
                       pdf_page_size, same_pixels, soffice)

pytestmark = pytest.mark.slow

#: how much of a rendered page may differ from its golden before a person must look again
#: (antialiasing and hinting move a few edge pixels between runs of the same programs)
GOLDEN_TOLERANCE = 0.01


def check_png(png, name: str, update_goldens: bool) -> None:
    golden = GOLDEN / name
    if update_goldens or not golden.exists():
        golden.write_bytes(png.read_bytes())
        if not update_goldens:
            pytest.fail(f"golden {name} was missing: written, look at it and commit it")
        return
    share = differing_share(png, golden)
    if share > GOLDEN_TOLERANCE:
        obtained = golden.with_name(name + ".obtained.png")
        obtained.write_bytes(png.read_bytes())
        pytest.fail(f"{name}: {share:.1%} of the pixels differ from the golden; see {obtained}")


# -- DOCX through LibreOffice --------------------------------------------------------------
def test_docx_is_an_a4_page_set_in_chinese_faces(tmp_path, update_goldens):
    src = tmp_path / "page.docx"
    src.write_bytes(output("docx", SAMPLE))
    pdf = soffice(tmp_path, src, "pdf")
    w, h = pdf_page_size(pdf)
    assert (round(w), round(h)) == (595, 842)  # A4, not Letter
    # body text in a Chinese serif face (Noto Serif CJK here), headlines in a sans one; never
    # the Japanese fallback the template's ＭＳ 明朝 gave
    body = fonts_of(pdf, "人工智能与机器人产业创新产品")
    assert all("SerifCJK" in f for f in body), body
    head = fonts_of(pdf, "广东加快打造全球人工智能")
    assert all("SansCJK" in f for f in head), head
    check_png(first_page_png(pdf, tmp_path / "page1.png"), "page.docx.png", update_goldens)


def test_docx_letter_on_request(tmp_path):
    src = tmp_path / "letter.docx"
    src.write_bytes(output("docx", SAMPLE, docx_page="letter"))
    w, h = pdf_page_size(soffice(tmp_path, src, "pdf"))
    assert (round(w), round(h)) == (612, 792)


# -- HTML and EPUB through Chromium --------------------------------------------------------
def test_stylesheet_sets_text_and_quotes_in_chinese_faces(tmp_path):
    """Bands of one picture: the stylesheet's body and headline text beside the same text
    forced into a Chinese serif, a Chinese sans and a Latin serif face. Curly quotes are the
    test: a Latin face draws them narrow and low."""
    (tmp_path / "style.css").write_text(stylesheet(), encoding="utf-8")
    sample = "“永和”—…"
    band = 'style="height:100px;margin:0;padding:0;overflow:hidden;font-size:60px;line-height:100px;text-indent:0"'
    rows = [("p", ""), ("p", "font-family:'Noto Serif CJK SC'"), ("p", "font-family:'Noto Sans CJK SC'"),
            ("p", "font-family:'DejaVu Serif'"), ("h1", ""), ("h1", "font-family:'Noto Sans CJK SC'")]
    body = "".join(f'<{tag} {band[:-1]};{style}">{sample}</{tag}>' for tag, style in rows)
    page = tmp_path / "probe.html"
    page.write_text('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"/>'
                    '<link rel="stylesheet" href="style.css"/><style>body{margin:0}h1{font-weight:normal}</style>'
                    f"</head><body>{body}</body></html>", encoding="utf-8")
    own, serif, sans, latin, headline, headline_sans = bands(chromium(tmp_path, page, png=tmp_path / "probe.png",
                                                                      size=(600, 600)), 6, 100)
    assert all(inked(b) for b in (own, serif, sans, latin, headline))
    assert same_pixels(own, serif) and not same_pixels(own, sans) and not same_pixels(own, latin)
    assert same_pixels(headline, headline_sans)


def _epub_chapter(tmp_path, **opts):
    folder = tmp_path / ("vertical" if opts.get("epub_vertical") else "horizontal")
    with zipfile.ZipFile(io.BytesIO(output("epub", SAMPLE, **opts))) as z:
        z.extractall(folder)
    return folder / "EPUB" / "text001.xhtml"


def test_vertical_numbers_of_up_to_three_digits_stand_upright_in_one_cell(tmp_path):
    pdf = chromium(tmp_path, _epub_chapter(tmp_path, epub_vertical=True), pdf=tmp_path / "v.pdf")
    three, zero, ge = char_boxes(pdf, "30个")  # (left, bottom, right, top) each
    # the two digits side by side on one baseline, together one character cell high and wide
    assert abs(three[1] - zero[1]) < 1 and three[2] <= zero[0] + 0.5
    cell = ge[3] - ge[1]
    assert zero[2] - three[0] <= 1.1 * cell and ge[3] <= three[1] + 0.5  # 个 is below them
    # a four-digit number lies rotated: its digits follow one another down the column
    digits = char_boxes(pdf, "2024")
    assert all(a[1] > b[1] + 1 for a, b in zip(digits, digits[1:]))


def test_html_and_epub_goldens(tmp_path, update_goldens):
    html = tmp_path / "page.html"
    html.write_text(output("html", SAMPLE), encoding="utf-8")
    for name, page in (("page.html.png", html), ("page.epub.png", _epub_chapter(tmp_path)),
                       ("page.epub-vertical.png", _epub_chapter(tmp_path, epub_vertical=True))):
        pdf = chromium(tmp_path, page, pdf=tmp_path / (name + ".pdf"))
        check_png(first_page_png(pdf, tmp_path / name), name, update_goldens)


def test_real_pages_docx_are_a4_in_a_chinese_serif(tmp_path):
    pages = [p for p, _ in shared_pages()]
    if not pages:
        pytest.skip("../shared is absent")
    for page in pages:
        src = tmp_path / f"{page.stem}.docx"
        src.write_bytes(output("docx", page))
        pdf = soffice(tmp_path, src, "pdf")
        assert tuple(round(v) for v in pdf_page_size(pdf)) == (595, 842)
        first = next(b for a in articles(convertkit.read(page)) for b in a.blocks if isinstance(b, Para))
        fonts = fonts_of(pdf, plain(first.content)[4:14])
        assert all("SerifCJK" in f for f in fonts), (page.name, fonts)
