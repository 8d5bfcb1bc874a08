"""Sentence salience and the core fact.

Each sentence gets a feature vector computed from the parsed article; linear models (weights in
``data/salience.json``, written by ``training/train_salience.py``) turn it into scores: one for the
core fact, one for the brief (and another for the brief of a text without paragraph breaks). The
core fact is the best-scoring sentence of the lede that can stand alone; the brief opens with the
lede (in text without paragraph breaks, its first sentence and the core fact) and adds the
best-scoring body sentences, against redundancy (MMR), a sentence that leans on the one before it
only right after that one.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .nlp import Parsed, Sent, ents_within, leaves_quotation_open

FEATURES = (
    "bias", "first", "position", "log_position", "paragraph_first", "length_ok", "log_length",
    "relative_length", "centrality", "centrality_sum", "title_overlap", "entities", "figures", "quote",
    "standalone", "question", "article_length", "textrank", "textrank_x_length", "centrality_x_length",
)
# Words that make a sentence lean on the one before it.
DEPENDENT_OPENERS = {
    "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its", "him",
    "them", "however", "but", "and", "so", "also", "meanwhile", "instead", "still", "yet", "then",
    "thus", "therefore", "moreover", "furthermore", "besides", "nevertheless", "nonetheless", "or",
    "such", "both", "another", "otherwise", "likewise", "similarly", "here", "there", "later",
    "afterwards", "indeed", "hence", "accordingly", "consequently", "which", "who", "we", "i", "you",
    "she's", "he's", "it's", "they're", "additionally", "plus", "though", "although", "while",
}


@dataclass
class Scored:
    sent: Sent
    score: float  # salience for the brief
    features: dict[str, float]
    core_score: float = 0.0  # salience as the one core-fact sentence


def opener(sent_text: str) -> str:
    """The first word of a text, lower case, hyphenated ones whole ('so-called', not 'so')."""
    m = re.match(r"[\W_]*([A-Za-z']+(?:-[A-Za-z']+)*)", sent_text)
    return m.group(1).lower() if m else ""


# Openers that are no reference to the sentence before: existential 'there' ('There are 40 ...'),
# a subordinate clause before its main clause ('Although sales rose, profits fell.', not 'While he ...'),
# the 'it' of a clause put off to the end ('It is understood the deal...', 'It emerged that...',
# 'It is not clear whether...'; not 'It has claimed that...', 'It is expected to rise', which are
# said of something).
_ADVERBS = r"(?:\s+(?:now|also|widely|generally|already|not))*"
_FREE_OPENING = re.compile(
    r"\W*(?:there\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|must|should|can|seems?|seemed|"
    r"appears?|appeared|remains?|remained)\b|(?:although|though|while)\s+(?!(?:he|she|it|they|this|that|these|those|his|her|its|their)\b)\w[^,]{3,},\s"
    rf"|it(?:\s+is|\s+was|['’]s|\s+ha[sd](?={_ADVERBS}\s+been\b)){_ADVERBS}(?:\s+been)?\s+"
    r"(?:(?:revealed|emerged|understood|thought|believed|feared|alleged|rumoured|reported|claimed|estimated|hoped|expected|suggested|known)"
    r"\s+(?!(?:to|by|as|in|on|at|for|with|from|into|of|and|or|but)\b)(?=\w)"
    r"|(?:un)?(?:clear|likely|possible|certain)\s+(?:that|whether|if|how|what|when|why|who)\b)"
    rf"|it(?:['’]s|\s+ha[sd])?{_ADVERBS}\s+emerged\s+(?!(?:from|out|as|in|into|onto|at|on|with|to)\b)(?=\w))",
    re.IGNORECASE,
)


# a quotation in single marks that opens a sentence, and one closed with words after it ('... top, '
# the Arsenal boss added'); the apostrophe of "It's" is neither
_SINGLE_OPENING = re.compile(r"\s*['‘]\s?\w")
_SINGLE_CLOSED = re.compile(r"[\w.,!?]\s?['’]\s+\S")


# A connective that only links a sentence to the one before it ('But', 'However,', 'Meanwhile'): a
# sentence shown without that one is shown without it (rewrite's 'drop_connective' rule). Not 'But
# for...' (except for), not an adverb without its comma ('Still no sign...', 'Also injured was...').
_CONNECTIVE = re.compile(
    r"(?:(?:But|And)\s+(?!for\b)|Meanwhile,?\s+|"
    r"(?:However|Also|Still|Instead|Moreover|Furthermore|Nevertheless|Nonetheless|Additionally|Indeed|"
    r"Besides|In addition|By contrast|In contrast|On the other hand|Even so),\s+)(?=[A-Za-z])"
)


def _leans_by_its_opener(text: str) -> bool:
    """Whether a text opens with a word that refers to the sentence before it ('He', 'But')."""
    return opener(text) in DEPENDENT_OPENERS and not _FREE_OPENING.match(text)


def connective(text: str) -> int:
    """The length of the connective that opens ``text`` and may be left out, with the space after
    it (0 for none): only when what follows it can open a sentence ('But he said...' keeps it,
    since 'he' leans on the sentence before as well)."""
    m = _CONNECTIVE.match(text)
    if not m:
        return 0
    return 0 if _leans_by_its_opener(text[m.end():]) else m.end()


def standalone(sent: Sent, opening: bool = True) -> bool:
    """True when a sentence does not need the previous one: no leading pronoun or connective
    (``opening=False`` leaves the first word out of it; a connective that may be left out, see
    :func:`connective`, is none), and no quotation left open. The article's first sentence has no
    sentence before it to lean on: what it opens with points ahead ('He may not be playing much at
    United, but Anders Lindegaard...') or to the page ('This is the moment a guard slipped...')."""
    if opening and sent.index > 0 and _leans_by_its_opener(sent.text[connective(sent.text):]):
        return False
    t = sent.text + sent.closing_mark  # as shown (rewrite.as_sentence closes the quotation)
    if t.count("“") != t.count("”") or t.count('"') % 2 or leaves_quotation_open(t):
        return False
    m = re.fullmatch(r'\s*["“](.+)["”]\s*(.*)', t, flags=re.S)
    if m and len(m.group(2).split()) < 2:
        return False  # a quotation with no attribution: whose words they are is in another sentence
    if _SINGLE_OPENING.match(t) and not _SINGLE_CLOSED.search(t, 2):
        return False  # the same in single marks (the Daily Mail's style), closed or left open
    return not t.rstrip().endswith((":", ",", ";"))


def content_lemmas(parsed: Parsed, sent: Sent) -> list[str]:
    return [t.lemma_.lower() for t in parsed.tokens(sent) if t.is_alpha and not t.is_stop and len(t) > 2]


@lru_cache(maxsize=1)
def _shipped() -> dict:
    return json.loads(resources.files("corefact").joinpath("data/salience.json").read_text())


BRIEF_MODELS = ("brief", "brief_no_paragraphs")


def load_weights(model: str = "brief") -> dict[str, float]:
    """Weights of the salience model ``core`` (the one sentence), ``brief`` (the body sentences
    that follow the lede in the rewrite) or ``brief_no_paragraphs`` (the same, for a text without
    paragraph breaks)."""
    return _shipped()["models"][model]["weights"]


def paragraphed(parsed: Parsed) -> bool:
    """Whether the article's text has paragraph breaks (its sentences lie in more than one)."""
    return len({s.paragraph for s in parsed.sents}) > 1


def brief_model(parsed: Parsed) -> str:
    """The brief model for an article: without paragraph breaks the lede's end cannot be seen,
    and the sentences after it weigh differently (learned on text of that shape)."""
    return BRIEF_MODELS[0] if paragraphed(parsed) else BRIEF_MODELS[1]


def shipped_redundancy() -> float:
    """The brief's MMR redundancy weight, chosen on the training split by the training script."""
    return float(_shipped()["redundancy"])


def textrank(bags: list[Counter], damping: float = 0.85, iterations: int = 50) -> list[float]:
    """TextRank (Mihalcea and Tarau, 2004) of each sentence: PageRank over a graph whose edges weigh
    the content words two sentences share against their lengths, scaled so that the mean is 1."""
    n = len(bags)
    if n < 2:
        return [1.0] * n
    sets = [set(b) for b in bags]
    logs = [math.log(max(1, sum(b.values()))) for b in bags]
    w = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            common = len(sets[i] & sets[j])
            if common and logs[i] + logs[j] > 0:
                w[i, j] = w[j, i] = common / (logs[i] + logs[j])
    out = w.sum(axis=1)
    out[out == 0] = 1.0
    m = w / out[:, None]
    r = np.full(n, 1.0 / n)
    for _ in range(iterations):
        r = (1 - damping) / n + damping * (m.T @ r)
    return [float(x) * n for x in r]


def sentence_features(parsed: Parsed) -> list[dict[str, float]]:
    """The feature vector of every sentence unit."""
    bags = [Counter(content_lemmas(parsed, s)) for s in parsed.sents]
    doc_bag: Counter = Counter()
    for b in bags:
        doc_bag.update(set(b))
    title = set()
    if parsed.article.title:
        title = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", parsed.article.title)}
    n = len(parsed.sents)
    out = []
    seen_paragraphs: set[int] = set()
    lengths = [sum(1 for t in parsed.tokens(s) if not t.is_punct) for s in parsed.sents]
    mean_length = sum(lengths) / max(1, n)
    ranks = textrank(bags)
    for s, bag, rank in zip(parsed.sents, bags, ranks):
        toks = parsed.tokens(s)
        words = sum(1 for t in toks if not t.is_punct)
        # centrality: how many other sentences share this sentence's content words
        central = sum(doc_bag[w] - 1 for w in bag) / (1 + len(bag)) / max(1, n - 1)
        lemmas = set(bag)
        inside = ents_within(parsed.doc, s.start, s.end)
        ents = sum(1 for e in inside if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT"))
        figs = sum(1 for e in inside if e.label_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"))
        out.append(
            {
                "bias": 1.0,
                "first": 1.0 if s.index == 0 else 0.0,
                "position": s.index / max(1, n - 1),
                "log_position": math.log1p(s.index),
                "paragraph_first": 1.0 if s.paragraph not in seen_paragraphs else 0.0,
                "length_ok": 1.0 if 8 <= words <= 40 else 0.0,
                "log_length": math.log1p(words),
                "relative_length": words / max(1.0, mean_length),
                "centrality": central,
                "centrality_sum": sum(doc_bag[w] - 1 for w in bag) / max(1, n - 1) / 10,
                "title_overlap": len(lemmas & title) / (1 + len(title)) if title else 0.0,
                "entities": min(ents, 5) / 5,
                "figures": min(figs, 3) / 3,
                "quote": 1.0 if s.text.lstrip()[:1] in "\"“'‘" else 0.0,
                "standalone": 1.0 if standalone(s) else 0.0,
                "question": 1.0 if s.text.rstrip().endswith("?") else 0.0,
                "article_length": math.log1p(n) / 5,
                "textrank": rank,
                # a central sentence is worth more the longer it is (it brings more of the article)
                "textrank_x_length": rank * math.log1p(words),
                "centrality_x_length": central * math.log1p(words),
            }
        )
        seen_paragraphs.add(s.paragraph)
    return out


def score_sentences(parsed: Parsed) -> list[Scored]:
    """Salience of every sentence unit, in article order."""
    return scored_with(parsed, sentence_features(parsed), load_weights(brief_model(parsed)), load_weights("core"))


def scored_with(parsed: Parsed, feats: list[dict[str, float]], brief: dict[str, float], core: dict[str, float]) -> list[Scored]:
    """The sentences scored by given brief and core weights (the shipped ones, or those the
    training script is trying)."""
    return [
        Scored(s, sum(brief.get(k, 0.0) * v for k, v in f.items()), f, sum(core.get(k, 0.0) * v for k, v in f.items()))
        for s, f in zip(parsed.sents, feats)
    ]


# the web page around the story, left in the text: never part of it
PAGE_FURNITURE = re.compile(
    r"\s*(?:scroll down for video|sorry,? we are not currently accepting comments|read more\b|click here\b|share this article)",
    re.IGNORECASE,
)
# the reporters' credit that closes a story ('The Gazette's Ines Calloway contributed to this
# report'), with whatever the scraped text ran into it (a related link's headline before it)
CREDIT_LINE = re.compile(r"\bcontributed to this report\W*$", re.IGNORECASE)


def eligible(sent: Sent, opening: bool = True) -> bool:
    """Sentences that may appear in the output: whole, readable, not too short or long, not the
    page around the story, not a line of a list left hanging on a dash ('May 4 Swansea (home) -').
    ``opening=False``: whatever their first word (for a sentence shown right after the one before it)."""
    words = len(sent.text.split())
    text = sent.text.rstrip()
    return (
        standalone(sent, opening) and 5 <= words <= 80 and not text.endswith(("?", "-", "–", "—"))
        and not PAGE_FURNITURE.match(text) and not CREDIT_LINE.search(text)
    )


LEDE = 2  # the lede: at most two sentences of the first paragraph


def lede(shown: list[Sent]) -> list[Sent]:
    """The lede of an article, from its sentences that may be shown (in order): those of the
    first paragraph that has one, at most ``LEDE``, in a row. A one-sentence opening paragraph (the
    BBC's style) is a lede of one sentence; so is a first sentence followed by one that may not be
    shown (in text without paragraph breaks the lede would reach into the body, past a caption), or
    by one that opens with a connective ('But now it is his companion who has lost.': a turn to
    what comes next, not more of the news)."""
    out = shown[:1]
    for s in shown[1:LEDE]:
        if s.paragraph == out[-1].paragraph and s.index == out[-1].index + 1 and not connective(s.text):
            out.append(s)
    return out


def brief_opening(parsed: Parsed, shown: list[Sent]) -> list[Sent]:
    """The sentences the brief opens with, from the sentences that may be shown (in order): the
    lede. In text without paragraph breaks, where the lede's end cannot be seen, only its first
    sentence: the one after it is no more the lede than any other and competes with the body
    (chosen on the training split: the brief of CNN/DM's text scored higher so, across folds)."""
    opening = lede(shown)
    return opening if paragraphed(parsed) else opening[:1]


def core_fact(scored: list[Scored]) -> Sent:
    """The sentence that best states what happened: news puts it in the lede, so the core model
    chooses among the sentences of the lede (chosen on the training split: it beat Lead-1 on both
    sets there, where a free choice over the whole article lost on CNN/DM)."""
    pool = [s for s in scored if eligible(s.sent)]
    if not pool:
        return max(scored, key=lambda s: s.core_score).sent
    opening = lede([s.sent for s in pool])
    return max(pool[: len(opening)], key=lambda s: s.core_score).sent


# A photo caption ('The skipper (pictured) was rescued...') and a line without a full stop (the
# Daily Mail's highlights and captions) are set beside the story and restate it: after a sentence
# that already says at least half of what one says (its content words), it only repeats that one.
_CAPTION = re.compile(r"\((?:pictured|left|right|centre|center|above|below|top|bottom|inset)\b[^)]*\)", re.IGNORECASE)
_FULL_STOP = re.compile(r"[.!?][\"'”’)\s]*$")
RESTATED = 0.5


def restates(sent: Sent, words: set[str], shown: list[set[str]]) -> bool:
    """Whether ``sent`` (content words ``words``) is a caption or highlight line at least half of
    whose content words one sentence already shown (content words: an item of ``shown``) holds:
    showing it would repeat that sentence."""
    if not words or not (_CAPTION.search(sent.text) or not _FULL_STOP.search(sent.text)):
        return False
    return any(len(words & other) >= RESTATED * len(words) for other in shown)


def select_brief(parsed: Parsed, scored: list[Scored], k: int, first: Sent, redundancy: float | None = None) -> list[Sent]:
    """``k`` sentences in article order: ``first`` (the core fact) and the rest of the brief's
    opening (:func:`brief_opening`), then the body sentences the brief model scores highest, with
    MMR redundancy control (``redundancy`` defaults to the shipped value); a caption or highlight
    line that restates a sentence already chosen (:func:`restates`) is left out."""
    if redundancy is None:
        redundancy = shipped_redundancy()
    bags = {s.sent.index: set(content_lemmas(parsed, s.sent)) for s in scored}
    opening = brief_opening(parsed, [s.sent for s in scored if eligible(s.sent)])
    chosen = [first] + [s for s in opening if s.index != first.index][: max(0, k - 1)]
    pool = [s for s in scored if eligible(s.sent, opening=False) and s.sent not in chosen]
    # a sentence that opens with a pronoun or connective ('He said...', 'But...') or names what the
    # sentence before brings up ('the cut') may follow that sentence, never stand without it
    needs_previous = leans_on_previous(parsed) | {s.sent.index for s in pool if not eligible(s.sent)}
    while len(chosen) < k:
        shown = {x.index for x in chosen}
        said = [bags[i] for i in shown]
        ready = [
            s for s in pool
            if (s.sent.index not in needs_previous or s.sent.index - 1 in shown) and not restates(s.sent, bags[s.sent.index], said)
        ]
        if not ready:
            break

        def mmr(c: Scored) -> float:
            sim = max(_jaccard(bags[c.sent.index], bags[x.index]) for x in chosen)
            return c.score - redundancy * sim * 5

        best = max(ready, key=mmr)
        chosen.append(best.sent)
        pool.remove(best)
    return sorted(chosen, key=lambda s: s.index)


_DEFINITE = {"the", "this", "that", "these", "those"}


def leans_on_previous(parsed: Parsed) -> frozenset[int]:
    """Sentences that name with 'the' or 'this' something the sentence just before them brings up
    for the first time ('Eze criticised the government for cutting the fund. The government said
    the cut had been reversed.'): without that sentence, the reader does not know which cut.
    Computed once per parsed article (the brief and the FAQ both ask)."""
    cache = parsed.doc.user_data
    if "corefact_leans" not in cache:
        cache["corefact_leans"] = _find_leaning(parsed)
    return cache["corefact_leans"]


def _find_leaning(parsed: Parsed) -> frozenset[int]:
    first: dict[str, int] = {}
    leans = set()
    for sent in parsed.sents:
        toks = list(parsed.tokens(sent))
        for t in toks:
            if t.pos_ == "NOUN" and first.get(t.lemma_.lower()) == sent.index - 1 and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in t.children):
                leans.add(sent.index)
        for t in toks:
            if t.pos_ in ("NOUN", "VERB"):
                first.setdefault(t.lemma_.lower(), sent.index)
    return frozenset(leans)


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
