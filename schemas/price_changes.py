"""One price change: what `pingce export prices --changed-since` writes and Datasette's price_changes returns.

A stable interface read by other tools, like schemas.prices: fields are added, never
renamed or dropped, and every field is always present (null when it does not apply).
The JSON Schema generated from :class:`PriceChangeRow` is committed as
``schemas/price_changes.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "urn:pingce:schema:price-changes"
SCHEMA_VERSION = 1

_UTC = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"


def _price(side: str, what: str) -> str:
    return f"The price the table showed {side} the change: {what} (null when it had no row for the key)."


class PriceChangeRow(BaseModel):
    """Something that moved in the price table, with the documents behind it."""

    model_config = ConfigDict(
        title="PriceChangeRow",
        allow_inf_nan=False,
        json_schema_extra={"$id": SCHEMA_ID, "x-schema-version": SCHEMA_VERSION},
    )

    recorded_at: str = Field(pattern=_UTC, description="When pingce recorded the change, UTC.")
    kind: Literal["new", "changed", "conflict", "resolved", "removed"] = Field(
        description="new: a key the table did not have; changed: its shown price moved; conflict: "
        "documents state a price for it they did not before, and disagree; resolved: it has one "
        "price again; removed: the table no longer has it."
    )
    model: str = Field(description="Canonical model name, e.g. 'Kling 2.1'.")
    tier: str | None = Field(description="Tier the vendor names, null if none stated.")
    resolution: str | None = Field(description="Output resolution as stated: 720p, 1080p, 4k...")
    duration_s: float | None = Field(description="Clip length in seconds the price buys.")
    old_price_label: str | None = Field(description=_price("before", "its label, e.g. '100 灵感值'"))
    new_price_label: str | None = Field(description=_price("after", "its label, e.g. '80 灵感值'"))
    conflicting_prices: list[str] = Field(
        description="conflict: the prices documents state for the key besides the shown one."
    )
    document_urls: list[str] = Field(
        description="The evidence: original URLs of the documents stating the new price (conflict: "
        "the new disagreeing ones; removed: those that stated the old one), where known."
    )
    document_ids: list[str] = Field(description="Ids of those documents (their rows in `documents`).")
    observed_at: str | None = Field(
        pattern=_UTC, description="Newest publication (else first-seen) date of the evidence, UTC."
    )
    run_id: int | None = Field(
        description="The run that made the change (null: a re-extraction, a bulk load, the baseline)."
    )
    vendor: str | None = Field(description="The model's vendor from the model registry.")
    old_credits: float | None = Field(description=_price("before", "credits per generation"))
    new_credits: float | None = Field(description=_price("after", "credits per generation"))
    old_credit_unit: str | None = Field(description=_price("before", "unit of the credits"))
    new_credit_unit: str | None = Field(description=_price("after", "unit of the credits"))
    old_price_cny: float | None = Field(description=_price("before", "CNY stated for it"))
    new_price_cny: float | None = Field(description=_price("after", "CNY stated for it"))
    old_price_usd: float | None = Field(description=_price("before", "USD stated for it"))
    new_price_usd: float | None = Field(description=_price("after", "USD stated for it"))
    backfilled: bool = Field(
        description="True for the baseline recorded when a database made before price changes were "
        "kept was first opened: the row existed, its history is unknown."
    )
    id: int = Field(ge=1, description="The change's number, increasing in the order they were recorded.")


#: Fields holding JSON (lists, booleans): as text in CSV cells and in the price_changes SQL.
JSON_FIELDS = ("conflicting_prices", "document_ids", "document_urls", "backfilled")


def price_changes_schema() -> dict[str, Any]:
    """The JSON Schema of one exported price change."""
    schema = PriceChangeRow.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def price_changes_schema_json() -> str:
    """The schema exactly as committed in schemas/price_changes.schema.json."""
    return json.dumps(price_changes_schema(), ensure_ascii=False, indent=2) + "\n"
