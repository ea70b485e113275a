"""A claim extracted from a document, as specified by the project's claim contract."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.document import SectionName

Kind = Literal[
    "price",
    "credit_rate",
    "price_change",
    "speed",
    "capability",
    "limitation",
    "strength",
    "bug",
    "comparison",
    "release",
    "business",
    "plan_price",
]


class Claim(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document: str
    kind: Kind
    model: str | None = None
    tier: str | None = None
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    section: SectionName = "body"
    confidence: float = Field(ge=0.0, le=1.0)
    method: str
    # price
    credits: float | None = None
    credit_unit: str | None = None
    price_cny: float | None = None
    price_usd: float | None = None
    duration_s: float | None = None
    resolution: str | None = None
    # credit_rate
    credits_per_cny: float | None = None
    credits_per_usd: float | None = None
    # price_change
    percent: float | None = None
    direction: Literal["down", "up"] | None = None
    versus: str | None = None
    # capability / limitation: the feature or specification the claim is about (one claim per feature)
    feature: str | None = None
    # speed
    generation_s: float | None = None
    generation_s_min: float | None = None
    generation_s_max: float | None = None

    def claim_id(self, document_key: str) -> str:
        """Content hash: the same claim from the same document keeps its id."""
        return claim_id_of(self.model_dump(exclude={"document", "confidence"}), document_key)


# what json.dumps(..., sort_keys=True, ensure_ascii=False) builds on every call, built once
_ID_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False)


def claim_id_of(payload: dict[str, Any], document_key: str) -> str:
    """The id of the claim whose fields other than document and confidence are ``payload``."""
    raw = _ID_JSON.encode([document_key, payload])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]
