"""Views that Datasette shows: prices, bugs, strengths, with their document."""

from __future__ import annotations

from sqlite_utils import Database

_CLAIM_DOC = """
select c.id as claim_id, c.model, m.vendor, c.tier, {cols},
  c.quote, c.section, c.confidence, c.method,
  d.id as document_id, d.title as document_title, d.url as document_url,
  d.platform, d.source, d.published_at
from claims c
join documents d on d.id = c.document_id
left join models m on m.name = c.model
where c.kind {where}
"""

VIEWS = {
    "prices": _CLAIM_DOC.format(
        cols="c.resolution, c.duration_s, c.credits, c.credit_unit, c.price_cny, c.price_usd, "
        "case when c.price_cny is not null and c.duration_s > 0 "
        "then round(c.price_cny / c.duration_s, 4) end as cny_per_second",
        where="= 'price'",
    ),
    "bugs": _CLAIM_DOC.format(cols="c.kind", where="= 'bug'"),
    "strengths": _CLAIM_DOC.format(cols="c.kind", where="= 'strength'"),
    "abilities": _CLAIM_DOC.format(cols="c.kind", where="in ('capability', 'limitation')"),
    "speeds": _CLAIM_DOC.format(
        cols="c.generation_s, c.generation_s_min, c.generation_s_max", where="= 'speed'"
    ),
}


def create_views(db: Database) -> None:
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def _claim_evidence_sql() -> str:
    from db.queries import OBSERVED_AT, claim_context_sql

    return f"""
select c.id as claim_id, c.kind, c.model, c.tier, c.section,
  ctx.context_before || '【' || c.quote || '】' || ctx.context_after as in_context,
  c.quote, ctx.located, c.confidence, c.method,
  d.id as document_id, d.title as document_title, d.url as document_url,
  d.platform, d.source, {OBSERVED_AT} as observed_at,
  ctx.context_before, ctx.context_after
from claims c
join documents d on d.id = c.document_id
join ({claim_context_sql()}) ctx on ctx.claim_id = c.id
"""


def evidence_views() -> dict[str, str]:
    """Views added by m004: every claim with its evidence in context and its document."""
    return {"claim_evidence": _claim_evidence_sql()}


def create_evidence_views(db: Database) -> None:
    for name, sql in evidence_views().items():
        db.create_view(name, sql.strip(), replace=True)
