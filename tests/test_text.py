from hypothesis import given, settings
from hypothesis import strategies as st

import convertkit
from convertkit.cjk import NO_LINE_END, NO_LINE_START, close_up, display_width, join_lines, wrap
import re

from conftest import SAMPLE
from convertkit.cjk import CJK_CLASS, is_cjk, tokens


def _tokens(line):
    return [t for t in tokens(line) if not t.isspace()]


def test_text_reader_joins_lines_cjk_aware():
    doc = convertkit.read("当前，AI技\n术全面融入\nthe quick\nbrown fox\n30\n个人工智能\n\n第二段".encode("utf-8"), "text")
    paras = [b.content[0].text for b in doc.blocks]
    assert paras == ["当前，AI技术全面融入the quick brown fox 30个人工智能", "第二段"]
    assert doc.blocks[0].source.start == 1 and doc.blocks[0].source.end == 6


def test_close_up_removes_only_space_next_to_cjk():
    assert close_up("支持 AI 终端 and more 3 月 9 日") == "支持AI终端and more 3月9日"


def test_an_ideographic_space_is_a_space_not_a_cjk_character():
    # hypothesis found the reference pattern treating U+3000 as a CJK character (1　　1 -> 11)
    assert close_up("1\u3000\u30001") == "1 1"
    assert close_up("中\u3000\u3000a") == "中a"
    assert close_up("a\u3000 b") == "a b"


# The helpers avoid regex classes over CJK ranges (each costs ~3 ms to compile at start-up);
# these reference patterns state what they must agree with.
# (U+3000, the ideographic space, lies in the CJK class's range but is a space: whitespace
# beside it is not whitespace beside a CJK character)
_REF_NEAR = re.compile(f"(?<=[{CJK_CLASS}])(?<!\\u3000)[ \\t\\u00a0\\u3000]+|[ \\t\\u00a0\\u3000]+(?=[{CJK_CLASS}])(?!\\u3000)")
_REF_TOKEN = re.compile(f"[{CJK_CLASS}]|[^\\s{CJK_CLASS}]+|\\s+")
_MIXED = st.text(st.sampled_from(list("中文，。“” \t\u3000\u00a0ab1-\n—·한カ") + ["\U00020001", "\u2e80", "\uffef"]))


@given(_MIXED)
def test_close_up_agrees_with_the_regex_definition(s):
    assert close_up(s) == re.sub(r"[ \t\u00a0\u3000]+", " ", _REF_NEAR.sub("", s)).strip()


@given(_MIXED)
def test_tokens_and_is_cjk_agree_with_the_class(s):
    assert tokens(s) == _REF_TOKEN.findall(s)
    assert [is_cjk(c) for c in s] == [re.fullmatch(f"[{CJK_CLASS}]", c) is not None for c in s]


def test_join_lines_keeps_one_space_between_latin_words():
    assert join_lines(["open source", "software"]) == "open source software"


def test_empty_text_gives_empty_document_and_warning():
    warnings = []
    doc = convertkit.read(b"  \n\n \n", "text", warnings=warnings)
    assert doc.blocks == () and warnings


def test_plain_text_golden(golden):
    out = convertkit.convert(SAMPLE, "txt", "-").output.data
    golden("page.txt", out)


def test_plain_text_golden_wrapped(golden):
    out = convertkit.convert(SAMPLE, "txt", "-", columns=40).output.data
    golden("page.columns40.txt", out)
    for line in out.splitlines():
        assert display_width(line) <= 40
        if line:
            assert line[0] not in NO_LINE_START and line[-1] not in NO_LINE_END


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "（", "“", "《"]), st.text("广东省人工智能ab12", min_size=1, max_size=6),
                          st.sampled_from(["", "，", "。", "、", "）", "”", "》", "？", " "])), max_size=40)
       .map(lambda parts: "".join(a + b + c for a, b, c in parts)), st.integers(6, 30))
def test_wrap_keeps_text_width_and_kinsoku(text, columns):
    lines = wrap(text, columns)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").strip()
    for i, line in enumerate(lines):
        tokens_long = any(display_width(w) > columns for w in line.split())
        assert display_width(line) <= columns or tokens_long
        if i > 0 and line[0] in NO_LINE_START:
            # only when the line before is down to one unbreakable token
            prev = _tokens(lines[i - 1])
            assert len(prev) == 1 or all(t[0] in NO_LINE_START for t in prev[1:]) or \
                display_width("".join(prev[-1:]) + line[0]) > columns


def test_a_number_the_wrap_cut_inside_cjk_text_closes_up():
    # Chinese text wraps anywhere, inside a number too (未来 1⏎5 年): no space between the
    # digits; between Latin words and numbers a wrap is a space
    from convertkit.cjk import join_pair

    assert join_pair("中国提出未来1", "5年") == "" and join_pair("增长1", "5%") == ""
    assert join_pair("page 1", "5 more") == " " and join_pair("word", "next") == " "
