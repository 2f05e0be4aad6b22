"""The example plugin, installed as its own distribution beside convertkit."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import convertkit
import convertkit_opencc
from convertkit.model import articles, plain
from convertkit.testing import epubcheck, require_tool

ROOT = Path(__file__).resolve().parents[4]  # the convertkit checkout
SAMPLE = ROOT / "samples" / "page.txt"
CLI = [sys.executable, "-m", "convertkit"]


def test_listed_with_its_own_distribution_and_version():
    out = subprocess.run(CLI + ["plugins", "--json"], capture_output=True, text=True, check=True).stdout
    mine = [p for p in json.loads(out) if p["name"] == "opencc"]
    assert len(mine) == 1
    assert mine[0]["distribution"] == "convertkit-opencc" and mine[0]["version"] == "0.1.0"
    assert mine[0]["transforms"] == ["s2t", "t2s"] and mine[0]["errors"] == []


def test_transform_on_the_sample_document(convertkit_plugins, sample_document):
    pl = convertkit_plugins(convertkit_opencc, entry_points=False)
    spec = pl.registry.transform("s2t")
    out = spec.transform(sample_document, None)
    first = articles(out)[0]
    assert plain(first.headline) == "湖北打造特色產業集羣"
    assert out.meta.language == "zh-Hant"
    assert out.meta.get("label") == "地方新聞"
    back = pl.registry.transform("t2s").transform(out, None)
    assert plain(articles(back)[0].byline) == plain(articles(sample_document)[0].byline)


def test_end_to_end_epub_and_tei(tmp_path):
    subprocess.run(CLI + [str(SAMPLE), "--to", "epub,tei", "--transform", "s2t", "-o", str(tmp_path)],
                   check=True)
    epub, tei = tmp_path / "page.epub", tmp_path / "page.tei.xml"
    assert epubcheck(epub) == {}
    root = etree.parse(str(tei)).getroot()
    assert root.find(".//{http://www.tei-c.org/ns/1.0}langUsage/{http://www.tei-c.org/ns/1.0}language").get(
        "ident") == "zh-Hant"
    heads = [h.text for h in root.iter("{http://www.tei-c.org/ns/1.0}head") if h.get("type") == "main"]
    assert heads[0] == "廣東加快打造全球人工智能與機器人發展高地"
    import convertkit_tei

    schema = etree.RelaxNG(etree.parse(str(Path(convertkit_tei.__file__).with_name("convertkit-tei.rng"))))
    assert schema.validate(root), schema.error_log
    tei_all = ROOT.parent / "shared" / "schemas" / "tei_all.rng"
    if tei_all.is_file():
        jing = require_tool("jing")
        proc = subprocess.run([jing, str(tei_all), str(tei)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout


def test_unknown_transform_is_a_usage_error():
    with pytest.raises(convertkit.UsageError, match="s2x"):
        convertkit.convert(SAMPLE, "txt", "-", transforms=["s2x"])
