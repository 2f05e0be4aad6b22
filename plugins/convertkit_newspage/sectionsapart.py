"""Stage 5, sections printed apart: a head over text whose words another article takes up
is often a section of it printed elsewhere on the page (a subhead opens no article). Each
such head is weighed against the page's articles as a choice, the best taking it where the
evidence scores high enough, at the place among that article's sections its print order
gives; numbered subheads go where their numbers run on; a head printed over a headline, in
parallel with that article's subheads, is the subhead of its first section."""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from . import lexicon, titles
from .articles import Draft, continues_numbers, draft_text, has_opener, numbered_after_first, subhead_numbers
from .lines import Line, ends_sentence, section_number, spaceless_text
from .order import page_column
from .pieces import Kind, Piece, head_piece, text_of
from .regroup import before_author_line, before_text_printed_after, ended, holds_author_line
from .rules import Explain, Stage, register

register(Stage.ARTICLES, {
    "section-apart": "a head and text printed apart whose words another article takes up, on evidence that "
                     "scores high enough, are a section of it",
    "heads-own-article": "a head and text whose evidence for being another article's section scores too low "
                         "head an article of their own",
    "subhead-over-headline": "a head block printed with the headline in parallel with the article's subheads is "
                             "a subhead: it goes after the lede",
    "numbered-section-home": "a subhead whose number goes on with another article's numbered subheads, and not "
                             "with its own article's, goes there with its text",
})

# The weights of a section's score (:class:`SectionEvidence`), fitted, not set by hand: each
# head block over text that may be a section printed apart is a choice among the page's
# headed articles and none (whose score is 0); on generated pages each article is labelled
# by whether the text is its, and a conditional logit gives the weights (with a light L2
# penalty, 0.01: ``benchmarks/regroup_weights.py``). Session 48 fitted them first (seeds
# 700-1099 and, made from a second pool of texts, 8000-8199), with SECTION_MIN, the least
# score that moves a section, chosen on the whole-page figures (a section moved wrongly costs
# an article, one left apart only its place). Session 56 refitted them on today's reading of
# 700-1099 (385 choices) with a term for a head set wider than the page's column (``wide``:
# a subhead keeps to its column, a headline is set across columns): candidates decided right
# 0.813 → 0.857 on those pages, 0.818 → 0.856 on 1100-1299 (the refit without the term: 0.842
# and 0.845); SECTION_MIN is now the logit's own 0 (-0.5, 0.25, 0.5 and 1.0 read the
# development pages' char worse). The fits' history: docs/reader-history.md, sessions 48, 56.
SECTION_BIAS = -1.90
SECTION_SHARED = 16.22  # per unit of the share of the text's character pairs the article holds, by information
SECTION_COVER = 3.01  # per unit of the share of the head's character pairs the article's text holds
SECTION_CLOSED = -1.70  # the article has ended (a sign-off or an author line closes it)
SECTION_AUTHOR = -1.46  # the text holds an author line of its own: a whole article's end
SECTION_PARALLEL = 2.46  # one of the article's subheads runs a phrase of the head's
SECTION_LENGTH = 0.95  # per unit of the log of the text's length ...
SECTION_TARGET_LENGTH = -1.28  # ... and of the article's: a longer article holds more of any text's pairs
SECTION_WIDE = -0.83  # the head is set wider than the page's column: a headline's measure, not a subhead's
SECTION_MIN = 0.0
#: a name printed alone this many lines at most under a head, with no other head that lacks
#: a byline within BYLINE_CLEAR lines of it, is that head's byline (:func:`_signed_apart`)
BYLINE_NEAR = 5
BYLINE_CLEAR = 20
_WIDE_NOTE = " (the head set wider than the page's column)"


@dataclass(frozen=True)
class SectionEvidence:
    """What speaks for and against a head block over text being a section of another
    article printed apart: the terms of its score."""

    shared: float  # the share of the text's character pairs the article's text holds, by information
    cover: float  # the share of the head's character pairs the article's text holds
    closed: bool  # the article has ended: a sign-off or an author line closed it
    author: bool  # the text holds an author line of its own
    parallel: bool  # one of the article's subheads runs a phrase of the head's (:func:`_parallel`)
    length: int  # the text's characters
    target_length: int  # the article's
    wide: bool = False  # the head is set wider than the page's column (:func:`_column`)

    def score(self) -> float:
        return (SECTION_BIAS + SECTION_SHARED * self.shared + SECTION_COVER * self.cover
                + (SECTION_CLOSED if self.closed else 0.0) + (SECTION_AUTHOR if self.author else 0.0)
                + (SECTION_PARALLEL if self.parallel else 0.0) + SECTION_LENGTH * math.log(self.length)
                + SECTION_TARGET_LENGTH * math.log(self.target_length) + (SECTION_WIDE if self.wide else 0.0))


def section_evidence(drafts: list[Draft]) -> list[tuple[int, list[tuple[int, SectionEvidence]]]]:
    """Each head block over text in ``drafts`` that may be a section of another article
    printed apart: its draft's index and, for each article it may be a section of, that
    article's index and the evidence (what :func:`join_sections_apart` weighs: one choice
    among them, or none; its fit is ``benchmarks/regroup_weights.py``)."""
    texts = [draft_text(d) for d in drafts]
    pairs = [titles.text_pairs(t) for t in texts]
    column = _column(drafts)
    found = [(i, _section_choices(drafts, i, texts, pairs, set(), column)) for i in range(len(drafts))]
    return [(i, choices) for i, choices in found if choices]


def _section_choices(drafts: list[Draft], i: int, texts: list[str], pairs: list[set[str]], gone: set[int],
                     column: float) -> list[tuple[int, SectionEvidence]]:
    """The articles draft ``i`` may be a section of, printed apart: each article of the
    page with a head (none of ``gone``), and where the draft is one head over text with no
    subhead in it, each that a byline or a dateline opens too (an article whose headline
    was printed elsewhere has sections as any other; a head over text that holds subheads
    of its own is a headline over its sections, no section of a text with no head), with
    the evidence; the share of the draft's text's character pairs each holds weighs each
    pair by what it says of a text's subject (:func:`.lexicon.information`: a rare word such
    as 海权 far more than 中国 or 发展, which any article of the page may use, and a pair that
    is no word less still). Empty where the draft may be no section: it has a byline,
    dateline, sign-off or subtitle, or the page has fewer than two other articles to choose
    from."""
    d = drafts[i]
    if not d.heads or not _bare(d) or not pairs[i] or _signed_apart(drafts, i):
        return []  # (a head with a subtitle or a byline is a headline: subheads have neither;
        # a text of one character has no pairs to share)
    one_section = not any(p.kind is Kind.HEAD for p in d.body)
    others = [j for j, o in enumerate(drafts) if j != i and j not in gone and texts[j]
              and (o.heads or one_section and has_opener(o))]
    if len(others) < 2:
        return []
    total = math.fsum(map(lexicon.information, pairs[i]))
    author = holds_author_line(d.body)
    wide = bool(column) and max(ln.width for ln in d.heads) > column
    return [(j, SectionEvidence(math.fsum(map(lexicon.information, pairs[i] & pairs[j])) / total if total else 0.0,
                                titles.covers(d.heads, texts[j]), ended(drafts[j]), author,
                                _parallel(d.heads, drafts[j]), len(texts[i]), len(texts[j]), wide))
            for j in others]


def _column(drafts: list[Draft]) -> float:
    """The page's column: the usual measure of the text blocks of ``drafts`` (a subhead is
    set in its column, a headline across columns: ``SectionEvidence.wide``)."""
    return page_column([p for d in drafts for p in d.body])


def _section_evidence(drafts: list[Draft], i: int, texts: list[str], pairs: list[set[str]], gone: set[int],
                      column: float) -> tuple[int, SectionEvidence, float] | None:
    """The article draft ``i`` is most likely a section of, the evidence, and the next
    best article's score (None where it may be no section, :func:`_section_choices`). The
    one article whose subheads the head's number goes on with (三、 before 四、), whatever
    words they share; else the best score of all: the weights are fitted to choose among a
    page's articles (and none), so a text's words count against what the other articles
    hold, not only against a bar."""
    choices = _section_choices(drafts, i, texts, pairs, gone, column)
    if not choices:
        return None
    numbered = [c for c in choices if continues_numbers(drafts[i].heads, drafts[c[0]])]
    k, ev = numbered[0] if len(numbered) == 1 else max(choices, key=lambda c: c[1].score())
    return k, ev, max(e.score() for j, e in choices if j != k)


def join_sections_apart(drafts: list[Draft], explain: Explain, printed: Mapping[int, int] | None = None) -> list[Draft]:
    """A head block over text, with neither byline, dateline nor sign-off nor a subtitle
    (——…, which only headlines have), may be a section of another article printed apart (a
    subhead opens no article): each article it may be a section of (:func:`_section_choices`)
    is scored as its article (:class:`SectionEvidence`: the words they share, weighed by what
    they say (rare words most), the head's words the article takes up, a subhead of the
    article in parallel with the head, less where the article has ended, the text ends in
    an author line of its own or the head is set wider than the page's column, as a headline
    is), and the best takes it where it scores SECTION_MIN or more
    (:func:`_section_evidence`), and whatever the score where the head's number goes on with
    that article's subheads' or is not the first (a head numbered 二、 divides an article, and
    heads none); never where the text ends in an author line and so does that article (an
    article has one). Head and text go among that article's sections in the order their text
    was printed (before the first subhead whose text was printed after the section's: a boxed
    subhead, or one printed in a stack, stands apart from its text), or last where the
    section holds an author line; where no subhead's text is printed after it, back
    where the text was read if the headlines' words had cut it out of that very article
    (:func:`_where_read`), else at the end: before text put there earlier but printed after
    the section's text (:func:`before_text_printed_after`), and before the run of text that
    ends in the article's author line, if it has one and the section none (nothing follows an
    author line).
    A section moved into a head over text that then moves itself goes on its own, by its own
    text's print place (:func:`_insert_section`): sections keep the order they were printed in.
    Where the article chosen is a head over text and nothing more, and the moving head is the
    headline of the two (:func:`_headline_of_the_two`), the other way round. Untitled text
    that opens under a head (:func:`_opens_under_head`) is weighed as that head over its text,
    and moves with its subheads (since session 58); no section moves into it.
    ``printed``: each head line's printed block (:func:`.pieces.head_piece`)."""
    # untitled text that opens under a head is weighed as that head over its text (a
    # subhead opens no article); it is no article that others move into, and stays as it
    # was where it does not move
    opened: dict[int, Draft] = {}  # id of the head over text made of it -> the untitled text
    drafts = list(drafts)
    for n, d in enumerate(drafts):
        if _opens_under_head(d):
            bare = Draft(heads=list(d.body[0].lines), head_sizes=[len(d.body[0].lines)])
            bare.body = d.body[1:]
            bare.closed, bare.closed_by_author, bare.parts_of = d.closed, d.closed_by_author, d.parts_of
            opened[id(bare)] = d
            drafts[n] = bare
    if not any(d.heads and _bare(d) for d in drafts):
        return [opened.get(id(d), d) for d in drafts]  # (no head over text alone: nothing to weigh)
    texts = [draft_text(d) for d in drafts]
    pairs = [titles.text_pairs(t) for t in texts]
    column = _column(drafts)
    untitled = {n for n, d in enumerate(drafts) if id(d) in opened}  # (no article to move into)
    gone: set[int] = set()
    moved: set[int] = set()  # the heads of the sections moved (ids)
    for i, d in enumerate(drafts):
        if i in gone:
            continue
        found = _section_evidence(drafts, i, texts, pairs, gone | untitled, column)
        if found is None:
            continue
        k, ev, runner = found
        numbered = continues_numbers(d.heads, drafts[k])  # (四、 where the article holds 三、)
        later = numbered_after_first(d.heads)  # (二、: a section, never an article)
        if ev.author and drafts[k].closed_by_author:
            # an article has one author line, at its end: text that ends in one of its own
            # is no section of an article another author line has closed
            explain("heads-own-article", (d.heads[0].no, d.heads[-1].no),
                    f"its text ends in an author line, and so does the article at index {k}, its likeliest article: "
                    f"it heads an article of its own")
            continue
        if ev.score() < SECTION_MIN and not numbered and not later:
            explain("heads-own-article", (d.heads[0].no, d.heads[-1].no),
                    f"as a section of the article at index {k}, which holds {ev.shared:.0%} of its text's character "
                    f"pairs by information and {ev.cover:.0%} of the head's{_WIDE_NOTE if ev.wide else ''}, it scores "
                    f"{ev.score():.2f} (the next article {runner:.2f}; moves from {SECTION_MIN}): it heads an article "
                    f"of its own")
            continue
        why = (f"score {ev.score():.2f} (the next article {runner:.2f}; moved from {SECTION_MIN}): holds "
               f"{ev.shared:.0%} of its text's character pairs by information and {ev.cover:.0%} of the head's"
               + (_WIDE_NOTE if ev.wide else "")
               + ("; its number goes on with the article's subheads'" if numbered else
                  "; a head numbered after the first heads no article" if later else ""))
        target = drafts[k]
        if not numbered and not later and _bare(target) and i not in untitled \
                and _headline_of_the_two(d, target, texts[i], texts[k]):
            d, target, i, k = target, d, k, i
            why += "; the other way round: its head's words run through the text of the head it moved to"
        head = head_piece(d.heads, printed, d.body[0])
        # a section moved into this one earlier goes among the target's sections on its own
        cuts = [n for n, p in enumerate(d.body) if id(p) in moved] + [len(d.body)]
        parts = [[head] + d.body[:cuts[0]]] + [d.body[a:b] for a, b in zip(cuts, cuts[1:])]
        for part in parts:
            _insert_section(target, part, d if part[0] is head else None)
        moved.add(id(head))
        gone.add(i)
        explain("section-apart", (d.heads[0].no, d.heads[-1].no),
                f"the article at index {k} {why}: a section printed apart")
    return [opened.get(id(d), d) for i, d in enumerate(drafts) if i not in gone]


def _opens_under_head(d: Draft) -> bool:
    """Whether ``d`` is untitled text that opens under a head: no headline, byline, dateline
    or sign-off, its first piece a head over text (a subhead opens no article)."""
    return bool(not d.heads and not d.byline and not d.dateline and not d.signoff and len(d.body) > 1
                and d.body[0].kind is Kind.HEAD and d.body[1].kind is Kind.TEXT)


def _signed_apart(drafts: list[Draft], i: int) -> bool:
    """Whether a name printed alone (a draft of a byline and nothing more) stands right
    under draft ``i``'s head, BYLINE_NEAR lines at most, with no other head that lacks a
    byline (or dateline) printed within BYLINE_CLEAR lines of it: the head is a headline
    whose byline was printed apart from it (:func:`.placement.place_lone_bylines` puts it
    there), not a subhead, which has none."""
    end = drafts[i].heads[-1].no
    for d in drafts:
        if not d.byline or d.heads or d.body or d.dateline or d.signoff:
            continue
        at = d.byline[0].no
        if 0 < at - end <= BYLINE_NEAR and not any(
                o is not drafts[i] and o.heads and not (o.byline or o.dateline)
                and abs(o.heads[-1].no - at) <= BYLINE_CLEAR for o in drafts):
            return True
    return False


def _bare(d: Draft) -> bool:
    """Whether a draft is a head block over text and nothing more (no byline, dateline,
    sign-off or subtitle): it may be a section as well as an article."""
    return len(d.head_sizes) == 1 and not (d.byline or d.dateline or d.signoff) \
        and not any(ln.text.startswith("——") for ln in d.heads)


def _headline_of_the_two(d: Draft, other: Draft, text: str, other_text: str) -> bool:
    """Whether, of two heads over text that go together, ``d``'s is the headline and
    ``other``'s a subhead of its article: a headline's words run through its article's
    sections, a subhead's stay in its own (``other_text`` takes up more of ``d``'s head's
    character pairs than ``text`` of ``other``'s), and a headline is set across columns
    where a subhead keeps to its own (``d``'s lines are the longer)."""
    return titles.covers(d.heads, other_text) > titles.covers(other.heads, text) and \
        max(ln.width for ln in d.heads) > max(ln.width for ln in other.heads)


def _insert_section(target: Draft, section: list[Piece], d: Draft | None) -> None:
    """Put ``section`` (a head and its text, from draft ``d`` where it heads one) among
    ``target``'s sections: before the subhead numbered next, if it has one; at the end if
    it holds an author line (nothing follows one); else in the order the sections' text was
    printed, before the first subhead whose text was printed after the section's
    (:func:`_printed_at`); with none, where its text was read if it was cut from that
    article. A section put at the end goes before the text at the end printed after its
    own (text put there earlier: :func:`before_text_printed_after`), and before the text
    that ends in the article's author line if the section holds none."""
    heads = list(section[0].lines)
    at = _before_next_number(target, section_number(spaceless_text(heads)))
    if at is None and holds_author_line(section):
        at = len(target.body)
    elif at is None:
        mine = _printed_at(section, 0)
        at = next((n for n, p in enumerate(target.body)
                   if p.kind is Kind.HEAD and _printed_at(target.body, n) > mine), None)
    if at is None:
        at = _where_read(target, d) if d is not None else len(target.body)
    if at == len(target.body):
        at = before_text_printed_after(target, section)
    if at == len(target.body) and not holds_author_line(section):
        at = before_author_line(target) or at
    target.body[at:at] = section


def _printed_at(body: list[Piece], at: int) -> int:
    """Where the section whose head is ``body[at]`` was printed: the first line of its text
    (of its head where it has none). A subhead set in a box, or printed in a stack with
    another's, stands apart from its text, which is printed in its columns' order."""
    for p in body[at + 1:]:
        if p.kind is Kind.HEAD:
            break
        if p.kind is Kind.TEXT:
            return p.lines[0].no
    return body[at].lines[0].no


def numbered_sections_home(drafts: list[Draft], explain: Explain) -> None:
    """Numbered subheads run in sequence: a subhead inside an article that holds no subhead
    numbered just before it, whose number goes on with the subheads of exactly one other
    article (四、 where that article holds 三、 and no 四、), is that article's, printed among
    another's columns: it goes there with its text (up to the next head), before that
    article's subhead numbered next if it has one, else after the section numbered before
    it. Drafts are changed in place."""
    for d in drafts:
        for piece in [p for p in d.body if p.kind is Kind.HEAD]:
            number = section_number(text_of(piece))
            if number is None or number[1] < 2 or (number[0], number[1] - 1) in subhead_numbers(d):
                continue
            homes = [a for a in drafts if a is not d and continues_numbers(list(piece.lines), a)]
            if len(homes) != 1:
                continue
            target = homes[0]
            at = d.body.index(piece)
            end = next((n for n in range(at + 1, len(d.body)) if d.body[n].kind is Kind.HEAD), len(d.body))
            section = d.body[at:end]
            del d.body[at:end]
            to = _before_next_number(target, number)
            if to is None:  # after the section numbered before it
                before = next(n for n, p in enumerate(target.body) if p.kind is Kind.HEAD
                              and section_number(text_of(p)) == (number[0], number[1] - 1))
                to = next((n for n in range(before + 1, len(target.body)) if target.body[n].kind is Kind.HEAD),
                          len(target.body))
            target.body[to:to] = section
            explain("numbered-section-home", (piece.lines[0].no, piece.lines[-1].no),
                    f"its number goes on with the subheads of the article at line "
                    f"{(target.heads or target.byline or target.body[0].lines)[0].no}: that article's section")


def _before_next_number(target: Draft, number: tuple[int, int] | None) -> int | None:
    """Where a section numbered ``number`` goes in article ``target``: before its subhead
    numbered next (三、 before 四、), None where it has none."""
    if number is None:
        return None
    return next((n for n, p in enumerate(target.body)
                 if p.kind is Kind.HEAD and section_number(text_of(p)) == (number[0], number[1] + 1)), None)


def _where_read(target: Draft, d: Draft) -> int:
    """Where in ``target`` text that the headlines' words had cut out of it
    (:func:`.byheadlines.split_by_headlines`) goes back: where it was read, before the
    first of target's pieces read after it; the end when ``d`` was not cut from ``target``."""
    root = d.parts_of
    order = {id(p): n for n, p in enumerate(root.body)} if root is not None and root is target.parts_of else {}
    if not d.body or id(d.body[0]) not in order:
        return len(target.body)
    here = order[id(d.body[0])]
    return next((n for n, p in enumerate(target.body) if order.get(id(p), -1) > here), len(target.body))


def subheads_over_headlines(drafts: list[Draft], explain: Explain, printed: Mapping[int, int] | None = None) -> None:
    """A head block printed over an article's headline, in parallel with one of the
    article's subheads (:func:`_parallel`: 充分认识“一国两制”的成功实践 over a text whose
    subheads include 全面准确贯彻“一国两制”方针), is no kicker but the subhead of its first
    section, printed with the headline stack: it goes back into the text, after the lede
    (the text up to the first block that ends a sentence: an article opens with its lede,
    and subheads divide what follows), before the subhead that may stand there (the first
    section's text was printed elsewhere). So is every other such block of the stack, each
    put after the one printed before it (since session 58: before, the first alone; the
    others stayed with the headline). The headline is the head block printed nearest
    over the byline, wherever the other head blocks were printed (a subhead has no byline
    under it); without one, the last; never a subtitle (——…), which stands under its
    headline. Drafts are changed in place.
    ``printed``: each head line's printed block (:func:`.pieces.head_piece`)."""
    for d in drafts:
        blocks = titles.blocks_of(d.heads, d.head_sizes)
        if len(blocks) < 2 or sum(d.head_sizes) != len(d.heads):
            continue
        # the headline is the head block printed nearest over the byline (a subhead has no
        # byline under it), else the last; never a subtitle (——…), which stands under its headline
        heads = [b for b in blocks if not b[0].text.startswith("——")] or blocks
        over = [b for b in heads if d.byline and b[-1].no < d.byline[0].no]
        headline = max(over, key=lambda b: b[-1].no) if over else heads[-1]
        placed = 0  # subheads put after the lede so far (each after the one printed before it)
        for block in [b for b in blocks if b is not headline]:
            if any(ln.text.startswith("——") for ln in block) or not _parallel(block, d):
                continue  # (a block with a subtitle is a headline: subheads have none)
            texts = [n for n, p in enumerate(d.body) if p.kind is Kind.TEXT]
            lede_end = next((n for n in texts if ends_sentence(d.body[n].lines[-1].text)), None)
            if lede_end is None or lede_end + 1 >= len(d.body):
                continue  # nothing after the lede
            # after the lede: before the subhead there, where the first section's text was
            # printed elsewhere
            d.take_head(None, block)
            at = lede_end + 1 + placed
            d.body.insert(at, head_piece(block, printed, d.body[min(at, len(d.body) - 1)]))
            placed += 1
            explain("subhead-over-headline", (block[0].no, block[-1].no),
                    "a head block printed with the headline, in parallel with the article's subheads, is the "
                    "subhead of one of its sections, after the lede")


PARALLEL = 4  # characters: the shortest phrase parallel subheads share


def _parallel(heads: list[Line], d: Draft) -> bool:
    """Whether head ``heads`` runs a phrase of PARALLEL characters or more with a subhead
    of article ``d``: an article's subheads are set in parallel (新时代的鲜明主题, 新时代的
    战略安排; 全面准确贯彻“一国两制”方针, 深入推进“一国两制”实践); or goes on with the
    numbers of its subheads (四、… where the article holds 三、… and no 四、)."""
    mine = spaceless_text(heads)
    if continues_numbers(heads, d):
        return True
    for p in d.body:
        if p.kind is Kind.HEAD:
            theirs = text_of(p)
            if theirs in mine or mine in theirs:
                continue  # a headline's phrase as a subhead, not two parallel subheads
            if any(mine[a:a + PARALLEL] in theirs for a in range(len(mine) - PARALLEL + 1)):
                return True
    return False
