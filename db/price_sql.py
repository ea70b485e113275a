"""The price queries: the price table (every row, for the export, and a page at a time), its
history, its conflicts, the ranks db.price_events keeps and the price changes; their points come
ranked from db.price_ranking."""

from __future__ import annotations

from db.price_ranking import (
    BY_KEY,
    PRICE_CTES,
    PRICE_ORDER,
    RANK_COLUMNS,
    SAME_KEY,
    mapped,
    model_filter,
    point_docs,
    price_ctes,
    served_price_ctes,
    since_filter,
)
from db.sql_parts import OFFSET, PAGE, SINCE_UTC, last_row, next_page


def _stored(column: str, r: str) -> str:
    """``column`` of price_point_lists for row ``r``'s point (read when it has one source key)."""
    return (
        f"(select l.{column} from key_map km join price_point_lists l on {SAME_KEY.format(a='l', b='km')} "
        f"and l.price_point = {r}.price_point where {mapped(r)})"
    )


def _listed(column: str, r: str, counted: str) -> str:
    """``column`` of price_point_lists for row ``r``'s point (one source key), else ``counted``."""
    return (
        f"case when :since = '' and {r}.source_keys = 1 then {_stored(column, r)} "
        f"else (select {counted} from (select q.document_id, q.document_url from {point_docs(r, BY_KEY)} "
        f"order by q.document_id)) end"
    )


_IDS = "json_group_array(document_id)"
_URLS = "json_group_array(distinct document_url) filter (where document_url is not null)"


def _document_ids(r: str) -> str:
    return _listed("document_ids", r, _IDS)


def _document_urls(r: str) -> str:
    return _listed("document_urls", r, _URLS)


def _both_lists(r: str) -> str:
    """Row ``r``'s document ids and URLs as one JSON array ``[ids, urls]`` where _listed counts them
    (null where it reads them stored): one pass and one sort over the point's documents, not two."""
    # with since every shown row counts its lists: two passes were half the query at a million claims
    # A key no other key is merged into is one walk of its own key's index, already in document_id
    # order (as m006's triggers read it): sorting every shown row's documents with since was a fifth
    # of the query at a million claims.
    own = (
        f"select json_array({_IDS}, {_URLS}) from (select q.document_id, q.document_url "
        f"from price_point_documents q indexed by {BY_KEY} where {SAME_KEY.format(a='q', b=r)} "
        f"and q.price_point = {r}.price_point and {since_filter('q.observed_at')})"
    )
    return (
        f"case when {r}.kept or (:since = '' and {r}.source_keys = 1) then null "
        f"when {r}.merged_keys = 1 then ({own}) "
        f"else (select json_array({_IDS}, {_URLS}) from (select q.document_id, q.document_url "
        f"from {point_docs(r, BY_KEY)} order by q.document_id)) end"
    )


def _lists_column(column: str, r: str) -> str:
    """document_ids or document_urls of row ``r``, which carries ``_both_lists`` as ``lists``."""
    at = 0 if column == "document_ids" else 1
    return (
        f"case when :since = '' and {r}.source_keys = 1 then {_stored(column, r)} "
        f"else json_extract({r}.lists, '$[{at}]') end"
    )


_RATE = (
    "(select cr.credits_per_{cur} from credit_rates cr where cr.brand = m.brand "
    "and cr.credit_unit is r.credit_unit and cr.credits_per_{cur} is not null)"
)

# The shown point in CNY and USD: stated, else through a credit rate some document states
# for the brand and unit, else through the exchange rate of sources.yml (``fx``).
VALUED = f"""
top as (
  select r.*, m.vendor, {_RATE.format(cur="cny")} as rate_cny, {_RATE.format(cur="usd")} as rate_usd
  from points r left join models m on m.name = r.model
  where r.point_rank = 1
),
valued as (
  select t.*, fx.usd_cny, fx.fx_date,
    case when t.price_cny is not null then t.price_cny
      when t.credits is not null and t.rate_cny > 0 then t.credits / t.rate_cny
      when t.price_usd is not null then t.price_usd * fx.usd_cny
      when t.credits is not null and t.rate_usd > 0 then t.credits / t.rate_usd * fx.usd_cny end as cny,
    case when t.price_usd is not null then t.price_usd
      when t.credits is not null and t.rate_usd > 0 then t.credits / t.rate_usd
      when t.price_cny is not null then t.price_cny / fx.usd_cny
      when t.credits is not null and t.rate_cny > 0 then t.credits / t.rate_cny / fx.usd_cny end as usd,
    case when t.price_cny is not null then 'CNY stated'
      when t.credits is not null and t.rate_cny > 0
        then printf('CNY at %g %s = 1 CNY', t.rate_cny, t.credit_unit)
      when t.price_usd is not null and fx.usd_cny > 0
        then printf('CNY at %g CNY/USD (%s)', fx.usd_cny, fx.fx_date)
      when t.credits is not null and t.rate_usd > 0 and fx.usd_cny > 0
        then printf('CNY at %g %s = 1 USD, %g CNY/USD (%s)',
                    t.rate_usd, t.credit_unit, fx.usd_cny, fx.fx_date)
    end as cny_basis,
    case when t.price_usd is not null then 'USD stated'
      when t.credits is not null and t.rate_usd > 0
        then printf('USD at %g %s = 1 USD', t.rate_usd, t.credit_unit)
      when fx.usd_cny > 0 and (t.price_cny is not null or (t.credits is not null and t.rate_cny > 0))
        then printf('USD at %g CNY/USD (%s)', fx.usd_cny, fx.fx_date)
    end as usd_basis
  from top t, fx
)"""


def _per_second(amount: str) -> str:
    return f"case when {amount} is not null and r.duration_s > 0 then round({amount} / r.duration_s, 4) end"


# A kept point's document list, read for the rows shown only: sorting the points with their lists
# (megabytes at a million claims) cost more than the rest of the query.
_KEPT = (
    "select k.{column} from price_ranks k where k.model = r.model and k.tier is r.tier "
    "and k.resolution is r.resolution and k.duration_s is r.duration_s and k.price_point = r.price_point"
)

#: The price table's columns, from a row ``r`` of ``valued``.
_PRICE_COLUMNS = f"""r.model, r.vendor, r.tier, r.resolution, r.duration_s,
  r.price_point as price_label, r.credits, r.credit_unit, r.price_cny, r.price_usd,
  {_per_second("r.cny")} as cny_per_second,
  {_per_second("r.credits")} as credits_per_second,
  r.supporting_documents, r.supporting_sources, r.total_documents,
  case when r.kept then ({_KEPT.format(column="document_ids")}) else {_lists_column("document_ids", "r")} end
    as document_ids,
  case when r.kept then ({_KEPT.format(column="document_urls")})
    else {_lists_column("document_urls", "r")} end
    as document_urls,
  r.newest_observed_at,
  case when r.price_points > 1 then 'true' else 'false' end as conflict,
  r.alternatives,
  {_per_second("r.usd")} as usd_per_second,
  coalesce(r.cny_basis || '; ' || r.usd_basis, r.cny_basis, r.usd_basis) as per_second_basis,
  r.usd_cny as fx_usd_cny, r.fx_date"""

#: The price table: one row per model x tier x resolution x duration (the rule: db.price_ranking).
PRICE_TABLE_SQL = (
    PRICE_CTES
    + ","
    + VALUED
    + f""",
listed as materialized (select r.*, {_both_lists("r")} as lists from valued r)
select {_PRICE_COLUMNS}
from listed r
order by {PRICE_ORDER}
"""
)

# Its columns holding JSON text are schemas.prices.JSON_FIELDS; Datasette decodes them with ``_json=``.


# One row per body price claim, for the history (read from claims: it shows each quote), newest
# first through the index on (kind, observed_at), a page at a time (``page``).
PRICE_OBS_CTE = f"""
with price_obs as not materialized (
  select c.rowid as rid, c.id as claim_id, c.model, c.tier, coalesce(c.tier, '') as tier_key,
    c.resolution, c.duration_s, c.credits, c.credit_unit, c.price_cny, c.price_usd, c.quote,
    c.document_id, c.observed_at,
    case when c.credits is not null then printf('%g %s', c.credits, coalesce(c.credit_unit, 'credits'))
         when c.price_cny is not null then printf('CNY %g', c.price_cny)
         else printf('USD %g', c.price_usd) end as price_point
  from claims c
  where c.kind = 'price' and c.section = 'body' and c.model is not null
    and coalesce(c.credits, c.price_cny, c.price_usd) is not null
    and {model_filter("c.model")}
    and (:since = '' or c.observed_at >= {SINCE_UTC})
),
page as materialized (
  select * from price_obs order by observed_at desc, rid desc limit {PAGE + 1} offset {OFFSET})"""

_HISTORY_ORDER = "o.model, o.observed_at desc, o.tier_key, o.resolution, o.duration_s, o.claim_id"

PRICE_HISTORY_SQL = (
    PRICE_OBS_CTE
    + f"""
select o.observed_at, o.model, o.tier, o.resolution, o.duration_s, o.price_point as price_label,
  o.credits, o.credit_unit, o.price_cny, o.price_usd,
  case when o.price_cny is not null and o.duration_s > 0 then round(o.price_cny / o.duration_s, 4) end
    as cny_per_second,
  o.quote, d.title as document_title, d.url as document_url, o.document_id, o.claim_id,
  case when {last_row(_HISTORY_ORDER)} and (select count(*) from page) > {PAGE}
    then {next_page("price_history", ("model", "since"))} end as next_page
from (select * from page order by observed_at desc, rid desc limit {PAGE}) o
join documents d on d.id = o.document_id
order by {_HISTORY_ORDER}
"""
)

_CONFLICTS_ORDER = "r.model, r.tier_key, r.resolution, r.duration_s, r.point_rank"

# A page of PAGE rows (``page``): the document lists, the costly part, are built for those alone.
PRICE_CONFLICTS_SQL = (
    PRICE_CTES
    + f""",
conflicts as materialized (
  select r.model, r.tier, r.resolution, r.duration_s, r.price_point, r.point_rank, r.credits,
    r.credit_unit, r.price_cny, r.price_usd, r.supporting_documents, r.newest_observed_at,
    r.source_keys, r.kept, coalesce(r.tier, '') as tier_key
  from points r where r.price_points > 1
  order by r.model, tier_key, r.resolution, r.duration_s, r.point_rank limit {PAGE + 1} offset {OFFSET}
)
select r.model, r.tier, r.resolution, r.duration_s, r.price_point as price_label,
  case when r.point_rank = 1 then 'shown' else 'alternative' end as in_price_table,
  r.credits, r.credit_unit, r.price_cny, r.price_usd,
  r.supporting_documents, r.newest_observed_at,
  case when r.kept then ({_KEPT.format(column="document_urls")}) else {_document_urls("r")} end
    as document_urls,
  case when r.kept then ({_KEPT.format(column="document_ids")}) else {_document_ids("r")} end
    as document_ids,
  case when {last_row(_CONFLICTS_ORDER)} and (select count(*) from conflicts) > {PAGE}
    then {next_page("price_conflicts", ("model", "since"))} end as next_page
from (select * from conflicts r order by {_CONFLICTS_ORDER} limit {PAGE}) r
order by {_CONFLICTS_ORDER}
"""
)


# ---------------------------------------------------------------- price changes (db/price_events.py)
#: Every price point of every key of the models in the JSON array ``:models``, ranked as the
#: price table ranks them (point_rank 1 is the shown one), with its alternatives and documents:
#: the rows db.price_events keeps in price_ranks and compares with the rows it saw last.
PRICE_RANKS_OF_MODELS_SQL = (
    price_ctes("model in (select value from json_each(:models))")
    + f"""
select {", ".join("r." + c.strip() for c in RANK_COLUMNS.split(","))},
  {_document_ids("r")} as document_ids, {_document_urls("r")} as document_urls
from with_alternatives r
order by r.model, r.tier, r.resolution, r.duration_s, r.point_rank
"""
)

# ``:since`` of price_changes is a run number (digits only) or an ISO date. A run: the events of
# later runs, and those recorded outside any run after it finished. A date: events recorded then
# or later (Beijing time without an offset, as everywhere).
_SINCE_IS_RUN = "(:since glob '[0-9]*' and :since not glob '*[^0-9]*')"
_AFTER_RUN = (
    "(e.run_id > cast(:since as integer) or (e.run_id is null and e.recorded_at > "
    "(select strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(r.finished_at, r.started_at)) from runs r "
    "where r.id = cast(:since as integer))))"
)

#: What moved in the price table, newest first (``price_events``, m013).
PRICE_CHANGES_SQL = f"""
select e.recorded_at, e.kind, e.model, e.tier, e.resolution, e.duration_s,
  e.old_price_label, e.new_price_label, e.conflicting_prices, e.document_urls, e.document_ids,
  e.observed_at, e.run_id, m.vendor,
  e.old_credits, e.new_credits, e.old_credit_unit, e.new_credit_unit,
  e.old_price_cny, e.new_price_cny, e.old_price_usd, e.new_price_usd,
  case when e.backfilled then 'true' else 'false' end as backfilled, e.id
from price_events e left join models m on m.name = e.model
where {model_filter("e.model")}
  and (:since = '' or case when {_SINCE_IS_RUN} then {_AFTER_RUN} else e.recorded_at >= {SINCE_UTC} end)
order by e.id desc
"""


#: The price_table page: with ``page`` (1, 2, …) that page of PAGE rows and a ``next_page`` link on
#: its last row when more follow; without it every row, PRICE_TABLE_SQL's (``pingce export prices``)
#: with an empty ``next_page``. The web plugin asks for page 1 when the HTML page is opened without
#: one (ingest.web.params): 320 rows at a million claims took longer to draw than to query. The rows
#: are ranked and cut first and the evidence lists built for the page's rows alone: building them
#: for every row before the cut was a third of the query with ``since`` (1M claims: 108 -> 79 ms).
PRICE_TABLE_PAGE_SQL = (
    served_price_ctes(model_filter("model"), paged=True)
    + ","
    + VALUED
    + f""",
page as materialized (
  select * from valued r
  order by {PRICE_ORDER}
  limit case when trim(:page) = '' then -1 else {PAGE} + 1 end
  offset case when trim(:page) = '' or :since <> '' then 0 else {OFFSET} end  -- since: shown_keys cut
),
listed as materialized (select r.*, {_both_lists("r")} as lists from page r)
select {_PRICE_COLUMNS},
  case when trim(:page) <> '' and row_number() over (order by {PRICE_ORDER}) = {PAGE}
    and (select count(*) from page) > {PAGE}
  then {next_page("price_table", ("model", "since"))} end as next_page
from listed r
order by {PRICE_ORDER}
limit case when trim(:page) = '' then -1 else {PAGE} end
"""
)


#: The price_changes page: with ``page`` (1, 2, …) that page of PAGE changes, with a ``next_page``
#: link on its last row; without it every change (the JSON a follower reads; the web plugin asks
#: for page 1 when the HTML page is opened without one, ingest.web.params).
_CHANGES_LIMIT = f"case when trim(:page) = '' then -1 else {PAGE} end"
PRICE_CHANGES_PAGE_SQL = f"""
with changes as materialized (
  select * from ({PRICE_CHANGES_SQL})
  limit case when trim(:page) = '' then -1 else {PAGE} + 1 end
  offset case when trim(:page) = '' then 0 else {OFFSET} end
)
select *, case when trim(:page) <> '' and row_number() over (order by id desc) = {PAGE}
    and (select count(*) from changes) > {PAGE}
  then {next_page("price_changes", ("model", "since"))} end as next_page
from changes order by id desc limit {_CHANGES_LIMIT}
"""
