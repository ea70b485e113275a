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
