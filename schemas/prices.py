"""One row of the price table: what `pingce export prices` writes and Datasette's price_table returns.

This is a stable interface read by other tools: add fields freely, never rename or
drop one. Every field is always present (null when unknown). The JSON Schema
generated from :class:`PriceRow` is committed as ``schemas/prices.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "urn:pingce:schema:prices"
SCHEMA_VERSION = 1

_UTC = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"


class PriceAlternative(BaseModel):
    """A price that some documents state for the same key but the table does not show."""

    model_config = ConfigDict(title="PriceAlternative", allow_inf_nan=False)

    price_label: str = Field(description="The stated price point, e.g. '40 灵感值' or 'CNY 3.6'.")
    credits: float | None = Field(description="Credits per generation.")
    credit_unit: str | None = Field(description="Unit of the credits: 灵感值, 积分, credits...")
    price_cny: float | None = Field(description="Price in CNY, where stated or derived from a stated rate.")
    price_usd: float | None = Field(description="Price in USD, where stated.")
    supporting_documents: int = Field(ge=1, description="Distinct documents stating this price.")
    newest_observed_at: str = Field(pattern=_UTC, description="Newest observation of this price, UTC.")


class PriceRow(BaseModel):
    """The price of one generation for one model x tier x resolution x duration.

    Every number is finite: NaN and Infinity are never written (they are not JSON).
    """

    model_config = ConfigDict(
        title="PriceRow",
        allow_inf_nan=False,
        json_schema_extra={"$id": SCHEMA_ID, "x-schema-version": SCHEMA_VERSION},
    )

    model: str = Field(description="Canonical model name, e.g. 'Kling 2.1'.")
    vendor: str | None = Field(description="The model's vendor from the model registry.")
    tier: str | None = Field(
        description="Tier the vendor names (standard, high-quality...), null if none stated."
    )
    resolution: str | None = Field(description="Output resolution as stated: 720p, 1080p, 4k...")
    duration_s: float | None = Field(
        description="Clip length in seconds the price buys (1 for per-second rates)."
    )
    price_label: str = Field(description="The price point shown, e.g. '35 灵感值', 'CNY 3.6', 'USD 4'.")
    credits: float | None = Field(description="Credits per generation.")
    credit_unit: str | None = Field(description="Unit of the credits: 灵感值, 积分, credits...")
    price_cny: float | None = Field(description="Price in CNY, where stated or derived from a stated rate.")
    price_usd: float | None = Field(description="Price in USD, where stated.")
    cny_per_second: float | None = Field(
        description="The shown price in CNY per second of clip, rounded to 4 places: stated CNY, "
        "else credits at a credit rate some document states for the brand, else USD at the "
        "exchange rate (see per_second_basis)."
    )
    credits_per_second: float | None = Field(description="credits / duration_s, rounded to 4 places.")
    supporting_documents: int = Field(ge=1, description="Distinct documents stating the shown price.")
    supporting_sources: int = Field(
        ge=1, description="Distinct configured sources those documents came from."
    )
    total_documents: int = Field(ge=1, description="Distinct documents pricing this key at all.")
    document_ids: list[str] = Field(description="Ids of the documents stating the shown price.")
    document_urls: list[str] = Field(description="Original URLs of those documents (where known).")
    newest_observed_at: str = Field(
        pattern=_UTC, description="Newest publication (else first-seen) date among supporting documents, UTC."
    )
    conflict: bool = Field(description="True when documents state more than one price for this key.")
    alternatives: list[PriceAlternative] = Field(
        description="The other stated prices for this key, most supported first."
    )
    usd_per_second: float | None = Field(
        description="The shown price in USD per second of clip, rounded to 4 places (as cny_per_second)."
    )
    per_second_basis: str | None = Field(
        description="How cny_per_second and usd_per_second were reached, e.g. 'CNY at 10 灵感值 = 1 CNY'."
    )
    fx_usd_cny: float | None = Field(description="The exchange rate used: CNY per USD, from sources.yml.")
    fx_date: str | None = Field(description="The date that exchange rate is of, from sources.yml.")


#: Fields holding JSON (lists, objects, booleans): as text in CSV cells and in the price-table SQL.
JSON_FIELDS = ("document_ids", "document_urls", "conflict", "alternatives")


def price_schema() -> dict[str, Any]:
    """The JSON Schema of one exported price row."""
    schema = PriceRow.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def price_schema_json() -> str:
    """The schema exactly as committed in schemas/prices.schema.json."""
    return json.dumps(price_schema(), ensure_ascii=False, indent=2) + "\n"
