"""Schema changes, in order. Never edit an applied migration: add a new one."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

migrations = Migrations("pingce")

CLAIM_NUMBERS = {
    "credits": float,
    "credit_unit": str,
    "price_cny": float,
    "price_usd": float,
    "duration_s": float,
    "resolution": str,
    "credits_per_cny": float,
    "credits_per_usd": float,
    "percent": float,
    "direction": str,
    "versus": str,
    "generation_s": float,
    "generation_s_min": float,
    "generation_s_max": float,
}


@migrations()
def m001_core(db: Database) -> None:
    db.table("sources").create({"name": str, "type": str, "config": str}, pk="name")
    db.table("raw").create(
        {"sha256": str, "origin": str, "content_type": str, "size": int, "body": bytes, "first_seen": str},
        pk="sha256",
    )
    db.table("models").create({"name": str, "vendor": str, "brand": str, "aliases": str}, pk="name")
    db.table("runs").create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "status": str,
            "exit_code": int,
            "pid": int,
            "config_path": str,
            "sources_total": int,
            "sources_failed": int,
            "raw_new": int,
            "documents_new": int,
            "documents_changed": int,
            "documents_unchanged": int,
            "claims_new": int,
            "claims_removed": int,
            "errors": int,
        },
        pk="id",
    )
    db.table("run_errors").create(
        {"id": int, "run_id": int, "source": str, "origin": str, "error": str, "raw_sha256": str},
        pk="id",
        foreign_keys=[("run_id", "runs", "id"), ("raw_sha256", "raw", "sha256")],
    )
    db.table("documents").create(
        {
            "id": str,
            "source": str,
            "platform": str,
            "platform_id": str,
            "url": str,
            "title": str,
            "author": str,
            "published_at": str,
            "status": str,
            "truncated": int,
            "pinned": int,
            "repost_of": str,
            "via": str,
            "text": str,
            "summary": str,
            "metadata": str,
            "images": str,
            "raw_sha256": str,
            "content_hash": str,
            "extractor_version": int,
            "first_seen": str,
            "updated": str,
        },
        pk="id",
        foreign_keys=[("source", "sources", "name"), ("raw_sha256", "raw", "sha256")],
    )
    db.table("claims").create(
        {
            "id": str,
            "document_id": str,
            "kind": str,
            "model": str,
            "tier": str,
            **CLAIM_NUMBERS,
            "quote": str,
            "section": str,
            "start": int,
            "end": int,
            "confidence": float,
            "method": str,
            "extractor_version": int,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("model", "models", "name")],
    )
    db.table("claims").create_index(["document_id"])
    db.table("claims").create_index(["kind", "model"])
    db.table("documents").create_index(["source"])
    db.table("documents").create_index(["published_at"])
    db.table("run_errors").create_index(["run_id"])
    db.table("source_state").create(
        {"source": str, "key": str, "value": str},
        pk=("source", "key"),
        foreign_keys=[("source", "sources", "name")],
    )
    db.table("http_cache").create(
        {"url": str, "etag": str, "last_modified": str, "raw_sha256": str, "status": int},
        pk="url",
        foreign_keys=[("raw_sha256", "raw", "sha256")],
    )


@migrations()
def m002_search(db: Database) -> None:
    # trigram finds any substring of three or more characters in Chinese text;
    # shorter queries fall back to LIKE in the search queries (see db/views.py).
    db.table("documents").enable_fts(["title", "text", "summary"], tokenize="trigram", create_triggers=True)
    db.table("claims").enable_fts(["quote", "model"], tokenize="trigram", create_triggers=True)


@migrations()
def m003_views(db: Database) -> None:
    from db.views import create_views

    create_views(db)


@migrations()
def m004_evidence_views(db: Database) -> None:
    from db.views import create_evidence_views

    create_evidence_views(db)


@migrations()
def m005_documents_by_raw(db: Database) -> None:
    # `pingce run` asks "did these bytes already give documents?" for every input.
    db.table("documents").create_index(["raw_sha256", "source"])


# ---------------------------------------------------------------- m006: price points
# The price table (db/queries.py) counts documents per model x tier x resolution x
# duration and price point. Grouping every price claim on each request cost seconds
# at a million claims, so the evidence is kept up to date as claims are written:
#
#   price_point_documents  one row per document x key x price point that the document
#                          states (the unit the consensus rule counts), with the document's
#                          date, source and URL; first_for_key marks one row per document and
#                          key, so that sum() counts a key's documents;
#   price_point_sources    per key x price point x source: how many documents, how many of
#                          them are counted for the key, the newest date, the largest credits
#                          and credit unit, i.e. the price table's tallies without a `since`;
#   price_point_lists      per key x price point: its documents' ids and URLs as the JSON
#                          arrays the price table shows (rebuilt from the point's rows when
#                          a document joins or leaves it).
#
# Triggers on claims and documents keep them in the same transaction as every write
# (pipeline, reextract, bulk loads alike), and a key with a NULL tier, resolution or
# duration is a key of its own, as in the queries (`is`, never `=`). The SQL here is
# this migration's own: a later change to the rule needs a new migration that rebuilds.
_PRICE_KEY = ("model", "tier", "resolution", "duration_s")


def _same_key(a: str, b: str) -> str:
    return " and ".join(f"{a}.{c} {'=' if c == 'model' else 'is'} {b}.{c}" for c in _PRICE_KEY)


def _counts(c: str) -> str:
    """The claim ``c`` is price evidence: a body price claim that names a model and states an amount."""
    return (
        f"{c}.kind = 'price' and {c}.section = 'body' and {c}.model is not null "
        f"and coalesce({c}.credits, {c}.price_cny, {c}.price_usd) is not null"
    )


def _point(c: str) -> str:
    """The price point the claim ``c`` states: credits and unit, else CNY, else USD."""
    return (
        f"case when {c}.credits is not null then printf('%g %s', {c}.credits, coalesce({c}.credit_unit, 'credits')) "
        f"when {c}.price_cny is not null then printf('CNY %g', {c}.price_cny) "
        f"else printf('USD %g', {c}.price_usd) end"
    )


_OBSERVED = "strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at, d.first_seen))"
_PPD = "price_point_documents"
_PPS = "price_point_sources"
_PPL = "price_point_lists"
_PPD_COLUMNS = (
    "model, tier, resolution, duration_s, price_point, document_id, claims, credits, credit_unit, "
    "price_cny, price_usd, observed_at, source, document_url, first_for_key"
)


# A document's claims, by the document_id index: without statistics the planner would
# rather take the (kind, model) index and read every price claim of the model.
_DOC_CLAIMS = "claims c indexed by idx_claims_document_id"


def _insert_documents(where: str, claims: str = _DOC_CLAIMS) -> str:
    """Insert the rows of price_point_documents for the documents that ``where`` (on claims c) selects."""
    return f"""insert into {_PPD} ({_PPD_COLUMNS})
  select model, tier, resolution, duration_s, price_point, document_id, count(*), max(credits), max(credit_unit),
    max(price_cny), max(price_usd), observed_at, source, url,
    row_number() over (partition by document_id, model, tier, resolution, duration_s order by price_point) = 1
  from (select c.document_id, c.model, c.tier, c.resolution, c.duration_s, {_point("c")} as price_point,
          c.credits, c.credit_unit, c.price_cny, c.price_usd, {_OBSERVED} as observed_at, d.source, d.url
        from {claims} join documents d on d.id = c.document_id
        where {where} and {_counts("c")})
  group by document_id, model, tier, resolution, duration_s, price_point"""


def _sync_claim(x: str) -> str:
    """Statements that bring the row for claim ``x``'s document, key and price point in line with claims."""
    row = (
        f"{_PPD}.document_id = {x}.document_id and {_same_key(_PPD, x)} and {_PPD}.price_point = {_point(x)}"
    )
    other = f"p.document_id = {x}.document_id and {_same_key('p', x)} and p.price_point = {_point(x)}"
    claims = (
        f"c.document_id = {x}.document_id and {_counts('c')} and {_same_key('c', x)} "
        f"and {_point('c')} = {_point(x)}"
    )
    return f"""
  delete from {_PPD} where {row} and not exists (select 1 from {_DOC_CLAIMS} where {claims});
  update {_PPD} set (claims, credits, credit_unit, price_cny, price_usd) = (
      select count(*), max(c.credits), max(c.credit_unit), max(c.price_cny), max(c.price_usd)
      from {_DOC_CLAIMS} where {claims})
    where {row};
  insert into {_PPD} ({_PPD_COLUMNS})
    select c.model, c.tier, c.resolution, c.duration_s, {_point(x)}, c.document_id, count(*), max(c.credits),
      max(c.credit_unit), max(c.price_cny), max(c.price_usd), {_OBSERVED}, d.source, d.url,
      not exists (select 1 from {_PPD} k where k.document_id = {x}.document_id and {_same_key("k", x)})
    from {_DOC_CLAIMS} join documents d on d.id = c.document_id
    where {claims} and not exists (select 1 from {_PPD} p where {other})
    group by c.document_id;"""


def _add_claim() -> str:
    """Statements for a new claim: count it into its row, or start the row (no claim is read)."""
    row = f"{_PPD}.document_id = new.document_id and {_same_key(_PPD, 'new')} and {_PPD}.price_point = {_point('new')}"
    other = f"p.document_id = new.document_id and {_same_key('p', 'new')} and p.price_point = {_point('new')}"
    larger = {
        c: f"coalesce(max({c}, new.{c}), {c}, new.{c})"
        for c in ("credits", "credit_unit", "price_cny", "price_usd")
    }
    return f"""
  update {_PPD} set claims = claims + 1, credits = {larger["credits"]}, credit_unit = {larger["credit_unit"]},
      price_cny = {larger["price_cny"]}, price_usd = {larger["price_usd"]}
    where {row};
  insert into {_PPD} ({_PPD_COLUMNS})
    select new.model, new.tier, new.resolution, new.duration_s, {_point("new")}, new.document_id, 1, new.credits,
      new.credit_unit, new.price_cny, new.price_usd, {_OBSERVED}, d.source, d.url,
      not exists (select 1 from {_PPD} k where k.document_id = new.document_id and {_same_key("k", "new")})
    from documents d
    where d.id = new.document_id and not exists (select 1 from {_PPD} p where {other});"""


def _relist(x: str) -> str:
    """Statements that rewrite the JSON arrays of row ``x``'s key and price point from its rows."""
    point = f"{_same_key('q', x)} and q.price_point = {x}.price_point"
    listed = f"{_same_key(_PPL, x)} and {_PPL}.price_point = {x}.price_point"
    ids = f"(select json_group_array(q.document_id) from {_PPD} q indexed by {_PPD}_key where {point})"
    urls = (
        f"(select json_group_array(distinct q.document_url) filter (where q.document_url is not null) "
        f"from {_PPD} q indexed by {_PPD}_key where {point})"
    )
    return f"""delete from {_PPL} where {listed} and not exists (select 1 from {_PPD} q where {point});
  update {_PPL} set document_ids = {ids}, document_urls = {urls} where {listed};
  insert into {_PPL} (model, tier, resolution, duration_s, price_point, document_ids, document_urls)
    select {x}.model, {x}.tier, {x}.resolution, {x}.duration_s, {x}.price_point, {ids}, {urls}
    where not exists (select 1 from {_PPL} where {listed})
      and exists (select 1 from {_PPD} q where {point});"""


def _tally(x: str) -> str:
    return f"{_same_key(_PPS, x)} and {_PPS}.price_point = {x}.price_point and {_PPS}.source is {x}.source"


# The claim columns that decide whether and where a claim counts (an upsert rewrites them all).
_PRICE_COLUMNS = (
    "document_id",
    "kind",
    "section",
    "model",
    "tier",
    "resolution",
    "duration_s",
    "credits",
    "credit_unit",
    "price_cny",
    "price_usd",
)


def _price_point_triggers() -> dict[str, str]:
    changed = " or ".join(f"old.{c} is not new.{c}" for c in _PRICE_COLUMNS)
    both = f"(({_counts('old')}) or ({_counts('new')})) and ({changed})"
    group = f"{_same_key('p', 'old')} and p.price_point = old.price_point and p.source is old.source"
    return {
        # claims: every write that can touch price evidence
        "price_points_claims_ai": f"after insert on claims when {_counts('new')} begin {_add_claim()} end",
        "price_points_claims_ad": f"after delete on claims when {_counts('old')} begin {_sync_claim('old')} end",
        "price_points_claims_au": f"after update on claims when {both} begin {_sync_claim('old')} {_sync_claim('new')} end",
        # documents: their date, source and URL are copied into price_point_documents
        "price_points_documents_ai": f"""after insert on documents begin
  delete from {_PPD} where document_id = new.id;
  {_insert_documents("c.document_id = new.id")};
end""",
        "price_points_documents_au": f"""after update on documents
when old.id is not new.id or old.published_at is not new.published_at or old.first_seen is not new.first_seen
  or old.url is not new.url or old.source is not new.source
begin
  delete from {_PPD} where document_id = old.id;
  delete from {_PPD} where document_id = new.id;
  {_insert_documents("c.document_id = new.id")};
end""",
        "price_points_documents_ad": f"after delete on documents begin delete from {_PPD} where document_id = old.id; end",
        # price_point_documents -> price_point_sources
        "price_point_documents_ai": f"""after insert on {_PPD} begin
  insert into {_PPS} (model, tier, resolution, duration_s, price_point, source, documents, key_documents)
    select new.model, new.tier, new.resolution, new.duration_s, new.price_point, new.source, 0, 0
    where not exists (select 1 from {_PPS} where {_tally("new")});
  update {_PPS} set documents = documents + 1, key_documents = key_documents + new.first_for_key,
      newest_observed_at = coalesce(max(newest_observed_at, new.observed_at), newest_observed_at, new.observed_at),
      credits = coalesce(max(credits, new.credits), credits, new.credits),
      credit_unit = coalesce(max(credit_unit, new.credit_unit), credit_unit, new.credit_unit)
    where {_tally("new")};
end""",
        "price_point_documents_ad": f"""after delete on {_PPD} begin
  update {_PPS} set documents = documents - 1, key_documents = key_documents - old.first_for_key
    where {_tally("old")};
  delete from {_PPS} where {_tally("old")} and documents = 0;
  update {_PPS} set (newest_observed_at, credits, credit_unit) = (
      select max(p.observed_at), max(p.credits), max(p.credit_unit) from {_PPD} p where {group})
    where {_tally("old")} and (
      (newest_observed_at is old.observed_at
       and not exists (select 1 from {_PPD} p where {group} and p.observed_at is old.observed_at))
      or (credits is old.credits and not exists (select 1 from {_PPD} p where {group} and p.credits is old.credits))
      or (credit_unit is old.credit_unit
          and not exists (select 1 from {_PPD} p where {group} and p.credit_unit is old.credit_unit)));
  update {_PPD} set first_for_key = 1
    where old.first_for_key and rowid = (
      select min(rowid) from {_PPD} k where k.document_id = old.document_id and {_same_key("k", "old")});
end""",
        "price_point_documents_au_first": f"""after update of first_for_key on {_PPD}
when old.first_for_key is not new.first_for_key begin
  update {_PPS} set key_documents = key_documents - old.first_for_key + new.first_for_key where {_tally("new")};
end""",
        "price_point_documents_au_credits": f"""after update of credits, credit_unit on {_PPD}
when old.credits is not new.credits or old.credit_unit is not new.credit_unit begin
  update {_PPS} set (credits, credit_unit) = (
      select max(p.credits), max(p.credit_unit) from {_PPD} p
      where {_same_key("p", "new")} and p.price_point = new.price_point and p.source is new.source)
    where {_tally("new")};
end""",
    }


def _list_triggers() -> dict[str, str]:
    """price_point_documents -> price_point_lists (apart: m006 fills the lists in one pass first)."""
    return {
        "price_point_lists_ai": f"after insert on {_PPD} begin {_relist('new')} end",
        "price_point_lists_ad": f"after delete on {_PPD} begin {_relist('old')} end",
    }


# The key index gives each point's rows in document_id order, as the arrays list them.
_FILL_LISTS = f"""insert into {_PPL} (model, tier, resolution, duration_s, price_point, document_ids, document_urls)
  select model, tier, resolution, duration_s, price_point, json_group_array(document_id),
    json_group_array(distinct document_url) filter (where document_url is not null)
  from {_PPD} indexed by {_PPD}_key
  group by model, tier, resolution, duration_s, price_point"""


def rebuild_price_points(db: Database) -> None:
    """Fill the price-point tables from the claims (m006; or after a load that bypassed the triggers).

    price_point_sources is kept by its triggers as the rows go in; the lists are
    filled in one pass, with their per-row triggers dropped meanwhile.
    """
    for name in _list_triggers():
        db.execute(f"drop trigger if exists {name}")
    db.execute(f"delete from {_PPL}")
    db.execute(f"delete from {_PPD}")
    db.execute(f"delete from {_PPS}")
    db.execute(_insert_documents("1", claims="claims c"))
    db.execute(_FILL_LISTS)
    for name, body in _list_triggers().items():
        db.execute(f"create trigger {name} {body}")


@migrations()
def m006_price_points(db: Database) -> None:
    db.execute(f"""create table {_PPD} (
  model text not null, tier text, resolution text, duration_s real, price_point text not null,
  document_id text not null, claims integer not null,
  credits real, credit_unit text, price_cny real, price_usd real,
  observed_at text, source text, document_url text, first_for_key integer not null)""")
    db.execute(f"""create table {_PPS} (
  model text not null, tier text, resolution text, duration_s real, price_point text not null, source text,
  documents integer not null, key_documents integer not null,
  newest_observed_at text, credits real, credit_unit text)""")
    key = "model, tier, resolution, duration_s, price_point"
    db.execute(
        f"create index {_PPD}_key on {_PPD} ({key}, document_id, observed_at, source, document_url, "
        "first_for_key, credits, credit_unit)"
    )
    db.execute(f"create index {_PPD}_document on {_PPD} (document_id, {key})")
    for money in ("price_cny", "price_usd"):
        db.execute(
            f"create index {_PPD}_{money} on {_PPD} ({key}, observed_at, {money}) where {money} is not null"
        )
    db.execute(f"create index {_PPS}_key on {_PPS} ({key}, source)")
    db.execute(f"""create table {_PPL} (
  model text not null, tier text, resolution text, duration_s real, price_point text not null,
  document_ids text not null, document_urls text not null)""")
    db.execute(f"create index {_PPL}_key on {_PPL} ({key})")
    for name, body in _price_point_triggers().items():
        db.execute(f"create trigger {name} {body}")
    rebuild_price_points(db)


@migrations()
def m007_two_character_search(db: Database) -> None:
    # The search query finds a two-character word through the trigrams that start with it
    # (listed by these fts5vocab tables), and at the end of a column through its last two
    # characters, lower-cased as LIKE compares them (see SEARCH_SQL in db/queries.py).
    for table in ("claims", "documents"):
        db.execute(f"create virtual table {table}_fts_vocab using fts5vocab({table}_fts, 'row')")
    for table, column in (
        ("claims", "quote"),
        ("claims", "model"),
        ("documents", "title"),
        ("documents", "text"),
        ("documents", "summary"),
    ):
        db.execute(f"create index {table}_{column}_tail on {table} (lower(substr({column}, -2)))")


@migrations()
def m008_claim_feature(db: Database) -> None:
    # capability and limitation claims name the feature they are about (one claim per feature)
    db.table("claims").add_column("feature", str)


# ---------------------------------------------------------------- m009: pages at a million claims
# Claims per month and kind (the claims_over_time query and chart) are kept as claims are
# written, like the price points: claim_month_documents holds one row per document and kind
# with its claim count and the month of its document's date; claims_by_month adds those
# rows up per month and kind (its documents = that many rows). The chart reads a few
# hundred rows instead of grouping every claim with its document.
_MONTH = "substr(strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at, d.first_seen)), 1, 7)"
M009_CLAIMS_BY_MONTH = f"""
create table claim_month_documents (
  document_id text not null, kind text not null, month text not null, claims integer not null,
  primary key (document_id, kind));
create table claims_by_month (
  month text not null, kind text not null, claims integer not null, documents integer not null,
  primary key (month, kind));
create trigger claim_month_documents_ai after insert on claim_month_documents begin
  insert into claims_by_month (month, kind, claims, documents) values (new.month, new.kind, new.claims, 1)
    on conflict (month, kind) do update set claims = claims + excluded.claims, documents = documents + 1;
end;
create trigger claim_month_documents_au after update of claims on claim_month_documents begin
  update claims_by_month set claims = claims - old.claims + new.claims where month = new.month and kind = new.kind;
end;
create trigger claim_month_documents_ad after delete on claim_month_documents begin
  update claims_by_month set claims = claims - old.claims, documents = documents - 1
    where month = old.month and kind = old.kind;
  delete from claims_by_month where month = old.month and kind = old.kind and documents <= 0;
end;
create trigger claims_by_month_claims_ai after insert on claims when new.kind is not null begin
  insert into claim_month_documents (document_id, kind, month, claims)
    select new.document_id, new.kind, {_MONTH}, 1 from documents d
    where d.id = new.document_id and {_MONTH} is not null
    on conflict (document_id, kind) do update set claims = claims + 1;
end;
create trigger claims_by_month_claims_ad after delete on claims when old.kind is not null begin
  update claim_month_documents set claims = claims - 1 where document_id = old.document_id and kind = old.kind;
  delete from claim_month_documents where document_id = old.document_id and kind = old.kind and claims <= 0;
end;
create trigger claims_by_month_claims_au after update of kind, document_id on claims
when old.kind is not new.kind or old.document_id is not new.document_id begin
  update claim_month_documents set claims = claims - 1 where document_id = old.document_id and kind = old.kind;
  delete from claim_month_documents where document_id = old.document_id and kind = old.kind and claims <= 0;
  insert into claim_month_documents (document_id, kind, month, claims)
    select new.document_id, new.kind, {_MONTH}, 1 from documents d
    where new.kind is not null and d.id = new.document_id and {_MONTH} is not null
    on conflict (document_id, kind) do update set claims = claims + 1;
end;
create trigger claims_by_month_documents_ai after insert on documents begin
  delete from claim_month_documents where document_id = new.id;
  insert into claim_month_documents (document_id, kind, month, claims)
    select c.document_id, c.kind, {_MONTH}, count(*) from claims c indexed by idx_claims_document_id
    join documents d on d.id = c.document_id
    where c.document_id = new.id and c.kind is not null and {_MONTH} is not null group by c.kind;
end;
create trigger claims_by_month_documents_au after update of id, published_at, first_seen on documents
when old.id is not new.id or old.published_at is not new.published_at or old.first_seen is not new.first_seen
begin
  delete from claim_month_documents where document_id = old.id;
  delete from claim_month_documents where document_id = new.id;
  insert into claim_month_documents (document_id, kind, month, claims)
    select c.document_id, c.kind, {_MONTH}, count(*) from claims c indexed by idx_claims_document_id
    join documents d on d.id = c.document_id
    where c.document_id = new.id and c.kind is not null and {_MONTH} is not null group by c.kind;
end;
create trigger claims_by_month_documents_ad after delete on documents begin
  delete from claim_month_documents where document_id = old.id;
end;
insert into claim_month_documents (document_id, kind, month, claims)
  select c.document_id, c.kind, {_MONTH}, count(*) from claims c join documents d on d.id = c.document_id
  where c.kind is not null and {_MONTH} is not null group by c.document_id, c.kind;
"""


def run_script(db: Database, script: str) -> None:
    """Execute ``script`` statement by statement, inside the migration's transaction (executescript commits)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement[:80]}")


# Each claim carries its document's date (observed_at: published, else first seen, UTC), kept by
# triggers, so that the claim pages sort newest first through an index on claims and count and
# facet without reading documents (their views join documents with a LEFT JOIN that SQLite leaves
# out when a query needs no document column). The FTS triggers of m002 re-indexed a row on any
# update, so setting observed_at (or an extractor version) re-indexed its text: they now fire
# only when an indexed column changes.
_OBSERVED_NEW = "strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(new.published_at, new.first_seen))"
M009_OBSERVED_AT = f"""
drop trigger claims_au;
create trigger claims_au after update of quote, model on claims
when old.rowid is not new.rowid or old.quote is not new.quote or old.model is not new.model begin
  insert into claims_fts (claims_fts, rowid, quote, model) values ('delete', old.rowid, old.quote, old.model);
  insert into claims_fts (rowid, quote, model) values (new.rowid, new.quote, new.model);
end;
drop trigger documents_au;
create trigger documents_au after update of title, text, summary on documents
when old.rowid is not new.rowid or old.title is not new.title or old.text is not new.text
  or old.summary is not new.summary begin
  insert into documents_fts (documents_fts, rowid, title, text, summary)
    values ('delete', old.rowid, old.title, old.text, old.summary);
  insert into documents_fts (rowid, title, text, summary) values (new.rowid, new.title, new.text, new.summary);
end;
alter table claims add column observed_at text;
update claims set observed_at = (select {_OBSERVED} from documents d where d.id = claims.document_id);
create trigger claims_observed_ai after insert on claims
when new.observed_at is not (select {_OBSERVED} from documents d where d.id = new.document_id) begin
  update claims set observed_at = (select {_OBSERVED} from documents d where d.id = new.document_id)
    where rowid = new.rowid;
end;
create trigger claims_observed_au after update of document_id, observed_at on claims
when new.observed_at is not (select {_OBSERVED} from documents d where d.id = new.document_id) begin
  update claims set observed_at = (select {_OBSERVED} from documents d where d.id = new.document_id)
    where rowid = new.rowid;
end;
create trigger claims_observed_documents_ai after insert on documents begin
  update claims set observed_at = {_OBSERVED_NEW}
    where document_id = new.id and observed_at is not {_OBSERVED_NEW};
end;
create trigger claims_observed_documents_au after update of id, published_at, first_seen on documents
when old.id is not new.id or old.published_at is not new.published_at or old.first_seen is not new.first_seen
begin
  update claims set observed_at = {_OBSERVED_NEW}
    where document_id = new.id and observed_at is not {_OBSERVED_NEW};
end;
create index claims_observed_at on claims (observed_at);
create index claims_kind_observed_at on claims (kind, observed_at);
create index claims_model_observed_at on claims (model, observed_at, kind);
create index documents_platform on documents (platform);
create index documents_status on documents (status);
"""


@migrations()
def m009_fast_pages(db: Database) -> None:
    from db.views import create_evidence_views, create_views

    run_script(db, M009_CLAIMS_BY_MONTH)
    run_script(db, M009_OBSERVED_AT)
    create_views(db)
    create_evidence_views(db)
    db.execute("analyze")


# ---------------------------------------------------------------- m010: a document's own price points
# m006 counted every claim's price point for its key as stated. A document's claims are
# now read together first (db/price_points.py: fill the resolution and clip length from
# the same document, points agreeing through its rate are one, one price per document and
# key), which needs all of a document's claims at once: these triggers only list the
# documents whose price evidence changed, and db.price_points.sync_price_points (called by
# every writer and on every open) recomputes them.
_DIRTY_COLUMNS = (*_PRICE_COLUMNS, "start")


@migrations()
def m010_document_price_points(db: Database) -> None:
    from db.price_points import rebuild_price_points

    for name in (
        "price_points_claims_ai",
        "price_points_claims_ad",
        "price_points_claims_au",
        "price_points_documents_ai",
        "price_points_documents_au",
        "price_points_documents_ad",
    ):
        db.execute(f"drop trigger if exists {name}")
    db.execute("create table price_point_dirty (document_id text primary key) without rowid")
    counts_new = _counts("new")
    counts_old = _counts("old")
    changed = " or ".join(f"old.[{c}] is not new.[{c}]" for c in _DIRTY_COLUMNS)
    mark = "insert or ignore into price_point_dirty (document_id) values"
    for sql in (
        f"create trigger price_point_dirty_claims_ai after insert on claims when {counts_new} "
        f"begin {mark} (new.document_id); end",
        f"create trigger price_point_dirty_claims_ad after delete on claims when {counts_old} "
        f"begin {mark} (old.document_id); end",
        f"create trigger price_point_dirty_claims_au after update on claims "
        f"when (({counts_old}) or ({counts_new})) and ({changed}) "
        f"begin {mark} (old.document_id); {mark} (new.document_id); end",
        "create trigger price_point_dirty_documents_au after update on documents "
        "when old.id is not new.id or old.published_at is not new.published_at "
        "or old.first_seen is not new.first_seen or old.url is not new.url or old.source is not new.source "
        f"begin {mark} (old.id); {mark} (new.id); end",
        "create trigger price_point_dirty_documents_ad after delete on documents "
        "begin delete from price_point_documents where document_id = old.id; end",
    ):
        db.execute(sql)
    rebuild_price_points(db)
    # the exchange rate of sources.yml (`exchange_rate:`), written by each run
    db.execute(
        "create table exchange_rates (pair text primary key, rate real not null, as_of text, origin text)"
    )
    db.execute(MODEL_KEYS_VIEW)


# The names a model filter accepts, lower-cased without spaces or hyphens: each model's
# canonical name and aliases, "<brand name> <version>" in every name of its brand, and a
# brand's names, which stand for all the brand's models.
MODEL_KEYS_VIEW = """create view model_keys as
select m.name as model, lower(replace(replace(m.name, ' ', ''), '-', '')) as key from models m
union select m.name, lower(replace(replace(j.value, ' ', ''), '-', '')) from models m, json_each(m.aliases) j
union select m.name, lower(replace(replace(b.name, ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand
union select m.name, lower(replace(replace(j.value, ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand, json_each(b.aliases) j
union select m.name, lower(replace(replace(j.value || substr(m.name, length(m.brand) + 1), ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand, json_each(b.aliases) j
  where m.name <> m.brand and substr(m.name, 1, length(m.brand)) = m.brand"""


# A brand stands for its models even when the registry has no row for the bare brand.
MODEL_KEYS_VIEW_2 = (
    MODEL_KEYS_VIEW
    + """
union select m.name, lower(replace(replace(m.brand, ' ', ''), '-', '')) from models m where m.brand is not null"""
)


@migrations()
def m011_model_keys_brands(db: Database) -> None:
    db.execute("drop view if exists model_keys")
    db.execute(MODEL_KEYS_VIEW_2)
