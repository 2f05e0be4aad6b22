"""Reading order by an enumeration's numbers (convertkit_newspage.pointorder): a block that
opens point n + 1 (二是…) is read after the chain of blocks that holds point n."""
from __future__ import annotations

from convertkit_newspage import order
from convertkit_newspage.blocks import to_blocks
from convertkit_newspage.pieces import Kind, Piece
from convertkit_newspage.rules import Explain

COL = "这是一行排满了整整一栏的文字啊好，"


def text(k: int, first: str, last: str = "这一段到这里就结束了。") -> Piece:
    return Piece(Kind.TEXT, to_blocks("\n".join([first, COL, COL, last]))[0], k)


def test_a_point_printed_before_the_one_it_follows_is_read_after_it():
    # a box across two columns: pdftotext prints both columns' upper halves, then their
    # lower halves; the first column's lower half ends with point 一是, the second column's
    # upper half opens with 二是 and is read after it, not after the lede
    lede = text(0, "　　发布会在广州举行，会上发布了八个行业大模型，")
    second = text(1, "　　二是大力发展人工智能芯片，继续实施强芯工程，")
    lower = text(2, "　　当前，在模型端芯片端以及操作系统端的升级下，")
    first = text(3, "　　一是加大政策支持力度，统筹各类资金的政策倾斜，")
    ex = Explain()
    assert order.assemble([lede, second, lower, first], ex) == [lede, lower, first, second]
    [step] = [s for s in ex.steps if s["rule"] == "order-enumeration"]
    assert "opens point 二是" in step["decision"] and "no other candidate" in step["decision"]


def test_two_enumerations_on_a_page_are_told_apart_by_their_words():
    # each article's 二是 goes after its own 一是, though print order puts it nearer the
    # other's: the words the blocks share decide
    sea_1 = text(0, "　　一是加强海洋生态保护，推进海岸带海湾整治修复，", "海洋生态保护修复海岸带。")
    home_2 = text(1, "　　二是推动家电下乡，组织厂商挑选适宜家电机型，", "家电下乡以旧换新家电。")
    other = text(2, "　　记者从会上获悉，今年的工作已经全面展开部署，")
    home_1 = text(3, "　　一是扩大家电以旧换新，增加家电线上平台渠道，", "家电以旧换新家电下乡。")
    sea_2 = text(4, "　　二是提升海洋生态修复，建设海湾海岸带保护区，", "海洋生态修复海岸带保护。")
    got = order.assemble([sea_1, home_2, other, home_1, sea_2], Explain(False))
    assert got == [sea_1, sea_2, other, home_1, home_2]


def test_a_point_whose_sentence_goes_on_by_print_order_alone_has_no_known_end():
    # 一是 leaves its sentence open, and print order alone continues it (no word runs on
    # across the join): where the point ends is unknown, so 二是 stays where it is printed;
    # where a word runs on across the join (优势产⏎业), the point ends there and 二是 follows
    second = text(0, "　　二是大力发展人工智能芯片，继续实施强芯工程，")
    for cut, rest, linked in (("支持各地推动原有的优势", "这是一行排满了整整一栏的文字啊", False),
                              ("支持各地推动原有优势产", "业智能化升级的一行排满整栏文字", True)):
        first = text(1, "　　一是加大政策支持力度，统筹各类资金的政策倾斜，", cut)
        goes_on = Piece(Kind.TEXT, to_blocks("\n".join([rest + "，", COL, "这一段到这里就结束了。"]))[0], 2)
        got = order.assemble([second, first, goes_on], Explain(False))
        assert got == ([first, goes_on, second] if linked else [second, first, goes_on])
