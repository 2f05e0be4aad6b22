"""Standalone HTML writer: the EPUB's elements and stylesheet in one file."""
import re

import lxml.html
from hypothesis import given, settings

import convertkit
from convertkit.model import Document, Meta, Para, Text, articles, plain
from conftest import SAMPLE
from strategies import documents


def test_sample_page_has_every_headline_lang_and_stylesheet():
    out = convertkit.convert(SAMPLE, "html", "-").output.data
    assert out.startswith("<!DOCTYPE html>")
    root = lxml.html.fromstring(out)
    assert root.get("lang") == "zh-CN"
    assert "line-break: strict" in root.findtext(".//style")
    heads = [re.sub(r"\s+", "", h.text_content()) for h in root.iter("h1")]
    assert heads == [plain(a.headline) for a in articles(convertkit.read(SAMPLE))]
    assert len(root.findall(".//aside[@class='pullquote']")) == 3
    assert root.findtext(".//header[@class='furniture']/span[@class='label']") == "地方新闻"


def test_markup_in_text_is_escaped():
    doc = Document(Meta(language="en"), (Para((Text("<script>alert(1)</script> & 甲"),)),))
    out = convertkit.write(doc, "html")
    assert "<script>" not in out and "&lt;script&gt;" in out


@settings(max_examples=50, deadline=None)
@given(documents)
def test_generated_documents_give_parseable_html(doc):
    out = convertkit.write(doc, "html")
    root = lxml.html.fromstring(out)
    assert root.tag == "html"
    assert not root.findall(".//a//a")
