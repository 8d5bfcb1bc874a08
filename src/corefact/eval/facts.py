"""Key-facts precision and recall on the project's own annotated articles
(``evaluation/facts_gold.json``), and a corpus run reporting counts per fact type and time per
article beside the bare parse.

Matching rules (per article):

* figure: same text as written; correct when value, qualifier and (where annotated) the counted
  thing agree;
* person: same name; role accuracy is reported over matched people with an annotated role;
* quote: same direction (direct/indirect) and speaker, and the quote text starts with the annotated
  words;
* date: same text; correct when the resolved start and end agree.

Ordinals and bare years read as figures are not scored (years are dates here).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Optional

from .data import read_jsonl

GOLD = Path(__file__).resolve().parents[3] / "evaluation" / "facts_gold.json"


def _load(item: dict, root: Path):
    from ..ingest import load_article

    if "file" in item:
        return load_article((root / item["file"]).read_text())
    return load_article(item["text"], date=dt.date.fromisoformat(item["date"]))


def _pr(correct_pred: int, n_pred: int, correct_gold: int, n_gold: int) -> dict:
    p = correct_pred / n_pred if n_pred else 1.0
    r = correct_gold / n_gold if n_gold else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "predicted": n_pred, "gold": n_gold}


def _iso(d) -> Optional[str]:
    return d.isoformat() if d else None


def score_article(facts, gold: dict) -> dict[str, tuple[int, int, int, int]]:
    """(correct predicted, predicted, correct gold, gold) per fact type, plus role counts."""
    out = {}
    figs = [f for f in facts.figures if f.kind not in ("ordinal", "year")]
    gfig = {g["text"]: g for g in gold["figures"]}

    def fig_ok(f) -> bool:
        g = gfig.get(f.text)
        if g is None:
            return False
        value_ok = g["value"] is None or f.value is not None and abs(f.value - g["value"]) < 1e-6 * max(1, abs(g["value"]))
        counts_ok = g["counts"] is None or f.counts == g["counts"]
        return value_ok and f.qualifier == g["qualifier"] and counts_ok

    good = [f for f in figs if fig_ok(f)]
    out["figures"] = (len(good), len(figs), len({f.text for f in good}), len(gfig))

    names = {p.name: p for p in facts.people}
    gnames = {g["name"]: g for g in gold["people"]}
    matched = [n for n in names if n in gnames]
    out["people"] = (len(matched), len(names), len(matched), len(gnames))
    with_role = [n for n in matched if gnames[n]["role"]]
    out["roles"] = (sum(1 for n in with_role if names[n].role == gnames[n]["role"]), len(with_role), 0, 0)

    qs = facts.quotes
    gq = gold["quotes"]
    out["quotes"] = (
        sum(1 for q in qs if any(_quote_match(q, g) for g in gq)),
        len(qs),
        sum(1 for g in gq if any(_quote_match(q, g) for q in qs)),
        len(gq),
    )
    gd = {g["text"]: g for g in gold["dates"]}
    dok = [d for d in facts.dates if d.text in gd and _iso(d.value) == gd[d.text]["value"] and _iso(d.value_end) == gd[d.text]["value_end"]]
    out["dates"] = (len(dok), len(facts.dates), len({d.text for d in dok}), len(gd))
    return out


def missed(facts, gold: dict) -> set[tuple[str, str, str]]:
    """The annotated facts of one article that were not extracted as annotated:
    ``(article id, type, text)`` triples, by the same rules as :func:`score_article`."""
    out = set()
    figs = {x.text: x for x in facts.figures}
    for g in gold["figures"]:
        x = figs.get(g["text"])
        ok = x is not None and x.qualifier == g["qualifier"] and (g["counts"] is None or x.counts == g["counts"]) and (
            g["value"] is None or x.value is not None and abs(x.value - g["value"]) <= 1e-6 * max(1, abs(g["value"]))
        )
        if not ok:
            out.add((gold["id"], "figure", g["text"]))
    people = {p.name: p for p in facts.people}
    for g in gold["people"]:
        if g["name"] not in people or g["role"] and people[g["name"]].role != g["role"]:
            out.add((gold["id"], "person", g["name"]))
    for g in gold["quotes"]:
        if not any(_quote_match(q, g) for q in facts.quotes):
            out.add((gold["id"], "quote", g["starts"]))
    dates = {d.text: d for d in facts.dates}
    for g in gold["dates"]:
        d = dates.get(g["text"])
        if d is None or _iso(d.value) != g["value"] or _iso(d.value_end) != g["value_end"]:
            out.add((gold["id"], "date", g["text"]))
    return out


def _quote_match(q, g: dict) -> bool:
    return q.direct == g["direct"] and (q.speaker or "") == g["speaker"] and q.text.startswith(g["starts"])


def evaluate(gold_path: Path = GOLD) -> dict:
    """Precision and recall per fact type over the annotated articles."""
    from ..facts import extract_facts
    from ..nlp import parse

    items = json.loads(Path(gold_path).read_text())
    root = Path(gold_path).resolve().parents[1]
    sums: dict[str, list[int]] = {}
    for item in items:
        facts = extract_facts(parse(_load(item, root)))
        for k, v in score_article(facts, item).items():
            acc = sums.setdefault(k, [0, 0, 0, 0])
            for i, x in enumerate(v):
                acc[i] += x
    result = {k: _pr(*v) for k, v in sums.items() if k != "roles"}
    r = sums.get("roles", [0, 0])
    result["roles"] = {"accuracy": round(r[0] / r[1], 3) if r[1] else 1.0, "people_with_roles": r[1]}
    return {"data": str(gold_path), "articles": len(items), "scores": result}


def corpus_run(data: Path, limit: Optional[int] = None) -> dict:
    """Facts over a corpus: no crash, counts per type, time per article beside the bare parse."""
    from ..facts import extract_facts
    from ..ingest import load_article
    from ..nlp import load_nlp, parse

    nlp = load_nlp()
    counts = {"figures": 0, "people": 0, "organisations": 0, "places": 0, "quotes": 0, "dates": 0}
    parse_s = facts_s = bare_s = 0.0
    n = 0
    for row in read_jsonl(data, limit):
        t0 = time.perf_counter()
        nlp(row["article"])
        bare_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        parsed = parse(load_article(row["article"]))
        parse_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        facts = extract_facts(parsed)
        facts_s += time.perf_counter() - t0
        for k in counts:
            counts[k] += len(getattr(facts, k))
        n += 1
    return {
        "data": str(data),
        "articles": n,
        "counts": counts,
        "ms_per_article": {"bare_parse": 1000 * bare_s / n, "parse": 1000 * parse_s / n, "facts": 1000 * facts_s / n},
    }
