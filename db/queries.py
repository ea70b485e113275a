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


# ---------------------------------------------------------------- price table
# The evidence is kept by triggers on claims and documents (db/migrations.py, m006):
# price_point_documents has one row per document x key x price point,
# price_point_sources its tallies per source and price_point_lists its documents'
# ids and URLs. Without ``since`` the table adds up the tallies (a few rows per
# price point) and reads the lists; with ``since`` it counts and lists the documents
# observed since then. Either way it reads no claim.
_KEY = "model, tier, resolution, duration_s"
_SAME_KEY = (
    "{a}.model = {b}.model and {a}.tier is {b}.tier and {a}.resolution is {b}.resolution "
    "and {a}.duration_s is {b}.duration_s"
)
# Its rows come in document_id order for one key and price point: the arrays list documents so.
_BY_KEY = "price_point_documents_key"


def _since(column: str) -> str:
    return f"(:since = '' or {column} >= {SINCE_UTC})"


def _point_docs(r: str, index: str = "") -> str:
    """The price_point_documents rows ``q`` for the key and price point of row ``r``, since :since."""
    indexed = f" indexed by {index}" if index else ""
    return (
        f"price_point_documents q{indexed} where {_SAME_KEY.format(a='q', b=r)} "
        f"and q.price_point = {r}.price_point and {_since('q.observed_at')}"
    )


def _newest(column: str, r: str = "p") -> str:
    """``column`` (price_cny, price_usd) from the newest document of the point that states it.

    Of equally new documents the larger amount is taken, so the choice is stable.
    """
    return (
        f"(select q.{column} from {_point_docs(r)} and q.{column} is not null "
        f"order by q.observed_at desc, q.{column} desc limit 1)"
    )


def _listed(column: str, r: str, counted: str) -> str:
    """``column`` of price_point_lists for row ``r``'s point.

    With ``since``: ``counted`` over the point's documents observed since then.
    """
    return (
        f"case when :since = '' then (select l.{column} from price_point_lists l "
        f"where {_SAME_KEY.format(a='l', b=r)} and l.price_point = {r}.price_point) "
        f"else (select {counted} from {_point_docs(r, _BY_KEY)}) end"
    )


def _document_ids(r: str) -> str:
    return _listed("document_ids", r, "json_group_array(q.document_id)")


def _document_urls(r: str) -> str:
    return _listed(
        "document_urls",
        r,
        "json_group_array(distinct q.document_url) filter (where q.document_url is not null)",
    )


# with since: count the documents observed since then (one model: through the key index)
_COUNTED = f"""select {_KEY}, price_point, max(credits), max(credit_unit), count(*), count(distinct source),
    max(observed_at), sum(first_for_key)
  from price_point_documents"""

PRICE_CTES = f"""
with point_totals as (
  select {_KEY}, price_point,
    max(credits) as credits, max(credit_unit) as credit_unit,
    sum(documents) as supporting_documents, count(source) as supporting_sources,
    max(newest_observed_at) as newest_observed_at, sum(key_documents) as key_documents
  from price_point_sources
  where :since = '' and (:model = '' or model = :model)
  group by {_KEY}, price_point
  union all
  {_COUNTED}
  where :since <> '' and :model = '' and observed_at >= {SINCE_UTC}
  group by {_KEY}, price_point
  union all
  {_COUNTED}
  where :since <> '' and model = :model and observed_at >= {SINCE_UTC}
  group by {_KEY}, price_point
),
ranked as (
  select p.*, {_newest("price_cny")} as price_cny, {_newest("price_usd")} as price_usd,
    row_number() over key_order as point_rank,
    count(*) over key_points as price_points,
    sum(key_documents) over key_points as total_documents
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
)"""

_RES_ORDER = (
    "case when lower(r.resolution) like '%k' then cast(r.resolution as integer) * 1000 "
    "else cast(r.resolution as integer) end"
)

#: The price table: one row per model x tier x resolution x duration (see the module docstring).
PRICE_TABLE_SQL = (
    PRICE_CTES
    + f"""
select r.model, m.vendor, r.tier, r.resolution, r.duration_s,
  r.price_point as price_label, r.credits, r.credit_unit, r.price_cny, r.price_usd,
  case when r.price_cny is not null and r.duration_s > 0 then round(r.price_cny / r.duration_s, 4) end
    as cny_per_second,
  case when r.credits is not null and r.duration_s > 0 then round(r.credits / r.duration_s, 4) end
    as credits_per_second,
  r.supporting_documents, r.supporting_sources, r.total_documents,
  {_document_ids("r")} as document_ids,
  {_document_urls("r")} as document_urls,
  r.newest_observed_at,
  case when r.price_points > 1 then 'true' else 'false' end as conflict,
  r.alternatives
from with_alternatives r
left join models m on m.name = r.model
where r.point_rank = 1
order by r.model, coalesce(r.tier, ''), {_RES_ORDER}, r.duration_s
"""
)

# Its columns holding JSON text are schemas.prices.JSON_FIELDS; Datasette decodes them with ``_json=``.

# One row per body price claim, for the history (read from claims: it shows each quote).
PRICE_OBS_CTE = f"""
with price_obs as (
  select c.id as claim_id, c.model, c.tier, c.resolution, c.duration_s,
    c.credits, c.credit_unit, c.price_cny, c.price_usd, c.quote,
    d.id as document_id, d.url as document_url, d.title as document_title,
    {OBSERVED_AT} as observed_at,
    case when c.credits is not null then printf('%g %s', c.credits, coalesce(c.credit_unit, 'credits'))
         when c.price_cny is not null then printf('CNY %g', c.price_cny)
         else printf('USD %g', c.price_usd) end as price_point
  from claims c
  join documents d on d.id = c.document_id
  where c.kind = 'price' and c.section = 'body' and c.model is not null
    and coalesce(c.credits, c.price_cny, c.price_usd) is not null
    and (:model = '' or c.model = :model)
    and (:since = '' or {OBSERVED_AT} >= {SINCE_UTC})
)"""

PRICE_HISTORY_SQL = (
    PRICE_OBS_CTE
    + """
select o.observed_at, o.model, o.tier, o.resolution, o.duration_s, o.price_point as price_label,
  o.credits, o.credit_unit, o.price_cny, o.price_usd,
  case when o.price_cny is not null and o.duration_s > 0 then round(o.price_cny / o.duration_s, 4) end
    as cny_per_second,
  o.quote, o.document_title, o.document_url, o.document_id, o.claim_id
from price_obs o
order by o.model, o.observed_at desc, coalesce(o.tier, ''), o.resolution, o.duration_s
"""
)

PRICE_CONFLICTS_SQL = (
    PRICE_CTES
    + f"""
select r.model, r.tier, r.resolution, r.duration_s, r.price_point as price_label,
  case when r.point_rank = 1 then 'shown' else 'alternative' end as in_price_table,
  r.credits, r.credit_unit, r.price_cny, r.price_usd,
  r.supporting_documents, r.newest_observed_at,
  {_document_urls("r")} as document_urls, {_document_ids("r")} as document_ids
from ranked r
where r.price_points > 1
order by r.model, coalesce(r.tier, ''), r.resolution, r.duration_s, r.point_rank
"""
)

# ---------------------------------------------------------------- other canned queries
MODEL_BUGS_STRENGTHS_SQL = f"""
with ctx as ({claim_context_sql("where c.model = :model and c.kind in ('bug', 'strength')")})
select c.kind, c.model, c.tier, ctx.context_before, c.quote, ctx.context_after, c.confidence,
  {OBSERVED_AT} as observed_at, d.title as document_title, d.url as document_url,
  d.id as document_id, c.id as claim_id
from claims c
join documents d on d.id = c.document_id
join ctx on ctx.claim_id = c.id
where c.model = :model and c.kind in ('bug', 'strength') and c.section = 'body'
order by c.kind, observed_at desc, c.start
"""


def _side(param: str) -> str:
    p = param[-1]
    return f"""
  {p}.claims as {p}_claims, {p}.documents as {p}_documents,
  (select group_concat(quote, ' ｜ ') from (
     select quote from claims where model = :{param} and kind = k.kind and section = 'body'
     group by quote order by max(confidence) desc, quote limit 3)) as {p}_examples"""


COMPARE_MODELS_SQL = f"""
with per_kind as (
  select kind, model, count(*) as claims, count(distinct document_id) as documents
  from claims where section = 'body' and model in (:model_a, :model_b)
  group by kind, model
),
k as (select distinct kind from per_kind)
select k.kind, :model_a as model_a,{_side("model_a")},
  :model_b as model_b,{_side("model_b")}
from k
left join per_kind a on a.kind = k.kind and a.model = :model_a
left join per_kind b on b.kind = k.kind and b.model = :model_b
order by k.kind
"""

_LIKE = r"'%' || replace(replace(replace(trim(:q), '\', '\\'), '%', '\%'), '_', '\_') || '%'"
_MATCH = "'\"' || replace(trim(:q), '\"', '\"\"') || '\"'"
_SNIPPET = (
    "case when instr(d.text, trim(:q)) > 0 "
    "then substr(d.text, max(instr(d.text, trim(:q)) - 30, 1), 100) "
    "else substr(coalesce(nullif(d.summary, ''), d.text, ''), 1, 100) end"
)

# Two-character queries (most Chinese words) go through the trigram index too: an
# occurrence with a character after it lies in a trigram that starts with the query,
# and the fts5vocab tables (m007) list those trigrams, so the query MATCHes their
# OR. An occurrence at the very end of a column has no such trigram: the index on
# the last two characters of each searched column finds those. LIKE then checks
# every candidate, so the hits are exactly what LIKE finds. This holds when LIKE and
# the tokenizer fold the query alike: ASCII (both ignore its case) and caseless
# scripts (CJK, kana, hangul, fullwidth punctuation). Other two-character queries and
# one-character queries scan with LIKE.
_Q = "trim(:q)"
_FOLDS_ALIKE = (
    "[^ -~\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    "\uff01-\uff20\uff3b-\uff40\uff5b-\uff65]"
)
_PAIR = f"(length({_Q}) = 2 and {_Q} not glob '*{_FOLDS_ALIKE}*')"
_SCAN = f"(length({_Q}) between 1 and 2 and not {_PAIR})"
_TAIL = f"lower({_Q})"


def _pair_terms(vocab: str) -> str:
    """The FTS5 query: every trigram of ``vocab`` that starts with the two characters, OR-ed."""
    return f"""select group_concat('"' || replace(term, '"', '""') || '"', ' OR ') as m from {vocab}
  where {_PAIR} and term >= lower({_Q}) and term <= lower({_Q}) || char(1114111)
  having count(*) > 0"""


def _pair_hits(table: str, columns: tuple[str, ...]) -> str:
    tails = "".join(
        f"\n      union all select rowid from {table} where {_PAIR} and lower(substr({c}, -2)) = {_TAIL}"
        for c in columns
    )
    return f"select {table}_fts.rowid from {table}_terms t, {table}_fts where {table}_fts match t.m{tails}"


def _like_any(columns: tuple[str, ...]) -> str:
    return "(" + " or ".join(f"{c} like {_LIKE} escape '\\'" for c in columns) + ")"


_CLAIM_COLUMNS = ("quote", "model")
_DOCUMENT_COLUMNS = ("title", "text", "summary")


def _hits(table: str, columns: tuple[str, ...]) -> str:
    """Rowids of ``table`` matching :q, by whichever of the three routes fits its length."""
    return f"""
  select rowid as rid from {table}_fts
  where length({_Q}) >= 3 and {table}_fts match {_MATCH}
  union
  select rowid from {table}
  where {_SCAN} and {_like_any(columns)}
  union
  select rowid from {table}
  where rowid in ({_pair_hits(table, columns)})
    and {_like_any(columns)}
"""


#: Trigram FTS for three or more characters; two through the trigram vocabulary (above); one by LIKE.
SEARCH_SQL = f"""
with claims_terms as ({_pair_terms("claims_fts_vocab")}),
documents_terms as ({_pair_terms("documents_fts_vocab")}),
claim_hits as ({_hits("claims", _CLAIM_COLUMNS)}),
document_hits as ({_hits("documents", _DOCUMENT_COLUMNS)})
select 'claim' as hit, c.kind, c.model, c.section, c.quote as snippet,
  d.title as document_title, d.url as document_url, {OBSERVED_AT} as observed_at,
  d.id as document_id, c.id as claim_id
from claim_hits h join claims c on c.rowid = h.rid join documents d on d.id = c.document_id
union all
select 'document', null, null, null, {_SNIPPET},
  d.title, d.url, {OBSERVED_AT}, d.id, null
from document_hits h join documents d on d.rowid = h.rid
order by hit, observed_at desc
"""

# ---------------------------------------------------------------- charts
# Kept by triggers as claims and documents are written (db/migrations.py, m009); the same
# rows as grouping every claim with its document by month and kind (tests check both agree).
CLAIMS_OVER_TIME_SQL = """
select month, kind, claims, documents
from claims_by_month
order by month, kind
"""


#: The canned queries Datasette shows, by name; their titles, descriptions and
#: parameters are in ``ingest/web/metadata.yml`` under ``queries:``.
QUERIES: dict[str, str] = {
    "price_table": PRICE_TABLE_SQL,
    "price_history": PRICE_HISTORY_SQL,
    "price_conflicts": PRICE_CONFLICTS_SQL,
    "model_bugs_strengths": MODEL_BUGS_STRENGTHS_SQL,
    "compare_models": COMPARE_MODELS_SQL,
    "search": SEARCH_SQL,
    "claims_over_time": CLAIMS_OVER_TIME_SQL,
}
