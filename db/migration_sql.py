"""The SQL of applied migrations, frozen as it was when each was written. Never edit it.

A migration that changes what is here (a view, the price-point rule) is a new
migration in ``db/migrations.py`` with its own SQL. The views that may change
are recreated on every open from ``db/views.py`` (``ensure_db_shape``); the
views m003 and m004 made then are in ``db/migration_views.py``; the price points' SQL is in
``db/migration_price_points.py`` and ``db/migration_price_tallies.py``.
"""

# ---- m009 (see migrations.py)
M009_CLAIMS_BY_MONTH = """
create table claim_month_documents (
  document_id text not null, kind text not null, month text not null, claims integer not null,
  primary key (document_id, kind));
create table claims_by_month (
  month text not null, kind text not null, claims integer not null, documents integer not null,
  primary key (month, kind));
create trigger claim_month_documents_ai after insert on claim_month_documents begin
  insert into claims_by_month (month, kind, claims, documents) values (new.month, new.kind,
      new.claims, 1)
    on conflict (month, kind) do update set claims = claims + excluded.claims, documents = documents
        + 1;
end;
create trigger claim_month_documents_au after update of claims on claim_month_documents begin
  update claims_by_month set claims = claims - old.claims + new.claims where month = new.month and
      kind = new.kind;
end;
create trigger claim_month_documents_ad after delete on claim_month_documents begin
  update claims_by_month set claims = claims - old.claims, documents = documents - 1
    where month = old.month and kind = old.kind;
  delete from claims_by_month where month = old.month and kind = old.kind and documents <= 0;
end;
create trigger claims_by_month_claims_ai after insert on claims when new.kind is not null begin
  insert into claim_month_documents (document_id, kind, month, claims)
    select new.document_id, new.kind, substr(strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
        d.first_seen)), 1, 7), 1 from documents d
    where d.id = new.document_id and substr(strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
        d.first_seen)), 1, 7) is not null
    on conflict (document_id, kind) do update set claims = claims + 1;
end;
create trigger claims_by_month_claims_ad after delete on claims when old.kind is not null begin
  update claim_month_documents set claims = claims - 1 where document_id = old.document_id and kind
      = old.kind;
  delete from claim_month_documents where document_id = old.document_id and kind = old.kind and
      claims <= 0;
end;
create trigger claims_by_month_claims_au after update of kind, document_id on claims
when old.kind is not new.kind or old.document_id is not new.document_id begin
  update claim_month_documents set claims = claims - 1 where document_id = old.document_id and kind
      = old.kind;
  delete from claim_month_documents where document_id = old.document_id and kind = old.kind and
      claims <= 0;
  insert into claim_month_documents (document_id, kind, month, claims)
    select new.document_id, new.kind, substr(strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
        d.first_seen)), 1, 7), 1 from documents d
    where new.kind is not null and d.id = new.document_id and substr(strftime('%Y-%m-%dT%H:%M:%SZ',
        coalesce(d.published_at, d.first_seen)), 1, 7) is not null
    on conflict (document_id, kind) do update set claims = claims + 1;
end;
create trigger claims_by_month_documents_ai after insert on documents begin
  delete from claim_month_documents where document_id = new.id;
  insert into claim_month_documents (document_id, kind, month, claims)
    select c.document_id, c.kind, substr(strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
        d.first_seen)), 1, 7), count(*) from claims c indexed by idx_claims_document_id
    join documents d on d.id = c.document_id
    where c.document_id = new.id and c.kind is not null and substr(strftime('%Y-%m-%dT%H:%M:%SZ',
        coalesce(d.published_at, d.first_seen)), 1, 7) is not null group by c.kind;
end;
create trigger claims_by_month_documents_au after update of id, published_at, first_seen on
    documents
when old.id is not new.id or old.published_at is not new.published_at or old.first_seen is not
    new.first_seen
begin
  delete from claim_month_documents where document_id = old.id;
  delete from claim_month_documents where document_id = new.id;
  insert into claim_month_documents (document_id, kind, month, claims)
    select c.document_id, c.kind, substr(strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
        d.first_seen)), 1, 7), count(*) from claims c indexed by idx_claims_document_id
    join documents d on d.id = c.document_id
    where c.document_id = new.id and c.kind is not null and substr(strftime('%Y-%m-%dT%H:%M:%SZ',
        coalesce(d.published_at, d.first_seen)), 1, 7) is not null group by c.kind;
end;
create trigger claims_by_month_documents_ad after delete on documents begin
  delete from claim_month_documents where document_id = old.id;
end;
insert into claim_month_documents (document_id, kind, month, claims)
  select c.document_id, c.kind, substr(strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
      d.first_seen)), 1, 7), count(*) from claims c join documents d on d.id = c.document_id
  where c.kind is not null and substr(strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
      d.first_seen)), 1, 7) is not null group by c.document_id, c.kind;
"""


M009_OBSERVED_AT = """
drop trigger claims_au;
create trigger claims_au after update of quote, model on claims
when old.rowid is not new.rowid or old.quote is not new.quote or old.model is not new.model begin
  insert into claims_fts (claims_fts, rowid, quote, model) values ('delete', old.rowid, old.quote,
      old.model);
  insert into claims_fts (rowid, quote, model) values (new.rowid, new.quote, new.model);
end;
drop trigger documents_au;
create trigger documents_au after update of title, text, summary on documents
when old.rowid is not new.rowid or old.title is not new.title or old.text is not new.text
  or old.summary is not new.summary begin
  insert into documents_fts (documents_fts, rowid, title, text, summary)
    values ('delete', old.rowid, old.title, old.text, old.summary);
  insert into documents_fts (rowid, title, text, summary) values (new.rowid, new.title, new.text,
      new.summary);
end;
alter table claims add column observed_at text;
update claims set observed_at = (select strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
    d.first_seen)) from documents d where d.id = claims.document_id);
create trigger claims_observed_ai after insert on claims
when new.observed_at is not (select strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
    d.first_seen)) from documents d where d.id = new.document_id) begin
  update claims set observed_at = (select strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
      d.first_seen)) from documents d where d.id = new.document_id)
    where rowid = new.rowid;
end;
create trigger claims_observed_au after update of document_id, observed_at on claims
when new.observed_at is not (select strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
    d.first_seen)) from documents d where d.id = new.document_id) begin
  update claims set observed_at = (select strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at,
      d.first_seen)) from documents d where d.id = new.document_id)
    where rowid = new.rowid;
end;
create trigger claims_observed_documents_ai after insert on documents begin
  update claims set observed_at = strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(new.published_at,
      new.first_seen))
    where document_id = new.id and observed_at is not strftime('%Y-%m-%dT%H:%M:%SZ',
        coalesce(new.published_at, new.first_seen));
end;
create trigger claims_observed_documents_au after update of id, published_at, first_seen on
    documents
when old.id is not new.id or old.published_at is not new.published_at or old.first_seen is not
    new.first_seen
begin
  update claims set observed_at = strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(new.published_at,
      new.first_seen))
    where document_id = new.id and observed_at is not strftime('%Y-%m-%dT%H:%M:%SZ',
        coalesce(new.published_at, new.first_seen));
end;
create index claims_observed_at on claims (observed_at);
create index claims_kind_observed_at on claims (kind, observed_at);
create index claims_model_observed_at on claims (model, observed_at, kind);
create index documents_platform on documents (platform);
create index documents_status on documents (status);
"""


# ---- m012
M012_CLAIM_VENDOR = """
alter table claims add column vendor text;
update claims set vendor = (select m.vendor from models m where m.name = claims.model)
  where model is not null;
create index claims_vendor on claims (vendor);
create trigger claims_vendor_ai after insert on claims when new.model is not null begin
  update claims set vendor = (select m.vendor from models m where m.name = new.model) where rowid = new.rowid;
end;
create trigger claims_vendor_au after update of model on claims begin
  update claims set vendor = (select m.vendor from models m where m.name = new.model) where rowid = new.rowid;
end;
create trigger claims_vendor_models_au after update of vendor on models
when old.vendor is not new.vendor begin
  update claims set vendor = new.vendor where model = new.name;
end;
create trigger claims_vendor_models_ai after insert on models begin
  update claims set vendor = new.vendor where model = new.name and vendor is not new.vendor;
end;
"""


# ---- m014
# Search across scripts: contentless trigram indexes of each column's Simplified copy with two end
# marks (db/search.py), replacing m002's indexes of the verbatim columns and m007's indexes on the
# last two characters (the end marks find a word at the end of a column). The copy is made in
# Python, which a trigger cannot call on a connection that has not registered it (the sqlite3
# shell, a bulk edit), so the triggers only list what changed, with the values a row had when it
# was indexed (indexed = 1), and db.search.sync_search indexes it: every writer, and db.shape on
# every open. search_index records which conversion built the index; with no record, db.shape
# fills it.
M014_SEARCH = """
drop trigger if exists claims_ai;
drop trigger if exists claims_ad;
drop trigger if exists claims_au;
drop trigger if exists documents_ai;
drop trigger if exists documents_ad;
drop trigger if exists documents_au;
drop table if exists claims_fts_vocab;
drop table if exists documents_fts_vocab;
drop table if exists claims_fts;
drop table if exists documents_fts;
drop index if exists claims_quote_tail;
drop index if exists claims_model_tail;
drop index if exists documents_title_tail;
drop index if exists documents_text_tail;
drop index if exists documents_summary_tail;
create virtual table claims_fts using fts5 (quote, model, content='', tokenize='trigram');
create virtual table documents_fts using fts5 (title, text, summary, content='', tokenize='trigram');
create virtual table claims_fts_vocab using fts5vocab(claims_fts, 'row');
create virtual table documents_fts_vocab using fts5vocab(documents_fts, 'row');
create table search_index (key text primary key, value text);
create table claims_search_queue (
  row integer primary key, indexed integer not null, quote text, model text);
create table documents_search_queue (
  row integer primary key, indexed integer not null, title text, text text, summary text);
create trigger claims_search_ai after insert on claims begin
  insert or ignore into claims_search_queue (row, indexed) values (new.rowid, 0);
end;
create trigger claims_search_ad after delete on claims begin
  insert or ignore into claims_search_queue (row, indexed, quote, model)
    values (old.rowid, 1, old.quote, old.model);
end;
create trigger claims_search_au after update of quote, model on claims
when old.rowid is not new.rowid or old.quote is not new.quote or old.model is not new.model begin
  insert or ignore into claims_search_queue (row, indexed, quote, model)
    values (old.rowid, 1, old.quote, old.model);
  insert or ignore into claims_search_queue (row, indexed) values (new.rowid, 0);
end;
create trigger documents_search_ai after insert on documents begin
  insert or ignore into documents_search_queue (row, indexed) values (new.rowid, 0);
end;
create trigger documents_search_ad after delete on documents begin
  insert or ignore into documents_search_queue (row, indexed, title, text, summary)
    values (old.rowid, 1, old.title, old.text, old.summary);
end;
create trigger documents_search_au after update of title, text, summary on documents
when old.rowid is not new.rowid or old.title is not new.title or old.text is not new.text
  or old.summary is not new.summary begin
  insert or ignore into documents_search_queue (row, indexed, title, text, summary)
    values (old.rowid, 1, old.title, old.text, old.summary);
  insert or ignore into documents_search_queue (row, indexed) values (new.rowid, 0);
end;
"""

# m015: compare_models counts claims and documents per kind of a model from one covering index.
M015_COMPARE_MODELS = """
create index if not exists claims_model_kind on claims (model, kind, section, document_id);
"""


# m017: documents newest first by their date (published, else first seen, UTC), for the search's
# pages of documents.
M017_DOCUMENTS_BY_DATE = """
create index if not exists documents_observed_at on documents
  (strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(published_at, first_seen)));
"""
