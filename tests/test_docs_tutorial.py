"""The plugin tutorial in docs/plugins.md runs as written."""
import re
import sys
import types

import convertkit
from conftest import ROOT


def test_tutorial_writer_and_its_test_run(convertkit_plugins, sample_document, golden, monkeypatch):
    src = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", src, re.S)
    mod = types.ModuleType("convertkit_wirelist")
    exec(compile(blocks[0], "docs/plugins.md", "exec"), mod.__dict__)
    monkeypatch.setitem(sys.modules, "convertkit_wirelist", mod)
    pl = convertkit_plugins(mod, entry_points=False)
    out = convertkit.render(sample_document, "wirelist", plugins=pl, wirelist_prefix="- ")
    assert out == "- 湖北打造特色产业集群\n- 江苏万兆光网试点活动举办\n"
    test_src = next(b for b in blocks if "def test_wirelist" in b)
    ns = {"convertkit": convertkit}
    exec(compile(test_src, "docs/plugins.md", "exec"), ns)
    ns["test_wirelist"](convertkit_plugins, sample_document, golden)
