"""Fitting the learned scorer (numpy only): logistic regression over bags of claims, a bag (a
summary, a perturbed sentence) supported when all its claims are, P(bag) = prod P(claim).

Used by ``training/train_verify.py`` to write the shipped weights and by ``corefact eval verify``
for its cross-validation by article.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from .scorer import FEATURES, Scorer, feature_vector

L2 = 1e-3
STEPS = 3000
LEARNING_RATE = 0.05
MAX_FALSE_ALARMS = 0.05  # share of faithful perturbation pairs a threshold may flag


@dataclass
class Bag:
    """The claims of one rewrite (feature dicts), its label (1 supported) and its group: the article
    (cross-validation keeps a group on one side) and the source ('summeval' or 'perturb')."""

    claims: list[dict]
    label: int
    group: str
    source: str


def _matrix(bags: list[Bag]) -> tuple[np.ndarray, np.ndarray]:
    rows, owner = [], []
    for i, b in enumerate(bags):
        for f in b.claims:
            rows.append(feature_vector(f))
            owner.append(i)
    return np.array(rows, dtype=float).reshape(-1, len(FEATURES)), np.array(owner, dtype=int)


def fit(bags: list[Bag], seed: int = 0) -> Scorer:
    """Weights maximising the bags' likelihood (each source and each label weighing the same), with
    an L2 penalty; full-batch Adam from zero (``seed`` only breaks ties in nothing: deterministic)."""
    bags = [b for b in bags if b.claims]
    X, owner = _matrix(bags)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    Z = (X - mean) / scale
    y = np.array([b.label for b in bags], dtype=float)
    w_bag = np.zeros(len(bags))
    for src in {b.source for b in bags}:
        for lab in (0, 1):
            idx = [i for i, b in enumerate(bags) if b.source == src and b.label == lab]
            if idx:
                w_bag[idx] = 1.0 / len(idx)
    w_bag /= w_bag.sum()
    theta = np.zeros(Z.shape[1] + 1)
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    for step in range(1, STEPS + 1):
        z = Z @ theta[1:] + theta[0]
        logp = -np.logaddexp(0.0, -z)  # log sigmoid
        S = np.bincount(owner, weights=logp, minlength=len(bags))  # log P(bag supported)
        # d loss / d S: supported bags -1; unsupported bags P/(1-P)
        P = np.exp(S)
        dS = np.where(y == 1, -1.0, P / np.maximum(-np.expm1(S), 1e-12))
        dz = (dS * w_bag)[owner] * (1.0 - np.exp(logp))
        grad = np.concatenate([[dz.sum()], Z.T @ dz]) + L2 * np.concatenate([[0.0], theta[1:]])
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        theta -= LEARNING_RATE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    scorer = Scorer(tuple(mean), tuple(scale), tuple(theta[1:]), float(theta[0]), 0.5)
    return Scorer(scorer.mean, scorer.scale, scorer.weights, scorer.bias, choose_threshold(scorer, bags))


def bag_scores(scorer: Scorer, bags: list[Bag]) -> np.ndarray:
    """A bag's score: its lowest claim probability (a rewrite is supported when every claim is)."""
    return np.array([min((1.0 if f["verbatim"] else scorer.probability(f) for f in b.claims), default=1.0) for b in bags])


def rejected(f: dict) -> bool:
    """A claim no score can make supported: a check found a contradiction, or no sentence of the
    original holds enough of it (the 'evidence' problem) — as :func:`corefact.verification.decide`."""
    return bool(f["contradicts"] or f["problem_evidence"])


def bag_rejected(bags: list[Bag]) -> np.ndarray:
    return np.array([any(rejected(f) for f in b.claims) for b in bags])


def predictions(scores: np.ndarray, rejected_bags: np.ndarray, threshold: float) -> np.ndarray:
    """1 when every claim is supported: none rejected, and every score at the threshold or above."""
    return ((scores >= threshold) & ~rejected_bags).astype(int)


def balanced_accuracy(pred: np.ndarray, y: np.ndarray) -> float:
    pos, neg = y == 1, y == 0
    if not pos.any() or not neg.any():
        return float("nan")
    return 0.5 * (float((pred[pos] == 1).mean()) + float((pred[neg] == 0).mean()))


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """P(a supported bag scores above an unsupported one), ties half."""
    pos, neg = scores[y == 1], scores[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    allv = np.concatenate([pos, neg])[order]
    ranks = np.empty(len(allv))
    i = 0
    while i < len(allv):
        j = i
        while j < len(allv) and allv[j] == allv[i]:
            j += 1
        ranks[i:j] = (i + j + 1) / 2
        i = j
    r = np.empty(len(allv))
    r[order] = ranks
    return float((r[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def choose_threshold(scorer: Scorer, bags: list[Bag]) -> float:
    """The claim threshold with the best balanced accuracy on the SummEval bags given, among those
    flagging at most ``MAX_FALSE_ALARMS`` of the faithful perturbation pairs (if any are given)."""
    summ = [b for b in bags if b.source == "summeval"]
    pert_ok = [b for b in bags if b.source == "perturb" and b.label == 1]
    s_scores, s_contra = bag_scores(scorer, summ), bag_rejected(summ)
    y = np.array([b.label for b in summ])
    p_scores, p_contra = bag_scores(scorer, pert_ok), bag_rejected(pert_ok)
    best = (-1.0, 0.5)
    for t in np.round(np.arange(0.02, 0.99, 0.01), 2):
        if pert_ok and 1.0 - predictions(p_scores, p_contra, t).mean() > MAX_FALSE_ALARMS:
            continue
        ba = balanced_accuracy(predictions(s_scores, s_contra, t), y) if summ else 0.0
        if ba > best[0]:
            best = (ba, float(t))
    return best[1]


def folds(groups: list[str], k: int = 5) -> dict[str, int]:
    """Group -> fold, a fixed rule on the group's name (SHA-1 modulo k, then balanced by rank)."""
    names = sorted(set(groups), key=lambda g: hashlib.sha1(g.encode("utf-8")).hexdigest())
    return {g: i % k for i, g in enumerate(names)}


def cross_validate(summeval: list[Bag], extra: list[Bag], k: int = 5) -> dict:
    """k-fold cross-validation by article on the SummEval bags: each fold's model is fitted on the
    other folds plus ``extra`` (perturbation pairs from other articles), its threshold chosen on
    those; the out-of-fold scores are pooled for ROC AUC and balanced accuracy."""
    fold_of = folds([b.group for b in summeval], k)
    scores = np.zeros(len(summeval))
    preds = np.zeros(len(summeval), dtype=int)
    thresholds = []
    for f in range(k):
        train = [b for b in summeval if fold_of[b.group] != f] + extra
        test_idx = [i for i, b in enumerate(summeval) if fold_of[b.group] == f]
        model = fit(train)
        thresholds.append(model.threshold)
        test = [summeval[i] for i in test_idx]
        s = bag_scores(model, test)
        scores[test_idx] = s
        preds[test_idx] = predictions(s, bag_rejected(test), model.threshold)
    y = np.array([b.label for b in summeval])
    return {
        "folds": k,
        "roc_auc": round(auc(scores, y), 3),
        "balanced_accuracy": round(balanced_accuracy(preds, y), 3),
        "consistent_recall": round(float((preds[y == 1] == 1).mean()), 3),
        "inconsistent_recall": round(float((preds[y == 0] == 0).mean()), 3),
        "thresholds": thresholds,
    }
