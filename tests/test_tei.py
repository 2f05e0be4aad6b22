import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import convertkit
from convertkit.model import Document, Meta, Para, Text
from conftest import SAMPLE, require_tool, shared_pages
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
    files = [SAMPLE] + [p for p, _ in shared_pages()]
    paths = []
    for i, f in enumerate(files):
        out = tmp_path / f"doc{i}.xml"
        out.write_text(tei(f), encoding="utf-8")
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
