"""The options object: the CLI, the Python API and batch runs all build this one frozen model."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MAX_BYTES = 2_000_000


class Options(BaseModel):
    """How to explain an article."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sentences: int = Field(4, ge=1, le=20, description="Sentences in the brief (3 to 6 reads best).")
    questions: int = Field(6, ge=1, le=30, description="Questions in the FAQ, the core-fact question included.")
    date: Optional[dt.date] = Field(None, description="Publication date; overrides what the input says.")
    max_bytes: int = Field(DEFAULT_MAX_BYTES, ge=1, description="Largest input accepted, in bytes of UTF-8.")
    verify: bool = Field(True, description="Pass every output sentence through the faithfulness check.")
