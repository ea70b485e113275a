"""The SQL behind Datasette's canned queries, the price-table export and the charts.

Every query text lives here once: ``ingest.web.serve`` puts :data:`QUERIES` into the
``queries:`` part of Datasette's metadata, ``ingest.export`` runs
:data:`PRICE_TABLE_SQL`, and the chart pages run the chart queries.

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

# The text that a claim's offsets refer to, by section (see Document.section_text).
SECTION_TEXT = """case c.section
    when 'summary' then coalesce(d.summary, '')
    when 'metadata' then coalesce((select group_concat(j.key || ': ' || j.value, char(10))
                                   from json_each(d.metadata) j), '')
    else coalesce(d.text, '') end"""

# Documents are dated by publication, else by when the pipeline first saw them.
OBSERVED_AT = "strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at, d.first_seen))"

CONTEXT_CHARS = 60

# ``:since`` as UTC; a date or time without an offset is Beijing time, as in `pingce run --since`.
SINCE_UTC = (
    "strftime('%Y-%m-%dT%H:%M:%SZ', :since, case when :since glob '*Z' "
    "or :since glob '*T*[+-][0-9][0-9]:[0-9][0-9]' then '+0 hours' else '-8 hours' end)"
)


def claim_context_sql(where: str = "", chars: int = CONTEXT_CHARS) -> str:
    """One row per claim: ``chars`` characters either side of its quote.

    The stored offsets are trusted when they still point at the quote; otherwise
    the quote is searched for, and ``located`` says which (offsets/search/missing).
    """
    return f"""
select claim_id, located,
  case when pos >= 0 then substr(src, max(pos - {chars}, 0) + 1, pos - max(pos - {chars}, 0)) else '' end
    as context_before,
  case when pos >= 0 then substr(src, pos + length(quote) + 1, {chars}) else '' end as context_after
from (
  select claim_id, quote, src,
    case when substr(src, start + 1, "end" - start) = quote then start
         when instr(src, quote) > 0 then instr(src, quote) - 1 else -1 end as pos,
    case when substr(src, start + 1, "end" - start) = quote then 'offsets'
         when instr(src, quote) > 0 then 'search' else 'missing' end as located
  from (
    select c.id as claim_id, c.quote, c.start, c."end", {SECTION_TEXT} as src
    from claims c join documents d on d.id = c.document_id
    {where}
  )
)"""


# ---------------------------------------------------------------- pages of the long lists
#: Rows per page of the canned queries that list claims or hits.
PAGE = 100
#: ``:page`` (1, 2, …; empty or nonsense is 1) as the number of rows before it.
OFFSET = f"((max(coalesce(cast(nullif(trim(:page), '') as integer), 1), 1) - 1) * {PAGE})"

_RES_ORDER = (
    "case when lower(r.resolution) like '%k' then cast(r.resolution as integer) * 1000 "
    "else cast(r.resolution as integer) end"
)
#: The price table's order: model, tier, resolution, duration (then the tier and resolution as
#: written, so that keys the first terms tie, such as 720p and 720P, come in one order on every page).
_PRICE_ORDER = f"r.model, coalesce(r.tier, ''), {_RES_ORDER}, r.duration_s, r.tier, r.resolution"


# ---------------------------------------------------------------- price table
# Each document's price point per key is kept in price_point_documents (db/price_points.py:
# one row per document and key, its resolution and clip length filled from the document,
# points agreeing through its rate merged), price_point_sources holds the tallies per
# source and price_point_lists the documents' ids and URLs (m006's triggers).
#
# Across documents a less specific key (no resolution, or no clip length) is counted
# under the one more specific key of the same model and tier that it is compatible with,
# when there is exactly one (``key_map``); otherwise it stays a row of its own.
_KEY = "model, tier, resolution, duration_s"
_SAME_KEY = (
    "{a}.model = {b}.model and {a}.tier is {b}.tier and {a}.resolution is {b}.resolution "
    "and {a}.duration_s is {b}.duration_s"
)
# Its rows come in document_id order for one key and price point: the arrays list documents so.
_BY_KEY = "price_point_documents_key"

#: The models a ``:model`` filter names (see the ``model_keys`` view): a canonical name or an
#: alias in any case and spacing, "brand version" in any of the brand's names, or a bare
#: brand for all its models.
MODEL_KEY = "lower(replace(replace(trim(:model), ' ', ''), '-', ''))"
MODELS_NAMED = f"(select k.model from model_keys k where k.key = {MODEL_KEY})"


def model_filter(column: str) -> str:
    return f"(:model = '' or {column} in {MODELS_NAMED})"


def _since(column: str) -> str:
    return f"(:since = '' or {column} >= {SINCE_UTC})"


def _mapped(r: str) -> str:
    """key_map rows ``km`` whose target is row ``r``'s key."""
    return (
        f"km.model = {r}.model and km.tier is {r}.tier and km.to_resolution is {r}.resolution "
        f"and km.to_duration_s is {r}.duration_s"
    )


def _point_docs(r: str, index: str = "") -> str:
    """price_point_documents rows ``q`` counted for row ``r``'s key and price point, since :since."""
    indexed = f" indexed by {index}" if index else ""
    # The row's key map entries first, as a subquery the planner keeps whole (``limit -1``): joined
    # directly, a page of a few rows was planned as a scan of the whole key map per row, with a
    # Bloom filter over every price point's documents built first (price_conflicts with a model
    # and since at a million claims: 77 -> 21 ms CPU, the same rows)
    return (
        f"(select * from key_map km where {_mapped(r)} limit -1) km "
        f"cross join price_point_documents q{indexed} on {_SAME_KEY.format(a='q', b='km')} "
        f"and q.price_point = {r}.price_point where {_since('q.observed_at')}"
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
        f"where {_SAME_KEY.format(a='q', b='km')} and q.price_point = {r}.price_point "
        f"and q.{column} is not null and {_since('q.observed_at')} "
        f"order by q.observed_at desc, q.{column} desc limit 1"
    )
    # A key no other key is merged into (merged_keys = 1: its only key map entry is itself, as every
    # target is a key of its own) is one seek on its own key, not two per entry and a sort: at a
    # million claims with ``since`` (every point ranked as the query runs) 37 -> 15 ms
    own = (
        f"select q.{column} from price_point_documents q indexed by price_point_documents_{column} "
        f"where {_SAME_KEY.format(a='q', b=r)} and q.price_point = {r}.price_point "
        f"and q.{column} is not null and {_since('q.observed_at')} "
        f"order by q.observed_at desc, q.{column} desc limit 1"
    )
    return (
        f"case when {r}.merged_keys = 1 then ({own}) else "
        f"(select n.v from (select ({last.format(what='observed_at')}) as at, "
        f"({last.format(what=column)}) as v from key_map km where {_mapped(r)}) n "
        "where n.v is not null order by n.at desc, n.v desc limit 1) end"
    )


def _stored(column: str, r: str) -> str:
    """``column`` of price_point_lists for row ``r``'s point (read when it has one source key)."""
    return (
        f"(select l.{column} from key_map km join price_point_lists l on {_SAME_KEY.format(a='l', b='km')} "
        f"and l.price_point = {r}.price_point where {_mapped(r)})"
    )


def _listed(column: str, r: str, counted: str) -> str:
    """``column`` of price_point_lists for row ``r``'s point (one source key), else ``counted``."""
    return (
        f"case when :since = '' and {r}.source_keys = 1 then {_stored(column, r)} "
        f"else (select {counted} from (select q.document_id, q.document_url from {_point_docs(r, _BY_KEY)} "
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
        f"from price_point_documents q indexed by {_BY_KEY} where {_SAME_KEY.format(a='q', b=r)} "
        f"and q.price_point = {r}.price_point and {_since('q.observed_at')})"
    )
    return (
        f"case when {r}.kept or (:since = '' and {r}.source_keys = 1) then null "
        f"when {r}.merged_keys = 1 then ({own}) "
        f"else (select json_array({_IDS}, {_URLS}) from (select q.document_id, q.document_url "
        f"from {_point_docs(r, _BY_KEY)} order by q.document_id)) end"
    )


def _lists_column(column: str, r: str) -> str:
    """document_ids or document_urls of row ``r``, which carries ``_both_lists`` as ``lists``."""
    at = 0 if column == "document_ids" else 1
    return (
        f"case when :since = '' and {r}.source_keys = 1 then {_stored(column, r)} "
        f"else json_extract({r}.lists, '$[{at}]') end"
    )


_MAPPED_KEY = "k.model, k.tier, k.to_resolution, k.to_duration_s"


# The models whose price points changed since price_ranks and price_point_months were last refreshed
# (db/price_events.py): ranked from price_point_documents as the query runs.
_CURRENT = "(select model from price_event_dirty)"
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
    where :since <> '' and exists (select 1 from price_point_sources p where {_SAME_KEY.format(a="p", b="k")}
      and p.newest_observed_at >= {SINCE_UTC})
    group by k.model, k.tier, k.to_resolution, k.to_duration_s) r
  order by {_PRICE_ORDER} {_CUT}
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
  where :since <> '' and month > {_SINCE_MONTH} and model not in {_CURRENT} and model in {_KEYED}"""
_SHOWN_MONTHS = f"""select m.model, m.tier, m.resolution, m.duration_s, m.price_point, m.source, m.documents,
    m.key_documents, m.newest_observed_at, m.credits, m.credit_unit
  from shown_sources k cross join price_point_months m indexed by price_point_months_key
    on {_SAME_KEY.format(a="m", b="k")}
  where m.month > {_SINCE_MONTH} and k.model not in {_CURRENT}"""


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
    and model not in {_CURRENT} and model in {by_date}
  union all
  select {_PPD_AS_MONTHS} from price_point_documents
  where :since <> '' and model in {_CURRENT}{by_model} and +observed_at >= {SINCE_UTC}  -- by model, not date
  ) group by model, tier, resolution, duration_s, price_point, source
)"""


def price_ctes(keys_filter: str, paged: bool = False) -> str:
    """The price table's CTEs (keys up to fx and credit_rates) over the keys ``keys_filter`` admits;
    with :since and ``paged``, the points of the keys on the page asked for only (``_shown_keys``)."""
    return f"""
with keys as (
  select distinct {_KEY} from price_point_lists where {keys_filter}
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
    from keys k left join targets t on {_SAME_KEY.format(a="t", b="k")})
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
        from key_map k join price_point_sources p on {_SAME_KEY.format(a="p", b="k")}
        where :since = '')
  group by model, tier, to_resolution, to_duration_s, price_point
  union all
  select {_MAPPED_KEY}, s.price_point, max(s.credits), max(s.credit_unit), sum(s.documents),
    count(distinct s.source), max(s.newest_observed_at), sum(s.key_documents),
    count(distinct coalesce(k.resolution, '') || '|' || coalesce(k.duration_s, '')), max(k.merged)
  from since_points s join key_map k on {_SAME_KEY.format(a="s", b="k")}
  where :since <> ''{_ON_PAGE if paged else ""}
  group by {_MAPPED_KEY}, s.price_point
),
ranked as (
  select p.*, {_newest("price_cny")} as price_cny, {_newest("price_usd")} as price_usd,
    row_number() over key_order as point_rank,
    count(*) over key_points as price_points,
    case when merged_keys = 1 then sum(key_documents) over key_points
      else (select count(distinct q.document_id) from key_map km cross join price_point_documents q
            on {_SAME_KEY.format(a="q", b="km")} where {_mapped("p")} and {_since("q.observed_at")}) end
      as total_documents
  from point_totals p
  window key_points as (partition by {_KEY}),
    key_order as (key_points order by supporting_documents desc, newest_observed_at desc, price_point)
),
with_alternatives as (
  select r.*, json_group_array(json_object(
      'price_label', price_point, 'credits', credits, 'credit_unit', credit_unit,
      'price_cny', price_cny, 'price_usd', price_usd,
      'supporting_documents', supporting_documents, 'newest_observed_at', newest_observed_at
    )) over (partition by {_KEY} order by point_rank rows between 1 following and unbounded following)
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
    from credit_rate_claims indexed by credit_rate_claims_brand
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
# models whose price points changed since then are listed in price_event_dirty (``_CURRENT``)
# and ranked here as the query runs, as are all of them with ``since`` (it counts other documents).


def served_price_ctes(keys_filter: str, paged: bool = False) -> str:
    """The price table's CTEs up to ``points`` (every ranked point with its alternatives; ``kept``: read
    from price_ranks, whose document lists _KEPT reads) over the keys ``keys_filter`` admits (with
    ``paged``, see price_ctes)."""
    live = price_ctes(f"{keys_filter} and (:since <> '' or model in {_CURRENT})", paged)
    return (
        live
        + f""",
points as (
  select {RANK_COLUMNS}, 0 as kept from with_alternatives
  union all
  select {RANK_COLUMNS}, 1 from price_ranks
  where :since = '' and {keys_filter} and model not in {_CURRENT}
)"""
    )


PRICE_CTES = served_price_ctes(model_filter("model"))

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

#: The price table: one row per model x tier x resolution x duration (see the module docstring).
PRICE_TABLE_SQL = (
    PRICE_CTES
    + ","
    + VALUED
    + f""",
listed as materialized (select r.*, {_both_lists("r")} as lists from valued r)
select {_PRICE_COLUMNS}
from listed r
order by {_PRICE_ORDER}
"""
)

# Its columns holding JSON text are schemas.prices.JSON_FIELDS; Datasette decodes them with ``_json=``.


def _next_page(query: str, params: tuple[str, ...]) -> str:
    """The ``next_page`` cursor: the query, its parameters and the next page's number.

    The web plugin shows it as a link to that page (ingest/web, render_cell).
    """
    pairs = "".join(f"'{p}', trim(:{p}), " for p in params)
    return f"json_object('query', '{query}', {pairs}'page', {OFFSET} / {PAGE} + 2)"


def _last_row(order: str) -> str:
    """True on the last row of a result in ``order`` (its terms, none with a comma, reversed)."""
    terms = [t.strip() for t in order.split(",")]
    reverse = ", ".join(t[: -len(" desc")] if t.endswith(" desc") else f"{t} desc" for t in terms)
    return f"row_number() over (order by {reverse}) = 1"


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
  case when {_last_row(_HISTORY_ORDER)} and (select count(*) from page) > {PAGE}
    then {_next_page("price_history", ("model", "since"))} end as next_page
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
  case when {_last_row(_CONFLICTS_ORDER)} and (select count(*) from conflicts) > {PAGE}
    then {_next_page("price_conflicts", ("model", "since"))} end as next_page
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
  order by {_PRICE_ORDER}
  limit case when trim(:page) = '' then -1 else {PAGE} + 1 end
  offset case when trim(:page) = '' or :since <> '' then 0 else {OFFSET} end  -- since: shown_keys cut
),
listed as materialized (select r.*, {_both_lists("r")} as lists from page r)
select {_PRICE_COLUMNS},
  case when trim(:page) <> '' and row_number() over (order by {_PRICE_ORDER}) = {PAGE}
    and (select count(*) from page) > {PAGE}
  then {_next_page("price_table", ("model", "since"))} end as next_page
from listed r
order by {_PRICE_ORDER}
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
  then {_next_page("price_changes", ("model", "since"))} end as next_page
from changes order by id desc limit {_CHANGES_LIMIT}
"""


# ---------------------------------------------------------------- other canned queries
def models_named(param: str = "model") -> str:
    """The models the filter ``:param`` names (a name, an alias, "brand version" or a bare brand)."""
    key = MODEL_KEY.replace(":model", f":{param}")
    return f"(select k.model from model_keys k where k.key = {key})"


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
  case when {_last_row(_BUGS_ORDER)} and (select count(*) from page) > {PAGE}
    then {_next_page("model_bugs_strengths", ("model",))} end as next_page
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

# Search matches across scripts: the indexes hold each column's Simplified copy (db/search.py)
# and the query is converted the same way (pingce_search_query: trimmed, Simplified), so 变形
# finds 變形 and 變形 finds 变形; quotes and texts are shown verbatim.
_Q = "pingce_search_query(:q)"
_LIKE = rf"'%' || replace(replace(replace({_Q}, '\', '\\'), '%', '\%'), '_', '\_') || '%'"
_MATCH = f"'\"' || replace({_Q}, '\"', '\"\"') || '\"'"
# where the match is, in either script (db.search.locate)
_AT = f"pingce_locate(d.text, {_Q})"
_SNIPPET = (
    f"case when {_AT} > 0 then substr(d.text, max({_AT} - 30, 1), 100) "
    "else substr(coalesce(nullif(d.summary, ''), d.text, ''), 1, 100) end"
)

# Three or more characters: a phrase of trigrams. One or two characters (most Chinese words)
# go through the trigram index too: the index holds two end marks after each column, so every
# occurrence lies in a trigram that starts with the query, and the fts5vocab tables (m007,
# m014) list those trigrams, so the query MATCHes their OR. The hits are exactly the rows
# whose Simplified copy contains the query, ignoring ASCII case, when the tokenizer and LIKE
# fold the query alike: ASCII (both ignore its case) and caseless scripts (CJK, kana,
# hangul, fullwidth punctuation). Other one- and two-character queries scan with LIKE over
# the Simplified copy.
_FOLDS_ALIKE = (
    "[^ -~\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    "\uff01-\uff20\uff3b-\uff40\uff5b-\uff65]"
)
_SHORT = f"(length({_Q}) between 1 and 2 and {_Q} not glob '*{_FOLDS_ALIKE}*')"
_SCAN = f"(length({_Q}) between 1 and 2 and not {_SHORT})"


def _short_terms(vocab: str) -> str:
    """The FTS5 query: every trigram of ``vocab`` that starts with the query, OR-ed."""
    return f"""select group_concat('"' || replace(term, '"', '""') || '"', ' OR ') as m from {vocab}
  where {_SHORT} and term >= lower({_Q}) and term <= lower({_Q}) || char(1114111)
  having count(*) > 0"""


def _like_any(columns: tuple[str, ...], alias: str = "") -> str:
    return "(" + " or ".join(f"pingce_simplified({alias}{c}) like {_LIKE} escape '\\'" for c in columns) + ")"


_CLAIM_COLUMNS = ("quote", "model")
_DOCUMENT_COLUMNS = ("title", "text", "summary")


def _hits(table: str, columns: tuple[str, ...], guard: str = "1") -> str:
    """Rowids of ``table`` matching :q, by whichever of the three routes fits its length (when ``guard``)."""
    return f"""
  select rowid as rid from {table}_fts
  where {guard} and length({_Q}) >= 3 and {table}_fts match {_MATCH}
  union
  select {table}_fts.rowid from {table}_terms t, {table}_fts where {guard} and {table}_fts match t.m
  union
  select rowid from {table}
  where {guard} and {_SCAN} and {_like_any(columns)}
"""


def table_search_where(table: str, param: str = "pingce_q") -> str:
    """Where clause on ``claims`` or ``documents``: rows matching ``:param`` as the search query finds them.

    Datasette's own ``_search`` asks a trigram index of the verbatim text, which finds nothing
    shorter than three characters and no other script; the web plugin answers every table
    search with this instead.
    """
    columns = _CLAIM_COLUMNS if table == "claims" else _DOCUMENT_COLUMNS
    terms = _short_terms(f"{table}_fts_vocab")
    sql = f"rowid in (with {table}_terms as ({terms}) select rid from ({_hits(table, columns)}))"
    return sql.replace(":q", f":{param}")


# A page of search hits: the newest PAGE claims and the newest PAGE documents that match, each
# newest first (page=2, 3, … the next ones). A rare word (at most SEARCH_FEW hits, counted in
# the trigram index up to that many) has its hits gathered from the index and sorted by date. A
# common one (可灵 is on a fifth of the claims) is found by reading the rows newest first through
# an index on their date and checking each with LIKE until the page is full: a few hundred rows,
# where gathering its hits and sorting them reads hundreds of thousands. When the newest
# SEARCH_WALK x (the rows wanted) rows (at most 200 x SEARCH_WALK) do not fill the page, its
# hits are gathered and picked from the index on the date by rowid. LIKE is used only for
# queries it answers as the index does (``_FOLDS_ALIKE``), so every way finds the same rows.
SEARCH_FEW = 2000
_WALKABLE = f"(length({_Q}) >= 1 and {_Q} not glob '*{_FOLDS_ALIKE}*')"
_WANTED = f"({OFFSET} + {PAGE} + 1)"
_SEARCH_ORDER = "hit, observed_at desc, r desc"
#: table -> (its date, the index on it)
_BY_DATE = {
    "claims": ("t.observed_at", "claims_observed_at"),
    "documents": (
        "strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(t.published_at, t.first_seen))",
        "documents_observed_at",
    ),
}
#: rows read per row wanted before the index is asked: claims are short, documents long
SEARCH_WALK = {"claims": 50, "documents": 3}


def _search_page(table: str, columns: tuple[str, ...], walk: int, few: int) -> str:
    """CTEs ``{p}_walk``, ``{p}_hits`` and ``{p}_page``: :q's rows of ``table`` on the page, newest
    first, and one more: (rid, at)."""
    p = table[:-1]
    date, index = _BY_DATE[table]
    walked = f"((select count(*) from {p}_walk) = {_WANTED})"
    hits = f"(select count(*) from {p}_hits)"

    def page(way: str) -> str:
        # the way not taken reads nothing: a LIMIT of 0 ends a query before its first row
        return f"limit case when {way} then {PAGE} + 1 else 0 end offset {OFFSET}"

    return f"""
{p}_few as materialized (
  select count(*) <= {few} as few from (
    select rowid from {table}_fts where length({_Q}) >= 3 and {table}_fts match {_MATCH}
    union all
    select {table}_fts.rowid from {table}_terms t, {table}_fts where {table}_fts match t.m
    limit {few} + 1)),
{p}_walk as materialized (
  select rid, at from (
    select t.rowid as rid, {date} as at, {_like_any(columns, "t.")} as matched
    from {table} t indexed by {index} where {_WALKABLE}
    order by {date} desc, t.rowid desc
    limit case when (select few from {p}_few) then 0 else min({walk} * {_WANTED}, {walk} * 200) end)
  where matched limit {_WANTED}),
{p}_hits as materialized ({_hits(table, columns, f"not {walked}")}),
{p}_page as materialized (
  select * from (select rid, at from {p}_walk order by at desc, rid desc {page(walked)})
  union all
  select * from (select t.rowid, {date} from {p}_hits h join {table} t on t.rowid = h.rid
                 order by 2 desc, 1 desc {page(f"not {walked} and {hits} <= {few}")})
  union all
  select * from (select t.rowid, {date} from {table} t indexed by {index}
                 where t.rowid in (select rid from {p}_hits)
                 order by {date} desc, t.rowid desc {page(f"not {walked} and {hits} > {few}")}))"""


# Simplified and Traditional alike: trigram FTS for three or more characters, the trigram
#: vocabulary for one or two (above); a page of each, newest first.
def search_sql(walk: dict[str, int] = SEARCH_WALK, few: int = SEARCH_FEW) -> str:
    """The search query (tests ask for small ``walk`` and ``few`` to take every way on a few rows)."""
    claims = _search_page("claims", _CLAIM_COLUMNS, walk["claims"], few)
    documents = _search_page("documents", _DOCUMENT_COLUMNS, walk["documents"], few)
    return f"""
with claims_terms as ({_short_terms("claims_fts_vocab")}),
documents_terms as ({_short_terms("documents_fts_vocab")}),{claims},{documents},
shown as (
  select 'claim' as hit, c.kind, c.model, c.section, c.quote as snippet,
    d.title as document_title, d.url as document_url, p.at as observed_at,
    d.id as document_id, c.id as claim_id, p.rid as r
  from (select * from claim_page order by at desc, rid desc limit {PAGE}) p
  join claims c on c.rowid = p.rid join documents d on d.id = c.document_id
  union all
  select 'document', null, null, null, {_SNIPPET}, d.title, d.url, p.at, d.id, null, p.rid
  from (select * from document_page order by at desc, rid desc limit {PAGE}) p
  join documents d on d.rowid = p.rid)
select hit, kind, model, section, snippet, document_title, document_url, observed_at, document_id,
  claim_id,
  case when {_last_row(_SEARCH_ORDER)}
    and ((select count(*) from claim_page) > {PAGE} or (select count(*) from document_page) > {PAGE})
    then {_next_page("search", ("q",))} end as next_page
from shown
order by {_SEARCH_ORDER}
"""


SEARCH_SQL = search_sql()

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
