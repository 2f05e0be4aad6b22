import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import convertkit
from convertkit.model import Document, Meta, Para, Text
from conftest import SAMPLE, require_tool, shared_pages, shared_pdfs
from strategies import documents



def schema_path() -> Path:
    import convertkit_tei

    return Path(convertkit_tei.__file__).with_name("convertkit-tei.rng")


@pytest.fixture(scope="session")
def own_schema():
    return etree.RelaxNG(etree.parse(str(schema_path())))


def tei(doc_or_path, **opts) -> str:
    if isinstance(doc_or_path, Document):
        return convertkit.write(doc_or_path, "tei", **opts)
    return convertkit.convert(doc_or_path, "tei", "-", **opts).output.data


def assert_valid(schema, xml: str) -> None:
    tree = etree.fromstring(xml.encode("utf-8"))
    assert schema.validate(tree), str(schema.error_log)


def canonical(data: bytes) -> bytes:
    """C14N with the convertkit version blanked (goldens survive a release)."""
    tree = etree.fromstring(data)
    for app in tree.iter("{http://www.tei-c.org/ns/1.0}application"):
        app.set("version", "0")
    return etree.tostring(tree, method="c14n")


def test_golden(golden):
    golden("page.tei.xml", tei(SAMPLE), normalize=canonical)


def test_same_input_same_bytes():
    assert tei(SAMPLE).encode() == tei(SAMPLE).encode()


def test_contract_elements_present(own_schema):
    xml = tei(SAMPLE)
    assert_valid(own_schema, xml)
    root = etree.fromstring(xml.encode())
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh"
    assert root.findtext("t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces=ns).startswith("地方新闻：广东")
    assert len(root.findall(".//t:div[@type='article']", ns)) == 5
    assert root.findall(".//t:quote[@type='pullquote']", ns)
    assert root.findtext(".//t:closer/t:signed", namespaces=ns) == "（鄂文）"
    assert root.find(".//t:sourceDesc//t:idno[@type='sha256']", ns).text == \
        __import__("hashlib").sha256(SAMPLE.read_bytes()).hexdigest()
    ids = [e.get("{http://www.w3.org/XML/1998/namespace}id") for e in root.iter() if
           e.get("{http://www.w3.org/XML/1998/namespace}id")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("page", [p for p, _ in shared_pages()], ids=lambda p: p.name)
def test_shared_pages_valid_under_own_schema(own_schema, page):
    assert_valid(own_schema, tei(page))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_generated_documents_valid_under_own_schema(own_schema, doc):
    assert_valid(own_schema, tei(doc))
    assert_valid(own_schema, tei(doc, tei_lines=True))


def test_xml_illegal_characters_are_dropped_and_counted(own_schema):
    bad = "正文\x01有\x0b控制\ufffe字符\ud800。"
    warnings = []
    doc = Document(Meta(title="t\x02"), (Para((Text(bad),)),))
    xml = convertkit.render(doc, "tei", warnings=warnings)
    assert_valid(own_schema, xml)
    assert "正文有控制字符。" in xml
    assert warnings and "dropped 5 character" in warnings[0]


def test_outputs_valid_under_own_schema_are_valid_under_tei_all(tmp_path, shared_dir):
    """jing, TEI P5 4.3.0 tei_all: the sample, every shared page, and generated documents."""
    jing = require_tool("jing")
    files = [SAMPLE] + [p for p, _ in shared_pages()] + shared_pdfs()
    paths = []
    for i, f in enumerate(files):
        for mode, opts in (("", {}), ("-lines", {"tei_lines": True})):
            out = tmp_path / f"doc{i}{mode}.xml"
            out.write_text(tei(f, **opts), encoding="utf-8")
            paths.append(out)
    for i, doc in enumerate(_sample_documents(25)):
        out = tmp_path / f"gen{i}.xml"
        out.write_text(tei(doc), encoding="utf-8")
        paths.append(out)
    schema = etree.RelaxNG(etree.parse(str(schema_path())))
    for p in paths:
        assert schema.validate(etree.parse(str(p))), p
    r = subprocess.run([jing, str(shared_dir / "schemas" / "tei_all.rng"), *map(str, paths)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:]


def _sample_documents(n: int) -> list[Document]:
    import random

    out: list[Document] = []

    @settings(max_examples=n, database=None, deadline=None, derandomize=True)
    @given(documents)
    def collect(doc):
        out.append(doc)

    collect()
    random.Random(0).shuffle(out)
    return out[:n]


def test_own_schema_rejects_what_tei_all_rejects(own_schema):
    xml = tei(SAMPLE)
    broken = re.sub(r"<publicationStmt>.*?</publicationStmt>", "", xml, flags=re.S)
    assert not own_schema.validate(etree.fromstring(broken.encode()))
    unknown = xml.replace("<byline>", "<bogus>").replace("</byline>", "</bogus>")
    assert not own_schema.validate(etree.fromstring(unknown.encode()))


# -- --tei-lines (diplomatic) ------------------------------------------------------------
def test_golden_lines(golden):
    golden("page.tei-lines.xml", tei(SAMPLE, tei_lines=True), normalize=canonical)


def test_lines_mode_loses_and_invents_nothing(own_schema):
    plain_xml = etree.fromstring(tei(SAMPLE).encode())
    lines_xml = etree.fromstring(tei(SAMPLE, tei_lines=True).encode())
    assert_valid(own_schema, etree.tostring(lines_xml, encoding="unicode"))
    T = "{http://www.tei-c.org/ns/1.0}"
    a = ["".join(p.itertext()) for p in plain_xml.iter(T + "p")]
    b = ["".join(p.itertext()) for p in lines_xml.iter(T + "p")]
    assert a == b
    assert lines_xml.find(f".//{T}lb") is not None and plain_xml.find(f".//{T}lb") is None


def test_each_lb_starts_its_source_line_and_cb_marks_column_breaks():
    source = SAMPLE.read_text(encoding="utf-8").splitlines()
    root = etree.fromstring(tei(SAMPLE, tei_lines=True).encode())
    T = "{http://www.tei-c.org/ns/1.0}"
    checked = 0
    for p in root.iter(T + "p"):
        lbs = p.findall(T + "lb")
        for lb in lbs:
            n = int(lb.get("n"))
            seg = re.sub(r"\s+", "", lb.tail or "")
            raw = re.sub(r"\s+", "", source[n - 1])
            assert seg and seg in raw, (n, seg, raw)
            checked += 1
        nos = [int(lb.get("n")) for lb in lbs]
        assert nos == sorted(nos)
        for prev, lb in zip(lbs, lbs[1:]):
            gap = int(lb.get("n")) - int(prev.get("n")) > 1
            before = lb.getprevious()
            assert (before is not None and before.tag == T + "cb") == gap
    assert checked > 300
    # the column break in "连续34年⏎⏎位居全国之首" is kept as <cb/>
    xml = tei(SAMPLE, tei_lines=True)
    assert re.search(r"连续34年<cb/><lb n=\"\d+\" break=\"no\"/>位居全国之首", xml)


def test_each_printed_date_of_a_multi_page_input_has_its_own_when(own_schema):
    # two pages of different days (pdftotext's form feed between them): each date's @when
    # is its own, not the document's (the first page's) date
    page = "2018 年 1 月 {d} 日 星期{w}\n\n7 理论\n\n本报讯 第{d}日的正文内容。\n"
    doc = convertkit.read((page.format(d=2, w="二") + "\f" + page.format(d=8, w="一")).encode(), "newspage")
    root = etree.fromstring(convertkit.write(doc, "tei").encode())
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    dates = root.findall(".//t:sourceDesc/t:bibl/t:date", ns)
    assert [(d.text, d.get("when")) for d in dates] == [("2018年1月2日星期二", "2018-01-02"),
                                                        ("2018年1月8日星期一", "2018-01-08")]
    assert own_schema.validate(root), own_schema.error_log
