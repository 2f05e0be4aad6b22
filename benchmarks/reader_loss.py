#!/usr/bin/env python3
"""Where the text reader loses what it loses: the pages read as they are, and read again
with one thing decided by the truth (an oracle), on generated pages (``../shared/pagegen``).

    python benchmarks/reader_loss.py                      # seeds 700-899
    python benchmarks/reader_loss.py --seeds 1-60
    python benchmarks/reader_loss.py --seeds 5000-5199 --pool 'texts/*.truth.json'

Each row is one way of reading the same pages, pooled by the generator's style:

- ``as read``: the reader as it is;
- ``joins``: the order stage's sentence joins decided by the truth (the candidate that
  starts with the characters the truth's paragraph goes on with wins every cut whose end
  the truth holds once; cuts whose continuation is no candidate stay as they are);
- ``decisions``: the articles stage's three fitted decisions (``headline-new-topic``,
  ``section-apart``, ``merged-by-affinity``) decided by the truth, labelled as
  ``regroup_weights.py`` labels them (a section printed apart goes to the truth's
  article among the page's, if any);
- ``paragraph order``: each output article's paragraphs sorted into the order of the
  truth article that holds most of them (after reading: what order alone costs);
- ``own articles``: as ``paragraph order``, each paragraph first moved to the output
  article of the truth article that holds it (what order and assignment cost together).

The last two rows rebuild the reader's output, so they bound what a better order and
assignment could gain; the first two run the reader with one stage overruled. A figure
that moves little says that stage is not where the loss is.

A second table says how the pages as read come apart into articles: the pages that come
out with more articles than the truth holds, how many more, and of the truth articles'
characters, the share held outside the output article that holds most of each: in a part
of its own (an output article most of whose text is that truth article's: an article cut
in two) or inside another article.

A third says where the character accuracy of the pages as read goes, as shares of the
truth's characters (heads and paragraphs), with the truth's articles matched to the
output's as the scorer matches them (the most similar body, over half alike): the
articles no output article matches (all their characters), the heads' edit distance, and
in the matched articles' text the characters missing (the truth's, less the output's, as
multisets), the characters the output adds, and what order costs beyond them (the edit
distance less the larger of the two).

A fourth says where the truth articles' titles go, matched the same way: right (kicker,
headline and subtitle), no article matched, the headline right but a kicker or subtitle
missing or another's, the article's own subhead standing as its title (the article cut at
that subhead, the part under it holding most of the text, the headline over the rest), the
headline standing over another article, no head at all, or something else.

A fifth says why the truth articles no output article matches go unmatched, as shares of
the truth's characters (heads and paragraphs): their text mostly (over half) in one output
article that is mostly theirs, put out of order or mixed with other text so that the two
are not half alike (order inside the article), mostly in one output article that is mostly
another's (merged into it), or held by no output article over half (cut apart).

A sixth says how the reading order keeps the truth's successions between printed blocks:
each block of the page (lines between blank lines) that the truth holds once, and the block
that holds the characters its article goes on with, by whether that block was printed
next and whether the first ends its sentence; the share of each the output keeps (the
first block's text followed, in one output article, by the second's first characters).

A seventh says which decision left the parts of their own (as in the second table) apart:
the articles stage's last decision recorded (``--explain``) at the first source lines of
the part's heads, byline or first block, with the parts and their share of the truth's
text, the rules that leave the most apart first.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from convertkit.model import Article
from order_weights import continuations
from reader_accuracy import ROOT, Pool, add_pool_option, generate, seed_range
from regroup_weights import _owner

_SPACE = re.compile(r"\s")


def squeezed(text: str) -> str:
    return _SPACE.sub("", text)


class Truth:
    """One page's truth, as the oracles ask it."""

    def __init__(self, truth: dict) -> None:
        self.truth = truth
        self.bodies = ["".join(squeezed(p) for s in a["sections"] for p in s["paragraphs"])
                       for a in truth["articles"]]
        self.paragraphs = "\n".join(squeezed(p) for a in truth["articles"] for s in a["sections"]
                                    for p in s["paragraphs"])

    def continuation(self, texts: list[str], end: int) -> int | None:
        """The block (index into ``texts``) that goes on with the sentence block ``end``
        leaves open, where the truth says so unambiguously."""
        if len(texts[end]) < 8:
            return None
        found = continuations(self.paragraphs, texts, end)
        return found[0] if found and len(found) == 1 else None

    def same_article(self, mine: str, theirs: str) -> bool:
        owner = _owner(self.bodies, squeezed(mine))
        return owner is not None and owner == _owner(self.bodies, squeezed(theirs))

    def holder(self, paragraph: str) -> int | None:
        """The truth article that holds most of ``paragraph``'s 8-character runs."""
        return _owner(self.bodies, squeezed(paragraph))

    def position(self, article: int, paragraph: str) -> int:
        """Where ``paragraph`` starts in truth article ``article``'s text (by a run of it the
        text holds once); paragraphs it does not hold go last."""
        body, p = self.bodies[article], squeezed(paragraph)
        for n in (12, 8):
            for i in range(0, max(1, len(p) - n + 1), 2):
                at = body.find(p[i:i + n])
                if at >= 0 and body.find(p[i:i + n], at + 1) < 0:
                    return at - i
        return 1 << 30


PAGE: dict[str, Truth] = {}  # the page being read, for the oracles


@contextmanager
def oracle_joins():
    """The order stage's candidates rescored: the truth's continuation wins its cut."""
    from convertkit_newspage import order
    from convertkit_newspage.assignment import Join
    from convertkit_newspage.pieces import Kind, text_of

    plain = order.candidates

    def candidates(pieces, evidence=None):
        joins = plain(pieces, evidence)
        texts = [squeezed(text_of(p)) if p.kind is Kind.TEXT else "" for p in pieces]
        truth = {e: PAGE["t"].continuation(texts, e) for e in {jn.end for jn in joins}}
        return [Join(jn.end, jn.start, 100.0 if truth[jn.end] == jn.start else -100.0, jn.natural, jn.words)
                if truth[jn.end] is not None else jn for jn in joins]

    order.candidates = candidates
    try:
        yield
    finally:
        order.candidates = plain


@contextmanager
def oracle_decisions():
    """The articles stage's fitted decisions scored by the truth: +10 where the text is the
    other article's (or, for a new topic, not the text's before it), else -10."""
    from convertkit_newspage import articles, regroup, sectionsapart
    from convertkit_newspage.articles import draft_text

    label: dict[int, float] = {}
    kept: list[object] = []  # the evidence records labelled, alive while their ids are keys
    saved = (sectionsapart.SectionEvidence.score, regroup.MergeEvidence.score, articles.NewTopicEvidence.score,
             sectionsapart._section_choices, regroup._Untitled.evidence, articles.new_topic_evidence)

    def labelled(e, yes: bool):
        label[id(e)] = 10.0 if yes else -10.0
        kept.append(e)

    def section(drafts, i, texts, pairs, gone, *more):
        # a choice among the page's articles: the truth's article (if any) wins it
        choices = saved[3](drafts, i, texts, pairs, gone, *more)
        for k, e in choices:
            labelled(e, PAGE["t"].same_article(texts[i], texts[k]))
        return choices

    def merge(self, n):
        found = saved[4](self, n)
        if found is not None:
            labelled(found[3], PAGE["t"].same_article(draft_text(self.drafts[n]), draft_text(self.titled[found[0]])))
        return found

    def new_topic(lines, before, text, shared, *more):
        e = saved[5](lines, before, text, shared, *more)
        owner = PAGE["t"].holder(text)
        labelled(e, owner is not None and not PAGE["t"].same_article(text, before[-300:]))
        return e

    for cls, plain_score in zip((sectionsapart.SectionEvidence, regroup.MergeEvidence, articles.NewTopicEvidence), saved):
        cls.score = lambda self, plain_score=plain_score: label.get(id(self), plain_score(self))
    sectionsapart._section_choices, regroup._Untitled.evidence, articles.new_topic_evidence = section, merge, new_topic
    try:
        yield
    finally:
        (sectionsapart.SectionEvidence.score, regroup.MergeEvidence.score, articles.NewTopicEvidence.score,
         sectionsapart._section_choices, regroup._Untitled.evidence, articles.new_topic_evidence) = saved


def parts(truth: Truth, held: list[Counter]) -> Iterator[tuple[int, int, int, bool]]:
    """Each output article that holds some of a truth article's text outside the output
    article holding the most of it: (output article, truth article, characters, whether
    it is a part of its own: most of its text is that truth article's, an article cut in
    two; else the text is inside another article). ``held``: :func:`held_by`."""
    main = [next((o for o, _ in c.most_common() if o is not None), None) for c in held]
    for i in range(len(truth.bodies)):
        holders = [(c[i], o) for o, c in enumerate(held) if c[i]]
        if not holders:
            continue
        top = max(holders)[1]
        for n, o in holders:
            if o != top:
                yield o, i, n, main[o] == i


class Apart:
    """How the pages of one style come apart into articles (the second table)."""

    def __init__(self) -> None:
        self.pages = self.split_pages = self.surplus = 0
        self.chars: Counter[str] = Counter()

    def add(self, truth: Truth, held: list[Counter]) -> None:
        """``held``: per output article, the characters it holds of each truth article
        (:func:`held_by`)."""
        self.pages += 1
        extra = len(held) - len(truth.bodies)
        self.split_pages += extra > 0
        self.surplus += max(extra, 0)
        self.chars["all"] += sum(map(len, truth.bodies))
        for _, _, n, own in parts(truth, held):
            self.chars["own part" if own else "inside another"] += n

    def row(self, style: str) -> str:
        share = {k: self.chars[k] / self.chars["all"] if self.chars["all"] else 0.0
                 for k in ("own part", "inside another")}
        return (f"| {style} | {self.pages} | {self.split_pages} | {self.surplus} | {share['own part']:.3f} | "
                f"{share['inside another']:.3f} |")


class PartsLeftApart:
    """The decision that left each part of its own apart (the seventh table)."""

    SHOWN = 8  # the rules shown per style, those that leave the most text apart first

    def __init__(self) -> None:
        self.chars: Counter[str] = Counter()
        self.count: Counter[str] = Counter()
        self.all = 0

    def add(self, truth: Truth, held: list[Counter], starts: list[set[int]], steps: list[dict]) -> None:
        """``starts``: per output article, the first source lines of its heads, byline and
        first block (:func:`first_lines`); ``steps``: the reader's ``--explain`` steps."""
        self.all += sum(map(len, truth.bodies))
        for o, _, n, own in parts(truth, held):
            if own:
                rule = next((s["rule"] for s in reversed(steps)
                             if s["stage"] == "articles" and s["lines"][0] in starts[o]), "(none recorded)")
                self.chars[rule] += n
                self.count[rule] += 1

    def rows(self, style: str) -> list[str]:
        total = self.all or 1
        return [f"| {style} | {rule} | {self.count[rule]} | {n / total:.3f} |"
                for rule, n in self.chars.most_common(self.SHOWN)]


def first_lines(article: Article) -> set[int]:
    """The first source lines of an article's heads, byline, dateline and sign-off, and of
    its first block (a section's and its heading's)."""
    found = {span.start for _, span in article.parts}
    if article.source is not None:
        found.add(article.source.start)
    if article.blocks:
        first = article.blocks[0]
        for span in (first.source, getattr(first, "heading_source", None)):
            if span is not None:
                found.add(span.start)
    return found


def title_of(t: dict) -> str:
    """A truth article's kicker, headline and subtitle, joined."""
    return "".join(x for x in (t.get("kicker"), t["headline"], t.get("subtitle")) if x)


class Losses:
    """Where the character accuracy of one style's pages goes (the third table)."""

    KINDS = ("unmatched", "heads", "missing", "added", "order")

    def __init__(self) -> None:
        self.chars: Counter[str] = Counter()

    def add(self, pairs: list[tuple[dict, dict | None]]) -> None:
        """``pairs``: each truth article with its output article (:func:`matched`)."""
        from rapidfuzz.distance import Levenshtein

        for t, out in pairs:
            body = "".join(p for s in t["sections"] for p in s["paragraphs"])
            head = title_of(t)
            self.chars["all"] += len(head) + len(body)
            if out is None:
                self.chars["unmatched"] += len(head) + len(body)
                continue
            text = "".join(out["paragraphs"])
            missing = sum((Counter(body) - Counter(text)).values())
            added = sum((Counter(text) - Counter(body)).values())
            self.chars["heads"] += Levenshtein.distance(head, "".join(out["heads"]))
            self.chars["missing"] += missing
            self.chars["added"] += added
            self.chars["order"] += Levenshtein.distance(body, text) - max(missing, added)

    def row(self, style: str) -> str:
        total = self.chars["all"] or 1
        return f"| {style} | " + " | ".join(f"{self.chars[k] / total:.3f}" for k in self.KINDS) + " |"


def held_by(truth: Truth, arts: list[dict]) -> list[Counter]:
    """Per output article, the characters of its paragraphs each truth article holds
    (:meth:`Truth.holder`; None for paragraphs no truth article holds)."""
    held: list[Counter] = [Counter() for _ in arts]
    for a, counts in zip(arts, held):
        for p in a["paragraphs"]:
            counts[truth.holder(p)] += len(squeezed(p))
    return held


def matched(truth: dict, arts: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each truth article with the output article the scorer matches it to (the most
    similar body of those not yet taken, over half alike), or None."""
    from rapidfuzz.distance import Levenshtein

    used: set[int] = set()
    out: list[tuple[dict, dict | None]] = []
    for t in truth["articles"]:
        body = "".join(p for s in t["sections"] for p in s["paragraphs"])
        alike = [(1 - Levenshtein.normalized_distance(body, "".join(a["paragraphs"])), -i)
                 for i, a in enumerate(arts) if i not in used]
        best, at = max(alike, default=(0.0, 0))
        if best <= 0.5:
            out.append((t, None))
        else:
            used.add(-at)
            out.append((t, arts[-at]))
    return out


class Titles:
    """Where the truth articles' titles (kicker, headline, subtitle) go (the fourth table):
    each truth article is counted once, by the first of these that holds."""

    KINDS = ("right", "unmatched", "parts off", "own subhead", "on another", "no head", "other")

    def __init__(self) -> None:
        self.count: Counter[str] = Counter()

    def add(self, pairs: list[tuple[dict, dict | None]], arts: list[dict]) -> None:
        """``pairs``: each truth article with its output article (:func:`matched`) of ``arts``."""
        heads = [squeezed("".join(a["heads"])) for a in arts]
        for t, out in pairs:
            kicker, headline, subtitle = (squeezed(t.get(f) or "") for f in ("kicker", "headline", "subtitle"))
            mine = squeezed("".join(out["heads"])) if out is not None else ""
            subheads = {squeezed(s["heading"]) for s in t["sections"] if s["heading"]}
            if out is None:
                kind = "unmatched"
            elif mine == kicker + headline + subtitle:
                kind = "right"
            elif headline and headline in mine:
                kind = "parts off"  # the headline right, a kicker or subtitle missing or foreign
            elif out["heads"] and squeezed(out["heads"][0]) in subheads:
                kind = "own subhead"  # cut at a subhead: the part under it took the text
            elif headline and any(headline in h for h in heads):
                kind = "on another"
            elif not out["heads"]:
                kind = "no head"
            else:
                kind = "other"
            self.count[kind] += 1
            self.count["all"] += 1

    def row(self, style: str) -> str:
        total = self.count["all"] or 1
        return f"| {style} | {self.count['all']} | " + " | ".join(f"{self.count[k] / total:.3f}" for k in self.KINDS) \
            + " |"


class Unmatched:
    """Why the truth articles no output article matches go unmatched (the fifth table)."""

    KINDS = ("out of order", "merged", "cut apart")

    def __init__(self) -> None:
        self.chars: Counter[str] = Counter()

    def add(self, pairs: list[tuple[dict, dict | None]], held: list[Counter], truth: Truth) -> None:
        """``pairs``: each truth article with its output article (:func:`matched`); ``held``:
        per output article, the characters it holds of each truth article (:func:`held_by`)."""
        for i, (t, out) in enumerate(pairs):
            head = title_of(t)
            size = len(head) + sum(len(p) for s in t["sections"] for p in s["paragraphs"])
            self.chars["all"] += size
            if out is not None:
                continue
            n, o = max(((c[i], o) for o, c in enumerate(held)), default=(0, None))
            if o is None or 2 * n <= len(truth.bodies[i]):
                kind = "cut apart"
            elif held[o].most_common(1)[0][0] == i:
                kind = "out of order"
            else:
                kind = "merged"
            self.chars[kind] += size

    def row(self, style: str) -> str:
        total = self.chars["all"] or 1
        return f"| {style} | " + " | ".join(f"{self.chars[k] / total:.3f}" for k in self.KINDS) + " |"


class Successions:
    """How the reading order keeps the truth's successions between printed blocks (the
    sixth table)."""

    KINDS = (("next", "ended"), ("next", "open"), ("elsewhere", "ended"), ("elsewhere", "open"))

    def __init__(self) -> None:
        self.count: Counter[tuple[str, str, bool]] = Counter()

    def add(self, page: str, truth: Truth, arts: list[dict]) -> None:
        """``page``: the page's text as printed; ``arts``: score_tei's reading of the output."""
        blocks = [squeezed(b) for b in re.split(r"\n\s*\n", page) if b.strip()]
        where: list[tuple[int, int, int] | None] = []
        for b in blocks:
            at = None
            for i, body in enumerate(truth.bodies):
                k = body.find(b) if len(b) >= 8 else -1
                if k >= 0 and body.find(b, k + 1) < 0:
                    at = (i, k, k + len(b))
                    break
            where.append(at)
        starts = {(a[0], a[1]): n for n, a in enumerate(where) if a}
        located = [n for n, a in enumerate(where) if a]
        texts = ["".join(squeezed(p) for p in a["paragraphs"]) for a in arts]
        for m, n in zip(located, located[1:] + [None]):
            nxt = starts.get((where[m][0], where[m][2]))
            if nxt is None:
                continue
            first = blocks[m]
            kept = any((k := t.find(first)) >= 0 and t.startswith(blocks[nxt][:8], k + len(first)) for t in texts)
            kind = ("next" if nxt == n else "elsewhere", "ended" if first[-1] in "。！？”）" else "open")
            self.count[kind + (kept,)] += 1

    def row(self, style: str) -> str:
        cells = []
        for kind in self.KINDS:
            n = self.count[kind + (True,)] + self.count[kind + (False,)]
            cells.append(f"{n} | {self.count[kind + (True,)] / n:.3f}" if n else "0 | -")
        return f"| {style} | " + " | ".join(cells) + " |"


def in_truth_order(arts: list[dict], truth: Truth, reassign: bool) -> list[dict]:
    """``arts`` (score_tei's reading of the output) with each article's paragraphs in the
    order of the truth article that holds most of them; with ``reassign``, each paragraph
    first moved to the output article of the truth article that holds it."""
    holders = [Counter() for _ in arts]
    for a, held in zip(arts, holders):
        for p in a["paragraphs"]:
            held[truth.holder(p)] += len(p)
    main = [held.most_common(1)[0][0] if held else None for held in holders]
    if reassign:
        by_owner: dict[int | None, list[str]] = defaultdict(list)
        for a in arts:
            for p in a["paragraphs"]:
                by_owner[truth.holder(p)].append(p)
        out, taken = [], set()
        for a, m in zip(arts, main):
            mine = [] if m in taken else by_owner.get(m, [])
            taken.add(m)
            out.append(dict(a, paragraphs=mine if m is not None else a["paragraphs"]))
        arts = out
    return [dict(a, paragraphs=sorted(a["paragraphs"], key=lambda p, m=m: truth.position(m, p)))
            if m is not None else a for a, m in zip(arts, main)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--seeds", default="700-899", help="seeds, LO-HI")
    add_pool_option(ap)
    args = ap.parse_args()
    shared = Path(args.shared)
    sys.path.insert(0, str(shared / "eval"))
    import score_tei

    import convertkit

    rows = ("as read", "joins", "decisions", "paragraph order", "own articles")
    pools = {(row, style): Pool() for row in rows for style in ("rmrb", "local")}
    apart = {style: Apart() for style in ("rmrb", "local")}
    losses = {style: Losses() for style in ("rmrb", "local")}
    titles = {style: Titles() for style in ("rmrb", "local")}
    unmatched = {style: Unmatched() for style in ("rmrb", "local")}
    successions = {style: Successions() for style in ("rmrb", "local")}
    left_apart = {style: PartsLeftApart() for style in ("rmrb", "local")}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        out = tmp / "out.xml"
        explained = tmp / "explain.json"
        for page, truth_path in generate(shared, seed_range(args.seeds), tmp / "pages", pool=args.pool):
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            PAGE["t"] = t = Truth(truth)
            style = truth["generator"]["style"]
            for row, oracle in (("as read", None), ("joins", oracle_joins), ("decisions", oracle_decisions)):
                if oracle is None:  # (read apart from writing: the stage tables need the articles' source lines)
                    doc = convertkit.read(str(page), "newspage", explain=str(explained))
                    convertkit.write(doc, "tei", str(out))
                else:
                    with oracle():
                        convertkit.convert(str(page), "tei", str(out), from_="newspage")
                arts = score_tei.read_articles(str(out))
                pools[row, style].add(truth, score_tei.score(truth, arts))
                if row == "as read":
                    read = arts
                    held = held_by(t, arts)  # (worked out once for the tables that use them)
                    pairs = matched(truth, arts)  # (as the scorer matches them)
                    apart[style].add(t, held)
                    losses[style].add(pairs)
                    titles[style].add(pairs, arts)
                    unmatched[style].add(pairs, held, t)
                    successions[style].add(page.read_text(encoding="utf-8"), t, arts)
                    left_apart[style].add(t, held, [first_lines(a) for a in doc.blocks if isinstance(a, Article)],
                                          json.loads(explained.read_text(encoding="utf-8"))["steps"])
            for row, reassign in (("paragraph order", False), ("own articles", True)):
                pools[row, style].add(truth, score_tei.score(truth, in_truth_order(read, t, reassign)))
    print(f"seeds {args.seeds}: each row reads the same pages, one thing decided by the truth\n")
    names = ("articles", "titles_full", "subheads", "recall", "char")
    print("| style | read | pages | " + " | ".join(names) + " |")
    print("| --- | --- | --- |" + " --- |" * len(names))
    for style in ("rmrb", "local"):
        for row in rows:
            f = pools[row, style].figures()
            print(f"| {style} | {row} | {f['pages']} | " + " | ".join(f"{f[n]:.3f}" for n in names) + " |")
    print("\nHow the pages as read come apart into articles (characters: shares of the truth's articles' text)\n")
    print("| style | pages | with more articles than the truth | articles too many | held in a part of its own "
          "| held inside another article |")
    print("| --- | --- | --- | --- | --- | --- |")
    for style in ("rmrb", "local"):
        print(apart[style].row(style))
    print("\nWhere the character accuracy of the pages as read goes (shares of the truth's characters)\n")
    print("| style | articles unmatched | heads | text missing | text added | order |")
    print("| --- | --- | --- | --- | --- | --- |")
    for style in ("rmrb", "local"):
        print(losses[style].row(style))
    print("\nWhere the titles go (shares of the truth's articles)\n")
    print("| style | articles | " + " | ".join(Titles.KINDS) + " |")
    print("| --- | --- |" + " --- |" * len(Titles.KINDS))
    for style in ("rmrb", "local"):
        print(titles[style].row(style))
    print("\nWhy the truth articles no output article matches go unmatched (shares of the truth's characters)\n")
    print("| style | " + " | ".join(Unmatched.KINDS) + " |")
    print("| --- |" + " --- |" * len(Unmatched.KINDS))
    for style in ("rmrb", "local"):
        print(unmatched[style].row(style))
    print("\nThe truth's successions between printed blocks, and the share the reading order keeps\n")
    print("| style | " + " | ".join(f"{a}, {b} | kept" for a, b in Successions.KINDS) + " |")
    print("| --- |" + " --- | --- |" * len(Successions.KINDS))
    for style in ("rmrb", "local"):
        print(successions[style].row(style))
    print("\nThe decision that left each part of its own apart: the articles stage's last decision at its first "
          "lines\n")
    print("| style | rule | parts | share of the truth's text |")
    print("| --- | --- | --- | --- |")
    for style in ("rmrb", "local"):
        print("\n".join(left_apart[style].rows(style)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
