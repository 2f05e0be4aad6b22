"""DOCX writer: Word's structure and East Asian typography, checked with python-docx,
LibreOffice (DOCX -> PDF -> pdftotext, and a PNG of page 1) and pandoc."""
import io
import json
import subprocess
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import convertkit
from convertkit.model import Document, Link, Meta, Para, Text, articles, plain
from conftest import canonical_zip, members, output, paragraphs, squash, SAMPLE, require_tool, shared_pages, shared_pdfs
from rendering import soffice
from strategies import documents

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def to_docx(src, **opts) -> bytes:
    return output("docx", src, **opts)


@pytest.fixture(scope="module")
def sample_docx() -> bytes:
    return to_docx(SAMPLE)


# -- structure (python-docx) -------------------------------------------------------------
def test_one_heading1_per_article_and_news_styles(sample_docx):
    d = docx.Document(io.BytesIO(sample_docx))
    heads = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert heads == [plain(a.headline) for a in articles(convertkit.read(SAMPLE))]
    used = {p.style.name for p in d.paragraphs}
    assert {"Heading 1", "Heading 2", "Body Text", "Byline", "Pull Quote", "Sign-off"} <= used
    names = {s.name for s in d.styles}
    assert {"Kicker", "Subtitle", "Byline", "Dateline", "Pull Quote", "Sign-off"} <= names
    assert d.styles["Pull Quote"].base_style.name == "Intense Quote"
    # the page label is the running head, not a Title over the first headline
    assert "Title" not in used and d.paragraphs[0].style.name == "Heading 1"
    assert [p.text for p in d.sections[0].header.paragraphs] == ["地方新闻"]


def test_a_title_of_its_own_is_the_title_paragraph():
    d = docx.Document(io.BytesIO(to_docx(SAMPLE, meta=[("title", "新标题")])))
    assert d.paragraphs[0].style.name == "Title" and d.paragraphs[0].text == "新标题"


def test_dateline_runs_in_with_the_first_paragraph(sample_docx):
    d = docx.Document(io.BytesIO(sample_docx))
    opening = next(p for p in d.paragraphs if p.text.startswith("本报讯"))
    assert opening.style.name == "Body Text" and opening.text.startswith("本报讯 为提升")
    assert opening.runs[0].text == "本报讯" and opening.runs[0].bold
    assert not any(p.style.name == "Dateline" for p in d.paragraphs)
    byline = next(p for p in d.paragraphs if p.style.name == "Byline")
    assert byline.text == "本报记者 卢梦琪"  # the space the paper prints after the credit


def test_a4_with_gbt9704_margins_by_default_and_letter_on_request(sample_docx):
    def page(data):
        sect = etree.fromstring(members(data)["word/document.xml"]).find(f"{W}body/{W}sectPr")
        size, mar = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
        return (size.get(f"{W}w"), size.get(f"{W}h")), {k: mar.get(f"{W}{k}") for k in ("top", "bottom", "left", "right")}
    assert page(sample_docx) == (("11906", "16838"), {"top": "2098", "bottom": "1984", "left": "1587", "right": "1474"})
    assert page(to_docx(SAMPLE, docx_page="letter"))[0] == ("12240", "15840")
    with pytest.raises(convertkit.errors.UsageError, match="docx-page.*a4, letter"):
        to_docx(SAMPLE, docx_page="a5")


def test_font_table_declares_the_east_asian_faces_the_styles_use(sample_docx):
    m = members(sample_docx)
    fonts = {f.get(f"{W}name"): f for f in etree.fromstring(m["word/fontTable.xml"]).iter(f"{W}font")}
    alt = {name: f.find(f"{W}altName").get(f"{W}val") for name, f in fonts.items() if f.find(f"{W}altName") is not None}
    assert alt == {"SimSun": "宋体", "SimHei": "黑体", "KaiTi": "楷体"}
    for name in alt:
        assert fonts[name].find(f"{W}charset").get(f"{W}val") == "86"  # GB2312
        assert len(fonts[name].find(f"{W}panose1").get(f"{W}val")) == 20
    used = {el.get(f"{W}{k}") for el in etree.fromstring(m["word/styles.xml"]).iter(f"{W}rFonts")
            for k in ("ascii", "hAnsi", "eastAsia", "cs")} - {None}
    assert used <= set(fonts) and {"SimSun", "SimHei", "KaiTi"} <= used
    assert "ＭＳ 明朝" not in fonts and "ＭＳ ゴシック" not in fonts


def test_east_asian_typography_in_the_xml(sample_docx):
    styles = etree.fromstring(members(sample_docx)["word/styles.xml"])
    rpr = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert rpr.find(f"{W}rFonts").get(f"{W}eastAsia") == "SimSun"
    assert rpr.find(f"{W}lang").get(f"{W}eastAsia") == "zh-CN"

    def style(name):
        return next(s for s in styles.iter(f"{W}style") if s.find(f"{W}name").get(f"{W}val").lower() == name.lower())

    body = style("Body Text")
    assert body.find(f"{W}pPr/{W}ind").get(f"{W}firstLineChars") == "200"
    assert body.find(f"{W}pPr/{W}jc").get(f"{W}val") == "both"
    for name in ("Heading 1", "Heading 2", "Title"):
        s = style(name)
        assert s.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "SimHei"
        assert s.find(f"{W}rPr/{W}rFonts").get(f"{W}asciiTheme") is None
    for name in ("Heading 1", "Heading 2"):
        assert style(name).find(f"{W}pPr/{W}keepNext") is not None


def test_core_properties_and_no_template_leftovers(sample_docx):
    d = docx.Document(io.BytesIO(sample_docx))
    cp = d.core_properties
    # one title rule for every writer (convertkit.model.document_title): label：first headline
    assert (cp.title, cp.subject, cp.language) == ("地方新闻：广东加快打造全球人工智能与机器人发展高地", "地方新闻", "zh-CN")
    assert cp.created == cp.modified and cp.created.year == 1980
    assert cp.author == "" and cp.comments == "" and cp.last_modified_by == ""
    m = members(sample_docx)
    assert not any("thumbnail" in n or "customXml" in n or "stylesWithEffects" in n for n in m)
    blob = b"".join(m.values())
    assert b"python-docx" not in blob and b"Macintosh" not in blob


def test_meta_overrides_and_page_date(tmp_path):
    data = to_docx(SAMPLE, meta=[("title", "新标题"), ("author", "记者甲"), ("lang", "zh-TW"),
                                 ("date", "2025-04-10")])
    cp = docx.Document(io.BytesIO(data)).core_properties
    assert (cp.title, cp.author, cp.language) == ("新标题", "记者甲", "zh-TW")
    assert cp.created.date().isoformat() == "2025-04-10"


def test_source_date_epoch_wins(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1744156800")
    data = to_docx(SAMPLE, meta=[("date", "2025-04-10")])
    cp = docx.Document(io.BytesIO(data)).core_properties
    assert cp.created.isoformat().startswith("2025-04-09T00:00:00")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 4, 9, 0, 0, 0)}


def test_deterministic_even_with_the_shared_template(sample_docx):
    """The template is reused across pages: nothing of one page may leak into the next."""
    other = Document(Meta(title="T", language="en"),
                     (Para((Link((Text("link"),), "https://example.org/"),)),))
    to_docx(other, docx_toc=True)
    assert to_docx(SAMPLE) == sample_docx
    rels = members(sample_docx)["word/_rels/document.xml.rels"]
    assert b"example.org" not in rels and b"updateFields" not in members(sample_docx)["word/settings.xml"]


def test_toc_field_is_filled_in_and_opens_without_a_prompt():
    data = to_docx(SAMPLE, docx_toc=True)
    m = members(data)
    body = etree.fromstring(m["word/document.xml"])
    instr = "".join(t.text for t in body.iter(f"{W}instrText"))
    assert "TOC" in instr and '\\o "1-2"' in instr
    assert b"updateFields" not in m["word/settings.xml"]  # Word would ask on every open
    d = docx.Document(io.BytesIO(data))
    assert d.paragraphs[0].style.name == "TOC Heading"
    entries = [p for p in d.paragraphs if p.style.name.startswith("toc ")]
    heads = [p.text for p in d.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert [p.text for p in entries] == heads  # every headline and subhead, no page numbers claimed
    marks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    anchors = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")]
    assert len(anchors) == len(heads) and set(anchors) == marks


def test_hyperlinks_are_real_and_unsafe_ones_are_text():
    doc = Document(Meta(language="en"), (Para((Link((Text("good"),), "https://example.org/"),
                                                Link((Text("bad"),), "javascript:alert(1)"))),))
    m = members(to_docx(doc))
    assert b"https://example.org/" in m["word/_rels/document.xml.rels"]
    assert b"javascript" not in b"".join(m.values())
    assert "goodbad" in squash("".join(etree.fromstring(m["word/document.xml"]).itertext()))


def test_xml_illegal_characters_dropped_with_warning():
    warnings: list[str] = []
    data = convertkit.render(Document(Meta(), (Para((Text("甲\x0b乙"),)),)), "docx", warnings=warnings)
    assert "甲乙" in docx.Document(io.BytesIO(data)).paragraphs[0].text
    assert any("dropped 1" in w for w in warnings)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_documents_reopen(doc):
    d = docx.Document(io.BytesIO(to_docx(doc)))
    heads = [p for p in d.paragraphs if p.style.name == "Heading 1"]
    assert len(heads) >= sum(1 for b in doc.blocks if isinstance(b, convertkit.model.Article))


def test_golden_docx(golden, sample_docx):
    golden("page.docx", sample_docx, normalize=canonical_zip)


# -- the real tools -----------------------------------------------------------------------
@pytest.mark.slow
def test_libreoffice_renders_every_headline_and_paragraph(tmp_path, sample_docx):
    pdftotext = require_tool("pdftotext")
    src = tmp_path / "page.docx"
    src.write_bytes(sample_docx)
    pdf = soffice(tmp_path, src, "pdf")
    # each page's running head (the page label) is set apart: it is not in the paragraphs
    pages = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    heads = {p.strip().splitlines()[0] for p in pages if p.strip()}
    assert heads == {"地方新闻"}
    text = squash("".join(p.strip().split("\n", 1)[-1] for p in pages))
    doc = convertkit.read(SAMPLE)
    missing = [s for a in articles(doc) for s in [plain(a.headline), *paragraphs(a.blocks)]
               if squash(s) not in text]
    assert missing == []


@pytest.mark.slow
def test_libreoffice_opens_shared_pages(tmp_path):
    pdftotext = require_tool("pdftotext")
    for page in [p for p, _ in shared_pages()[:2]] + shared_pdfs()[:1]:
        src = tmp_path / f"{page.stem}{page.suffix}.docx"
        src.write_bytes(to_docx(page))
        text = squash(subprocess.run([pdftotext, str(soffice(tmp_path, src, "pdf")), "-"],
                                     capture_output=True, text=True, check=True).stdout)
        for a in articles(convertkit.read(page)):
            assert squash(plain(a.headline)) in text


@pytest.mark.slow
def test_pandoc_reads_headlines_as_level1_headers(tmp_path, sample_docx):
    pandoc = require_tool("pandoc")
    src = tmp_path / "page.docx"
    src.write_bytes(sample_docx)
    ast = json.loads(subprocess.run([pandoc, "-f", "docx", "-t", "json", str(src)],
                                    capture_output=True, text=True, check=True).stdout)

    def stringify(inlines):
        out = []
        for x in inlines:
            if x["t"] == "Str":
                out.append(x["c"])
            elif x["t"] in ("Space", "SoftBreak"):
                out.append(" ")
            elif isinstance(x.get("c"), list) and x["t"] in ("Emph", "Strong", "Span"):
                out.append(stringify(x["c"][-1] if x["t"] == "Span" else x["c"]))
        return "".join(out)

    h1 = [stringify(b["c"][2]) for b in ast["blocks"] if b["t"] == "Header" and b["c"][0] == 1]
    assert [squash(h) for h in h1] == [plain(a.headline) for a in articles(convertkit.read(SAMPLE))]


@pytest.mark.slow
def test_libreoffice_shows_the_table_of_contents(tmp_path):
    pdftotext = require_tool("pdftotext")
    src = tmp_path / "toc.docx"
    src.write_bytes(to_docx(SAMPLE, docx_toc=True))
    first_page = subprocess.run([pdftotext, "-l", "1", str(soffice(tmp_path, src, "pdf")), "-"],
                                capture_output=True, text=True, check=True).stdout
    lines = [squash(x) for x in first_page.splitlines() if x.strip()]
    d = docx.Document(io.BytesIO(src.read_bytes()))
    heads = [p.text for p in d.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert lines[:2] == ["地方新闻", "目录"] and lines[2:2 + len(heads)] == heads


def test_runs_are_the_elements_python_docx_makes():
    """The writer builds paragraphs and runs itself (python-docx's run API goes one character
    at a time); they must be exactly what python-docx's own API makes for the same content."""
    from convertkit.xmltext import XmlCleaner
    from convertkit_docx.writer import _STYLE_IDS, _Filler

    to_docx(SAMPLE)  # the writer's template, and its style ids
    texts = ["甲乙", " lead and trail ", "a\tb\nc\rd\r\n", "\u3000全角空格", "", "\t"]
    for bold in (False, True):
        for italic in (False, True):
            for sup in (False, True):
                for link in (False, True):
                    expected = docx.Document()
                    p = expected.add_paragraph()
                    p._p.style = _STYLE_IDS["Body Text"]
                    parent = p._p
                    if link:
                        parent = p._p.makeelement(f"{W}hyperlink", {})
                        p._p.append(parent)
                    for text in texts:
                        r = p.add_run(text)
                        if bold:
                            r.bold = True
                        if italic:
                            r.italic = True
                        if sup:
                            r.font.superscript = True
                        if link:
                            r._r.style = _STYLE_IDS["Hyperlink"]
                            parent.append(r._r)
                    r = p.add_run("")
                    r.add_break()
                    if link:
                        r._r.style = _STYLE_IDS["Hyperlink"]
                        parent.append(r._r)
                    ours = docx.Document()
                    body = ours.element.body
                    for child in list(body):
                        body.remove(child)
                    filler = _Filler(ours, body, XmlCleaner())
                    q = filler.para("Body Text")
                    where = None
                    if link:
                        where = q.makeelement(f"{W}hyperlink", {})
                        q.append(where)
                    for text in texts:
                        filler._run(q, text, bold, italic, where, superscript=sup)
                    etree.SubElement(filler._run(q, "", link_parent=where), f"{W}br")
                    assert etree.tostring(q) == etree.tostring(p._p), (bold, italic, sup, link)
