"""Helpers shared by the extractor tests (no tests here)."""

from __future__ import annotations

from ingest.extract import extract_document
from schemas.claim import Claim
from schemas.document import Document


def claims_of(text: str, summary: str | None = None, title: str | None = None) -> list[Claim]:
    doc = Document(platform="text", text=text, summary=summary, title=title)
    return extract_document(doc, "test.txt")


def scored(claims: list[Claim]) -> list[Claim]:
    """Only the kinds the scorer counts."""
    kinds = {"price", "price_change", "credit_rate", "speed", "capability", "limitation", "strength", "bug"}
    return [c for c in claims if c.kind in kinds]


def prices_of(text: str, title: str | None = None) -> list[tuple]:
    """(model, credits, price_usd, price_cny, duration_s) of every price claim, in order."""
    return [
        (c.model, c.credits, c.price_usd, c.price_cny, c.duration_s)
        for c in claims_of(text, title=title)
        if c.kind == "price"
    ]
