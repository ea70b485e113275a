"""SQL fragments every query module shares: a claim's text and the context around its quote, a
document's date, ``:since`` as UTC, the models a ``:model`` filter names, and pages.

Pages: a canned query that lists claims, hits or price rows takes ``:page`` (1, 2, …; empty or
nonsense is 1) and returns PAGE rows from OFFSET, reading one row more to know whether another page
follows; its last row then carries a ``next_page`` cursor (:func:`next_page`: the query, its
parameters and the next page's number) that the web plugin draws as a link. Without ``:page`` the
paged price queries return every row (the JSON a follower or the export reads), and the web plugin
asks for page 1 when an HTML page is opened without one (ingest.web.params).

``:since`` is an ISO date or time; without an offset it is Beijing time, as `pingce run --since`
reads it, and text SQLite cannot read as a date matches nothing (price_changes also takes a run
number). ``:model`` names a model, an alias, "brand version" or a bare brand (MODELS_NAMED), in
any case and spacing.
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


#: The models a ``:model`` filter names (see the ``model_keys`` view): a canonical name or an
#: alias in any case and spacing, "brand version" in any of the brand's names, or a bare
#: brand for all its models.
MODEL_KEY = "lower(replace(replace(trim(:model), ' ', ''), '-', ''))"
MODELS_NAMED = f"(select k.model from model_keys k where k.key = {MODEL_KEY})"


def model_filter(column: str) -> str:
    return f"(:model = '' or {column} in {MODELS_NAMED})"


def models_named(param: str = "model") -> str:
    """The models the filter ``:param`` names (a name, an alias, "brand version" or a bare brand)."""
    key = MODEL_KEY.replace(":model", f":{param}")
    return f"(select k.model from model_keys k where k.key = {key})"


def next_page(query: str, params: tuple[str, ...]) -> str:
    """The ``next_page`` cursor: the query, its parameters and the next page's number.

    The web plugin shows it as a link to that page (ingest/web, render_cell).
    """
    pairs = "".join(f"'{p}', trim(:{p}), " for p in params)
    return f"json_object('query', '{query}', {pairs}'page', {OFFSET} / {PAGE} + 2)"


def last_row(order: str) -> str:
    """True on the last row of a result in ``order`` (its terms, none with a comma, reversed)."""
    terms = [t.strip() for t in order.split(",")]
    reverse = ", ".join(t[: -len(" desc")] if t.endswith(" desc") else f"{t} desc" for t in terms)
    return f"row_number() over (order by {reverse}) = 1"
