"""EPUB writer: EPUBCheck 5 clean, text survives, Chinese language everywhere, deterministic bytes."""
import io
import re
import subprocess
import zipfile

import pytest
from ebooklib import epub as ebooklib_epub
from hypothesis import HealthCheck, Phase, given, settings
from lxml import etree

import convertkit
from convertkit.model import Document, Meta, Para, Text, articles, plain
from conftest import canonical_zip, members, output, paragraphs, squash, SAMPLE, epubcheck, require_tool, shared_pages, shared_pdfs
from strategies import documents

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"


def to_epub(src, **opts) -> bytes:
    return output("epub", src, **opts)


def xhtml_docs(data: bytes) -> dict[str, etree._Element]:
    return {n: etree.fromstring(b) for n, b in members(data).items() if n.endswith(".xhtml")}


@pytest.fixture(scope="module")
def sample_epub() -> bytes:
    return to_epub(SAMPLE)


# -- the real validator ---------------------------------------------------------------
@pytest.mark.slow
def test_epubcheck_clean_for_sample_vertical_empty_and_shared_pages(tmp_path, sample_epub):
    files = {"sample": sample_epub,
             "vertical": to_epub(SAMPLE, epub_vertical=True),
             "vertical-meta": to_epub(SAMPLE, meta=[("writing-mode", "vertical-rl")]),
             "no-articles": to_epub("一段没有文章结构的普通文字。\n\n第二段。".encode("utf-8")),
             "empty-document": to_epub(Document(Meta(language="zh-CN"), ()))}
    for page, _truth in shared_pages():
        files[page.stem] = to_epub(page)
        files[page.stem + "-vertical"] = to_epub(page, epub_vertical=True)
    for pdf in shared_pdfs():  # the same pages read from their PDFs
        files[pdf.stem + "-pdf"] = to_epub(pdf)
    paths = []
    for name, data in files.items():
        p = tmp_path / f"{name}.epub"
        p.write_bytes(data)
        paths.append(p)
    assert epubcheck(*paths) == {}


@pytest.mark.slow
@settings(max_examples=4, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(documents)
def test_epubcheck_clean_for_generated_documents(tmp_path, doc):
    path = tmp_path / "generated.epub"
    path.write_bytes(to_epub(doc))
    assert epubcheck(path) == {}


def test_epubcheck_reports_a_broken_epub(tmp_path, sample_epub):
    """The check can fail: a content document that is not well-formed (fatal) and a link
    to a resource the package lacks (error) are both reported."""
    edits = {"unclosed": (b"</article>", b""),
             "missing-resource": (b'href="style.css"', b'href="nowhere.css"')}
    paths = []
    for name, (old, new) in edits.items():
        broken = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(sample_epub)) as src, zipfile.ZipFile(broken, "w") as dst:
            for info in src.infolist():
                body = src.read(info)
                if info.filename.endswith("text002.xhtml"):
                    body = body.replace(old, new)
                dst.writestr(info, body)
        path = tmp_path / f"{name}.epub"
        path.write_bytes(broken.getvalue())
        paths.append(path)
    report = epubcheck(*paths)
    assert "FATAL" in report[paths[0]]
    assert "ERROR(RSC-007)" in report[paths[1]]


# -- content ----------------------------------------------------------------------------
def test_one_content_document_per_article_in_reading_order(sample_epub):
    doc = convertkit.read(SAMPLE)
    arts = articles(doc)
    book = ebooklib_epub.read_epub(io.BytesIO(sample_epub))
    spine_ids = [idref for idref, _linear in book.spine]
    content = [book.get_item_with_id(i) for i in spine_ids if i != "nav"]
    assert len(content) == len(arts)
    for item, art in zip(content, arts):
        root = etree.fromstring(item.get_content())
        h1 = root.find(f".//{XHTML}h1")
        assert squash("".join(h1.itertext())) == squash(plain(art.headline))


def test_every_headline_and_paragraph_survives(sample_epub):
    """Read back with ebooklib: every headline and paragraph is in the content documents."""
    doc = convertkit.read(SAMPLE)
    book = ebooklib_epub.read_epub(io.BytesIO(sample_epub))
    docs = [item for item in book.get_items() if item.media_type == "application/xhtml+xml"]
    text = squash("".join("".join(etree.fromstring(item.get_content()).itertext()) for item in docs))
    for art in articles(doc):
        assert squash(plain(art.headline)) in text
        for para in paragraphs(art.blocks):
            assert squash(para) in text


@pytest.mark.slow
def test_pandoc_reads_the_text_back(tmp_path, sample_epub):
    pandoc = require_tool("pandoc")
    path = tmp_path / "page.epub"
    path.write_bytes(sample_epub)
    out = subprocess.run([pandoc, "-f", "epub", "-t", "plain", "--wrap=none", str(path)],
                         capture_output=True, text=True, check=True).stdout
    flat = squash(out)
    doc = convertkit.read(SAMPLE)
    for art in articles(doc):
        assert squash(plain(art.headline)) in flat
        for para in paragraphs(art.blocks):
            assert squash(para) in flat


def test_language_on_every_root_and_in_the_package(sample_epub):
    for name, root in xhtml_docs(sample_epub).items():
        assert root.get("lang") == "zh-CN", name
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN", name
    opf = etree.fromstring(members(sample_epub)["EPUB/content.opf"])
    assert opf.findtext(f".//{DC}language") == "zh-CN"


def test_metadata_identifier_and_accessibility(sample_epub):
    opf = etree.fromstring(members(sample_epub)["EPUB/content.opf"])
    assert opf.findtext(f".//{DC}title") == "地方新闻：广东加快打造全球人工智能与机器人发展高地"
    ident = opf.findtext(f".//{DC}identifier")
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", ident) and ident[9:][14] == "5"  # uuid5
    props = {m.get("property") for m in opf.iter(f"{OPF}meta")}
    assert {"dcterms:modified", "schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
            "schema:accessibilityHazard", "schema:accessibilitySummary"} <= props
    assert b"Ebook-lib" not in members(sample_epub)["EPUB/content.opf"]


def test_identifier_follows_the_content():
    a = to_epub(Document(Meta(title="A", language="zh-CN"), (Para((Text("甲"),)),)))
    b = to_epub(Document(Meta(title="A", language="zh-CN"), (Para((Text("乙"),)),)))
    ident = [etree.fromstring(members(x)["EPUB/content.opf"]).findtext(f".//{DC}identifier") for x in (a, b)]
    assert ident[0] != ident[1]


def test_meta_overrides_what_the_reader_found():
    data = to_epub(SAMPLE, meta=[("title", "改过的标题"), ("lang", "zh-TW"), ("author", "编辑部"),
                                 ("publisher", "某报社"), ("date", "2025-04-10")])
    opf = etree.fromstring(members(data)["EPUB/content.opf"])
    assert opf.findtext(f".//{DC}title") == "改过的标题"
    assert opf.findtext(f".//{DC}language") == "zh-TW"
    assert opf.findtext(f".//{DC}creator") == "编辑部"
    assert opf.findtext(f".//{DC}publisher") == "某报社"
    assert opf.findtext(f".//{DC}date") == "2025-04-10"
    assert all(r.get("lang") == "zh-TW" for r in xhtml_docs(data).values())


def test_nested_toc_ncx_and_landmarks(sample_epub):
    m = members(sample_epub)
    nav = etree.fromstring(m["EPUB/nav.xhtml"])
    ns = {"h": XHTML[1:-1], "epub": "http://www.idpf.org/2007/ops"}
    toc = nav.find(".//h:nav[@epub:type='toc']", ns)
    top = toc.findall("h:ol/h:li", ns)
    assert len(top) == 5
    assert [a.text for a in top[0].findall("h:ol/h:li/h:a", ns)] == [
        "抢占人工智能终端产业发展制高点", "初步建立智能机器人全产业链", "构建人工智能与机器人开源创新生态"]
    assert nav.find(".//h:nav[@epub:type='landmarks']", ns) is not None
    ncx = etree.fromstring(m["EPUB/toc.ncx"])
    assert len(ncx.findall(".//{http://www.daisy.org/z3986/2005/ncx/}navPoint")) == 8


def test_pull_quote_is_an_aside_not_body_text(sample_epub):
    root = xhtml_docs(sample_epub)["EPUB/text001.xhtml"]
    asides = root.findall(f".//{XHTML}aside")
    assert len(asides) == 3 and all(a.get("class") == "pullquote" for a in asides)
    css = members(sample_epub)["EPUB/style.css"].decode()
    for needle in ("text-indent: 2em", "line-break: strict", "hyphens: none", "Noto Serif CJK SC",
                   "aside.pullquote", ".kicker", ".subtitle", ".byline", ".dateline", ".signoff"):
        assert needle in css


def test_vertical_writing(sample_epub):
    data = to_epub(SAMPLE, epub_vertical=True)
    opf = etree.fromstring(members(data)["EPUB/content.opf"])
    assert opf.find(f"{OPF}spine").get("page-progression-direction") == "rtl"
    roots = [r for n, r in xhtml_docs(data).items() if not n.endswith("nav.xhtml")]
    assert all(r.get("class") == "vertical" for r in roots)
    spans = [s.text for r in roots for s in r.iter(f"{XHTML}span") if s.get("class") == "tcy"]
    assert {"4", "9", "30", "AI", "PC"} <= set(spans) and all(1 <= len(t) <= 3 for t in spans)
    assert not any(s.get("class") == "tcy" for r in xhtml_docs(sample_epub).values() for s in r.iter(f"{XHTML}span"))
    assert all(r.find(f".//{XHTML}body").get("dir") is None for r in roots)  # text direction unchanged
    assert opf.find(f"{OPF}spine").get("page-progression-direction") != \
        etree.fromstring(members(sample_epub)["EPUB/content.opf"]).find(f"{OPF}spine").get(
            "page-progression-direction")


# -- determinism and golden -------------------------------------------------------------
def test_same_input_same_bytes_and_mimetype_first(sample_epub):
    again = to_epub(SAMPLE)
    assert again == sample_epub
    with zipfile.ZipFile(io.BytesIO(sample_epub)) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/epub+zip"
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_source_date_epoch_is_honoured(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1744156800")  # 2025-04-09T00:00:00Z
    data = to_epub(SAMPLE)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 4, 9, 0, 0, 0)}
    opf = etree.fromstring(members(data)["EPUB/content.opf"])
    modified = [m.text for m in opf.iter(f"{OPF}meta") if m.get("property") == "dcterms:modified"]
    assert modified == ["2025-04-09T00:00:00Z"]
    assert to_epub(SAMPLE) == data


def test_bad_source_date_epoch_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(convertkit.ConvertkitError, match="SOURCE_DATE_EPOCH"):
        to_epub(SAMPLE)


def test_golden_epub(golden, sample_epub):
    golden("page.epub", sample_epub, normalize=canonical_zip)


def test_xml_illegal_characters_are_dropped_with_a_warning():
    doc = Document(Meta(language="zh-CN"), (Para((Text("甲\x01乙\ufffe丙"),)),))
    warnings: list[str] = []
    data = convertkit.render(doc, "epub", warnings=warnings)
    text = "".join("".join(r.itertext()) for r in xhtml_docs(data).values())
    assert "甲乙丙" in text and any("dropped 2" in w for w in warnings)


def test_unsafe_and_relative_links_lose_their_target():
    from convertkit.model import Link

    doc = Document(Meta(language="en"), (Para((Link((Text("x"),), "javascript:alert(1)"),
                                                Link((Text("y"),), "other.html"),
                                                Link((Text("z"),), "https://example.org/"))),))
    hrefs = [a.get("href") for r in xhtml_docs(to_epub(doc)).values() for a in r.iter(f"{XHTML}a")]
    assert "https://example.org/" in hrefs
    assert not any(h and ("javascript" in h or h == "other.html") for h in hrefs)


@settings(max_examples=40, deadline=None)
@given(documents)
def test_generated_documents_give_well_formed_xhtml(doc):
    for name, body in members(to_epub(doc)).items():
        if name.endswith((".xhtml", ".opf", ".ncx")):
            etree.fromstring(body)
