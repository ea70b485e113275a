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


def kinds_models(text: str) -> list[tuple[str, str | None]]:
    """(kind, model) of every claim of a scored kind, in order."""
    return [(c.kind, c.model) for c in scored(claims_of(text))]


def price_rows(text: str) -> list[tuple[str | None, float | None, float | None, str | None]]:
    """(model, amount, duration_s, resolution) of every price claim, the amount in whatever unit it has."""
    return [
        (c.model, c.price_usd or c.price_cny or c.credits, c.duration_s, c.resolution)
        for c in claims_of(text)
        if c.kind == "price"
    ]


def quoted_of(text: str, kind: str) -> list[tuple[str | None, str]]:
    """(model, quote) of every claim of ``kind``, in order."""
    return [(c.model, c.quote) for c in scored(claims_of(text)) if c.kind == kind]


def speeds_of(text: str) -> list[tuple[str | None, float | None]]:
    """(model, generation_s) of every speed claim, in order."""
    return [(c.model, c.generation_s) for c in scored(claims_of(text)) if c.kind == "speed"]
