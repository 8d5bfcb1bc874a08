import numpy as np

from corefact.verification import learn
from corefact.verification.scorer import FEATURES


def claim(coverage: float, contradicts: bool = False, no_evidence: bool = False) -> dict:
    f = {name: 0.0 for name in FEATURES}
    f.update(coverage=coverage, raw_coverage=coverage, pairs=coverage, article_pairs=coverage, contradicts=float(contradicts),
             problem_evidence=float(no_evidence))
    return f


def bags(n: int, seed: int) -> list[learn.Bag]:
    """Summaries whose worst claim's coverage decides their label, with label noise."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        covs = rng.uniform(0.2, 1.0, size=rng.integers(1, 4))
        label = int(covs.min() > 0.6) if rng.uniform() > 0.1 else int(covs.min() <= 0.6)
        out.append(learn.Bag([claim(float(c)) for c in covs], label, f"article-{i % 20}", "summeval"))
    return out


def test_fit_learns_that_low_support_makes_a_summary_unsupported():
    model = learn.fit(bags(300, 1))
    test = bags(200, 2)
    y = np.array([b.label for b in test])
    scores = learn.bag_scores(model, test)
    assert learn.auc(scores, y) > 0.8
    assert model.probability(claim(0.95)) > model.threshold > model.probability(claim(0.3))
    assert learn.balanced_accuracy(learn.predictions(scores, learn.bag_rejected(test), model.threshold), y) > 0.75


def test_a_contradiction_is_never_predicted_supported():
    scores = np.array([0.99, 0.99])
    assert list(learn.predictions(scores, np.array([True, False]), 0.5)) == [0, 1]


def test_a_claim_without_evidence_is_rejected_whatever_its_score():
    """As decide() does: a high probability cannot make supported a claim the original does not hold."""
    test = [learn.Bag([claim(0.95)], 1, "a", "summeval"), learn.Bag([claim(0.95), claim(0.95, no_evidence=True)], 0, "a", "summeval"),
            learn.Bag([claim(0.95, contradicts=True)], 0, "b", "summeval")]
    assert list(learn.bag_rejected(test)) == [False, True, True]
    assert list(learn.predictions(np.array([0.99, 0.99, 0.99]), learn.bag_rejected(test), 0.5)) == [1, 0, 0]


def test_folds_put_each_article_in_one_fold():
    groups = [f"a{i % 13}" for i in range(100)]
    fold_of = learn.folds(groups, 5)
    assert set(fold_of) == set(groups)
    assert sorted(set(fold_of.values())) == [0, 1, 2, 3, 4]
    sizes = np.bincount(list(fold_of.values()))
    assert sizes.max() - sizes.min() <= 1


def test_auc_counts_ties_half():
    assert learn.auc(np.array([1.0, 0.5]), np.array([1, 0])) == 1.0
    assert learn.auc(np.array([0.5, 0.5]), np.array([1, 0])) == 0.5


def test_shipped_weights_if_any_load_with_the_current_features():
    import json

    import pytest

    from corefact.verification.scorer import WEIGHTS, load_scorer

    if not WEIGHTS.exists():
        pytest.skip("no verify_scorer.json shipped: the rules decide")
    d = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert tuple(d["features"]) == FEATURES
    assert len(d["mean"]) == len(d["scale"]) == len(d["weights"]) == len(FEATURES)
    scorer = load_scorer()
    assert scorer is not None and 0.0 < scorer.threshold < 1.0
