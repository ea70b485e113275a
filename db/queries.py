"""The SQL behind Datasette's canned queries, the price-table export and the charts, by name.

``ingest.web.serve`` puts :data:`QUERIES` into the ``queries:`` part of Datasette's metadata,
``ingest.export`` runs :data:`PRICE_TABLE_SQL`, and the chart pages run the chart queries. Each
text is written once: in db.sql_parts (what every query shares), db.price_ranking (the price
points counted and ranked; its docstring is the consensus rule), db.price_sql (the price queries),
db.search_sql (search), and here (the claim queries and the charts). The names other modules use
are importable from here (``__all__``).
"""

from __future__ import annotations

from db.price_ranking import RANK_COLUMNS, price_ctes, served_price_ctes
from db.price_sql import (
    PRICE_CHANGES_PAGE_SQL,
    PRICE_CHANGES_SQL,
    PRICE_CONFLICTS_SQL,
    PRICE_HISTORY_SQL,
    PRICE_RANKS_OF_MODELS_SQL,
    PRICE_TABLE_PAGE_SQL,
    PRICE_TABLE_SQL,
)
from db.search_sql import SEARCH_FEW, SEARCH_SQL, SEARCH_WALK, search_sql, table_search_where
from db.sql_parts import (
    CONTEXT_CHARS,
    MODELS_NAMED,
    OBSERVED_AT,
    OFFSET,
    PAGE,
    SINCE_UTC,
    claim_context_sql,
    last_row,
    models_named,
    next_page,
)

__all__ = [
    "CLAIMS_OVER_TIME_SQL",
    "COMPARE_MODELS_SQL",
    "CONTEXT_CHARS",
    "MODEL_BUGS_STRENGTHS_SQL",
    "MODEL_NAMES_SQL",
    "MODELS_NAMED",
    "OBSERVED_AT",
    "PAGE",
    "PRICE_CHANGES_SQL",
    "PRICE_CONFLICTS_SQL",
    "PRICE_RANKS_OF_MODELS_SQL",
    "PRICE_TABLE_PAGE_SQL",
    "PRICE_TABLE_SQL",
    "QUERIES",
    "RANK_COLUMNS",
    "SEARCH_FEW",
    "SEARCH_SQL",
    "SEARCH_WALK",
    "SINCE_UTC",
    "price_ctes",
    "search_sql",
    "served_price_ctes",
    "table_search_where",
]

# ---------------------------------------------------------------- the claim queries
_BUGS_ORDER = "c.kind, c.observed_at desc, c.model, c.start, c.id"

# Newest first through the index on (model, observed_at, kind), a page at a time (``page``).
MODEL_BUGS_STRENGTHS_SQL = f"""
with page as materialized (
  select c.rowid as rid, c.observed_at from claims c
  where trim(:model) <> '' and c.model in {models_named()} and c.kind in ('bug', 'strength')
    and c.section = 'body'
  order by c.observed_at desc, c.rowid desc limit {PAGE + 1} offset {OFFSET}
),
shown as materialized (select rid from page order by observed_at desc, rid desc limit {PAGE}),
ctx as ({claim_context_sql("where c.rowid in (select rid from shown)")})
select c.kind, c.model, c.tier, ctx.context_before, c.quote, ctx.context_after, c.confidence,
  c.observed_at, d.title as document_title, d.url as document_url,
  d.id as document_id, c.id as claim_id,
  case when {last_row(_BUGS_ORDER)} and (select count(*) from page) > {PAGE}
    then {next_page("model_bugs_strengths", ("model",))} end as next_page
from shown p
join claims c on c.rowid = p.rid
join documents d on d.id = c.document_id
join ctx on ctx.claim_id = c.id
order by {_BUGS_ORDER}
"""


#: compare_models' examples: the most confident quotes of a kind among a side's newest claims.
EXAMPLES_FROM = 2000


def _recent(p: str) -> str:
    """CTEs ``{p}_recent``: side ``p``'s newest EXAMPLES_FROM body claims; ``{p}_examples``: per kind,
    the three most confident distinct quotes among them.

    Each model's newest are read through its date index first (a walk that stops after
    EXAMPLES_FROM rows), then the side's newest taken from those: ordering all of a side's
    claims by date sorted every claim of the model (a second at a million claims).
    """
    return f"""
{p}_recent as materialized (
  select c.rowid as rid, c.kind from {p}_models m join claims c on c.rowid in (
    select n.rowid from claims n indexed by claims_model_observed_at
    where n.model = m.model and n.section = 'body' order by n.observed_at desc, n.rowid desc
    limit {EXAMPLES_FROM})
  order by c.observed_at desc, c.rowid desc limit {EXAMPLES_FROM}),
{p}_examples as materialized (
  select kind, group_concat(quote, ' ｜ ') as examples from (
    select kind, quote from (
      select r.kind, c.quote,
        row_number() over (partition by r.kind order by max(c.confidence) desc, c.quote) as n
      from {p}_recent r join claims c on c.rowid = r.rid group by r.kind, c.quote)
    where n <= 3 order by kind, n)
  group by kind)"""


def _side(param: str) -> str:
    p = param[-1]
    return f"""
  (select group_concat(model, ', ') from {p}_models) as {param},
  {p}.claims as {p}_claims, {p}.documents as {p}_documents,
  {p}x.examples as {p}_examples"""


# Each side is every model its filter names (a bare brand: all the brand's models together). A side
# of one model reads its counts per kind from claims_by_model (m018, kept as claims are written); a
# side of several counts its documents once across them, model by model (CROSS JOIN keeps that
# order) from the index on (model, kind, section, document_id) (m015). The examples come from the
# side's newest claims (the index on (model, observed_at, kind)) instead of grouping every quote.
def _counted(p: str) -> str:
    return f"""
  select c.kind, '{p}' as side, c.document_id, count(*) as claims
  from {p}_models m cross join claims c on c.model = m.model
  where (select count(*) from {p}_models) > 1 and c.section = 'body'
  group by c.kind, c.document_id"""


def _kept(p: str) -> str:
    return f"""
  select t.kind, '{p}', t.claims, t.documents from {p}_models m join claims_by_model t on t.model = m.model
  where (select count(*) from {p}_models) = 1"""


COMPARE_MODELS_SQL = f"""
with a_models as materialized {models_named("model_a")},
b_models as materialized {models_named("model_b")},
per_document as ({_counted("a")}
  union all{_counted("b")}
),
per_kind as materialized (
  select kind, side, sum(claims) as claims, count(*) as documents from per_document group by kind, side
  union all{_kept("a")}
  union all{_kept("b")}
),{_recent("a")},{_recent("b")},
k as (select distinct kind from per_kind)
select k.kind,{_side("model_a")},{_side("model_b")}
from k
left join per_kind a on a.kind = k.kind and a.side = 'a'
left join per_kind b on b.kind = k.kind and b.side = 'b'
left join a_examples ax on ax.kind = k.kind
left join b_examples bx on bx.kind = k.kind
order by k.kind
"""


# ---------------------------------------------------------------- charts
# Kept by triggers as claims and documents are written (db/migrations.py, m009); the same
# rows as grouping every claim with its document by month and kind (tests check both agree).
CLAIMS_OVER_TIME_SQL = """
select month, kind, claims, documents
from claims_by_month
order by month, kind
"""


#: The registry's model names, for the pick lists of the query pages.
MODEL_NAMES_SQL = "select name from models order by name"

#: The canned queries Datasette shows, by name; their titles, descriptions and
#: parameters are in ``ingest/web/metadata.yml`` under ``queries:``.
QUERIES: dict[str, str] = {
    "price_table": PRICE_TABLE_PAGE_SQL,
    "price_history": PRICE_HISTORY_SQL,
    "price_conflicts": PRICE_CONFLICTS_SQL,
    "price_changes": PRICE_CHANGES_PAGE_SQL,
    "model_bugs_strengths": MODEL_BUGS_STRENGTHS_SQL,
    "compare_models": COMPARE_MODELS_SQL,
    "search": SEARCH_SQL,
    "claims_over_time": CLAIMS_OVER_TIME_SQL,
}
