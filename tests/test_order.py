"""The reading-order stage (convertkit_newspage.order): one global assembly of the page's
column breaks, scored by the words a join completes, the vocabulary the blocks share, the
column measure and print order."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from convertkit.model import Para, plain
from convertkit_newspage import assignment, lexicon, order
from convertkit_newspage.blocks import to_blocks
from convertkit_newspage.lines import closes_unopened
from convertkit_newspage.classify import to_pieces
from convertkit_newspage.pieces import Kind, Piece
from convertkit_newspage.rules import Explain

from conftest import paragraphs

COL = "这是一行排满了整整一栏的文字啊好，"
OTHER_COL = "那边另外一篇报道里的满栏的句子呀，"  # as wide as COL, in other words


def read(text: str):
    import convertkit

    return convertkit.read(text.encode("utf-8"), "newspage")


def test_the_lexicon_scores_a_word_cut_by_the_join():
    assert lexicon.join_score("开源鸿蒙的操", "作系统") > 0  # 操作
    assert lexicon.join_score("开源鸿蒙的操", "的人们") == 0
    assert lexicon.join_score("结束了，", "作系统") == 0  # nothing crosses punctuation


def test_a_word_across_the_join_must_be_the_likelier_reading():
    # 使命⏎中国 holds 命中 across the join, but 使命 中国 is how it reads; 新时⏎代 reads 新 时代
    assert lexicon.join_score("新时代的历史使命", "中国特色社会主义") == 0
    assert lexicon.join_score("中国特色社会主义新时", "代，是全体中华儿女") > 0
    assert lexicon.join_score("江苏万兆光网试点主题", "活动在南京举办") == 0  # 主题 活动, no 题活


def test_hungarian_finds_the_best_total_not_the_first_fit():
    # end 0 fits start 5 a little better than start 6, but end 1 fits only start 5:
    # first-fit gives 0->5 and leaves 1 open (3.0); the best total is 0->6, 1->5 (5.5)
    joins = [assignment.Join(0, 5, 3.0, False, 0), assignment.Join(0, 6, 2.5, False, 0), assignment.Join(1, 5, 3.0, False, 0)]
    chosen = {(j.end, j.start) for j in assignment.best_assignment(joins)}
    assert chosen == {(0, 6), (1, 5)}


def test_a_join_is_as_clear_as_the_page_total_it_is_worth_not_its_runner_up():
    # end 0 chose start 6 (2.5) over start 5 (3.0), which end 1 holds by a better join
    # (4.0): forbidden, 0->6 leaves end 0 open, and the page loses all 2.5 of it; its
    # runner-up's score alone would call it no choice at all (2.5 - 3.0 < 0)
    joins = [assignment.Join(0, 5, 3.0, False, 0), assignment.Join(0, 6, 2.5, False, 0), assignment.Join(1, 5, 4.0, False, 0)]
    chosen = assignment.best_assignment(joins)
    assert order.regret(joins, chosen, next(j for j in chosen if j.end == 0)) == pytest.approx(2.5)
    # where end 1 could as well go elsewhere (start 7, 3.8), 0->5 was worth only 0.3 more
    joins.append(assignment.Join(1, 7, 3.8, False, 0))
    chosen = assignment.best_assignment(joins)
    assert order.regret(joins, chosen, next(j for j in chosen if j.end == 0)) == pytest.approx(0.3)

def test_the_chosen_joins_never_run_in_a_circle():
    # 0->1 (5.0) and 1->0 (4.0) are the best total alone, but block 0 read after block 1
    # after block 0 is no reading: the weakest join of the circle is forbidden, and block 1
    # goes on in block 2 (1.0) instead
    joins = [assignment.Join(0, 1, 5.0, False, 0), assignment.Join(1, 0, 4.0, False, 0), assignment.Join(1, 2, 1.0, False, 0)]
    assert {(j.end, j.start) for j in assignment.best_assignment(joins)} == {(0, 1), (1, 0)}
    assert {(j.end, j.start) for j in assignment.best_chains(joins)} == {(0, 1), (1, 2)}


def test_a_circle_loses_the_join_the_page_misses_least_not_its_weakest():
    # the circle 0->1 (5.0), 1->0 (4.0): forbidding the weaker join leaves 0->1 and 1->3
    # (5.5 in all); forbidding the stronger lets block 0 go on in block 2 (4.9), 8.9 in all
    joins = [assignment.Join(0, 1, 5.0, False, 0), assignment.Join(1, 0, 4.0, False, 0),
             assignment.Join(0, 2, 4.9, False, 0), assignment.Join(1, 3, 0.5, False, 0)]
    assert {(j.end, j.start) for j in assignment.best_chains(joins)} == {(1, 0), (0, 2)}

def _page(second_first: str, third_first: str) -> str:
    """Article A's sentence is cut at a column foot after 操; two later blocks in A's measure
    start in mid-sentence, one with 作系统 (completing 操作), one with 心的事情 (not a word
    with 操), each followed by the rest of its column."""
    head = "第一篇文章的标题在这里\n王小明\n\n"
    cut = "\n".join(["　　第一篇文章的第一段开头，文字", COL, COL, "发布搭载开源鸿蒙的操"]) + "\n\n"
    other = ("另一篇的标题在这里\n李大为\n\n"
             + "\n".join(["　　另一篇文章的正文开头的一段啊，", COL, COL, "另一篇到这里结束了。"]) + "\n\n")
    b = "\n".join([second_first, COL, "这一段到这里就结束。"]) + "\n\n"
    c = "\n".join([third_first, COL, "那一段到这里也结束。"]) + "\n"
    return head + cut + other + b + c


@pytest.mark.parametrize("first, second", [(0, 1), (1, 0)])
def test_a_word_cut_by_a_column_break_picks_its_continuation(first, second):
    starts = ["作系统的人形机器人已经发布了两款，", "心的事情还在于我们要自己做好的事，"]
    text = _page(starts[first], starts[second])
    doc = read(text)
    body = "".join(paragraphs(doc.blocks))
    assert "开源鸿蒙的操作系统" in body
    chars = Counter(c for c in text if not c.isspace())
    got = Counter(c for c in json.dumps([plain(a.headline) for a in doc.blocks], ensure_ascii=False)
                  + body + "".join(plain(a.byline) for a in doc.blocks) if not c.isspace())
    assert all(got[c] >= n for c, n in chars.items() if c not in '[]",')


def test_the_page_text_scores_a_phrase_it_prints_whole_elsewhere():
    page = order.PageText(to_pieces(to_blocks("共享是新发展理念的价值旨归，要坚持以人民为中心。\n"), Explain(False)))
    assert page.continuity("理念的价值旨", "归，坚持以人") == 4  # 的价值旨归， found: a run of six
    assert page.continuity("理念的价值旨", "进一步完善") == 0
    assert page.continuity("另外的文字", "完全不同的") == 0


@pytest.mark.parametrize("first, second", [(0, 1), (1, 0)])
def test_a_phrase_no_lexicon_holds_is_continued_as_the_page_prints_it_elsewhere(first, second):
    """旨归 is in no word list; the page prints 价值旨归 whole in another article, so the
    sentence cut after 价值旨 goes on in the block that opens with 归."""
    head = "第一篇文章的标题在这里\n王小明\n\n"
    cut = "\n".join(["　　第一篇文章的第一段开头，文字", COL, COL, "共享是新发展理念的价值旨"]) + "\n\n"
    other = ("另一篇的标题在这里\n李大为\n\n"
             + "\n".join(["　　另一篇文章说，这是价值旨归，", COL, COL, "另一篇到这里结束了。"]) + "\n\n")
    starts = ["归，坚持以人民为中心是基本方略啊，", "进一步完善，促进教育公平的事情啊，"]
    b = "\n".join([starts[first], COL, "这一段到这里就结束。"]) + "\n\n"
    c = "\n".join([starts[second], COL, "那一段到这里也结束。"]) + "\n"
    body = "".join(paragraphs(read(head + cut + other + b + c).blocks))
    assert "价值旨归，坚持以人民为中心" in body


def test_every_join_decision_is_explained_with_its_runner_up():
    ex = Explain()
    blocks = to_blocks(_page("作系统的人形机器人已经发布了两款，", "心的事情还在于我们要自己做好的事，"))
    pieces = to_pieces(blocks, Explain(False))
    order.assemble(pieces, ex)
    joins = [s for s in ex.steps if s["rule"] == "order-join"]
    assert joins and "runner-up" in joins[0]["decision"] and "score" in joins[0]["decision"]


def test_print_order_stands_when_nothing_continues_a_sentence():
    pieces = [Piece(Kind.TEXT, reader_lines(["　　一段话的开头在这里啊，", COL, "一段话结束了。"]), 0),
              Piece(Kind.TEXT, reader_lines(["　　又一段话的开头在这里，", COL, "又一段话结束了。"]), 1)]
    assert order.assemble(pieces, Explain(False)) == pieces


def test_a_sentence_does_not_run_on_into_a_block_set_at_a_far_other_measure():
    # the column (17 ems) leaves a sentence open; the block printed next is set across
    # columns (28 ems) and starts mid-sentence: another article's, not the continuation
    wide = "这一行横跨两栏排得很宽很宽的文字在这里一直排到了头啊，"
    pieces = [Piece(Kind.TEXT, reader_lines(["　　一段话的开头在这里啊，", COL, COL, "这句话还没有说完就"]), 0),
              Piece(Kind.TEXT, reader_lines([wide, wide, "这一段到这里结束。"]), 1)]
    assert not [j for j in order.candidates(pieces) if (j.end, j.start) == (0, 1)]
    # at the same measure, printed next, it goes on there
    pieces[1] = Piece(Kind.TEXT, reader_lines([COL, COL, "这一段到这里结束。"]), 1)
    assert [j for j in order.candidates(pieces) if (j.end, j.start) == (0, 1)]


def test_a_block_of_two_lines_that_fills_the_page_column_may_take_up_a_sentence():
    # two lines show no measure of their own; the first fills the page's usual column (no
    # paragraph indent), so the block goes on with a sentence left open elsewhere
    pieces = [Piece(Kind.TEXT, reader_lines(["　　一段话的开头在这里啊，", COL, COL, "这句话还没有说完就"]), 0),
              Piece(Kind.TEXT, reader_lines(["　　又一段话的开头在这里，", COL, "又一段话结束了。"]), 1),
              Piece(Kind.TEXT, reader_lines(["接着就说完了这句话的后半部分啊好，", "到这里结束。"]), 2)]
    assert [j for j in order.candidates(pieces) if (j.end, j.start) == (0, 2)]


def test_a_block_of_two_lines_that_fills_the_page_column_may_leave_its_sentence_to_any_block():
    # the other way round: a block of two lines (a column's foot, under a head) whose last
    # line fills the page's usual column leaves its sentence open to any block of that
    # measure, not only to the block printed next
    pieces = [Piece(Kind.TEXT, reader_lines(["　　一段话的开头在这里啊，", COL, COL, "这一段话结束了。"]), 0),
              Piece(Kind.TEXT, reader_lines(["　　短块的第一行在这里啊，", "这句话还没有说完就到了这一栏的底"]), 1),
              Piece(Kind.TEXT, reader_lines(["　　又一段话的开头在这里，", COL, COL, "又一段话结束了。"]), 2),
              Piece(Kind.TEXT, reader_lines(["部这一行接着就说完了这句话的后半，", COL, COL, "到这里结束。"]), 3)]
    assert [j for j in order.candidates(pieces) if (j.end, j.start) == (1, 3)]


def test_a_sentence_may_go_on_in_a_column_measured_an_em_and_a_half_apart():
    # punctuation set at half or full width moves a line's measured width by half an em:
    # two measures an em and a half apart are still one column's
    narrower = "这一行只有十五个字宽的文字啊好"  # 15 ems against COL's 16.5
    pieces = [Piece(Kind.TEXT, reader_lines(["　　一段话的开头在这里啊，", COL, COL, "这句话还没有说完就"]), 0),
              Piece(Kind.TEXT, reader_lines(["　　又一段话的开头在这里，", COL, COL, "又一段话结束了。"]), 1),
              Piece(Kind.TEXT, reader_lines(["接着说完了这句话的后半部分啊好", narrower, narrower, "到这里结束。"]), 2)]
    assert [j for j in order.candidates(pieces) if (j.end, j.start) == (0, 2)]


def test_a_block_that_closes_a_quotation_goes_on_with_the_one_that_opened_it():
    # A opens a quotation (表示：“…) and leaves a sentence open; so does B, printed next,
    # with no quotation open. C closes a quotation it never opened: A's continuation
    quote = "他在会上表示：“我们要一起努力，"
    pieces = [Piece(Kind.TEXT, reader_lines(["　　一段话的开头在这里啊，", COL, quote, "把这件事情做好做实，不断"]), 0),
              Piece(Kind.TEXT, reader_lines(["　　又一段话的开头在这里，", COL, COL, "这一句话还没有说完就"]), 1),
              Piece(Kind.TEXT, reader_lines(["推进各项工作取得新成效。”这一", COL, "这一段到这里结束。"]), 2)]
    joins = {(j.end, j.start): j.score for j in order.candidates(pieces)}
    assert joins[(0, 2)] > joins[(1, 2)] + 4  # though B is printed right before C
    # a bracket (or a title's 《》) the same way
    pieces[0] = Piece(Kind.TEXT, reader_lines(["　　一段话的开头在这里啊，", COL, COL, "会议通过了新的方案（以下简称"]), 0)
    pieces[2] = Piece(Kind.TEXT, reader_lines(["方案）并作出部署，推进各项工作，", COL, COL, "这一段到这里结束。"]), 2)
    joins = {(j.end, j.start): j.score for j in order.candidates(pieces)}
    assert joins[(0, 2)] > joins[(1, 2)] + 4


def test_a_block_that_opens_with_a_paragraphs_last_line_may_finish_a_sentence_best_where_a_word_runs_across():
    # 讨。 ends a sentence on a line shorter than any indented first line: the last line of a
    # paragraph begun elsewhere; 研⏎讨 completes a word, so it may go on there
    pieces = [Piece(Kind.TEXT, reader_lines(["　　一段话的开头在这里啊，", COL, COL, "大家围绕这一议题进行了研"]), 0),
              Piece(Kind.TEXT, reader_lines(["　　又一段话的开头在这里，", COL, COL, "又一段话结束了。"]), 1),
              Piece(Kind.TEXT, reader_lines(["讨。", "　　再一段话的开头在这里，", COL, "这一段到这里结束。"]), 2)]
    [worded] = [j.score for j in order.candidates(pieces) if (j.end, j.start) == (0, 2)]
    # with no word across the join it still finishes a sentence begun elsewhere (a
    # paragraph's last line opens nothing), on less evidence: LAST_LINE_PENALTY less
    pieces[2] = Piece(Kind.TEXT, reader_lines(["好。", "　　再一段话的开头在这里，", COL, "这一段到这里结束。"]), 2)
    [bare] = [j.score for j in order.candidates(pieces) if (j.end, j.start) == (0, 2)]
    assert bare <= worded - order.LAST_LINE_PENALTY


def reader_lines(texts: list[str]):
    return to_blocks("\n".join(texts))[0]


def test_a_headline_stack_gives_each_block_to_the_article_that_takes_up_its_words():
    # pdftotext printed B's headline and subtitle in a stack with A's kicker and headline,
    # over A's byline; B's text (with its own byline) comes later
    text = ("把握好变化与不变的关系\n\n打赢脱贫攻坚战的有益参考\n\n走出对社会主要矛盾认识的误区\n\n"
            "——《摆脱贫困与全面小康》简评\n\n徐方平\n"
            + "\n".join(["　　社会主要矛盾的变化与不变，", "认识社会主要矛盾的误区在于只", "看到变化而不看到不变的关系。",
                         "（作者单位：湖北大学）"]) + "\n\n戚小倩\n"
            + "\n".join(["　　《摆脱贫困与全面小康》一书", "总结脱贫攻坚的经验，是打赢脱", "贫攻坚战的有益参考书。"]) + "\n")
    doc = read(text)
    by = {plain(a.byline): a for a in doc.blocks}
    assert plain(by["徐方平"].kicker) == "把握好变化与不变的关系"
    assert plain(by["徐方平"].headline) == "走出对社会主要矛盾认识的误区"
    assert plain(by["戚小倩"].headline) == "打赢脱贫攻坚战的有益参考"
    assert plain(by["戚小倩"].subtitle) == "——《摆脱贫困与全面小康》简评"


def test_a_head_wider_than_the_column_under_it_opens_an_article():
    # B's headline is printed over its first column with no byline or dateline, right after
    # A's text (no closer): wider than a column, it is a headline, not A's subhead
    a = "第一篇文章的标题在这里\n王小明\n\n" + "\n".join(["　　第一篇的正文开头在这里，", COL, COL, "第一篇结束。"]) + "\n\n"
    b = "\n".join(["另一篇文章的标题排得比一栏宽得多了许多", "　　另一篇的正文开头在这里，", COL, COL, "另一篇结束。"]) + "\n"
    doc = read(a + b)
    assert [plain(x.headline) for x in doc.blocks] == ["第一篇文章的标题在这里", "另一篇文章的标题排得比一栏宽得多了许多"]
    assert paragraphs(doc.blocks[1].blocks).__next__().startswith("另一篇的正文开头")


def test_text_after_an_articles_closer_takes_up_no_sentence_from_elsewhere():
    # A's one justified line leaves a sentence open; right after B's author line comes C's
    # first block, full width: it opens C and does not go on with A's line; A's column
    # goes on in the last block
    a = ("第一篇文章的标题在这里\n王小明\n\n" + "\n".join(["　　第一篇的正文开头在这里，", COL, COL, "第一篇第一节结束。"])
         + "\n\n" + " ".join("第一篇第二节写到，这里就这样断开了") + "\n\n")
    b = ("另一篇的标题在这里\n李大为\n\n" + "\n".join(["　　另一篇文章的正文开头在这，", COL, COL, "（作者为某某大学教授）"])
         + "\n\n")
    a_rest = "\n".join(["接着" + COL[2:], COL, "第一篇到此全部结束。"]) + "\n"
    c = a_rest + "\n"  # the same words: only the closer before it tells them apart
    doc = read(a + b + c + a_rest)
    rest_line = len((a + b + c).splitlines()) + 1
    para = next(p for p in doc.blocks[0].blocks if isinstance(p, Para) and "断开了接着" in plain(p.content))
    assert para.source.end >= rest_line


def test_the_word_list_is_cached_and_the_cache_gives_the_same_words(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = lexicon._load()
    cached = list((tmp_path / "convertkit").glob("words-*.marshal"))
    assert len(cached) == 1 and len(first) > 50000
    assert lexicon._load() == first  # read back from the cache
    cached[0].write_bytes(b"not marshal")  # a damaged cache is read past, not trusted
    assert lexicon._load() == first
    # another dictionary's cache (an older install) is removed when a new one is written
    stale = tmp_path / "convertkit" / "words-4-10-1-1.marshal"
    stale.write_bytes(b"old")
    cached[0].unlink()
    assert lexicon._load() == first
    assert [p.name for p in (tmp_path / "convertkit").glob("words-*.marshal")] == [cached[0].name]


def test_an_inset_headline_printed_inside_a_dateline_item_is_its_headline():
    # a short item opens with 本报讯; its headline, set beside the first lines, is printed
    # after them; it takes up the item's words. A head that does not is left alone.
    item = ("本报讯 吉林省商务厅日前公布了今年\n以来吉林家电以旧换新的情况，\n全年销售额大增五十万笔。\n\n"
            "吉林今年以来\n家电以旧换新\n销售额大增\n\n"
            + "\n".join(["　　下一步还将继续扩大政策范围，", COL, "确保政策直达。（吉文）"]) + "\n")
    [a] = read(item).blocks
    assert plain(a.headline) == "吉林今年以来家电以旧换新销售额大增"
    other = item.replace("吉林今年以来\n家电以旧换新\n销售额大增", "新时代的价值追求")
    [b] = read(other).blocks
    assert plain(b.headline) == ""


def test_text_printed_under_another_articles_head_can_take_up_a_cut_word():
    # A's column ends inside a word (操⏎作系统); pdftotext printed the column's continuation
    # in the block of B's byline. Its first line fills the column (no paragraph indent), so
    # it is a candidate, and the word across the join outweighs the penalty for a block
    # printed where an article opens; an indented opening under a byline is no candidate
    from convertkit_newspage.lines import Line, despace

    def lines(*texts, no=1):
        return [Line(no + k, t, despace(t)) for k, t in enumerate(texts)]

    a = Piece(Kind.TEXT, lines("　　第一篇的正文开头在这里，", COL, COL, "它们都搭载了开源鸿蒙的操"), 0)
    head = Piece(Kind.HEAD, lines("另一篇的标题写在这里面", no=10), 1)
    byline = Piece(Kind.BYLINE, lines("李大为", no=11), 1, starts_block=False)
    rest = Piece(Kind.TEXT, lines("作系统" + COL[3:], COL, "第一篇到此全部结束。", no=12), 1, starts_block=False)
    opening = Piece(Kind.TEXT, lines("　　另一篇文章的正文开头在这，", COL, COL, "另一篇到这里结束了。", no=12), 1,
                    starts_block=False)
    pieces = [a, head, byline, rest]
    assert order.under_a_head(pieces, 3)
    assert not order.under_a_head([a, head, byline, opening], 3)
    [join] = [j for j in order.candidates(pieces) if j.end == 0 and j.start == 3]
    assert join.words > 0
    assert join.score > 0 and {(j.end, j.start) for j in assignment.best_assignment(order.candidates(pieces))} == {(0, 3)}


def test_a_block_that_opens_with_a_dateline_takes_up_no_sentence_from_elsewhere():
    # A's column is cut after 依法治教全; the block printed next opens with 本报讯 (a news
    # item's dateline, set full width): no join may go into it, printed next or not; A's
    # column goes on in a later block, 面推进…
    a = Piece(Kind.TEXT, reader_lines(["　　第一篇的正文开头在这里，", COL, COL, "全省各地都在大力推进着的依法治教全"]), 0)
    item = Piece(Kind.TEXT, reader_lines(["本报讯 近日，某省召开了一次会议，", COL, "会议到这里就结束了。"]), 1)
    rest = Piece(Kind.TEXT, reader_lines(["面推进，教育法修订已经完成了。这一", COL, "第一篇到此全部结束。"]), 2)
    joins = order.candidates([a, item, rest])
    assert all(j.start != 1 or j.score < order.NATURAL for j in joins)  # no bonus for print order
    assert [(j.end, j.start) for j in assignment.best_assignment(joins)] == [(0, 2)]


def test_a_short_block_that_closes_a_bracket_takes_up_the_one_left_open():
    # an author line cut at a column foot (（作者为…思想研) goes on at the top of the next
    # column in a line too short to show its measure (究中心特聘研究员）), printed later
    assert closes_unopened("究中心特聘研究员）") and not closes_unopened("（作者为某大学教授）")
    a = Piece(Kind.TEXT, reader_lines(["　　第一篇的正文开头在这里，", COL, COL, "（作者为中国社会科学院某某思想研"]), 0)
    other = Piece(Kind.TEXT, reader_lines(["　　另一篇文章的正文开头在这，", COL, "另一篇到这里结束了。"]), 1)
    tail = Piece(Kind.TEXT, reader_lines(["究中心特聘研究员）"]), 2)
    assert [(j.end, j.start) for j in assignment.best_assignment(order.candidates([a, other, tail]))] == [(0, 2)]


def test_a_block_that_closes_a_quotation_takes_up_the_one_left_open():
    # a quotation left open at a column's foot (鼓励采取“家) goes on where a line closes one
    # it never opened (电器…”等模式。), however short (it shows no measure), printed later
    a = Piece(Kind.TEXT, reader_lines(["　　第一篇的正文开头在这里，", COL, COL, "鼓励采取“家用电器以旧换新加"]), 0)
    other = Piece(Kind.TEXT, reader_lines(["　　另一篇文章的正文开头在这，", COL, "另一篇到这里结束了。"]), 1)
    tail = Piece(Kind.TEXT, reader_lines(["电商平台联动”等模式。"]), 2)
    chosen = assignment.best_assignment(order.candidates([a, other, tail]))
    assert [(j.end, j.start) for j in chosen] == [(0, 2)]


def test_a_line_a_little_short_takes_up_a_sentence_only_on_a_word_across():
    # a column's first line set with its punctuation at full width is as short as an
    # indented one: it goes on with the sentence another block left open where a word runs
    # across the join (获⏎得感), and where none does it is a paragraph's opening
    a = Piece(Kind.TEXT, reader_lines(["　　第一篇的正文开头在这里，", COL, COL, "更好满足人们的参与感、公平感、获"]), 0)
    other = Piece(Kind.TEXT, reader_lines(["　　另一篇文章的正文开头在这，", COL, "另一篇到这里结束了。"]), 1)

    def joined(first: str) -> list[tuple[int, int]]:
        tail = Piece(Kind.TEXT, reader_lines([first, COL, COL, "这一段到这里就结束。"]), 2)
        return [(j.end, j.start) for j in assignment.best_assignment(order.candidates([a, other, tail]))]
    assert joined("得感、幸福感、安全感、尊严感等这样") == [(0, 2)]
    assert joined("各地推进幸福感、安全感等等这样好") == []


def test_a_first_line_short_only_by_the_number_that_opens_the_next_takes_up_a_sentence():
    # type never breaks a run of digits (1999年): a column's first line that stops two ems
    # short because the next line's number did not fit is a full line, not an indented
    # opening; it goes on with the sentence left open where a word runs across (经济⏎体).
    # The same line over a line that opens on Han characters reads as an indent
    a = Piece(Kind.TEXT, reader_lines(["　　第一篇的正文开头在这里，", COL, COL, "众多国际机构评选为全球最自由经济"]), 0)
    other = Piece(Kind.TEXT, reader_lines(["　　另一篇文章的正文开头在这，", COL, "另一篇到这里结束了。"]), 1)

    def joined(second: str) -> list[tuple[int, int]]:
        tail = Piece(Kind.TEXT, reader_lines(["体和最具有竞争力的地区之一。从", second, COL, COL, "这一段到这里就结束。"]), 2)
        return [(j.end, j.start) for j in assignment.best_assignment(order.candidates([a, other, tail]))]
    assert joined("1999年到2016年，本地生产总值从") == [(0, 2)]
    assert joined("那一年到后来这些年，本地生产总值从") == []


def test_text_under_a_head_a_little_short_takes_up_a_sentence_only_on_a_word_across():
    # pdftotext printed a column's continuation in one block under another article's head:
    # its first line is an em short of the column (brackets or quotes set at full width), as
    # an indented opening is; it goes on with the sentence left open where a word runs across
    # the join (采⏎取), and where none does it is the opening of the head's article
    a = Piece(Kind.TEXT, reader_lines(["　　第一篇的正文开头在这里，", COL, COL, "鼓励更多的企业和商家积极采"]), 0)
    other = Piece(Kind.TEXT, reader_lines(["　　另一篇文章的正文开头在这，", COL, "另一篇到这里结束了。"]), 1)
    head = Piece(Kind.HEAD, reader_lines(["某地家电以旧换新销售额增长"]), 2)

    def joined(first: str) -> list[tuple[int, int]]:
        under = Piece(Kind.TEXT, reader_lines([first, COL, COL, "这一段到这里就结束。"]), 2, starts_block=False)
        return [(j.end, j.start) for j in assignment.best_assignment(order.candidates([a, other, head, under]))]
    assert joined("取家用电器加电商平台的模式参与") == [(0, 3)]
    assert joined("各地家用电器加电商平台的模式参") == []


def test_a_block_too_short_to_show_its_measure_goes_on_where_a_word_runs_across():
    # a block of two lines whose last line is short of the page's column shows no measure:
    # it leaves its sentence to the block printed next unless a word runs on across the
    # join into another block (强化行⏎动); with no word across there, it is left as printed
    indent = "又一段话的开头就在这里了好，"  # two ems short of COL: a paragraph's first line
    pieces = [Piece(Kind.TEXT, reader_lines(["　　一段话的开头在这里啊，", COL, COL, "这一段话结束了。"]), 0),
              Piece(Kind.TEXT, reader_lines(["　　短块的第一行在这里", "推动企业创新主体进一步强化行"]), 1),
              Piece(Kind.TEXT, reader_lines([indent, COL, COL, "又一段话结束了。"]), 2),
              Piece(Kind.TEXT, reader_lines(["动，发挥企业牵引带动作用的好样子，", COL, COL, "到这里结束。"]), 3)]
    assert [(j.end, j.start) for j in assignment.best_assignment(order.candidates(pieces))] == [(1, 3)]
    pieces[3] = Piece(Kind.TEXT, reader_lines(["各地发挥企业牵引带动作用的好样子，", COL, COL, "到这里结束。"]), 3)
    assert not [j for j in order.candidates(pieces) if (j.end, j.start) == (1, 3)]


def test_on_a_page_that_sets_its_paragraphs_apart_a_continuation_carries_its_column():
    # each paragraph is a block: A's sentence cut after 操 goes on in a block printed after
    # B's paragraph (作系统…); the block printed after that continuation is A's next
    # paragraph, read after it rather than after B
    a_open = Piece(Kind.TEXT, reader_lines(["　　第一篇文章的第一段开头，文字", COL, COL, "发布搭载开源鸿蒙的操"]), 0)
    b_para = Piece(Kind.TEXT, reader_lines(["　　另一篇文章的正文开头的一段啊，", COL, COL, "另一篇到这里结束了。"]), 1)
    a_cont = Piece(Kind.TEXT, reader_lines(["作系统的人形机器人已经发布了两款，", COL, COL, "这一段到这里就结束。"]), 2)
    a_next = Piece(Kind.TEXT, reader_lines(["　　第一篇文章的下一段在这里啊，", COL, COL, "那一段到这里也结束。"]), 3)
    ex = Explain()
    assert order.assemble([a_open, b_para, a_cont, a_next], ex) == [a_open, a_cont, a_next, b_para]
    assert [s["rule"] for s in ex.steps if s["rule"] == "order-carried"] == ["order-carried"]
    # where paragraphs run on in their column, a block holds a paragraph's end and the next
    # one's start: a blank line after a finished paragraph is a column's foot, and the block
    # printed after the continuation may be any column: print order stands
    run_on = ["　　另一篇文章的正文开头的一段啊，", COL, "一段结束。", "　　又一段开头在这里的文字啊，", COL, "结束了。"]
    b_para = Piece(Kind.TEXT, reader_lines(run_on), 1)
    a_next = Piece(Kind.TEXT, reader_lines(run_on[:2] + ["那一段结束。"] + run_on[3:]), 3)
    assert order.assemble([a_open, b_para, a_cont, a_next], Explain(False)) == [a_open, a_cont, b_para, a_next]


def test_a_head_printed_in_a_continuations_block_goes_with_it_and_its_section_after_it():
    # pdftotext printed a subhead in one block under the paragraph that ends A's column (its
    # last lines, then 第二个小标题): the head stands under that paragraph in its column, so
    # where the paragraph goes on from A's cut sentence, the head and the text printed under
    # it go after it, not after B's paragraph printed in between
    a_open = Piece(Kind.TEXT, reader_lines(["　　第一篇文章的第一段开头，文字", COL, COL, "发布搭载开源鸿蒙的操"]), 0)
    b_para = Piece(Kind.TEXT, reader_lines(["　　另一篇文章的正文开头的一段啊，", OTHER_COL, OTHER_COL, "另一篇到这里结束了。"]), 1)
    lines = reader_lines(["作系统的人形机器人已经发布了两款，", COL, COL, "这一段到这里就结束。", "第二个小标题"])
    a_cont = Piece(Kind.TEXT, lines[:4], 2)
    head = Piece(Kind.HEAD, lines[4:], 2, starts_block=False)
    a_next = Piece(Kind.TEXT, reader_lines(["　　第一篇文章的下一段在这里啊，", COL, COL, "那一段到这里也结束。"]), 3)
    ex = Explain()
    assert order.assemble([a_open, b_para, a_cont, head, a_next], ex) == [a_open, a_cont, head, a_next, b_para]
    assert [s["lines"] for s in ex.steps if s["rule"] == "order-carried"][0] == [5, 5]


def test_a_continuation_of_two_lines_carries_its_column_and_one_line_does_not():
    # a continuation takes up a cut sentence: its first line is a full one and shows the
    # column's measure, so two lines are enough to carry the block printed after it; a
    # single line is its paragraph's last and shows no measure: print order stands
    a_open = Piece(Kind.TEXT, reader_lines(["　　第一篇文章的第一段开头，文字", COL, COL, "发布搭载开源鸿蒙的操"]), 0)
    # (the other article's block in words of its own: the two articles share no vocabulary)
    b_para = Piece(Kind.TEXT, reader_lines(["　　另一篇文章的正文开头的一段啊，", OTHER_COL, OTHER_COL, "另一篇到这里结束了。"]), 1)
    a_next = Piece(Kind.TEXT, reader_lines(["　　第一篇文章的下一段在这里啊，", COL, COL, "那一段到这里也结束。"]), 3)
    two = Piece(Kind.TEXT, reader_lines(["作系统的人形机器人已经发布了两款，", "这一段就结束。"]), 2)
    assert order.assemble([a_open, b_para, two, a_next], Explain(False)) == [a_open, two, a_next, b_para]
    one = Piece(Kind.TEXT, reader_lines(["作系统的机器人。"]), 2)
    assert order.assemble([a_open, b_para, one, a_next], Explain(False)) == [a_open, one, b_para, a_next]


def test_a_cut_sentence_goes_on_in_the_block_that_shares_its_articles_words_over_the_next_one():
    # an article's blocks share its vocabulary: A, on maritime law, is cut after 完善的; the
    # block printed next fills the column but is about education and shares none of A's
    # words; a later block goes on about 海洋法律, and takes the sentence up (the weights of
    # the evidence are fitted to generated pages: benchmarks/order_weights.py)
    a = Piece(Kind.TEXT, reader_lines(["维护海权、建设海洋强国离不开海洋", "法律体系的支撑，海洋法律体系要与",
                                       "海权战略相适应，海洋强国需要完善的"]), 0)
    b = Piece(Kind.TEXT, reader_lines(["教育公平状况不断改善，教育事业的", "发展让学校和教师的队伍不断加强，",
                                       "教育改革持续推进取得显著成效。"]), 1)
    c = Piece(Kind.TEXT, reader_lines(["海洋法律制度，以海洋法律维护海权", "和建设海洋强国的法律体系为支撑。"]), 2)
    evidence: dict = {}
    joins = order.candidates([a, b, c], evidence)
    assert evidence[(0, 1)].natural and evidence[(0, 2)].affinity > evidence[(0, 1)].affinity
    assert [(j.end, j.start) for j in assignment.best_assignment(joins)] == [(0, 2)]


def test_a_line_opening_on_a_particle_goes_on_with_a_sentence_left_open_elsewhere():
    # 的工作… opens no sentence (的 stands alone: 的 工作), so it goes on with the sentence the
    # first article left open, though a news item was printed between them; 的确, 地方 are words
    assert lexicon.opens_on_follower("的工作，为明年全面铺开打下基础。")
    assert not lexicon.opens_on_follower("的确，这是一次成功的尝试。")
    assert not lexicon.opens_on_follower("地方政府要切实负起责任。")
    text = ("某市推进老旧小区改造\n王小明\n\n"
            "今年以来，某市加快推进老旧小区改造，\n已完成改造的小区有一百多个。按照计划，\n全市将在年底前完成剩余小区的摸底调查\n\n"
            "某县举办农民丰收节\n李华\n\n"
            "本报讯 日前，某县举办了第五届农民丰收\n节，来自各乡镇的农民展示了今年的丰收成果，\n吸引了大批游客前来参观。\n\n"
            "的工作，为明年全面铺开打下基础。\n")
    first, second = read(text).blocks
    assert list(paragraphs(first.blocks))[-1].endswith("摸底调查的工作，为明年全面铺开打下基础。")
    assert list(paragraphs(second.blocks)) == ["日前，某县举办了第五届农民丰收节，来自各乡镇的农民展示了今年的丰收成果，吸引了大批游客前来参观。"]


def test_the_word_list_finds_every_word_and_no_other():
    # look-ups bisect the records of a word's first character only: words of neighbouring
    # first characters, one-character words and absent words must all come out right
    words = {"中": 5.0, "中国": 9.5, "中国人": 7.25, "丰": 2.0, "丰收": 6.5, "乐": 3.0, "为": 8.0, "为了": 7.5,
             "为人民": 4.0, "一": 9.0, "一带一路": 6.0}
    table = lexicon.WordList.of(words)
    for w, f in words.items():
        assert table.get(w) == pytest.approx(f, abs=1e-3)
    for absent in ("中华", "丰收节", "乐观", "了", "人", "", "一带"):
        assert table.get(absent) == 0.0


def test_a_subhead_over_a_column_read_under_a_byline_is_read_with_it():
    # pdftotext printed a subhead over the first column of its section, in one block; the
    # column's last sentence goes on under the article's byline, printed later with the
    # headline (an inset headline stack). The column is read under the byline, and the
    # subhead printed over it goes with it: left at its print place, it would stand over the
    # headline read next, as its kicker
    from convertkit_newspage.lines import Line, despace

    def lines(*texts, no=1):
        return [Line(no + k, t, despace(t)) for k, t in enumerate(texts)]

    lede = Piece(Kind.TEXT, lines("　　第一篇的导语写在这里啊，", COL, "导语到这里就结束了。"), 0)
    sub = Piece(Kind.HEAD, lines("第一篇的小标题", "分成了两行", no=5), 1)
    column = Piece(Kind.TEXT, lines("　　小标题下面的正文开头，", COL, COL, "它们都搭载了开源鸿蒙的操", no=7), 1,
                   starts_block=False)
    headline = Piece(Kind.HEAD, lines("第一篇文章的大标题", no=20), 2)
    byline = Piece(Kind.BYLINE, lines("李大为", no=21), 2, starts_block=False)
    rest = Piece(Kind.TEXT, lines("作系统" + COL[3:], COL, "第一篇到此全部结束。", no=22), 2, starts_block=False)
    ex = Explain()
    assert order.assemble([lede, sub, column, headline, byline, rest], ex) == \
        [lede, headline, byline, sub, column, rest]
    assert [s["decision"] for s in ex.steps if s["rule"] == "order-under-byline"] == \
        ["the chain this block begins goes on under the byline at line 21: read there, with the head printed over it"]
