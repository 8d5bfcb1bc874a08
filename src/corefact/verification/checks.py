"""The checks a claim passes against its evidence, one module per kind: numbers and qualifiers
(:mod:`.numbers`), names (:mod:`.names`), dates (:mod:`.dates`), negation and modality
(:mod:`.negation`) and attribution (:mod:`.speakers`). Each returns :class:`Problem` objects; none
means the check passed."""

from __future__ import annotations

from .dates import check_dates
from .names import NAMES, _mirrored_swaps, _reversed_phrases, _role_swaps, _subject_swaps, check_names
from .negation import check_negation_and_modality
from .numbers import Num, _numbers, check_numbers
from .problem import Problem
from .speakers import check_attribution

__all__ = ["Problem", "Num", "NAMES", "check_numbers", "check_names", "check_dates", "check_negation_and_modality", "check_attribution",
           "_numbers", "_role_swaps", "_subject_swaps", "_mirrored_swaps", "_reversed_phrases"]
