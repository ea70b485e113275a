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
# and the C encoder that encode() makes on every call (with a dict to find cycles in; a payload has
# none): the same text in half the time, where the C module is there
_C_ENCODER = getattr(json.encoder, "c_make_encoder", None)
_ID_ENCODE = (
    _C_ENCODER(
        None,
        _ID_JSON.default,
        json.encoder.encode_basestring,
        None,
        _ID_JSON.key_separator,
        _ID_JSON.item_separator,
        True,
        False,
        True,
    )
    if _C_ENCODER is not None
    else None
)


def id_json(value: Any) -> str:
    """``json.dumps(value, sort_keys=True, ensure_ascii=False)``: what a claim's id hashes."""
    return "".join(_ID_ENCODE(value, 0)) if _ID_ENCODE is not None else _ID_JSON.encode(value)


def claim_id_of(payload: dict[str, Any], document_key: str) -> str:
    """The id of the claim whose fields other than document and confidence are ``payload``."""
    return hashlib.sha256(id_json([document_key, payload]).encode("utf-8")).hexdigest()[:20]
