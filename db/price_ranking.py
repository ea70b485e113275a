"""The price table's points, counted and ranked: the CTEs every price query starts from.

Consensus rule for the price table
----------------------------------
Only ``price`` claims from a document's ``body`` section that name a model and
state an amount count. Claims drawn from a clipper's ``summary`` (or from clip
``metadata``) repeat the body at best and are wrong at worst, so they never
feed the table; they stay visible in ``claims``, ``claim_evidence`` and search.

A price row is keyed by model x tier x resolution x duration (NULL is a value of
its own: "no tier stated"). Each claim for a key states one *price point*: its
credits and credit unit when it gives credits, else its CNY amount, else its
USD amount. A document supports every price point it states for the key.

The row shows the price point supported by the most distinct documents; a tie
goes to the point with the newest observation (``published_at``, else when the
document was first seen), then to the lowest label so the choice is stable.
Its ``price_cny``/``price_usd`` come from the newest supporting claim that
states them (of equally new claims, the larger amount). ``conflict`` is true
when the documents for the key state more than one price point, and
``alternatives`` lists the losing points, best first, each with its own document
count and newest observation.
"""

from __future__ import annotations

from db.sql_parts import OFFSET, PAGE, SINCE_UTC, model_filter

_RES_ORDER = (
    "case when lower(r.resolution) like '%k' then cast(r.resolution as integer) * 1000 "
    "else cast(r.resolution as integer) end"
)
#: The price table's order: model, tier, resolution, duration (then the tier and resolution as
#: written, so that keys the first terms tie, such as 720p and 720P, come in one order on every page).
PRICE_ORDER = f"r.model, coalesce(r.tier, ''), {_RES_ORDER}, r.duration_s, r.tier, r.resolution"


# ---------------------------------------------------------------- price table
# Each document's price point per key is kept in price_point_documents (db/price_points.py:
# one row per document and key, its resolution and clip length filled from the document,
# points agreeing through its rate merged), price_point_sources holds the tallies per
# source and price_point_lists the documents' ids and URLs (m006's triggers).
#
# Across documents a less specific key (no resolution, or no clip length) is counted
# under the one more specific key of the same model and tier that it is compatible with,
# when there is exactly one (``key_map``); otherwise it stays a row of its own.
KEY = "model, tier, resolution, duration_s"
SAME_KEY = (
    "{a}.model = {b}.model and {a}.tier is {b}.tier and {a}.resolution is {b}.resolution "
    "and {a}.duration_s is {b}.duration_s"
)
# Its rows come in document_id order for one key and price point: the arrays list documents so.
BY_KEY = "price_point_documents_key"


def since_filter(column: str) -> str:
    return f"(:since = '' or {column} >= {SINCE_UTC})"


def mapped(r: str) -> str:
    """key_map rows ``km`` whose target is row ``r``'s key."""
    return (
        f"km.model = {r}.model and km.tier is {r}.tier and km.to_resolution is {r}.resolution "
        f"and km.to_duration_s is {r}.duration_s"
    )


def point_docs(r: str, index: str = "") -> str:
    """price_point_documents rows ``q`` counted for row ``r``'s key and price point, since :since."""
    indexed = f" indexed by {index}" if index else ""
    # The row's key map entries first, as a subquery the planner keeps whole (``limit -1``): joined
    # directly, a page of a few rows was planned as a scan of the whole key map per row, with a
    # Bloom filter over every price point's documents built first (price_conflicts with a model
    # and since at a million claims: 77 -> 21 ms CPU, the same rows)
    return (
        f"(select * from key_map km where {mapped(r)} limit -1) km "
        f"cross join price_point_documents q{indexed} on {SAME_KEY.format(a='q', b='km')} "
        f"and q.price_point = {r}.price_point where {since_filter('q.observed_at')}"
    )


def _newest(column: str, r: str = "p") -> str:
    """``column`` (price_cny, price_usd) from the newest document of the point that states it.

    Of equally new documents the larger amount is taken, so the choice is stable.
    """
    # Per key of the key map, the last entry of the partial index on (key, point, observed_at, column)
    # where column is not null: one seek each, where ordering every document of the point since
    # :since read them all (the planner otherwise builds an automatic index per statement)
    last = (
        f"select q.{{what}} from price_point_documents q indexed by price_point_documents_{column} "
        f"where {SAME_KEY.format(a='q', b='km')} and q.price_point = {r}.price_point "
        f"and q.{column} is not null and {since_filter('q.observed_at')} "
        f"order by q.observed_at desc, q.{column} desc limit 1"
    )
    # A key no other key is merged into (merged_keys = 1: its only key map entry is itself, as every
    # target is a key of its own) is one seek on its own key, not two per entry and a sort: at a
    # million claims with ``since`` (every point ranked as the query runs) 37 -> 15 ms
    own = (
        f"select q.{column} from price_point_documents q indexed by price_point_documents_{column} "
        f"where {SAME_KEY.format(a='q', b=r)} and q.price_point = {r}.price_point "
        f"and q.{column} is not null and {since_filter('q.observed_at')} "
        f"order by q.observed_at desc, q.{column} desc limit 1"
    )
    return (
        f"case when {r}.merged_keys = 1 then ({own}) else "
        f"(select n.v from (select ({last.format(what='observed_at')}) as at, "
        f"({last.format(what=column)}) as v from key_map km where {mapped(r)}) n "
        "where n.v is not null order by n.at desc, n.v desc limit 1) end"
    )


_MAPPED_KEY = "k.model, k.tier, k.to_resolution, k.to_duration_s"


# The models whose price points changed since price_ranks and price_point_months were last refreshed
# (db/price_events.py): ranked from price_point_documents as the query runs.
CURRENT = "(select model from price_event_dirty)"
_SINCE_MONTH = f"substr({SINCE_UTC}, 1, 7)"
_NEXT_MONTH = f"strftime('%Y-%m-%dT%H:%M:%SZ', {_SINCE_MONTH} || '-01', '+1 month')"
_PPD_AS_MONTHS = (
    "model, tier, resolution, duration_s, price_point, source, 1 as documents, "
    "first_for_key as key_documents, observed_at as newest_observed_at, credits, credit_unit"
)


# A page with :since (price_ctes ``paged``): its rows (``shown_keys``) are the keys of the key map with
# a document since then (price_point_sources keeps each point's newest date, so this reads no
# document), in the table's order, cut to the page (its PAGE rows and one more). Only their points
# are counted and ranked: the order is the keys' own, so a page needs no other key's ranking, where
# ranking every key's points before the cut was most of the query (1M claims: all 1,232 points).
_CUT = (
    f"limit case when trim(:page) = '' then -1 else {PAGE} + 1 end "
    f"offset case when trim(:page) = '' then 0 else {OFFSET} end"
)
_SHOWN_KEYS = f"""shown_keys as materialized (
  select * from (
    select k.model, k.tier, k.to_resolution as resolution, k.to_duration_s as duration_s from key_map k
    where :since <> '' and exists (select 1 from price_point_sources p where {SAME_KEY.format(a="p", b="k")}
      and p.newest_observed_at >= {SINCE_UTC})
    group by k.model, k.tier, k.to_resolution, k.to_duration_s) r
  order by {PRICE_ORDER} {_CUT}
),
shown_sources as materialized (
  select k.* from key_map k join shown_keys s
  on k.model = s.model and k.tier is s.tier and k.to_resolution is s.resolution
    and k.to_duration_s is s.duration_s
),
"""


# The price points' tallies per source since :since, as price_point_sources holds them for all time:
# the months after the month of :since from price_point_months (m019), the rest of that month from
# the documents by date, and a model changed since the last recording from its documents whole. The
# same rows as grouping price_point_documents since then (tests compare both). Summed per source
# here, before the key map's join: grouping the months themselves into points with their distinct
# counts was half the price table's time with since. On a page (``paged`` and a :page) the months
# are read per key shown (m021's index); the documents read by date or by model are those of the
# models shown, and point_totals keeps the keys shown (``_ON_PAGE``). Every row (no :page, or not
# ``paged``): every asked model's months by date, and shown_keys is not read.
_ON_PAGE = """ and (trim(:page) = '' or exists (select 1 from shown_keys w where w.model = k.model
    and w.tier is k.tier and w.resolution is k.to_resolution and w.duration_s is k.to_duration_s))"""
_KEYED = "(select model from keys)"  # the models the query asked for (a filter on :model)
_SHOWN_MODELS = "(select model from shown_keys)"
_MONTHS = f"""select model, tier, resolution, duration_s, price_point, source, documents, key_documents,
    newest_observed_at, credits, credit_unit
  from price_point_months
  where :since <> '' and month > {_SINCE_MONTH} and model not in {CURRENT} and model in {_KEYED}"""
_SHOWN_MONTHS = f"""select m.model, m.tier, m.resolution, m.duration_s, m.price_point, m.source, m.documents,
    m.key_documents, m.newest_observed_at, m.credits, m.credit_unit
  from shown_sources k cross join price_point_months m indexed by price_point_months_key
    on {SAME_KEY.format(a="m", b="k")}
  where m.month > {_SINCE_MONTH} and k.model not in {CURRENT}"""


def _since_points(paged: bool) -> str:
    if paged:  # with no page every row: the months by date as below, and nothing read for shown_keys
        months = f"{_SHOWN_MONTHS} and trim(:page) <> ''\n  union all\n  {_MONTHS} and trim(:page) = ''"
        by_date = f"{_KEYED} and (trim(:page) = '' or model in {_SHOWN_MODELS})"
        by_model = f" and (trim(:page) = '' or model in {_SHOWN_MODELS})\n   "
    else:
        months, by_date, by_model = _MONTHS, _KEYED, ""
    return f"""since_points as (
  select model, tier, resolution, duration_s, price_point, source, sum(documents) as documents,
    sum(key_documents) as key_documents, max(newest_observed_at) as newest_observed_at,
    max(credits) as credits, max(credit_unit) as credit_unit from (
  {months}
  union all
  select {_PPD_AS_MONTHS} from price_point_documents
  where :since <> '' and observed_at >= {SINCE_UTC} and observed_at < {_NEXT_MONTH}
    and model not in {CURRENT} and model in {by_date}
  union all
  select {_PPD_AS_MONTHS} from price_point_documents
  where :since <> '' and model in {CURRENT}{by_model} and +observed_at >= {SINCE_UTC}  -- by model, not date
  ) group by model, tier, resolution, duration_s, price_point, source
)"""


# On a page with :since only the brands of the models shown need their rates (1M claims: 40,000
# credit-rate claims grouped on every request, a sixth of the page's query).
_PAGE_BRANDS = """
    where brand in (select m.brand from models m
      where :since = '' or trim(:page) = '' or m.name in (select model from shown_keys))"""


def price_ctes(keys_filter: str, paged: bool = False) -> str:
    """The price table's CTEs (keys up to fx and credit_rates) over the keys ``keys_filter`` admits;
    with :since and ``paged``, the points of the keys on the page asked for only (``shown_keys``)."""
    return f"""
with keys as (
  select distinct {KEY} from price_point_lists where {keys_filter}
),
maximal as (
  select * from keys s where not exists (
    select 1 from keys t where t.model = s.model and t.tier is s.tier
      and (s.resolution is null or t.resolution = s.resolution)
      and (s.duration_s is null or t.duration_s = s.duration_s)
      and (t.resolution is not s.resolution or t.duration_s is not s.duration_s))
),
targets as (
  select k.model, k.tier, k.resolution, k.duration_s, count(*) as n,
    max(s.resolution) as to_resolution, max(s.duration_s) as to_duration_s
  from keys k join maximal s on s.model = k.model and s.tier is k.tier
    and (k.resolution is null or s.resolution = k.resolution)
    and (k.duration_s is null or s.duration_s = k.duration_s)
    and (s.resolution is not k.resolution or s.duration_s is not k.duration_s)
  where k.resolution is null or k.duration_s is null
  group by 1, 2, 3, 4
),
key_map as (
  select *, count(*) over (partition by model, tier, to_resolution, to_duration_s) as merged from (
    select k.model, k.tier, k.resolution, k.duration_s,
      case when t.n = 1 then t.to_resolution else k.resolution end as to_resolution,
      case when t.n = 1 then t.to_duration_s else k.duration_s end as to_duration_s
    from keys k left join targets t on {SAME_KEY.format(a="t", b="k")})
),
{_SHOWN_KEYS if paged else ""}{_since_points(paged)},
point_totals as (
  select model, tier, to_resolution as resolution, to_duration_s as duration_s, price_point,
    max(credits) as credits, max(credit_unit) as credit_unit,
    sum(documents) as supporting_documents, count(distinct source) as supporting_sources,
    max(newest_observed_at) as newest_observed_at, sum(key_documents) as key_documents,
    count(distinct coalesce(resolution, '') || '|' || coalesce(duration_s, '')) as source_keys,
    max(merged) as merged_keys
  from (select {_MAPPED_KEY}, k.resolution, k.duration_s, p.price_point, p.credits, p.credit_unit,
          p.documents, p.source, p.newest_observed_at, p.key_documents, k.merged
        from key_map k join price_point_sources p on {SAME_KEY.format(a="p", b="k")}
        where :since = '')
  group by model, tier, to_resolution, to_duration_s, price_point
  union all
  select {_MAPPED_KEY}, s.price_point, max(s.credits), max(s.credit_unit), sum(s.documents),
    count(distinct s.source), max(s.newest_observed_at), sum(s.key_documents),
    count(distinct coalesce(k.resolution, '') || '|' || coalesce(k.duration_s, '')), max(k.merged)
  from since_points s join key_map k on {SAME_KEY.format(a="s", b="k")}
  where :since <> ''{_ON_PAGE if paged else ""}
  group by {_MAPPED_KEY}, s.price_point
),
ranked as (
  select p.*, {_newest("price_cny")} as price_cny, {_newest("price_usd")} as price_usd,
    row_number() over key_order as point_rank,
    count(*) over key_points as price_points,
    case when merged_keys = 1 then sum(key_documents) over key_points
      else (select count(distinct q.document_id) from key_map km cross join price_point_documents q
            on {SAME_KEY.format(a="q", b="km")} where {mapped("p")} and {since_filter("q.observed_at")}) end
      as total_documents
  from point_totals p
  window key_points as (partition by {KEY}),
    key_order as (key_points order by supporting_documents desc, newest_observed_at desc, price_point)
),
with_alternatives as (
  select r.*, json_group_array(json_object(
      'price_label', price_point, 'credits', credits, 'credit_unit', credit_unit,
      'price_cny', price_cny, 'price_usd', price_usd,
      'supporting_documents', supporting_documents, 'newest_observed_at', newest_observed_at
    )) over (partition by {KEY} order by point_rank rows between 1 following and unbounded following)
    as alternatives
  from ranked r
),
fx as (select max(rate) as usd_cny, max(as_of) as fx_date from exchange_rates where pair = 'USD/CNY'),
-- per brand and credit unit: the rate stated by the most documents (then the lower one), read from
-- m020's credit-rate claims kept with their brand, in the order of the groups
credit_rates as (
  select brand, credit_unit, credits_per_cny, credits_per_usd from (
    select brand, credit_unit, credits_per_cny, credits_per_usd,
      row_number() over (partition by brand, credit_unit, credits_per_cny is null
        order by count(distinct document_id) desc, coalesce(credits_per_cny, credits_per_usd)) as n
    from credit_rate_claims indexed by credit_rate_claims_brand{_PAGE_BRANDS if paged else ""}
    group by brand, credit_unit, credits_per_cny, credits_per_usd)
  where n = 1
)"""


#: The columns of a ranked price point, as price_ranks (m016) keeps them.
RANK_COLUMNS = (
    "model, tier, resolution, duration_s, price_point, credits, credit_unit, supporting_documents, "
    "supporting_sources, newest_observed_at, key_documents, source_keys, merged_keys, price_cny, "
    "price_usd, point_rank, price_points, total_documents, alternatives"
)
# A model's ranked points are kept in price_ranks as of the last recording of the price changes
# (db.price_events.record_price_changes: the end of every run, re-extraction and open); the
# models whose price points changed since then are listed in price_event_dirty (``CURRENT``)
# and ranked here as the query runs, as are all of them with ``since`` (it counts other documents).


def served_price_ctes(keys_filter: str, paged: bool = False) -> str:
    """The price table's CTEs up to ``points`` (every ranked point with its alternatives; ``kept``: read
    from price_ranks, whose document lists db.price_sql reads) over the keys ``keys_filter`` admits (with
    ``paged``, see price_ctes)."""
    live = price_ctes(f"{keys_filter} and (:since <> '' or model in {CURRENT})", paged)
    return (
        live
        + f""",
points as (
  select {RANK_COLUMNS}, 0 as kept from with_alternatives
  union all
  select {RANK_COLUMNS}, 1 from price_ranks
  where :since = '' and {keys_filter} and model not in {CURRENT}
)"""
    )


PRICE_CTES = served_price_ctes(model_filter("model"))
