"""Stage 5, articles by their headlines' words: a headline takes up the words of its whole
article. Two articles under a stack of two headlines are cut apart where each part of the
text takes up one headline's words (or one runs inside the other's columns); a head printed
with no text under it goes to the article whose text takes up its words."""
from __future__ import annotations

from collections.abc import Mapping

from . import titles
from .articles import Draft, draft_text
from .lines import Line, ends_sentence, inline_text, spaceless_text
from .pieces import Kind, Piece, head_piece, opens_news_item, past_open_sentences, text_of
from .rules import Explain, Stage, register

register(Stage.ARTICLES, {
    "split-by-headlines": "two headlines over one article whose text falls in two parts, each taking up the "
                          "words of one headline and not the other's, are two articles",
    "headline-to-headless": "a head with no text under it is the headline of the article with none whose text "
                            "takes up its words",
    "headline-to-section": "a subhead is about its article: a headline its own text takes up little of, that "
                           "an article with a headline of its own takes up clearly more of, is a subhead of "
                           "that article, printed over another article's column",
    "subhead-to-section": "a subhead whose words the text it stands in takes up none of, that an article with a "
                          "headline takes up, is that article's subhead, printed over another article's column",
    "lede-goes-on": "a headline over a lede alone goes on in the article whose text takes up its words: a "
                    "headline takes up the words of its whole article, which is more than its lede",
    "head-opens-article": "an article opens with its headline: one left with none, whose text begins under a "
                          "head and holds no other, has that head for its headline",
})

SPLIT_MIN = 0.5  # the least share of a headline's character pairs its part of the text must hold
SPLIT_MARGIN = 0.3  # how much more than the other part holds
SPLIT_MIN_APART = 0.3  # SPLIT_MIN where each part holds none of the other headline's pairs


def split_by_headlines(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """An article with two head blocks (no subtitle) over text that falls, at a sentence's
    end between two blocks, into two parts, each taking up the words of one headline
    (SPLIT_MIN of its character pairs; SPLIT_MIN_APART where neither part holds any of the
    other headline's) clearly more than the other part does (SPLIT_MARGIN),
    is two articles printed one after the other, each under its headline: a kicker's words
    run through its whole article. Of more head blocks, the pair that cuts the text best
    does, the others staying with the first part. So is an article with one head block
    whose text falls that way for its headline and a headline left with no article
    (printed after the text it heads), with the byline printed under it or none: each part
    then keeps the byline of the headline it goes under (a byline stands under its own
    headline; since session 58). Otherwise the byline and dateline stay with the first part,
    the sign-off and closer with the second. A run in the middle of the text that takes up
    one headline's words, the text around it the other's (:func:`_best_run`), is the other
    article printed inside this one's columns, when it cuts better than any two parts. A
    part left with two head blocks or more is cut again the same way: a stack may head three
    articles printed one after another."""
    out: list[Draft] = []
    pending = list(reversed(drafts))
    while pending:
        d = pending.pop()
        blocks = titles.blocks_of(d.heads, d.head_sizes)
        # of more head blocks than two, the pair that cuts the text best; the others stay
        # with the first part (kickers, or other articles' headlines for the headline stage)
        cuts = [(cut, i, j) for i in range(len(blocks)) for j in range(i + 1, len(blocks))
                for cut in [_best_cut(d, [blocks[i], blocks[j]])] if cut is not None] if len(blocks) >= 2 else []
        # a run inside the text (the search grows with the square of the text: not for every
        # pair of a long stack)
        runs = [(run, i, j) for i in range(len(blocks)) for j in range(i + 1, len(blocks))
                for run in [_best_run(d, [blocks[i], blocks[j]])] if run is not None] \
            if 2 <= len(blocks) <= RUN_HEADS else []
        best_cut = max(cuts, key=lambda x: x[0][0]) if cuts else None
        best_run = max(runs, key=lambda x: x[0][0]) if runs else None
        if best_run is not None and (best_cut is None or best_run[0][0] > best_cut[0][0]):
            (score, c1, c2, b), i, j = best_run
            inner = (i, j)[b]
            pending += reversed(_split_run(d, [x for k, x in enumerate(blocks) if k != inner], blocks[inner], c1, c2,
                                           score, explain))
            continue
        if best_cut is None:
            out.append(d)
            continue
        (score, c, a), i, j = best_cut
        second = (i, j)[1 - a]
        pending += reversed(_split(d, [b for k, b in enumerate(blocks) if k != second], blocks[second], c, score,
                                   explain))
    # headlines printed with no text under them (a byline under one is its own)
    lone = [d for d in out if len(d.head_sizes) == 1 and not (d.body or d.dateline or d.signoff)
            and not d.heads[0].text.startswith("——")]
    for h in lone:
        cuts = [(cut, d) for d in out if len(d.head_sizes) == 1 and d.body and d is not h
                for cut in [_best_cut(d, [d.heads, h.heads])] if cut is not None]
        if not cuts:
            continue
        (score, c, a), d = max(cuts, key=lambda x: x[0][0])
        pair = [d.heads, h.heads]
        at = out.index(d)
        parts = _split(d, [pair[a]], pair[1 - a], c, score, explain)
        for part in parts:  # each headline's byline goes with it
            part.byline = h.byline if part.heads == h.heads else d.byline
        out[at:at + 1] = parts
        out.remove(h)
    return out


def split_at_trailing_heads(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """An article whose last piece is a head with no text under it (a headline printed
    after the text it heads, kept as an empty section) and whose text falls, at a
    sentence's end, into two parts that take up the words of its headline and of that head
    (as :func:`_best_cut` asks), or holds a run that takes up one's words while the text
    around it takes up the other's (:func:`_best_run`), is two articles, as with a headline
    left with no article (:func:`split_by_headlines`). Run once headlines printed apart have found their
    articles (:func:`headlines_to_headless`): the first part's headline may be one of them."""
    out: list[Draft] = []
    for d in drafts:
        tail = d.body[-1] if d.body else None
        if len(d.head_sizes) != 1 or tail is None or tail.kind is not Kind.HEAD or len(d.body) < 3:
            out.append(d)
            continue
        d.body = d.body[:-1]
        pair = [d.heads, list(tail.lines)]
        cut = _best_cut(d, pair, latest=True)
        run = _best_run(d, pair)
        if run is not None and (cut is None or run[0] > cut[0]):
            score, c1, c2, b = run
            out += _split_run(d, [pair[1 - b]], pair[b], c1, c2, score, explain)
        elif cut is not None:
            score, c, a = cut
            out += _split(d, [pair[a]], pair[1 - a], c, score, explain)
        else:
            d.body = d.body + [tail]
            out.append(d)
    return out


def _best_cut(d: Draft, blocks: list[list[Line]], latest: bool = False) -> tuple[float, int, int] | None:
    """The best place to cut ``d``'s text in two, each part taking up the words of one of
    the two head ``blocks``: (score, the first piece of the second part, the block of the
    first part), or None. Of places that cut equally well, the first; the last where
    ``latest`` (a head printed after its text heads the text right before it)."""
    if any(b[0].text.startswith("——") for b in blocks) or len(d.body) < 2:
        return None
    heads = [titles.pairs_of(b) for b in blocks]
    if not all(heads):
        return None
    n = len(d.body)
    # the share of each head's pairs that the pieces before and from each cut hold
    shares = []
    for pairs in heads:
        _, before, after = _pairs_held(d, pairs)
        shares.append([(len(before[c]) / len(pairs), len(after[c]) / len(pairs)) for c in range(n + 1)])
    best: tuple[float, int, int] | None = None
    for c in range(1, n):
        before = d.body[c - 1]
        # at a sentence's end, or before a news lede (its dateline or the reporter's credit
        # opens an article, whatever the text before it left open)
        if before.kind is not Kind.TEXT or not (ends_sentence(before.lines[-1].text) or opens_news_item(d.body[c])):
            continue
        for a in (0, 1):
            (la, ra), (lb, rb) = shares[a][c], shares[1 - a][c]
            # (less where neither headline's words show in the other's part at all)
            least = SPLIT_MIN_APART if ra == 0 and lb == 0 else SPLIT_MIN
            if min(la, rb) >= least and la >= ra + SPLIT_MARGIN and rb >= lb + SPLIT_MARGIN:
                score = la - ra + rb - lb
                if best is None or score > best[0] or (latest and score == best[0]):
                    best = (score, c, a)
    return best


def _pairs_held(d: Draft, pairs: set[str]) -> tuple[list[set[str]], list[set[str]], list[set[str]]]:
    """Which of a head's character ``pairs`` each of ``d``'s pieces holds, those the pieces
    before each place hold, and those the pieces from each place on hold (found once, so
    the search for a cut grows with the text, not with its square)."""
    found = [{q for q in pairs if q in t} for t in (text_of(p) if p.kind is Kind.TEXT else "" for p in d.body)]
    before, after = [set()], [set()]
    for f in found:
        before.append(before[-1] | f)
    for f in reversed(found):
        after.append(after[-1] | f)
    after.reverse()
    return found, before, after


RUN_PIECES = 80  # an article of more pieces is not searched for a run printed inside it
RUN_HEADS = 4  # nor one under more head blocks
RUN_HEAD_PAIRS = 6  # a head of fewer character pairs (a column's name) is too short to tell by


def _best_run(d: Draft, blocks: list[list[Line]]) -> tuple[float, int, int, int] | None:
    """The best run of pieces inside ``d``'s text (after its first piece, before its last,
    from a sentence's end to a sentence's end) that takes up the words of one of the two
    head ``blocks`` while the text around it takes up the other's, as :func:`_best_cut`
    asks of two parts: (score, the run's first piece, the piece after it, the block of the
    run), or None. Another article printed inside this one's columns, read in the middle."""
    n = len(d.body)
    if any(b[0].text.startswith("——") for b in blocks) or not 3 <= n <= RUN_PIECES:
        return None
    heads = [titles.pairs_of(b) for b in blocks]
    if min(map(len, heads)) < RUN_HEAD_PAIRS:
        return None
    found, before, after = zip(*(_pairs_held(d, pairs) for pairs in heads))
    ends = [p.kind is Kind.TEXT and ends_sentence(p.lines[-1].text) for p in d.body]
    best: tuple[float, int, int, int] | None = None
    for c1 in range(1, n - 1):
        if not ends[c1 - 1]:
            continue
        inside = [set(), set()]
        for c2 in range(c1 + 1, n):
            for h in (0, 1):
                inside[h] |= found[h][c2 - 1]
            if not ends[c2 - 1]:
                continue
            outside = [before[h][c1] | after[h][c2] for h in (0, 1)]
            for b in (0, 1):
                a = 1 - b
                ib, ob = len(inside[b]) / len(heads[b]), len(outside[b]) / len(heads[b])
                oa, ia = len(outside[a]) / len(heads[a]), len(inside[a]) / len(heads[a])
                least = SPLIT_MIN_APART if ia == 0 and ob == 0 else SPLIT_MIN
                if min(oa, ib) >= least and oa >= ia + SPLIT_MARGIN and ib >= ob + SPLIT_MARGIN:
                    score = oa - ia + ib - ob
                    if best is None or score > best[0]:
                        best = (score, c1, c2, b)
    return best


def _apart(d: Draft, first: list[list[Line]], second: list[Line], one_body: list[Piece], two_body: list[Piece],
           closer: int) -> tuple[Draft, Draft]:
    """``d`` as two articles: the first under the head blocks ``first`` with ``one_body``,
    keeping the byline and dateline; the second under the head block ``second`` with
    ``two_body``; the sign-off and closer go to the ``closer``-th (0 or 1)."""
    one = Draft(heads=[ln for b in first for ln in b], head_sizes=[len(b) for b in first], byline=d.byline)
    two = Draft(heads=second, head_sizes=[len(second)])
    one.dateline, one.dateline_line = d.dateline, d.dateline_line
    one.parts_of = two.parts_of = d.parts_of or d
    one.body, two.body = one_body, two_body
    last = (one, two)[closer]
    last.signoff, last.signoff_line = d.signoff, d.signoff_line
    last.closed, last.closed_by_author = d.closed, d.closed_by_author
    return one, two


def _split_run(d: Draft, outer: list[list[Line]], inner: list[Line], c1: int, c2: int, score: float,
               explain: Explain) -> list[Draft]:
    """``d`` with its pieces ``c1`` to ``c2`` (not included) taken out as another article
    under the head block ``inner``; the rest, under the head blocks ``outer``, keeps the
    byline, dateline, sign-off and closer."""
    one, two = _apart(d, outer, inner, d.body[:c1] + d.body[c2:], d.body[c1:c2], closer=0)
    explain("split-by-headlines", d.body[c1].span, f"the text around takes up the words of {inline_text(one.heads)!r}, "
                                                   f"the text from here to line {d.body[c2 - 1].lines[-1].no} "
                                                   f"those of {inline_text(inner)!r} (score {score:.2f})")
    return [one, two]


def _split(d: Draft, first: list[list[Line]], second: list[Line], c: int, score: float,
           explain: Explain) -> list[Draft]:
    """``d`` cut before its ``c``-th body piece: the first part under the head blocks
    ``first``, the second under the head block ``second``."""
    one, two = _apart(d, first, second, d.body[:c], d.body[c:], closer=1)
    explain("split-by-headlines", d.body[c].span, f"the text before takes up the words of "
                                                  f"{inline_text(one.heads)!r}, the text from here those of "
                                                  f"{inline_text(second)!r} (score {score:.2f})")
    return [one, two]


def _over_no_text(d: Draft, piece: Piece | None) -> bool:
    """Whether head ``piece`` of ``d``'s body stands over no text (the last piece, or
    another head follows): it heads no section there."""
    if piece is None or piece not in d.body:
        return False
    k = d.body.index(piece)
    return k + 1 == len(d.body) or d.body[k + 1].kind is Kind.HEAD


def _subtitle_only(d: Draft) -> bool:
    """Whether ``d``'s heads are a subtitle (——…) alone: its headline is printed elsewhere."""
    return bool(d.heads) and d.heads[0].text.startswith("——") and len(d.head_sizes) == 1


#: how much more of a head's character pairs the other article's text must hold (0.3, 0.5
#: and 0.6 read worse on the development pages)
SECTION_MARGIN = 0.4


def headlines_to_sections(drafts: list[Draft], explain: Explain, printed: Mapping[int, int] | None = None) -> None:
    """A subhead is about part of its article and takes up its words: an article's one
    headline (no byline under it: a byline stands under its own article's headline) that
    its own text takes up less than MIN_COVER of, and that the text of an article with a
    headline of its own (one its text takes up: not a subtitle alone, which awaits its
    headline) takes up SECTION_MARGIN more of, is a subhead of that article printed over
    another article's column. It goes into that article between paragraphs, before the
    first of its text printed after the head (at its end if none is); the article it was
    printed over is left with no headline, for :func:`headlines_to_headless` to find one.
    Drafts are changed in place.
    ``printed``: each head line's printed block (:func:`.pieces.head_piece`)."""
    texts = {id(d): draft_text(d) for d in drafts}
    for d in drafts:
        if len(d.head_sizes) != 1 or sum(d.head_sizes) != len(d.heads) or d.byline or not texts[id(d)] \
                or d.heads[0].text.startswith("——"):
            continue
        mine = titles.covers(d.heads, texts[id(d)])
        if mine >= titles.MIN_COVER:
            continue
        cover, a = _best_cover(d.heads, d, drafts, texts)
        if a is None or not _takes_from(cover, mine, a) or titles.covers(a.heads, texts[id(a)]) < titles.MIN_COVER:
            continue
        head = list(d.heads)
        at = _read_before(a, head)
        at = len(a.body) if at is None else at
        a.body.insert(at, head_piece(head, printed, a.body[min(at, len(a.body) - 1)]))
        d.heads, d.head_sizes = [], []  # (a head is no part of the text the covers read)
        explain("headline-to-section", (head[0].no, head[-1].no),
                f"a headline its text takes up {mine:.0%} of, which the text of an article with a headline of its "
                f"own takes up {cover:.0%} of, is a subhead of that article")


def subheads_to_sections(drafts: list[Draft], explain: Explain) -> None:
    """A subhead is about its article: one whose words the text it stands in takes up none
    of (under titles.FOREIGN), that the text of an article with a headline takes up
    SECTION_MARGIN more of (MIN_COVER at least), is that article's subhead printed over
    another article's column (the heads with no article to head have gone to articles
    without a headline by now: :func:`headlines_to_headless`). It goes into that article
    over the first of its text printed after it, between paragraphs; where none of its
    text is printed after it, or a head stands there, it stays. Drafts are changed in place."""
    texts = {id(d): draft_text(d) for d in drafts}
    for d in drafts:
        for piece in [p for p in d.body if p.kind is Kind.HEAD]:
            head = list(piece.lines)
            mine = titles.covers(head, texts[id(d)])
            if mine >= titles.FOREIGN:
                continue
            cover, a = _best_cover(head, d, drafts, texts)
            if a is None or not _takes_from(cover, mine, a):
                continue
            at = _read_before(a, head)
            if at is None or at == len(a.body) or a.body[at].kind is not Kind.TEXT:
                continue
            d.body.remove(piece)
            a.body.insert(at, piece)
            explain("subhead-to-section", (head[0].no, head[-1].no),
                    f"a subhead the text it stands in takes up {mine:.0%} of, which the text of an article with a "
                    f"headline takes up {cover:.0%} of, is that article's subhead")


def _best_cover(head: list[Line], home: Draft, drafts: list[Draft],
                texts: dict[int, str]) -> tuple[float, Draft | None]:
    """The article other than ``home`` whose text (``texts``, by draft id) takes up most of
    ``head``'s character pairs, and that share; (0.0, None) when there is none."""
    return max(((titles.covers(head, texts[id(a)]), a) for a in drafts if a is not home and texts[id(a)]),
               key=lambda found: found[0], default=(0.0, None))


def _takes_from(cover: float, mine: float, a: Draft) -> bool:
    """Whether headed article ``a``, whose text takes up ``cover`` of a head's character
    pairs, takes the head from the text it was printed with, which takes up ``mine``:
    MIN_COVER at least and SECTION_MARGIN more, and ``a`` headed by more than a subtitle
    alone (which awaits its headline)."""
    return cover >= titles.MIN_COVER and cover >= mine + SECTION_MARGIN and bool(a.heads) and not _subtitle_only(a)


def _read_before(a: Draft, head: list[Line]) -> int | None:
    """Where in article ``a`` a head printed apart goes: before the first of its text
    printed after the head, and on past text that leaves a sentence open (a subhead stands
    between paragraphs, never inside one); None when none of its text is printed after it."""
    after = [n for n, p in enumerate(a.body) if p.kind is Kind.TEXT and p.lines[0].no > head[-1].no]
    if not after:
        return None
    return past_open_sentences(a.body, min(after, key=lambda n: a.body[n].lines[0].no))


def headlines_to_headless(drafts: list[Draft], explain: Explain, printed: Mapping[int, int] | None = None) -> None:
    """A subhead stands over its section's text; a head with no text under it (the last
    piece of an article, or one more head follows) is a headline printed apart from its
    article, as is a stack of heads with no article under it (or over a byline alone: the
    byline goes with the headline to an article that has none, as does one printed right
    under it, :func:`.titles.byline_goes_with`), and so may be an article's
    one head block that its own text takes up less than MIN_COVER of, a head block its
    text takes up none of (under titles.FOREIGN) beside one it takes up, a subhead
    whose words the text it stands in takes up none of (a subhead is about its article),
    and a subhead that the text of an article with no headline takes up more of than its
    own.
    Each goes to the article whose text takes up most of its character pairs (at least
    MIN_COVER of them, MARGIN more than the text it was printed with, unless that is its
    own article's; a head over no text heads nothing where it was printed, so that text is
    one candidate among the others), best match on the page first: an article with no
    headline takes it (a subtitle alone stays under it); an article whose one head block
    its text takes up MARGIN less takes it too, that head becoming a head over its first
    text, free to go on to the article it is the headline of. An article takes one such
    headline. Drafts are changed in place.
    ``printed``: each head line's printed block (:func:`.pieces.head_piece`)."""
    texts = {id(d): draft_text(d) for d in drafts}
    free: list[tuple[Draft, Piece | None, list[Line]]] = []  # (where printed, its piece, lines)
    subheads: list[tuple[Draft, Piece, list[Line]]] = []  # heads over text their article takes up
    for d in drafts:
        if d.heads and not (d.body or d.dateline or d.signoff):
            # heads with no text under them (over a byline too: their text was read elsewhere)
            free.extend((d, None, b) for b in titles.blocks_of(d.heads, d.head_sizes))
        for p in d.body:
            if p.kind is Kind.HEAD and (_over_no_text(d, p)
                                        or titles.covers(p.lines, texts[id(d)]) < titles.FOREIGN
                                        or (d.dateline and not d.heads)):
                # (a subhead is about its article: one whose words its text takes up none
                # of is a headline printed apart, over another article's column; a news item
                # is too short for subheads: a head inside one without a headline is one)
                free.append((d, p, list(p.lines)))
            elif p.kind is Kind.HEAD:
                subheads.append((d, p, list(p.lines)))
        if len(d.head_sizes) == 1 and sum(d.head_sizes) == len(d.heads) and texts[id(d)] \
                and titles.covers(d.heads, texts[id(d)]) < titles.MIN_COVER:
            free.append((d, None, list(d.heads)))  # a headline its own text does not take up
        elif len(d.head_sizes) > 1 and sum(d.head_sizes) == len(d.heads) and texts[id(d)]:
            # of several head blocks, one the text takes up none of (beside one it takes up)
            # is another article's headline printed in the stack
            blocks = titles.blocks_of(d.heads, d.head_sizes)
            held = [titles.covers(b, texts[id(d)]) for b in blocks]
            if max(held) >= titles.MIN_COVER:
                free.extend((d, None, b) for b, h in zip(blocks, held) if h < titles.FOREIGN
                            and not b[0].text.startswith("——"))
    articles = [d for d in drafts if texts[id(d)]]
    # every article has a headline, whose words run through its text: a subhead that the
    # text of an article with none takes up more of than the text it stands in may be that
    # article's headline, printed over another article's column (the moves below decide)
    for d, p, lines in subheads:
        least = max(titles.MIN_COVER, titles.covers(lines, texts[id(d)]))
        if any(not a.heads and a is not d and titles.covers(lines, texts[id(a)]) >= least for a in articles):
            free.append((d, p, lines))
    headed: set[int] = set()  # articles that took a headline here
    while free and articles:
        best: tuple[float, int, Draft] | None = None
        for k, (home, piece, lines) in enumerate(free):
            mine = 0.0 if _over_no_text(home, piece) else titles.covers(lines, texts[id(home)])
            for a in articles:
                cover = titles.covers(lines, texts[id(a)])
                if id(a) in headed or cover < titles.MIN_COVER or (best and cover <= best[0]) or \
                        a is not home and cover < mine + titles.MARGIN:
                    continue
                held = titles.covers(a.heads, texts[id(a)]) if a.heads else 0.0
                if a.heads and not _subtitle_only(a) and (len(a.head_sizes) != 1 or held >= titles.MIN_COVER
                                                          or cover < held + titles.MARGIN):
                    continue
                best = (cover, k, a)
        if best is None:
            best = _last_pair(free, articles, texts, headed)
        if best is None:
            return
        cover, k, a = best
        home, piece, lines = free.pop(k)
        explain("headline-to-headless", (lines[0].no, lines[-1].no),
                f"a head with no text under it (or none of whose words the text it was printed with takes "
                f"up) is the headline of the article whose text takes up {cover:.0%} of its character pairs "
                f"({titles.covers(lines, texts[id(home)]):.0%} where it was printed)")
        sizes = [len(lines)]
        home.take_head(piece, lines)
        if home.byline and not home.heads and not a.byline and \
                (not home.body or titles.byline_goes_with(lines, home, texts[id(a)])):
            a.byline, home.byline = home.byline, []  # the byline under it goes with it
        if _subtitle_only(a):
            lines, sizes = lines + a.heads, [len(lines)] + a.head_sizes  # the subtitle stays under it
        elif a.heads:
            old = head_piece(a.heads, printed, a.body[0])
            a.body.insert(0, old)
            free = [f for f in free if not (f[0] is a and f[1] is None)] + [(a, old, list(a.heads))]
        a.heads, a.head_sizes = lines, sizes
        headed.add(id(a))


def _last_pair(free: list[tuple[Draft, Piece | None, list[Line]]], articles: list[Draft], texts: dict[int, str],
               headed: set[int]) -> tuple[float, int, Draft] | None:
    """Every article has a headline: when the page is left with one headline printed with
    no text under it and one text with no headline, they go together, if the text takes
    up some of its words (more than titles.FOREIGN of its character pairs): (cover, the
    headline's index in ``free``, the article), or None."""
    alone = [k for k, (home, piece, _) in enumerate(free) if piece is None and not home.body]
    bare = [a for a in articles if not a.heads and id(a) not in headed]
    if len(alone) != 1 or len(bare) != 1:
        return None
    cover = titles.covers(free[alone[0]][2], texts[id(bare[0])])
    return (cover, alone[0], bare[0]) if cover > titles.FOREIGN else None


# LEDE_MARGIN was 0.2 before session 30 (chosen on development pages: see titles.MIN_COVER)
LEDE_MAX = 300  # characters: the longest text taken for a lede alone
LEDE_COVER = 0.4  # the least share of the headline's character pairs the other article's text holds
LEDE_MARGIN = 0.11  # how much more than any other article's text


def join_ledes(drafts: list[Draft], explain: Explain, printed: Mapping[int, int] | None = None) -> list[Draft]:
    """An article of a headline over a lede alone (one or two text blocks, LEDE_MAX
    characters at most, no subhead) whose headline's words another article's text takes
    up (LEDE_COVER of its character pairs, LEDE_MARGIN more than any other candidate's text)
    goes on in that article: a headline takes up the words of its whole article, and the
    columns of an article with sections were printed apart from its headline and lede.
    The columns printed apart carry no byline or dateline of their own (the byline stands
    under the headline, a news item opens with its dateline): an article with one is no
    candidate, whatever words it shares; nor is one with more than one head block, nor for a
    head that article's text repeats word for word (a quote). That article's head becomes
    a subhead over its text (the first of its sections), its sign-off and closer the
    lede's. The parts :func:`split_by_headlines` cut one article into (under two subheads
    printed together) are one candidate, their text taken together: the lede goes on in
    all of them, in order.
    ``printed``: each head line's printed block (:func:`.pieces.head_piece`)."""
    texts = [draft_text(d) for d in drafts]
    gone: set[int] = set()
    for i, d in enumerate(drafts):
        pieces = [p for p in d.body if p.kind is Kind.TEXT]
        if i in gone or not d.heads or not texts[i] or len(texts[i]) > LEDE_MAX or len(pieces) > 2 \
                or len(pieces) != len(d.body) or d.dateline or d.signoff or d.closed_by_author:
            continue
        # the parts of one article cut apart under its subheads printed together are one
        # candidate: the headline takes up the words of all of them
        units: dict[int, list[int]] = {}
        for j in range(len(drafts)):
            if j != i and j not in gone and texts[j]:
                units.setdefault(id(drafts[j].parts_of or drafts[j]), []).append(j)
        # (an article with a byline or dateline of its own stands under its own headline:
        # it is no candidate, and the headline's words it takes up say nothing of the others)
        covers = sorted(((titles.covers(d.heads, "".join(texts[j] for j in group)), group)
                         for group in units.values()
                         if not any(drafts[j].byline or drafts[j].dateline for j in group)), reverse=True)
        if not covers:
            continue
        best, group = covers[0]
        second = covers[1][0] if len(covers) > 1 else 0.0
        # (a head the text repeats word for word is a quote)
        if best < LEDE_COVER or best < second + LEDE_MARGIN or \
                any(spaceless_text(d.heads) in texts[j]
                    or len(titles.blocks_of(drafts[j].heads, drafts[j].head_sizes)) > 1 for j in group):
            continue
        for j in group:
            target = drafts[j]
            heads = [head_piece(target.heads, printed, target.body[0])] if target.heads else []
            d.body = d.body + heads + target.body
            if target.signoff:
                d.signoff, d.signoff_line = target.signoff, target.signoff_line
            d.closed_by_author = target.closed_by_author
            gone.add(j)
        at = ", ".join(map(str, group))
        explain("lede-goes-on", (d.heads[0].no, d.heads[-1].no),
                f"the article{'s' if len(group) > 1 else ''} at index {at} take{'' if len(group) > 1 else 's'} "
                f"up {best:.0%} of the headline's character pairs (next {second:.0%}): the headline's lede goes "
                f"on there")
    return [d for j, d in enumerate(drafts) if j not in gone]


def heads_open_articles(drafts: list[Draft], explain: Explain) -> None:
    """An article opens with its headline: an article left with none (every headline
    printed apart has found its article by now) whose text begins under a head, with no
    other head in it, has that head for its headline (its byline was printed over it).
    Where the article holds other heads, the first may be one subhead of several, its
    opening printed elsewhere: it stays. Drafts are changed in place."""
    for d in drafts:
        if d.heads or len(d.body) < 2 or d.body[0].kind is not Kind.HEAD or d.body[1].kind is not Kind.TEXT \
                or any(p.kind is Kind.HEAD for p in d.body[1:]):
            continue
        head = d.body[0]
        d.heads, d.head_sizes, d.body = list(head.lines), [len(head.lines)], d.body[1:]
        explain("head-opens-article", head.span, "an article with no headline whose text begins under a head, "
                                                 "and holds no other: that head is its headline")
