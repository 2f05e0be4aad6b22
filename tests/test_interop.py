"""Markdown (CommonMark) and pandoc-json writers, read back by markdown-it and real pandoc."""
import json
import re
import subprocess

import pytest
from hypothesis import given, settings
from markdown_it import MarkdownIt

import convertkit
from convertkit.model import Document, Meta, Para, Text, articles, plain
from conftest import paragraphs, squash, SAMPLE, require_tool
from strategies import documents





@pytest.fixture(scope="module")
def sample_doc():
    return convertkit.read(SAMPLE)


# -- markdown ---------------------------------------------------------------------------
def test_markdown_structure_read_back_by_a_commonmark_parser(sample_doc):
    md = convertkit.write(sample_doc, "markdown")
    assert md.startswith("---\n") and '"lang": "zh-CN"' in md
    body = md.split("\n---\n", 1)[1]
    tokens = MarkdownIt("commonmark").parse(body)
    h1 = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h1"]
    assert h1 == [plain(a.headline) for a in articles(sample_doc)]
    h2 = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert len(h2) == 3
    assert sum(t.type == "blockquote_open" for t in tokens) == 3
    text = squash(MarkdownIt("commonmark").render(body))
    for a in articles(sample_doc):
        for p in paragraphs(a.blocks):
            assert squash(p) in text


def test_markdown_escapes_what_would_become_markup():
    doc = Document(Meta(), (Para((Text("# not a heading *nor emphasis* [x](y) <b> 1. no list"),)),))
    html = MarkdownIt("commonmark").render(convertkit.write(doc, "markdown"))
    assert "<h1>" not in html and "<em>" not in html and "<a " not in html and "<b>" not in html
    assert "<ol" not in html
    assert "# not a heading *nor emphasis* [x](y) &lt;b&gt; 1. no list" in html


@settings(max_examples=60, deadline=None)
@given(documents)
def test_markdown_keeps_every_paragraph_text(doc):
    """Whatever the text, a paragraph's words come back from a CommonMark parser as text."""
    md = convertkit.write(doc, "markdown")
    body = md.split("\n---\n", 1)[1] if md.startswith("---\n") else md
    rendered = MarkdownIt("commonmark").render(body)
    from html import unescape
    flat = squash(unescape(re.sub(r"<[^>]+>", "", rendered)))
    for b in doc.blocks:
        if isinstance(b, Para) and all(isinstance(x, Text) for x in b.content):
            words = squash(plain(b.content))
            if words:
                assert words in flat


# -- pandoc-json ----------------------------------------------------------------------------
def test_pandoc_json_shape(sample_doc):
    ast = json.loads(convertkit.write(sample_doc, "pandoc-json", pandoc_api_version="1.23.1"))
    assert ast["pandoc-api-version"] == [1, 23, 1]
    arts = [b for b in ast["blocks"] if b["t"] == "Div" and "article" in b["c"][0][1]]
    assert len(arts) == 5
    assert ast["meta"]["lang"] == {"t": "MetaString", "c": "zh-CN"}


def test_bad_api_version_is_a_usage_error(sample_doc):
    with pytest.raises(convertkit.UsageError, match="pandoc-api-version"):
        convertkit.write(sample_doc, "pandoc-json", pandoc_api_version="one")


@pytest.mark.slow
def test_pandoc_reads_our_json_and_writes_other_formats(tmp_path, sample_doc):
    pandoc = require_tool("pandoc")
    data = convertkit.write(sample_doc, "pandoc-json")  # declares the installed pandoc's version
    native = subprocess.run([pandoc, "-f", "json", "-t", "json"], input=data, capture_output=True, text=True,
                            check=True).stdout
    ast = json.loads(native)
    h1 = []

    def walk(blocks):
        for b in blocks:
            if b["t"] == "Header" and b["c"][0] == 1:
                h1.append("".join(x.get("c", " ") if x["t"] == "Str" else " " for x in b["c"][2]))
            elif b["t"] == "Div":
                walk(b["c"][1])

    walk(ast["blocks"])
    assert [squash(h) for h in h1] == [plain(a.headline) for a in articles(sample_doc)]
    html = subprocess.run([pandoc, "-f", "json", "-t", "html"], input=data, capture_output=True, text=True,
                          check=True).stdout
    assert [squash(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)] == \
        [plain(a.headline) for a in articles(sample_doc)]
    direct = squash(subprocess.run([pandoc, "-f", "json", "-t", "plain"], input=data, capture_output=True, text=True,
                                   check=True).stdout)
    assert all(squash(p) in direct for a in articles(sample_doc) for p in paragraphs(a.blocks))
    odt = tmp_path / "page.odt"
    subprocess.run([pandoc, "-f", "json", "-o", str(odt)], input=data, text=True, check=True)
    plain_text = subprocess.run([pandoc, "-f", "odt", "-t", "plain", str(odt)], capture_output=True, text=True,
                                check=True).stdout
    for a in articles(sample_doc):
        for p in paragraphs(a.blocks):
            assert squash(p) in squash(plain_text)


@pytest.mark.slow
@settings(max_examples=15, deadline=None)
@given(documents)
def test_pandoc_accepts_generated_documents(doc):
    pandoc = require_tool("pandoc")
    proc = subprocess.run([pandoc, "-f", "json", "-t", "html"], input=convertkit.write(doc, "pandoc-json"),
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


# -- the title rule and the dateline, the same in every writer ------------------------------
def test_every_writer_gives_the_document_one_title(sample_doc, tmp_path):
    import io
    import zipfile

    import docx
    from lxml import etree

    from convertkit.model import document_title

    title = document_title(sample_doc)
    assert title == "地方新闻：广东加快打造全球人工智能与机器人发展高地"
    found = {"docx": docx.Document(io.BytesIO(convertkit.render(sample_doc, "docx"))).core_properties.title}
    with zipfile.ZipFile(io.BytesIO(convertkit.render(sample_doc, "epub"))) as z:
        opf = etree.fromstring(z.read("EPUB/content.opf"))
    found["epub"] = opf.findtext(".//{http://purl.org/dc/elements/1.1/}title")
    found["html"] = re.search(r"<title>(.*?)</title>", convertkit.render(sample_doc, "html")).group(1)
    tei = etree.fromstring(convertkit.render(sample_doc, "tei").encode("utf-8"))
    found["tei"] = tei.findtext(".//{http://www.tei-c.org/ns/1.0}titleStmt/{http://www.tei-c.org/ns/1.0}title")
    found["markdown"] = json.loads(re.search(r'^"pagetitle": (.*)$', convertkit.render(sample_doc, "markdown"),
                                             re.M).group(1))
    meta = json.loads(convertkit.render(sample_doc, "pandoc-json"))["meta"]["pagetitle"]["c"]
    found["pandoc-json"] = "".join(x.get("c", " ") if x["t"] == "Str" else " " for x in meta)
    assert found == dict.fromkeys(found, title)


def test_presentational_writers_run_the_dateline_in_and_tei_keeps_it_apart(sample_doc):
    opening = "本报讯 为提升中小企业专业化"
    assert opening in convertkit.render(sample_doc, "txt")
    assert "**本报讯** 为提升中小企业专业化" in convertkit.render(sample_doc, "markdown")
    assert '<p><span class="dateline">本报讯</span> 为提升中小企业专业化' in convertkit.render(sample_doc, "html")
    tei = convertkit.render(sample_doc, "tei")
    assert "<dateline>本报讯</dateline>" in tei and "<p>为提升中小企业专业化" in tei
    ast = json.loads(convertkit.render(sample_doc, "pandoc-json"))
    text = json.dumps(ast, ensure_ascii=False)
    assert '{"t": "Span", "c": [["", ["dateline"], []], [{"t": "Str", "c": "本报讯"}]]}, {"t": "Space"}' in text
