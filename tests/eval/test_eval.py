from corefact.eval.peers import lead, oracle, random_k
from corefact.eval.qa import f1, normalize
from corefact.eval.summarize import _scorer, best_rouge, paired_bootstrap, rouge1_f1


def test_squad_normalisation_and_f1():
    assert normalize("The  Denver Broncos!") == "denver broncos"
    assert f1("Denver Broncos", "the Denver Broncos") == 1.0
    assert 0 < f1("Broncos won", "Denver Broncos") < 1
    assert f1("Panthers", "Denver Broncos") == 0.0


def test_best_reference_per_metric():
    scorer = _scorer()
    refs = ["the cat sat on the mat", "a completely different sentence about dogs"]
    both = best_rouge(scorer, refs, "the cat sat on the mat")
    assert both["rouge1"] == 1.0
    assert best_rouge(scorer, refs[::-1], "the cat sat on the mat") == both


def test_rouge1_of_tokenised_text_is_rouge_scores_own():
    from collections import Counter

    from rouge_score import tokenizers

    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    refs = ["The ferry sank off the coast on Monday, officials said.", "A ferry sank on Monday."]
    summary = "Officials said the ferry was sinking off the coast."
    expected = best_rouge(_scorer(), refs, summary)["rouge1"]
    assert 0 < expected < 1
    assert abs(rouge1_f1(Counter(tok.tokenize(summary)), [Counter(tok.tokenize(r)) for r in refs]) - expected) < 1e-9
    assert rouge1_f1(Counter(tok.tokenize("Nothing alike here.")), [Counter(tok.tokenize(refs[1]))]) == 0.0


def test_baselines():
    sents = ["one fish.", "two fish.", "red fish.", "blue fish."]
    assert lead(sents, 2) == ["one fish.", "two fish."]
    assert random_k(sents, 2, seed=1) == random_k(sents, 2, seed=1)
    picked = oracle(sents, 2, lambda s: ("red" in s) + ("blue" in s))
    assert picked == ["red fish.", "blue fish."]


def test_paired_bootstrap_interval():
    better = paired_bootstrap([50.0 + i % 3 for i in range(40)], [45.0 + i % 2 for i in range(40)])
    assert better["low"] > 0 and better["low"] <= better["mean"] <= better["high"]
    noisy = paired_bootstrap([50.0, 40.0, 55.0, 35.0], [45.0, 45.0, 45.0, 45.0])
    assert noisy["low"] < 0 < noisy["high"]  # four articles cannot tell these apart
    assert paired_bootstrap([1.0, 2.0], [1.0, 2.0]) == {"mean": 0.0, "low": 0.0, "high": 0.0}


def test_sumy_runs_offline_with_shipped_punkt():
    from corefact.eval.peers import sumy_summarizer

    run = sumy_summarizer("lexrank")
    text = "The council met on Monday. It voted to close the bridge. Repairs will take two years. Drivers must use the ring road."
    out = run(text, 2)
    assert len(out) == 2 and all(s in text for s in out)


def test_summarize_scores_the_core_fact_as_shown(tmp_path):
    import json

    from corefact.eval.summarize import evaluate

    shown = "The Bank of England kept its main interest rate at 4.5% on Thursday, as markets had expected."
    article = (
        "LONDON (Reuters) - " + shown + "\n\nThe pound rose by two cents against the dollar after the decision.\n\n"
        "Economists said the bank would wait for the spring figures before it moved again."
    )
    data = tmp_path / "summ_one.jsonl"
    data.write_text(json.dumps({"id": "one", "article": article, "reference": shown}) + "\n")
    result = evaluate(data, ks=(1,), peers=False, split="all")
    # the dateline the rewrite strips is not counted against the core fact; Lead-1 keeps it
    assert result["rouge"]["corefact k=1"]["rouge1"] == 100.0
    assert result["rouge"]["Lead-1"]["rouge1"] < 100.0
