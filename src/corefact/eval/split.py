"""The train/evaluation split of the shared sets: a fixed rule on each item's id, so training and
evaluation never see the same article."""

from __future__ import annotations

import hashlib

EVAL_SHARE = 3  # in tenths


def is_eval(item_id: str) -> bool:
    """True for the ~30% of items kept for evaluation (SHA-1 of the id, modulo 10, below 3)."""
    return int(hashlib.sha1(item_id.encode("utf-8")).hexdigest(), 16) % 10 < EVAL_SHARE


def in_split(item_id: str, split: str) -> bool:
    if split == "all":
        return True
    if split == "eval":
        return is_eval(item_id)
    if split == "train":
        return not is_eval(item_id)
    raise ValueError(f"split must be all, train or eval, got {split!r}")
