"""The views Datasette shows (prices, bugs, strengths, abilities, speeds, claim evidence), as they are now.

``ensure_views`` runs on every open: a view whose SQL differs from the one here
is replaced, so old and new databases show the same views. (Migrations m003
and m004 made the first versions; their SQL is frozen in ``db/migration_sql.py``.)
"""

from __future__ import annotations

from sqlite_utils import Database


# Claims only, the document's and model's columns looked up per row: a count or a facet on
# a claim column then reads an index on claims alone (a join would be walked for every row even
# when no column of it is used), and the newest-first page walks the index on
# (kind, observed_at) (m009), looking up the rows it shows.
def _doc(column: str) -> str:
    return f"(select d.{column} from documents d where d.id = c.document_id)"


_CLAIM_DOC = f"""
select c.id as claim_id, c.model, (select m.vendor from models m where m.name = c.model) as vendor,
  c.tier, {{cols}}, c.quote, c.section, c.confidence, c.method,
  c.document_id, {_doc("title")} as document_title, {_doc("url")} as document_url,
  {_doc("platform")} as platform, {_doc("source")} as source, {_doc("published_at")} as published_at,
  c.observed_at
from claims c
where c.kind {{where}}
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


def _claim_evidence_sql() -> str:
    from db.queries import CONTEXT_CHARS as n

    # The text a claim's offsets refer to (db.sql_parts.SECTION_TEXT), read by the claim's document id.
    section_text = """(select case c.section
        when 'summary' then coalesce(d.summary, '')
        when 'metadata' then coalesce((select group_concat(j.key || ': ' || j.value, char(10))
                                       from json_each(d.metadata) j), '')
        else coalesce(d.text, '') end from documents d where d.id = c.document_id)"""

    # Claims only, with their documents' columns looked up per row, as in the views above;
    # SQLite flattens the nested selects, so a page cuts the context of the rows it shows
    # and a count or facet on a claim column reads no document.
    return f"""
select claim_id, kind, model, tier, section,
  context_before || '【' || quote || '】' || context_after as in_context,
  quote, located, confidence, method, document_id, document_title, document_url,
  platform, source, observed_at, context_before, context_after
from (
  select *,
    case when pos >= 0 then substr(src, max(pos - {n}, 0) + 1, pos - max(pos - {n}, 0)) else '' end
      as context_before,
    case when pos >= 0 then substr(src, pos + length(quote) + 1, {n}) else '' end as context_after
  from (
    select *,
      case when substr(src, start + 1, "end" - start) = quote then start
           when instr(src, quote) > 0 then instr(src, quote) - 1 else -1 end as pos,
      case when substr(src, start + 1, "end" - start) = quote then 'offsets'
           when instr(src, quote) > 0 then 'search' else 'missing' end as located
    from (
      select c.id as claim_id, c.kind, c.model, c.tier, c.section, c.quote, c.start, c."end",
        c.confidence, c.method, c.document_id, {_doc("title")} as document_title,
        {_doc("url")} as document_url, {_doc("platform")} as platform, {_doc("source")} as source,
        c.observed_at, {section_text} as src
      from claims c
    )
  )
)
"""


# The names a model filter accepts, lower-cased without spaces or hyphens: each model's
# canonical name and aliases, "<brand name> <version>" in every name of its brand (also where the
# brand writes its versions another way: LTX-Video's LTX 2 is LTXV-2 too), and a
# brand's names, which stand for all the brand's models (with or without a registry row of its own).
MODEL_KEYS = """
select m.name as model, lower(replace(replace(m.name, ' ', ''), '-', '')) as key from models m
union select m.name, lower(replace(replace(j.value, ' ', ''), '-', '')) from models m, json_each(m.aliases) j
union select m.name, lower(replace(replace(b.name, ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand
union select m.name, lower(replace(replace(j.value, ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand, json_each(b.aliases) j
union select m.name, lower(replace(replace(j.value || substr(m.name, length(m.brand) + 1), ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand, json_each(b.aliases) j
  where m.name <> m.brand and substr(m.name, 1, length(m.brand)) = m.brand
union select m.name, lower(replace(replace(j.value || substr(m.name, instr(m.name, ' ')), ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand, json_each(b.aliases) j
  where substr(m.name, 1, length(m.brand)) <> m.brand and instr(m.name, ' ') > 0
union select m.name, lower(replace(replace(m.brand, ' ', ''), '-', ''))
  from models m where m.brand is not null
"""


def current_views() -> dict[str, str]:
    """Every view: name → its SELECT."""
    return {**VIEWS, "claim_evidence": _claim_evidence_sql(), "model_keys": MODEL_KEYS}


def ensure_views(db: Database) -> None:
    """Create or replace each view whose SQL is not the current one (a no-op when all are)."""
    for name, sql in current_views().items():
        db.create_view(name, sql.strip(), replace=True)
