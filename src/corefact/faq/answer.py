"""``ask``: answer a question from the article, or say it is not answered there.

Sentence retrieval with BM25 over lemmas, then answer-type matching: a how-many question wants a
number, who wants a person, when a date, where a place. When no sentence matches well enough the
answer is ``None`` (never a guess dressed up as an answer).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from ..facts.people import person_for
from ..model import Facts, Span
from ..nlp import Parsed, Sent, ents_within
from .grammar import SPEECH_VERBS, text_of

_WH_TYPES = (
    (re.compile(r"^how (?:many|much)\b|^what (?:number|percentage|share|proportion)\b", re.I), {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}),
    (re.compile(r"^(?:by )?how much\b", re.I), {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}),
    (re.compile(r"^when\b|^what (?:year|day|date|month|time)\b", re.I), {"DATE", "TIME"}),
    (re.compile(r"^where\b|^in what (?:country|city|place)\b", re.I), {"GPE", "LOC", "FAC"}),
    (re.compile(r"^who\b|^whom\b|^whose\b", re.I), {"PERSON", "ORG", "NORP"}),
    (re.compile(r"^which (?:organi[sz]ation|company|group|team|party)\b", re.I), {"ORG"}),
    (re.compile(r"^how long\b", re.I), {"DATE", "TIME", "QUANTITY"}),
    (re.compile(r"^how old\b", re.I), {"DATE", "CARDINAL"}),
)
_STOP = {
    "what", "who", "whom", "whose", "when", "where", "why", "how", "which", "did", "does", "do", "is", "was",
    "were", "are", "the", "a", "an", "of", "to", "in", "on", "for", "by", "and", "or", "be", "been", "has",
    "have", "had", "many", "much", "that", "this", "with", "at", "from", "as", "it", "its", "?",
}


@dataclass
class Answer:
    """The answer to a question: a short span and its evidence sentence, or nothing."""

    answer: Optional[Span]
    evidence: Optional[Span]
    score: float

    @property
    def answered(self) -> bool:
        return self.evidence is not None


def _terms(tokens) -> list[str]:
    return [t.lemma_.lower() for t in tokens if not t.is_punct and not t.is_space and t.lower_ not in _STOP and t.lemma_.lower() not in _STOP]


class SentenceIndex:
    """BM25 over the lemmas of an article's sentence units."""

    def __init__(self, parsed: Parsed, k1: float = 1.2, b: float = 0.75):
        self.parsed = parsed
        self.docs = [Counter(_terms(parsed.tokens(s))) for s in parsed.sents]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / max(1, len(self.lengths))
        df: Counter = Counter()
        for d in self.docs:
            df.update(d.keys())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.k1, self.b = k1, b
        # the article's word forms with their lemmas: questions are lemmatised by lookup
        self.form_lemma = {t.lower_: t.lemma_.lower() for t in parsed.doc if t.is_alpha}

    def question_terms(self, question: str) -> list[str]:
        """Terms of a question without running the tagger: the tokenizer, then the article's own
        lemma for each word form it shares (a form the article lacks cannot match anyway)."""
        from ..nlp import load_nlp

        doc = load_nlp().tokenizer(question)
        out = []
        for t in doc:
            if t.is_punct or t.is_space or t.lower_ in _STOP or t.is_stop:
                continue
            lemma = self.form_lemma.get(t.lower_, t.lower_)
            if lemma not in _STOP:
                out.append(lemma)
        return out

    def scores(self, terms: list[str]) -> list[float]:
        out = []
        for d, length in zip(self.docs, self.lengths):
            s = 0.0
            for t in terms:
                f = d.get(t, 0)
                if f:
                    s += self.idf[t] * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * length / (self.avg or 1)))
            out.append(s)
        return out


def expected_types(question: str) -> Optional[set[str]]:
    q = question.strip()
    for pattern, labels in _WH_TYPES:
        if pattern.search(q):
            return labels
    return None


def _candidate_spans(parsed: Parsed, sent: Sent, labels: Optional[set[str]], q_terms: set[str], q_text: str):
    doc = parsed.doc
    ents = ents_within(doc, sent.start, sent.end)
    if labels is not None:
        ents = [e for e in ents if e.label_ in labels]
    q_low = q_text.lower()
    ents = [e for e in ents if e.text.lower() not in q_low]
    return ents


def _phrase_answer(parsed: Parsed, sent: Sent, q_set: set[str], question: str) -> Optional[Span]:
    """For a question with no expected entity type: the noun phrase (or because-clause for why)
    that the question does not already contain, nearest to the words it shares with the sentence."""
    toks = parsed.tokens(sent)
    if question.lower().startswith("why"):
        for t in toks:
            if t.lower_ in ("because", "due") :
                sub = [x for x in t.head.subtree if x.i >= t.i] if t.dep_ == "mark" else list(t.subtree)
                if sub:
                    return parsed.span(sub[0].idx, sub[-1].idx + len(sub[-1].text))
        return None
    hits = [t.i for t in toks if t.lemma_.lower() in q_set]
    if not hits:
        return None
    chunks = [c for c in parsed.noun_chunks(sent) if not any(t.lemma_.lower() in q_set for t in c) and not all(t.is_stop for t in c)]
    if not chunks:
        return None
    best = min(chunks, key=lambda c: min(abs(c.start - h) for h in hits))
    return parsed.span(best.start_char, best.end_char)


def ask(parsed: Parsed, question: str, *, index: Optional[SentenceIndex] = None, min_score: float = 1.0, fast: bool = False, facts=None) -> Answer:
    """Answer ``question`` from a parsed article.

    Args:
        fast: lemmatise the question by looking its words up in the article instead of tagging
            it (for the FAQ's round-trip check, whose questions are made of article words).
        facts: the article's key facts (extracted when needed and not given). When the question is
            one the FAQ generator makes of the evidence sentence found, its answer is the FAQ's.

    Returns:
        An :class:`Answer`; ``answer.answered`` is False when the article does not answer it.
    """
    index = index or SentenceIndex(parsed)
    if fast:  # questions made from the article's own words: lemmas by lookup
        q_terms = index.question_terms(question)
    else:  # a reader's question: tag and lemmatise it (no parser or NER needed)
        from ..nlp import load_nlp

        q_terms = _terms(next(load_nlp().pipe([question], disable=["parser", "ner"])))
    if not q_terms:
        return Answer(None, None, 0.0)
    scores = index.scores(q_terms)
    labels = expected_types(question)
    best: Optional[tuple[float, Sent, Optional[Span]]] = None
    q_set = set(q_terms)
    about_speech = bool(SPEECH_QUESTION.match(question.strip()) or TOPIC_SPEECH_QUESTION.match(question.strip()))
    if facts is None and about_speech:
        from ..facts import extract_facts

        facts = extract_facts(parsed)  # once: the generated answer below reads them too
    statement = first_statement(parsed, question, facts) if about_speech else None
    if about_speech and statement is None:
        # what someone said (about something) is their words: a sentence that only names them is no answer
        return Answer(None, None, 0.0)
    if statement is not None:
        min_score = 0.0  # the sentence names the speaker saying something: that is the answer
    for s, score in zip(parsed.sents, scores):
        if score <= 0 or statement is not None and s.index != statement:
            continue
        spans = _candidate_spans(parsed, s, labels, q_set, question)
        bonus = 0.0
        answer = None
        if labels is not None:
            if not spans:
                score *= 0.5
            else:
                bonus = 1.0
                # the entity closest to the question's words in the sentence
                hits = [t.i for t in parsed.tokens(s) if t.lemma_.lower() in q_set]
                e = min(spans, key=lambda e: 0 if e.root.head.lemma_.lower() in q_set else min((abs(e.root.i - h) for h in hits), default=0))
                answer = parsed.span(e.start_char, e.end_char)
        total = score + bonus
        if best is None or total > best[0]:
            best = (total, s, answer)
    if best is None or best[0] < min_score or (labels is not None and best[2] is None and best[0] < 2 * min_score):
        return Answer(None, None, best[0] if best else 0.0)
    own = None if fast else _generated_answer(parsed, best[1], question, facts)
    if own is not None:
        return Answer(own, best[1].span(), best[0])
    answer = best[2] if labels is not None else _phrase_answer(parsed, best[1], q_set, question)
    return Answer(answer, best[1].span(), best[0])


# verbs of saying something: the speech verbs but 'announced the policy', 'reported a loss'
_SAYING = SPEECH_VERBS - {"announce", "report"}
# 'What did X say?', 'What did X tell Fox 8?': what a speaker said, asked without a topic
# ('What did X say about the sanctions?' has one: it is asked of the sentence that has X say it).
# Not what X ordered ('What did X tell residents to avoid?'), nor a verb that also takes a thing
# unless it ends the question ('What did the firm add to its network?', 'What did X write to the
# minister?'; 'What did X add?' is a statement). A speaker's name does not end with 'each' or
# 'the' ('What does each state have?' has none), and may end with ')' or '&' ('(ONS)', 'AT&T').
_SPEAKER = r"(.*?(?<!\w)(?!(?:the|an?|each|every|this|that|these|those|no|any|some|its|his|her|their|our|my|your) )[\w.'’&()-]+)"
_OPEN = "say|claim|argue"  # what follows them is still about the statement: 'say on Monday', 'claim in a letter'
_BARE = "add|note|state|explain|write"
_AUX = r"^What (?:did|does|do|has|have|had)"
TOPIC_SPEECH_QUESTION = re.compile(rf"{_AUX} {_SPEAKER} (?:{_OPEN}|{_BARE}|tell(?![^?]*\bto \w+ ))\b[^?]* about (.+)\?$")
SPEECH_QUESTION = re.compile(rf"{_AUX} {_SPEAKER} (?:(?:{_OPEN})\b(?![^?]* about )[^?]*|tell\b(?![^?]* about |[^?]*\bto \w+)[^?]*|(?:{_BARE}))\?$")
assert _SAYING == set(_OPEN.split("|")) | set(_BARE.split("|")) | {"tell"}


def first_statement(parsed: Parsed, question: str, facts: Facts) -> Optional[int]:
    """For a question about what a speaker said, with no topic ('What did Paul Ryan say?'): the
    index of the first sentence in which the article has that speaker say something, a quotation
    attributed to them or a verb of saying whose subject names them; the FAQ asks the question of that sentence
    only (:func:`corefact.faq.generate.generate`). With a topic ('What did Paul Ryan say about
    the budget?'): the first such sentence that names the topic. None for any other question, or
    when no sentence names the speaker saying something (of the topic)."""
    m = SPEECH_QUESTION.match(question.strip())
    topic = None
    if not m:
        m = TOPIC_SPEECH_QUESTION.match(question.strip())
        if not m:
            return None
        topic = m.group(2).lower()
        topic = topic[4:] if topic.startswith("the ") else topic
    found = [i for i in statements(parsed, m.group(1), facts) if topic is None or topic in parsed.sents[i].text.lower()]
    return found[0] if found else None


def later_statement(parsed: Parsed, question: str, facts: Facts, index: int) -> bool:
    """Whether ``question`` asks what a speaker said, without a topic, and sentence ``index`` is not
    the first in which the article has them say something: 'What did X say?' is asked of X's first
    statement only (as ``ask`` answers it), a later one is asked with what it is about."""
    if not SPEECH_QUESTION.match(question):
        return False
    first = first_statement(parsed, question, facts)
    return first is not None and first != index


def statements(parsed: Parsed, speaker: str, facts: Facts) -> list[int]:
    """Indices of the sentences in which the article has ``speaker`` say something, in order: a
    quotation attributed to them ('Pell' is 'Ada Pell'), or a verb of saying whose subject names
    them ('Ada Pell, the finance chief, told reporters'; not 'Tom Harte said Ada Pell had misled
    the council')."""
    low = _bare(speaker)
    # 'Pell' is 'Ada Pell' and 'Mayor Ada Pell' (a person's surname, or name); 'the mayor' is not 'the deputy mayor'
    tail_ok = person_for(facts.people, speaker) is not None

    def names(who: str) -> bool:
        who = _bare(who)
        return who == low or tail_ok and who.endswith(" " + low)

    found = set()
    for q in facts.quotes:
        if q.speaker and names(q.speaker):
            sent = parsed.sent_of(q.span.start)
            if sent is not None:
                found.add(sent.index)
    found.update(i for i, subjects in _saying_sentences(parsed) if any(names(s) for s in subjects))
    return sorted(found)


def _bare(name: str) -> str:
    return re.sub(r"^(?:the|an?) ", "", name.strip().lower())


def _saying_sentences(parsed: Parsed) -> list[tuple[int, list[str]]]:
    """(index, lower-cased subjects of its verbs of saying) of the sentences with one, found once
    per article: ``statements`` is asked for every speaker question and every round trip."""
    data = parsed.doc.user_data
    if "corefact_saying" not in data:
        data["corefact_saying"] = [
            (s.index, subjects)
            for s in parsed.sents
            if (subjects := [_sayer(t) for t in parsed.tokens(s) if t.lemma_.lower() in _SAYING and t.pos_ == "VERB"])
        ]
    return data["corefact_saying"]


def _sayer(verb) -> str:
    """The lower-cased words of who says it, up to the head noun ('ada pell' of 'Ada Pell, who
    met Tom Harte'; 'a lawyer' of 'A lawyer for Ada Pell'): the subject of the verb of saying, or
    of the clause it joins or serves ('was quoted as saying', 'spoke on Monday, saying'), the agent
    of a passive ('was told by Tom Harte'), the noun a relative clause hangs on ('Ada Pell, who
    told reporters'). Nobody for a verb of saying under a negation or a refusal ('did not say
    whether', 'refused to say'), nor for 'is said to'."""
    if any(c.dep_ == "neg" for c in verb.children) or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("refuse", "decline", "fail"):
        return ""
    while True:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if agent is not None:
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        elif passive is not None:
            if verb.lemma_.lower() in _SAYING | {"ask", "inform"}:
                return ""  # 'Ada Pell was told that...', 'is said to have misled': not her words
            subj = passive  # 'Ada Pell was quoted as saying'
        else:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and not (subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl"):
            return _up_to_head(subj)
        if verb.dep_ == "relcl":
            return _up_to_head(verb.head)
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head  # 'quoted as saying'
            continue
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return ""
        verb = verb.head


def _up_to_head(noun) -> str:
    """A subject's words up to its head noun, and its 'of' ('the Ministry of Defence', 'Nicolas
    Sarkozy of France'); not what else hangs on it ('A lawyer for Ada Pell', 'Tom Harte, who met
    Ada Pell')."""
    of = {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == noun.i + 1 for t in c.subtree}
    return text_of(t for t in noun.subtree if t.i <= noun.i or t.i in of).lower()


def _norm_question(q: str) -> str:
    return " ".join(q.lower().rstrip(" ?").split())


def _generated_answer(parsed: Parsed, sent: Sent, question: str, facts=None) -> Optional[Span]:
    """The answer of the FAQ question of ``sent`` that ``question`` is, if it is one: a question
    the FAQ asks of a sentence has that answer, so ``ask`` gives it back (the round trip)."""
    from ..facts import extract_facts
    from .generate import _with_closing_mark, clause_questions, fact_questions

    facts = facts if facts is not None else extract_facts(parsed)
    want = _norm_question(question)
    cands = clause_questions(parsed, sent, facts) + [c for c in fact_questions(parsed, facts) if c.evidence.start == sent.start]
    for c in cands:
        if _norm_question(c.question) == want:
            return _with_closing_mark(parsed, c.answer)
    return None
