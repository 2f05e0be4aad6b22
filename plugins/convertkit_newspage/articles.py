"""Stage 5, articles: the pieces, in reading order, cut into articles by their openers
(a headline, byline or dateline) and closers (a sign-off, an author line); untitled text is
joined to the article whose vocabulary it shares."""
from __future__ import annotations

import math
import re
from dataclasses import replace

from .lines import AUTHOR_START_RE, DATELINE_RE, SIGNOFF_RE, Line, Record, ends_sentence, inline_text, is_han
from .names import name_shaped, name_fragment
from .pieces import Kind, Piece
from .rules import Explain, Stage, register
from . import lexicon, titles

register(Stage.ARTICLES, {
    "after-banner": "a campaign banner stands over articles: what follows it starts one",
    "opener-headline-byline": "a headline over a byline opens an article",
    "headline-after-body": "a headline between a closer and the next opener belongs to the item before it, "
                           "unless it takes up clearly more of the words of the text after it",
    "headline-inset": "a head inside a dateline item without a headline, taking up its words, is its inset headline",
    "headline-new-topic": "a subhead is about part of its article and shares its words: a head none of whose "
                          "words the article's text so far takes up, over text that takes up most of them, "
                          "opens a new article",
    "opener-headline": "a headline opens an article",
    "subtitle-after-byline": "a —— line is a subtitle, never a subhead: under a byline it joins the headlines over it",
    "subhead": "a short unpunctuated line inside an article is a subhead",
    "headline-stack": "headlines stacked apart from their articles go to the articles whose words they take up",
    "name-completed": "a character alone completes the name another one alone began",
    "name-begun": "a character alone begins a second name of the byline",
    "byline-after-author-line": "a name right after an author line is that article's byline",
    "byline-after-untitled": "a name right after the end of an untitled article is its byline",
    "opener-byline": "a byline opens an article",
    "opener-dateline": "a dateline (本报讯, 新华社…电) opens an article",
    "untitled-article": "text after a closer, with no opener, starts an untitled article",
    "closer-signoff": "a sign-off (（鄂 文）) closes its article",
    "closer-author": "an author line (（作者为…）) closes its article",
    "merged-by-affinity": "untitled text joins the article that shares clearly the most of its vocabulary",
    "section-apart": "a head and text printed apart whose words another article takes up are a section of it",
    "split-by-headlines": "two headlines over one article whose text falls in two parts, each taking up the "
                          "words of one headline and not the other's, are two articles",
    "out-of-item": "a block inside a dated news item that shares far more of its words with another article is "
                   "that article's",
})


MERGE_MIN, MERGE_RATIO = 0.3, 1.3  # untitled text joins the article sharing clearly most of its pairs


PAGE_LINES = 800  # how far (in lines) a headline printed apart may be from its article


class Draft(Record):
    """An article while it is being assembled (``head_sizes``: lines per printed block of
    ``heads``)."""

    __slots__ = _compared = ("heads", "head_sizes", "byline", "dateline", "dateline_line", "body", "signoff",
                             "signoff_line", "closed", "closed_by_author")

    def __init__(self, heads: list[Line] | None = None, head_sizes: list[int] | None = None,
                 byline: list[Line] | None = None) -> None:
        self.heads: list[Line] = heads if heads is not None else []
        self.head_sizes: list[int] = head_sizes if head_sizes is not None else []
        self.byline: list[Line] = byline if byline is not None else []
        self.dateline, self.dateline_line = "", 0
        self.body: list[Piece] = []
        self.signoff, self.signoff_line = "", 0
        self.closed = self.closed_by_author = False


def segment(pieces: list[Piece], explain: Explain, breaks: set[int] = frozenset()) -> list[Draft]:
    """Pieces into articles; a piece starting at a line in ``breaks`` (after a banner)
    starts a new one."""
    drafts: list[Draft] = []
    cur: Draft | None = None
    page_text = "".join("".join(ln.text.split()) for p in pieces if p.kind is Kind.TEXT for ln in p.lines)
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if cur is not None and not cur.closed and p.starts_block and p.lines[0].no in breaks:
            cur.closed = True
            explain("after-banner", p.lines[0].no, "a campaign banner stands over articles: what follows it "
                                                   "starts one")
        if p.kind is Kind.HEAD:
            group = [p]
            while i + 1 < len(pieces) and pieces[i + 1].kind is Kind.HEAD and not p.boxed and not pieces[i + 1].boxed:
                i += 1
                group.append(pieces[i])
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            lines = [ln for g in group for ln in g.lines]
            span = (lines[0].no, lines[-1].no)
            opens_dateline = nxt is not None and nxt.kind is Kind.TEXT and bool(DATELINE_RE.match(nxt.lines[0].text))
            sizes = [len(g.lines) for g in group]
            if nxt is not None and nxt.kind is Kind.BYLINE:
                cur = Draft(heads=lines, head_sizes=sizes)
                drafts.append(cur)
                explain("opener-headline-byline", span, "headline before a byline opens an article")
            elif cur is not None and cur.closed and not cur.heads and not any(g.wide for g in group) \
                    and not _heads_what_follows(lines, cur, pieces[i + 1:]):
                # (a head set across columns over text heads that text)
                cur.heads, cur.head_sizes = lines, sizes
                explain("headline-after-body", span, "headline between a closer and the next opener "
                                                     "belongs to the item before it")
            elif cur is not None and cur.dateline and not cur.heads and not cur.byline and \
                    not opens_dateline and not any(g.wide for g in group) and \
                    titles.covers(lines, draft_text(cur)) >= titles.MIN_COVER:
                # a news item opens with its dateline (本报讯 …); a head printed inside its
                # text while it has none, taking up the words of that text, is its headline
                # set beside the first lines (inset)
                cur.heads, cur.head_sizes = lines, sizes
                explain("headline-inset", span, "a head inside a dateline item that has no headline is that "
                                                "item's headline, set beside its first lines")
            elif cur is not None and cur.heads and not cur.body and not cur.closed and \
                    group[0].lines[0].text.startswith("——"):
                cur.heads, cur.head_sizes = cur.heads + lines, cur.head_sizes + sizes
                explain("subtitle-after-byline", span, "a —— line under the byline is a subtitle of the headlines "
                                                       "over it, not a subhead")
            elif cur is not None and not cur.closed and _heads_next_article(lines, cur, pieces[i + 1:]):
                cur = Draft(heads=lines, head_sizes=sizes)
                drafts.append(cur)
                explain("headline-new-topic", span, "a head that shares none of the words of the article it is "
                                                    "printed in, over text that takes up most of them, opens "
                                                    "a new article")
            elif cur is None or cur.closed or opens_dateline or any(g.wide for g in group):
                cur = Draft(heads=lines, head_sizes=sizes)
                drafts.append(cur)
                explain("opener-headline", span, "headline opens an article")
            elif len(group) > 1 and all(len(g.lines) == 1 and g.starts_block for g in group):
                # one-line heads each in its own block, stacked: one heads the text that
                # follows, the others are headlines printed apart from their articles. The
                # subhead is the one least like a headline of the untitled articles so far
                # (the one whose words they take up least); the first on a tie
                if nxt is not None and nxt.kind is Kind.TEXT:
                    untitled = ["".join(ln.text for q in d.body for ln in q.lines)
                                for d in drafts if not d.heads and d is not cur and d.body
                                and abs(d.body[0].lines[0].no - p.lines[0].no) <= PAGE_LINES]
                    likeness = [max((titles.coverage(inline_text(g.lines), u) for u in untitled), default=0.0)
                                for g in group]
                    k = likeness.index(min(likeness))
                    cur.body.append(Piece(Kind.HEAD, group[k].lines, group[k].block))
                    explain("subhead", group[k].span, "of stacked heads over the text, the one least like an "
                                                      "untitled article's headline is a subhead")
                    group = group[:k] + group[k + 1:]
                stacked = [ln for g in group for ln in g.lines]
                drafts.append(Draft(heads=stacked, head_sizes=[1] * len(stacked)))
                explain("headline-stack", (stacked[0].no, stacked[-1].no), "stacked one-line heads inside an "
                                                                           "article are headlines printed apart")
            else:
                # a subhead, set in one block or broken inside a word across two; head
                # blocks printed one after another with no word across them are two heads
                runs = [[group[0]]]
                for g in group[1:]:
                    if g.starts_block and not _word_across(runs[-1][-1].lines[-1].text, g.lines[0].text, page_text):
                        runs.append([g])
                    else:
                        runs[-1].append(g)
                for run in runs:
                    sub = [ln for g in run for ln in g.lines]
                    cur.body.append(Piece(Kind.HEAD, sub, run[0].block))
                    explain("subhead", (sub[0].no, sub[-1].no), "short unpunctuated line inside an article is a "
                                                                "subhead")
        elif p.kind is Kind.BYLINE:
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            at = p.lines[0].no
            # a character alone, in its own block, completes a name begun by another one
            # alone: the layout broke the name apart (徐方平 高 … 静: 高静)
            pending = next((d for d in reversed(drafts) if d.byline and name_fragment(d.byline[-1])
                            and abs(d.byline[-1].no - at) <= PAGE_LINES), None) \
                if p.starts_block and len(p.lines) == 1 and name_fragment(p.lines[0]) else None
            if pending is not None:
                pending.byline = pending.byline + list(p.lines)
                explain("name-completed", p.span, f"a character alone completes the name begun at line "
                                                  f"{pending.byline[-2].no}")
            elif cur is not None and not cur.byline and not cur.body and not cur.closed:
                cur.byline = list(p.lines)
            elif cur is not None and cur.byline and len(inline_text(cur.byline)) == 1 and not cur.closed:
                cur.byline = cur.byline + list(p.lines)
                explain("name-continued", p.span, "the rest of a byline the layout broke apart")
            elif cur is not None and cur.byline and len(p.lines) == 1 and name_fragment(p.lines[0]) and \
                    not (cur.body and cur.body[-1].kind is Kind.TEXT and ends_sentence(cur.body[-1].lines[-1].text)):
                # a character alone is no author: the start of a second name of the article
                # before it, completed further on; set into its text, it interrupts a
                # sentence (after a sentence's end it is the byline of the next article)
                cur.byline = cur.byline + list(p.lines)
                explain("name-begun", p.span, "a character alone begins a second name of the article's byline")
            elif cur is not None and cur.closed and cur.closed_by_author and not cur.byline and \
                    len(p.lines) == 1 and name_shaped(p.lines[0]) and \
                    (nxt is None or nxt.kind is not Kind.HEAD):
                cur.byline = list(p.lines)
                explain("byline-after-author-line", p.span,
                        "a name right after an article closed by its author line is that article's byline")
            elif cur is not None and not cur.heads and not cur.byline and not cur.dateline and cur.body and \
                    cur.body[-1].kind is Kind.TEXT and ends_sentence(cur.body[-1].lines[-1].text) and \
                    len(p.lines) == 1 and name_shaped(p.lines[0]):
                cur.byline = list(p.lines)
                cur.closed = True
                explain("byline-after-untitled", p.span,
                        "a name right after the end of an article with neither headline nor byline is its byline")
            else:
                cur = Draft(byline=list(p.lines))
                drafts.append(cur)
                explain("opener-byline", p.span, "a byline opens an article")
        else:
            first = p.lines[0]
            m = DATELINE_RE.match(first.text)
            if m and p.starts_block:
                if cur is None or cur.body or cur.closed or cur.dateline:
                    cur = Draft()
                    drafts.append(cur)
                    explain("opener-dateline", first.no, f"dateline {m.group(1)} opens an article")
                cur.dateline = m.group(1)
                cur.dateline_line = first.no
                rest = first.text[m.end():].strip()
                p = replace(p, lines=((Line(first.no, first.raw, rest, opens=first.opens),) if rest else ()) + p.lines[1:])
                if not p.lines:
                    i += 1
                    continue
            elif cur is None or cur.closed:
                cur = Draft()
                drafts.append(cur)
                explain("untitled-article", p.span, "text with no opener starts an untitled article")
            last = p.lines[-1]
            sm = SIGNOFF_RE.search(last.text)
            if sm and (sm.start() == 0 or last.text[:sm.start()].rstrip()[-1:] in "。！？”）"):
                cur.signoff = re.sub(r"\s+", "", sm.group(1))
                cur.signoff_line = last.no
                body_text = last.text[:sm.start()].rstrip()
                p = replace(p, lines=p.lines[:-1] + ((Line(last.no, last.raw, body_text, opens=last.opens),) if body_text else ()))
                cur.closed = True
                explain("closer-signoff", last.no, f"sign-off {cur.signoff} closes the article")
            if p.lines:
                cur.body.append(p)
            if any(AUTHOR_START_RE.match(ln.text) for ln in p.lines) and ends_sentence_or_bracket(p.lines[-1].text):
                cur.closed = cur.closed_by_author = True
                explain("closer-author", p.span, "author line （作者…） closes the article")
        i += 1
    return drafts


def _word_across(left: str, right: str, page_text: str) -> bool:
    """Whether a word runs across the end of line ``left`` into line ``right``: the lexicon
    knows one, or the page's text prints four characters or more across the join (促科技⏎创新:
    科技创新)."""
    if lexicon.join_score(left, right):
        return True
    tail, head = "".join(left.split())[-3:], "".join(right.split())[:3]
    return any(tail[-a:] + head[:b] in page_text for a in range(1, len(tail) + 1)
               for b in range(max(1, 4 - a), len(head) + 1))


def _heads_what_follows(lines: list[Line], before: Draft, after: list[Piece]) -> bool:
    """Whether head ``lines`` printed after a closed article take up the words of the text
    printed after them (up to the next head) clearly more than the closed article's: a
    headline goes with the text whose words it takes up, printed after that text or over it."""
    mine, theirs = titles.covers(lines, draft_text(before)), titles.covers(lines, _text_up_to_head(after))
    return theirs >= titles.MIN_COVER and theirs >= mine + titles.MARGIN


NEW_TOPIC_MAX = 0.15  # the most of a head's character pairs the text before it may hold ...
NEW_TOPIC_MIN = 0.6  # ... and the least the text after it must hold, for it to head a new article
NEW_TOPIC_TEXT = 100  # the least text (characters) before it for that absence to say anything


def _heads_next_article(lines: list[Line], cur: Draft, after: list[Piece]) -> bool:
    """Whether head ``lines`` printed inside article ``cur``, after a sentence's end, are
    the headline of the text after them rather than a subhead: a subhead is about part of
    its article and shares its vocabulary, so a head none of whose words the article's text
    so far takes up, over text that takes up most of them, opens a new article."""
    last = next((p for p in reversed(cur.body) if p.kind is Kind.TEXT), None)
    if last is None or not ends_sentence(last.lines[-1].text):
        return False
    before = draft_text(cur)
    if len(before) < NEW_TOPIC_TEXT or titles.covers(lines, before) > NEW_TOPIC_MAX:
        return False
    return titles.covers(lines, _text_up_to_head(after)) >= NEW_TOPIC_MIN


def _text_up_to_head(pieces: list[Piece]) -> str:
    """The text of ``pieces`` up to the first head, spaces removed."""
    out = []
    for p in pieces:
        if p.kind is Kind.HEAD:
            break
        if p.kind is Kind.TEXT:
            out.append("".join("".join(ln.text.split()) for ln in p.lines))
    return "".join(out)


def _bigrams(lines: list[Line]) -> set[str]:
    return titles.text_pairs("".join(ln.text for ln in lines))


def merge_by_affinity(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """Text with neither headline, byline nor dateline, on a page of titled articles, is
    part of one of them printed apart (an intro set beside the headline stack): it goes to
    the article whose text shares clearly the most of its character pairs. As its intro
    when that article starts with a subhead (it lacks its intro) or is printed after the
    text (its headline was set beside the first lines: inset), else at its end."""
    def first_line(d: Draft) -> int:
        return min(ln.no for part in (d.heads, d.byline, *(p.lines for p in d.body)) for ln in part[:1])

    titled = [d for d in drafts if d.heads or d.byline]
    starts = [first_line(t) for t in titled]
    grams: dict[int, set[str]] = {}
    out: list[Draft] = []
    for d in drafts:
        anonymous = not (d.heads or d.byline or d.dateline or d.signoff) and d.body
        at = first_line(d) if anonymous else 0
        # only articles of the same printed page (within PAGE_LINES): linear in long inputs
        near = [k for k, start in enumerate(starts) if abs(start - at) <= PAGE_LINES] if anonymous else []
        if len(near) < 2:
            out.append(d)
            continue
        mine = _bigrams([ln for p in d.body for ln in p.lines])
        for k in near:
            if k not in grams:
                grams[k] = _bigrams(titled[k].heads + [ln for p in titled[k].body for ln in p.lines])
        scores = sorted(((len(mine & grams[k]) / max(1, len(mine)), k) for k in near), reverse=True)
        (best, k), (second, _) = scores[0], scores[1]
        if best < MERGE_MIN or best < MERGE_RATIO * second:
            out.append(d)
            continue
        target = titled[k]
        if target.body and target.body[0].kind is Kind.HEAD or at < starts[k]:
            target.body[0:0] = d.body
            where = "as its intro"
        else:
            target.body.extend(d.body)
            where = "at its end"
        span = (d.body[0].lines[0].no, d.body[-1].lines[-1].no)
        explain("merged-by-affinity", span, f"untitled text shares {best:.0%} of its character pairs with the "
                                            f"article at line {(target.heads or target.byline)[0].no} "
                                            f"(next best {second:.0%}): put {where}")
    return out


ITEM_RATIO = 3.0  # how many times more of its weighted pairs another article must share
ITEM_MIN = 0.1  # the least share another article must hold at all
LEDE_MAX = 0.02  # a block that shares at most this much of its weighted pairs with the lede ...
APART_MIN = 0.25  # ... goes to another article that holds this much of them


def take_out_of_items(drafts: list[Draft], explain: Explain) -> None:
    """A news item (opened by its dateline) is short and about one thing. A text block
    inside it, after its first, whose character pairs (weighted by how few blocks of the
    page use them) another article shares ITEM_RATIO times as much as the item's other
    blocks, or APART_MIN of them while the item's lede (its first block) shares next to none
    (LEDE_MAX), is that article's, printed among the item's columns: it goes to the end of
    that article. The shares are measured on the articles as segmented (before any block moves).
    Drafts are changed in place."""
    texts = [[p for p in d.body if p.kind is Kind.TEXT] for d in drafts]
    if not any(d.dateline and len(t) >= 2 for d, t in zip(drafts, texts)):
        return
    pairs = {id(p): _han_pairs(p) for t in texts for p in t}
    df: dict[str, int] = {}
    for ps in pairs.values():
        for b in ps:
            df[b] = df.get(b, 0) + 1
    n = len(pairs)
    weight = {b: math.log((n + 1) / c) for b, c in df.items()}
    vocab = [set().union(*(pairs[id(p)] for p in t)) if t else set() for t in texts]
    for i, d in enumerate(drafts):
        if not d.dateline or len(texts[i]) < 2:
            continue
        lede = pairs[id(texts[i][0])]
        for p in texts[i][1:]:
            mine = pairs[id(p)]
            total = sum(weight[b] for b in mine)
            if not total:
                continue
            rest = set().union(*(pairs[id(q)] for q in texts[i] if q is not p))
            own = sum(weight[b] for b in mine & rest) / total
            in_lede = sum(weight[b] for b in mine & lede) / total
            best, k = max(((sum(weight[b] for b in mine & vocab[j]) / total, j)
                           for j in range(len(drafts)) if j != i and vocab[j]), default=(0.0, -1))
            # the item's other blocks may hold more blocks of that article, printed among
            # the item's columns too: a block that shares none of the words of the lede
            # (the item's opening block, which says what it is about) goes on less evidence
            if k < 0 or not (best >= ITEM_MIN and best >= ITEM_RATIO * own
                             or in_lede <= LEDE_MAX and best >= APART_MIN):
                continue
            d.body.remove(p)
            drafts[k].body.append(p)
            explain("out-of-item", p.span, f"shares {best:.0%} of its weighted pairs with the article at index {k}, "
                                           f"{own:.0%} with the dated item it was printed in, {in_lede:.0%} with "
                                           f"its lede")


def _han_pairs(p: Piece) -> set[str]:
    """The pairs of adjacent Han characters of a text piece."""
    t = "".join(ln.text for ln in p.lines)
    return {a + b for a, b in zip(t, t[1:]) if is_han(a) and is_han(b)}


def draft_text(d: Draft) -> str:
    """An article's text, spaces removed (what its headline's words are looked up in)."""
    return "".join("".join(ln.text.split()) for p in d.body if p.kind is Kind.TEXT for ln in p.lines)


def ends_sentence_or_bracket(t: str) -> bool:
    return t.rstrip().endswith("）") or ends_sentence(t)


SPLIT_MIN = 0.5  # the least share of a headline's character pairs its part of the text must hold
SPLIT_MARGIN = 0.3  # how much more than the other part holds


def split_by_headlines(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """An article with two head blocks (no subtitle) over text that falls, at a sentence's
    end between two blocks, into two parts, each taking up the words of one headline
    (SPLIT_MIN of its character pairs) clearly more than the other part does (SPLIT_MARGIN),
    is two articles printed one after the other, each under its headline: a kicker's words
    run through its whole article. The byline and dateline stay with the first part, the
    sign-off and closer with the second."""
    out: list[Draft] = []
    for d in drafts:
        blocks = titles.blocks_of(d.heads, d.head_sizes)
        if len(blocks) != 2 or any(b[0].text.startswith("——") for b in blocks) or len(d.body) < 2:
            out.append(d)
            continue
        best: tuple[float, int, int] | None = None
        for c in range(1, len(d.body)):
            before = d.body[c - 1]
            if before.kind is not Kind.TEXT or not ends_sentence(before.lines[-1].text):
                continue
            left = "".join("".join(ln.text.split()) for p in d.body[:c] if p.kind is Kind.TEXT for ln in p.lines)
            right = "".join("".join(ln.text.split()) for p in d.body[c:] if p.kind is Kind.TEXT for ln in p.lines)
            for a in (0, 1):
                la, ra = titles.covers(blocks[a], left), titles.covers(blocks[a], right)
                lb, rb = titles.covers(blocks[1 - a], left), titles.covers(blocks[1 - a], right)
                if min(la, rb) >= SPLIT_MIN and la >= ra + SPLIT_MARGIN and rb >= lb + SPLIT_MARGIN:
                    score = la - ra + rb - lb
                    if best is None or score > best[0]:
                        best = (score, c, a)
        if best is None:
            out.append(d)
            continue
        _, c, a = best
        first, second = Draft(heads=blocks[a], head_sizes=[len(blocks[a])], byline=d.byline), \
            Draft(heads=blocks[1 - a], head_sizes=[len(blocks[1 - a])])
        first.dateline, first.dateline_line = d.dateline, d.dateline_line
        first.body, second.body = d.body[:c], d.body[c:]
        second.signoff, second.signoff_line = d.signoff, d.signoff_line
        second.closed, second.closed_by_author = d.closed, d.closed_by_author
        out += [first, second]
        explain("split-by-headlines", d.body[c].span, f"the text before takes up the words of "
                                                      f"{inline_text(blocks[a])!r}, the text from here those of "
                                                      f"{inline_text(blocks[1 - a])!r} (score {best[0]:.2f})")
    return out


SECTION_COVER = 0.7  # the least share of the head's character pairs the other article's text holds
SECTION_RATIO = 1.3  # how many times more of the text's pairs it shares than the next article


def join_sections_apart(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """A head block over text, with neither byline, dateline nor sign-off, is a section of
    another article printed apart (a subhead opens no article) when that article's text
    takes up the head's words (SECTION_COVER of its character pairs, as much as its own
    text does) and shares clearly the most of its text's pairs (SECTION_RATIO times the next
    article): head and text go to the end of that article, as a subhead and its section
    (where it was read is not known)."""
    texts = [draft_text(d) for d in drafts]
    pairs = [titles.text_pairs(t) for t in texts]
    titled = [j for j, d in enumerate(drafts) if (d.heads or d.byline) and texts[j]]
    gone: set[int] = set()
    for i, d in enumerate(drafts):
        if not d.heads or d.byline or d.dateline or d.signoff or len(d.head_sizes) != 1 or not texts[i]:
            continue
        others = [j for j in titled if j != i and j not in gone]
        if len(others) < 2:
            continue
        cover, k = max((titles.covers(d.heads, texts[j]), j) for j in others)
        shared = sorted(((len(pairs[i] & pairs[j]) / len(pairs[i]), j) for j in others), reverse=True)
        if cover < SECTION_COVER or cover < titles.covers(d.heads, texts[i]) or shared[0][1] != k \
                or shared[0][0] < SECTION_RATIO * shared[1][0]:
            continue
        target = drafts[k]
        target.body.append(Piece(Kind.HEAD, tuple(d.heads), d.body[0].block))
        target.body.extend(d.body)
        gone.add(i)
        explain("section-apart", (d.heads[0].no, d.heads[-1].no),
                f"the article at index {k} takes up {cover:.0%} of the head's character pairs and shares "
                f"{shared[0][0]:.0%} of its text's (next {shared[1][0]:.0%}): a section printed apart")
    return [d for i, d in enumerate(drafts) if i not in gone]
