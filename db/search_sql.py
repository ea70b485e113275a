"""The search query (one page of matching claims and documents, newest first) and the same matching
for a table page's search box (``table_search_where``)."""

from __future__ import annotations

from db.sql_parts import OFFSET, PAGE, last_row, next_page

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
  case when {last_row(_SEARCH_ORDER)}
    and ((select count(*) from claim_page) > {PAGE} or (select count(*) from document_page) > {PAGE})
    then {next_page("search", ("q",))} end as next_page
from shown
order by {_SEARCH_ORDER}
"""


SEARCH_SQL = search_sql()
