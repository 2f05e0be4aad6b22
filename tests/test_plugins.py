import inspect
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import convertkit
from convertkit import hookspecs
from convertkit.api import convert, render
from convertkit.errors import PluginError, UsageError
from convertkit.model import Document, Para, Text
from convertkit.plugins import Plugins
from convertkit.registry import ReaderSpec, TransformSpec, WriterSpec

ROOT = Path(__file__).resolve().parent.parent


def fake_distribution(where: Path, dist: str, module: str, source: str, ep_name: str) -> None:
    """A module and a *.dist-info declaring it in the convertkit entry-point group."""
    (where / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = where / f"{dist.replace('-', '_')}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.2.3\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[convertkit]\n{ep_name} = {module}\n", encoding="utf-8")


SHOUT = '''
import convertkit
from convertkit.registry import WriterSpec

def _write(doc, ctx):
    from convertkit.model import plain, Para
    return "\\n".join(plain(b.content).upper() for b in doc.blocks if isinstance(b, Para)) + "\\n"

@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(name="shout", write=_write, extension="shout"))
'''


def test_third_party_plugin_is_discovered_listed_and_used(tmp_path, monkeypatch):
    fake_distribution(tmp_path, "convertkit-shout", "ck_shout", SHOUT, "shout")
    monkeypatch.syspath_prepend(str(tmp_path))
    pl = Plugins()
    rows = {r["name"]: r for r in pl.describe()}
    assert rows["shout"]["distribution"] == "convertkit-shout"
    assert rows["shout"]["version"] == "1.2.3"
    assert rows["shout"]["writers"] == ["shout"]
    assert rows["text"]["distribution"] == "convertkit"
    out = convert(b"hello world\n\nsecond", "shout", "-", from_="text", plugins=pl)
    assert out.output.data == "HELLO WORLD\nSECOND\n"


def test_broken_plugin_is_reported_and_others_keep_working(tmp_path, monkeypatch):
    fake_distribution(tmp_path, "convertkit-broken", "ck_broken", "raise ImportError('no such thing')\n", "broken")
    monkeypatch.syspath_prepend(str(tmp_path))
    pl = Plugins()
    [err] = [e for e in pl.errors if e.name == "broken"]
    assert str(err) == ('failed to load plugin "broken" (convertkit-broken 1.2.3): ImportError: no such thing')
    assert render(Document(), "txt", plugins=pl) == ""
    with pytest.raises(UsageError, match="unavailable.*broken"):
        pl.registry.writer("broken")


def test_plugin_raising_inside_a_hook_is_reported_by_name(tmp_path, monkeypatch):
    src = '''
import convertkit
@convertkit.hookimpl
def convertkit_register_writers(registry):
    raise RuntimeError("boom")
'''
    fake_distribution(tmp_path, "convertkit-boom", "ck_boom", src, "boom")
    monkeypatch.syspath_prepend(str(tmp_path))
    pl = Plugins()
    assert any(e.name == "boom" and "RuntimeError: boom" in e.error for e in pl.errors)
    assert "txt" in pl.registry.writers


def test_plugin_with_unknown_hook_is_refused(tmp_path, monkeypatch):
    src = '''
import convertkit
@convertkit.hookimpl
def convertkit_register_writerz(registry):
    pass
'''
    fake_distribution(tmp_path, "convertkit-typo", "ck_typo", src, "typo")
    monkeypatch.syspath_prepend(str(tmp_path))
    pl = Plugins()
    assert any(e.name == "typo" and "unknown hook" in e.error for e in pl.errors)


def test_hook_implementation_under_another_name_is_refused(tmp_path, monkeypatch):
    """Only convertkit_* names are looked at (as pytest looks at pytest_*): a hook
    implementation named otherwise through pluggy's specname= is reported, not ignored."""
    src = '''
import convertkit
from convertkit.registry import WriterSpec
@convertkit.hookimpl(specname="convertkit_register_writers")
def add_writers(registry):
    registry.add(WriterSpec("shout", lambda doc, ctx: "!", "txt"))
'''
    fake_distribution(tmp_path, "convertkit-alias", "ck_alias", src, "alias")
    monkeypatch.syspath_prepend(str(tmp_path))
    pl = Plugins()
    assert [e.error for e in pl.errors if e.name == "alias"] == [
        "hook implementation(s) not named convertkit_*: add_writers"]
    assert "shout" not in pl.registry.writers and "txt" in pl.registry.writers


def test_disable_plugins_blocks_them(monkeypatch):
    monkeypatch.setenv("CONVERTKIT_DISABLE_PLUGINS", "tei, json")
    pl = Plugins()
    assert "tei" not in pl.registry.writers and "json" not in pl.registry.writers
    assert "txt" in pl.registry.writers
    assert set(pl.blocked) == {"tei", "json"}


def test_entry_point_scan_agrees_with_importlib_metadata(tmp_path, monkeypatch):
    from importlib import metadata

    from convertkit.entrypoints import entry_points

    fake_distribution(tmp_path, "convertkit-shout", "ck_shout", SHOUT, "shout")
    egg = tmp_path / "ck_egg.egg-info"  # the older layout
    egg.mkdir()
    (egg / "PKG-INFO").write_text("Metadata-Version: 1.1\nName: ck-egg\nVersion: 0.9\n", encoding="utf-8")
    (egg / "entry_points.txt").write_text("[other]\nx = y\n\n[convertkit]\n# note\negg = ck_egg:plugin [extra]\n",
                                          encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    ours = sorted((ep.name, ep.value, ep.dist, ep.version) for ep in entry_points("convertkit"))
    theirs = sorted((ep.name, ep.value, ep.dist.metadata["Name"], ep.dist.version)
                    for ep in metadata.entry_points(group="convertkit"))
    assert ours == theirs
    assert ("egg", "ck_egg:plugin [extra]", "ck-egg", "0.9") in ours
    assert any(name == "text" for name, *_ in ours)


def test_entry_point_load_follows_module_and_attribute_path():
    from convertkit.entrypoints import EntryPoint

    assert EntryPoint("x", "os.path:join", "", "").load() is __import__("os").path.join
    assert EntryPoint("x", "os:path.join [extra]", "", "").load() is __import__("os").path.join


def test_entry_points_load_sorted_by_name():
    pl = Plugins()
    names = [name for name, _ in pl.pm.list_name_plugin()]
    assert names == sorted(names)


class Recorder:
    """A class plugin implementing every hook, recording the order of calls."""

    def __init__(self):
        self.calls = []

    @convertkit.hookimpl
    def convertkit_register_readers(self, registry):
        self.calls.append("register_readers")
        registry.add(ReaderSpec(name="rec", read=self._read))

    @convertkit.hookimpl
    def convertkit_register_writers(self, registry):
        self.calls.append("register_writers")
        registry.add(WriterSpec(name="rec", write=self._write, extension="rec"))

    @convertkit.hookimpl
    def convertkit_register_transforms(self, registry):
        self.calls.append("register_transforms")
        registry.add(TransformSpec(name="upper", transform=self._upper))

    @convertkit.hookimpl(tryfirst=True)
    def convertkit_detect_format(self, text, name):
        self.calls.append("detect_format")
        return "rec" if text.startswith("REC") else None

    def _read(self, text, ctx):
        self.calls.append("read")
        return Document(blocks=(Para((Text(text.strip()),)),))

    def _upper(self, doc, ctx):
        self.calls.append("transform")
        from dataclasses import replace
        return replace(doc, blocks=tuple(Para((Text(b.content[0].text.upper()),)) for b in doc.blocks))

    def _write(self, doc, ctx):
        self.calls.append("write")
        return doc.blocks[0].content[0].text


def test_hook_order_end_to_end():
    rec = Recorder()
    pl = Plugins(extra=[("recorder", rec)])
    result = convert(b"REC hello", "rec", "-", transforms=["upper"], plugins=pl)
    assert result.output.data == "REC HELLO"
    assert rec.calls == ["register_readers", "register_writers", "register_transforms", "detect_format",
                         "read", "transform", "write"]


def test_text_reader_reads_what_nothing_else_claims():
    pl = Plugins()
    assert pl.detect_format("just some words\n", "x.txt") is None  # no detector claims plain words
    assert "text" not in {i.plugin_name for i in pl.pm.hook.convertkit_detect_format.get_hookimpls()}
    doc = convertkit.read(b"just some words\n", plugins=pl)
    assert doc.blocks and not any(isinstance(b, convertkit.model.Article) for b in doc.blocks)


def test_writer_returning_wrong_type_is_blamed_on_plugin():
    class Bad:
        @convertkit.hookimpl
        def convertkit_register_writers(self, registry):
            registry.add(WriterSpec(name="bad", write=lambda d, c: b"bytes", extension="bad", binary=False))

    pl = Plugins(extra=[("badplugin", Bad())])
    with pytest.raises(PluginError, match="'bad' .*badplugin.* returned bytes"):
        render(Document(), "bad", plugins=pl)


def test_registry_refuses_wrong_spec_type():
    class Wrong:
        @convertkit.hookimpl
        def convertkit_register_writers(self, registry):
            registry.add({"name": "dict"})

    pl = Plugins(extra=[("wrong", Wrong())])
    assert any(e.name == "wrong" and "TypeError" in e.error for e in pl.errors)


def test_plugins_are_not_loaded_at_import():
    code = "import convertkit, convertkit.plugins as p, sys; print(p._default is None, 'convertkit_tei' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]


def test_plain_text_conversion_imports_no_heavy_writer_dependency(tmp_path):
    """Nor rapidfuzz: one page's pull-quote search stays within the pure-Python budget."""
    code = ("import sys, convertkit; convertkit.convert(sys.argv[1], 'txt', sys.argv[2]); "
            "print(sorted(m for m in ('lxml', 'ebooklib', 'docx', 'rapidfuzz') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "samples" / "page.txt"), str(tmp_path / "o.txt")],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ---------------------------------------------------------------- meta-tests
HOOKS = sorted(n for n, f in inspect.getmembers(hookspecs, inspect.isfunction) if n.startswith("convertkit_"))


def test_there_are_hooks():
    assert {"convertkit_register_readers", "convertkit_register_writers", "convertkit_register_transforms",
            "convertkit_detect_format"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook):
    tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py")
                    if p.name != "test_plugins.py")
    mine = Path(__file__).read_text(encoding="utf-8").split("# ---------------------------------------------------------------- meta-tests")[0]
    assert hook in tests + mine, f"{hook} is not exercised by any test"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented(hook):
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert ":param" in doc
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert re.search(rf"^#+ `?{hook}", guide, re.M), f"{hook} has no heading in docs/plugins.md"
