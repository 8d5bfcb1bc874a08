"""The data model. Its JSON Schema (``corefact schema``) is the output contract.

Every unit of output carries :class:`Span` objects: character offsets into ``Article.text`` with the
text they cover, so ``article.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.2"  # 1.1: Article.date_source, Article.encoding; 1.2: QA.answer a sentence, QA.short_answer


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A character range of the article text, with the text it covers."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Normalization(_Model):
    """A rule-defined change ingest made to the input text, and how many times it applied."""

    rule: Literal["wire_mark", "wire_dash", "typewriter_quotes"] = Field(
        description="'wire_mark' (an underscore opening a line, removed), 'wire_dash' (an underscore between words, made an em dash) "
        "or 'typewriter_quotes' (`` and '' made curly quotation marks)."
    )
    count: int


class Article(_Model):
    """An article as ingested: ``text`` is the exact string every offset points into."""

    id: str
    title: Optional[str] = None
    date: Optional[dt.date] = Field(None, description="Publication date, only as the input states it; null when it states none.")
    date_source: Optional[Literal["option", "record", "metadata", "dateline"]] = Field(
        None,
        description="Where the date came from: 'option' (--date), 'record' (a corpus record's date), 'metadata' (the page's "
        "own publication metadata: meta tags, JSON-LD, <time>) or 'dateline' (a first line 'date YYYY-MM-DD'); null without a date.",
    )
    url: Optional[str] = None
    source: Optional[str] = Field(None, description="Where the article was read from: a path, 'stdin', a URL.")
    encoding: Optional[str] = Field(
        None, description="The encoding the input bytes were decoded from ('utf-8', 'utf-16', 'cp1252', 'latin-1', a declared charset); null for text given as str."
    )
    normalizations: list[Normalization] = Field(
        default_factory=list, description="Teletype debris ingest replaced in the text; offsets point into the text after it."
    )
    text: str


class Transformation(_Model):
    """A recorded, rule-defined change from the evidence text to the output text."""

    rule: str = Field(description="Name of the rule: 'strip_dateline' (removes the dateline), 'drop_connective' (removes the connective, 'But' or 'However,', that ties a sentence to the one before it, when that one is not shown), 'close_quotation' (adds the closing quotation mark that news style leaves out when a quotation goes on in the next paragraph) or 'add_full_stop' (adds the full stop a sentence the article leaves without one lacks: a photo caption, a list line); for an FAQ answer, 'reverse_wh' (the question's wh-movement reversed around the answer span: 'How many people have died?' + 'At least 17' -> 'At least 17 people have died.'; 'Who is X?' + role -> 'X is role.').")
    removed: list[Span] = Field(default_factory=list, description="The spans of the evidence the rule removed.")
    added: Optional[str] = Field(None, description="The text the rule added at the end ('close_quotation': the mark; 'add_full_stop': '.'; 'reverse_wh': the question's words placed around the answer).")


class Sentence(_Model):
    """An output sentence: its text and the article spans that back it."""

    text: str
    evidence: list[Span]
    paragraph: int = Field(0, description="Index of the paragraph of the output the sentence belongs to.")
    transformations: list[Transformation] = Field(default_factory=list)


class Figure(_Model):
    """A number in the article, normalised, with what it counts."""

    text: str = Field(description="The figure as written, qualifier included.")
    value: Optional[float] = None
    value_max: Optional[float] = Field(None, description="Upper bound for ranges ('10 to 12').")
    unit: Optional[str] = Field(None, description="'percent', a currency code ('USD', 'GBP', 'EUR'), or a measure.")
    qualifier: Optional[str] = Field(None, description="'more than', 'about', 'up to', 'at least', ...")
    counts: Optional[str] = Field(None, description="What the number counts ('residents').")
    context: Optional[str] = Field(None, description="The event the figure belongs to, as written.")
    kind: Literal["count", "money", "percent", "quantity", "ordinal", "year", "other"] = "count"
    span: Span
    sentence: Span
    part_of: Optional[int] = Field(None, description="Index of the figure this one is nested in.")
    change: Optional[Literal["by", "to", "from"]] = Field(
        None, description="Role in a change ('rose 2% to $11.1bn from $10.9bn': by, to, from)."
    )
    direction: Optional[Literal["up", "down"]] = Field(None, description="Direction of the change, when it is one.")


class Person(_Model):
    """A person, all mentions merged."""

    name: str
    role: Optional[str] = None
    affiliation: Optional[str] = None
    mentions: list[Span]
    quotes: list[int] = Field(default_factory=list, description="Indices into facts.quotes of what the person said.")


class Entity(_Model):
    """An organisation or place, all mentions merged."""

    name: str
    label: Literal["organisation", "place"]
    mentions: list[Span]


class Quote(_Model):
    """A direct or indirect quotation with its speaker."""

    text: str
    speaker: Optional[str] = None
    speaker_span: Optional[Span] = None
    cue: Optional[str] = Field(None, description="The verb or phrase that attributes the quote ('said').")
    direct: bool = True
    span: Span
    sentence: Span


class DateMention(_Model):
    """A date expression; relative ones resolved against the publication date when possible."""

    text: str
    span: Span
    value: Optional[dt.date] = None
    value_end: Optional[dt.date] = Field(None, description="End of a range, when the expression is one.")
    relative: bool = False


class Facts(_Model):
    figures: list[Figure] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organisations: list[Entity] = Field(default_factory=list)
    places: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)


class QA(_Model):
    """A question and its answer, both traced to the article."""

    question: str
    kind: str = Field(description="How the question was made: 'core', 'how_many', 'how_much', 'how_long', 'who', 'who_is', 'when', 'where', 'quote', 'what', 'why'.")
    answer: str = Field(
        description="The answer as a complete sentence: the evidence sentence after its recorded transformations (the core-fact "
        "question's: the core fact). Since schema 1.2; before, the short answer."
    )
    short_answer: Optional[str] = Field(None, description="The short answer, the text of answer_span (null for the core-fact question).")
    answer_span: Optional[Span] = Field(None, description="The short answer's span of the article.")
    evidence: list[Span]
    question_spans: list[Span] = Field(default_factory=list, description="Article spans the question template was filled with.")
    transformations: list[Transformation] = Field(default_factory=list, description="Those that make the answer sentence from its evidence sentence.")


class Verification(_Model):
    """Summary of the final check every output sentence passes through."""

    checked: int = 0
    supported: int = 0
    dropped: int = 0


class Problem(_Model):
    """Why a claim is not supported: what differs, quoting both sides."""

    kind: Literal["number", "qualifier", "name", "date", "negation", "modality", "speaker", "evidence"]
    message: str
    claim: str = Field(description="The words of the claim at issue.")
    original: Optional[str] = Field(None, description="The words of the original they differ from, if any.")


class ClaimVerdict(_Model):
    """The verdict on one sentence (or FAQ answer) of a rewrite."""

    text: str
    start: int = Field(description="Offset of the claim in the rewrite text.")
    end: int
    question: Optional[str] = Field(None, description="The FAQ question, when the claim is its answer.")
    verdict: Literal["supported", "unsupported", "contradicted"]
    score: float = Field(description="Support score in [0, 1]: coverage of the claim's content by its evidence, 0 when contradicted.")
    evidence: list[Span] = Field(default_factory=list, description="Evidence sentences in the original.")
    problems: list[Problem] = Field(default_factory=list)


class VerifyReport(_Model):
    """Every claim of a rewrite checked against its original."""

    schema_version: str = SCHEMA_VERSION
    original: Article
    rewrite: str
    claims: list[ClaimVerdict]
    supported: int
    unsupported: int
    contradicted: int

    @property
    def ok(self) -> bool:
        return self.unsupported == 0 and self.contradicted == 0


class Explainer(_Model):
    """The grounded explainer of one article."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    core_fact: Sentence
    brief: list[Sentence]
    faq: list[QA]
    facts: Facts
    verification: Verification = Field(default_factory=Verification)


def explainer_schema() -> dict:
    """The JSON Schema of :class:`Explainer`."""
    return Explainer.model_json_schema()
