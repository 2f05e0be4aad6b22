"""How well two pieces of Chinese text join: the words a join would cut.

A column break falls anywhere in a sentence, often inside a word (操⏎作系统). Where a block
that leaves a sentence open may go on in several blocks, the right one usually completes a
word across the join, and the likeliest reading of the characters around the join (a
unigram segmentation) runs a word across it: a word that merely can be read there (命中 in
使命⏎中国) is not enough. The lexicon is jieba's word list with its frequencies (MIT, shipped
in the jieba wheel: nothing is downloaded); it is read once per process, and only when a
page has a choice to make. Reading jieba's text file takes about 0.5 s; the words kept are
then cached (marshal, keyed by that file's size and time) in the user's cache folder
(``$XDG_CACHE_HOME/convertkit``, else ``~/.cache/convertkit``), which later processes read
in a fraction of that. Without jieba every join scores 0 and the other cues decide.
"""
from __future__ import annotations

import math
import os

from .lines import is_han

MAX_WORD = 4  # characters: longer entries are names and set phrases that seldom decide a join
MIN_FREQ = 10  # rarer entries (236,000 of 330,000) changed no figure on seeds 1-60; they cost load time
_WORDS: "WordList | None" = None
_PAD = "\0"  # pads a word to MAX_WORD characters; sorts before every character
_RECORD = MAX_WORD + 1  # a word, padded, then its log frequency as one character
_SCALE = 1000  # the frequency character: chr(_BASE + round(log frequency * _SCALE))
_BASE = 0x100


class WordList:
    """The word list as one sorted string of fixed-width records; a character's words are
    found by bisection and then read as a dict.

    A dict of its 94,000 words took 37-49 ms to unmarshal in every process, a third of a
    one-page conversion's start; one string loads in about 2 ms. The words that begin with
    a character are made a dict the first time one of them is asked for (a few thousand
    characters begin words; a page asks for a few hundred)."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.n = len(table) // _RECORD
        self._by_first: dict[str, dict[str, float]] = {}  # first character -> its words, made as asked

    @classmethod
    def of(cls, words: dict[str, float]) -> "WordList":
        rows = sorted(w.ljust(MAX_WORD, _PAD) + chr(_BASE + round(f * _SCALE)) for w, f in words.items())
        return cls("".join(rows))

    def get(self, word: str, default: float = 0.0) -> float:
        if not word:
            return default
        found = self._by_first.get(word[0])
        if found is None:
            found = self._by_first[word[0]] = self._words_of(word[0])
        return found.get(word, default)

    def _words_of(self, first: str) -> dict[str, float]:
        """The words that begin with ``first``, with their log frequencies: the records
        from the first not below ``first`` to the first of the next character."""
        t = self.table
        lo, hi = self._first(first + _PAD), self._first(chr(ord(first) + 1))
        return {t[at:at + MAX_WORD].rstrip(_PAD): (ord(t[at + MAX_WORD]) - _BASE) / _SCALE
                for at in range(lo * _RECORD, hi * _RECORD, _RECORD)}

    def _first(self, key: str) -> int:
        """The index of the first record not below ``key``."""
        lo, hi, t = 0, self.n, self.table
        while lo < hi:
            mid = (lo + hi) // 2
            if t[mid * _RECORD:mid * _RECORD + len(key)] < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def __len__(self) -> int:
        return self.n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordList) and other.table == self.table


def _dictionary() -> str | None:
    """jieba's word list, found without importing jieba (its import costs time)."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], "dict.txt")


def _cache_file(path: str) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "convertkit", f"words-1-{MAX_WORD}-{MIN_FREQ}-{st.st_size}-{int(st.st_mtime)}.table.marshal")


def _load() -> WordList:
    """Words of 1-4 Han characters seen MIN_FREQ times or more, with the log of their
    frequency in jieba's dictionary (from the cache when it is there; the cache is made when
    it is not, if the folder can be)."""
    import marshal

    path = _dictionary()
    if path is None:  # pragma: no cover - jieba is a dependency; a stripped install still reads
        return WordList("")
    cache = _cache_file(path)
    if cache is not None:
        try:
            with open(cache, "rb") as fh:
                cached = marshal.loads(fh.read())
            if isinstance(cached, str) and len(cached) % _RECORD == 0:
                return WordList(cached)
        except (OSError, EOFError, ValueError, TypeError):
            pass
    words = WordList.of(_parse(path))
    if cache is not None and len(words):
        try:
            from convertkit.atomic import atomic_write

            folder = os.path.dirname(cache)
            os.makedirs(folder, exist_ok=True)
            atomic_write(cache, marshal.dumps(words.table))
            # the caches of other dictionaries (another jieba, another install) are stale:
            # one cache is kept, not one per install ever made
            for name in os.listdir(folder):
                if name.startswith("words-") and name.endswith(".marshal") and name != os.path.basename(cache):
                    os.remove(os.path.join(folder, name))
        except Exception:  # noqa: BLE001 - no cache folder: read the text file each time
            pass
    return words


def _parse(path: str) -> dict[str, float]:
    words: dict[str, float] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word, freq, _ = line.split(" ", 2)
                if 1 <= len(word) <= MAX_WORD and int(freq) >= MIN_FREQ:
                    words[word] = math.log(int(freq) + 1)
    except (OSError, ValueError):  # pragma: no cover - a damaged install: no language score
        return {}
    return words


def words() -> WordList:
    global _WORDS
    if _WORDS is None:
        _WORDS = _load()
    return _WORDS


COMMON = 7.0  # log frequency: a word this common (江苏, 黄河) is seldom a person's name


def common_word(s: str) -> bool:
    """Whether ``s`` is a common word (COMMON log frequency or more)."""
    return words().get(s) >= COMMON


def reads_as_words(s: str) -> bool:
    """Whether the likeliest reading of ``s`` (unigram model, as :func:`_readings`) is
    common words of two characters or more, every one (权力 如何 分配): a phrase of the
    language, which names set side by side (王昊 黄敏, 周江 张济坤) seldom make."""
    lex = words()
    score = [0.0] + [-math.inf] * len(s)
    back = [0] * (len(s) + 1)
    for j in range(1, len(s) + 1):
        for i in range(max(0, j - MAX_WORD), j):
            lp = _log_p(s[i:j], lex)
            if lp is not None and score[i] + lp > score[j]:
                score[j], back[j] = score[i] + lp, i
    j = len(s)
    while j > 0:
        word = s[back[j]:j]
        if len(word) < 2 or lex.get(word, 0.0) < COMMON:
            return False
        j = back[j]
    return bool(s)


def _han_tail(text: str) -> str:
    out = []
    for ch in reversed(text):
        if ch.isspace():
            continue
        if not is_han(ch) or len(out) == MAX_WORD - 1:
            break
        out.append(ch)
    return "".join(reversed(out))


def _han_head(text: str, most: int = MAX_WORD - 1) -> str:
    out = []
    for ch in text:
        if ch.isspace():
            continue
        if not is_han(ch) or len(out) == most:
            break
        out.append(ch)
    return "".join(out)


def join_score(left: str, right: str) -> float:
    """The log frequency of the most frequent word that joining ``left`` (a line's end) to
    ``right`` (a line's start) would complete across the join; 0 when none does (a join
    after punctuation completes no word), and 0 when the characters around the join read
    better cut there: a word across it must be the likelier reading, not merely a word
    (使命⏎中国 holds 命中, but 使命 中国 is the reading; 操⏎作系统 is 操作 系统)."""
    tail, head = _han_tail(left), _han_head(right)
    if not tail or not head:
        return 0.0
    lex = words()
    best = 0.0
    for a in range(1, len(tail) + 1):
        for b in range(1, min(len(head), MAX_WORD - a) + 1):
            best = max(best, lex.get(tail[-a:] + head[:b], 0.0))
    if best:
        free, kept = _readings(tail + head, len(tail), lex)
        if kept >= free:  # the likeliest reading puts no word across the join
            return 0.0
    return best


#: jieba's dictionary counts about 60 million occurrences in all: a word's log probability
#: is its log frequency less this
LOG_TOTAL = math.log(60_000_000)
UNSEEN = -LOG_TOTAL  # a character the dictionary does not list on its own: as if seen once

#: what two Han characters that make no word (they straddle two words) say of a text's
#: subject, against a word's information (5 for 中国 … 15 for 海权): less than the
#: commonest words. Chosen on the development pages' whole-page figures (2, 3, 4, 6 and 8
#: tried; 0, pairs that are no word saying nothing, lost pages)
PAIR_INFORMATION = 4.0


def information(pair: str) -> float:
    """How much a pair of adjacent characters says of what a text is about: a dictionary
    word's information (its negative log probability: the rarer the word, the more it says:
    海权 15.5, 法治 11.6, 中国 6.1), PAIR_INFORMATION for two Han characters that make no
    word, 0 for a pair with anything else in it (punctuation, digits)."""
    if not all(map(is_han, pair)):
        return 0.0
    f = words().get(pair, 0.0)
    return LOG_TOTAL - f if f else PAIR_INFORMATION


def _log_p(piece: str, lex: "WordList") -> float | None:
    """A reading's log probability of ``piece`` as one word: a dictionary word's, an
    unlisted single character's (UNSEEN), or None (no word of several characters)."""
    f = lex.get(piece, 0.0)
    if f:
        return f - LOG_TOTAL
    return UNSEEN if len(piece) == 1 else None


def _readings(s: str, cut: int, lex: "WordList") -> tuple[float, float]:
    """The log probabilities of the likeliest reading of ``s`` as a run of dictionary words
    and single characters (unigram model): with any words, and with no word across
    position ``cut``."""
    free = [0.0] + [-math.inf] * len(s)
    kept = free[:]
    for j in range(1, len(s) + 1):
        for i in range(max(0, j - MAX_WORD), j):
            lp = _log_p(s[i:j], lex)
            if lp is None:
                continue
            free[j] = max(free[j], free[i] + lp)
            if not i < cut < j:
                kept[j] = max(kept[j], kept[i] + lp)
    return free[-1], kept[-1]


#: particles that follow what they belong to (的, 地, 得 mark what came before; 了, 着, 过
#: end a verb): a sentence never opens on one standing alone
FOLLOWERS = frozenset("的地得了着过")
FOLLOWER_CONTEXT = 6  # characters read from the start


def opens_on_follower(s: str) -> bool:
    """Whether ``s`` (its spaces aside) opens on a particle that follows what it belongs to
    (FOLLOWERS), standing alone in its likeliest reading: 的工作将在… goes on from a sentence
    begun elsewhere; 的确, 地方, 了解 are words."""
    head = _han_head(s, FOLLOWER_CONTEXT)
    if len(head) < 2 or head[0] not in FOLLOWERS:
        return False
    free, kept = _readings(head, 1, words())
    return kept >= free  # the likeliest reading puts no word across the first character
