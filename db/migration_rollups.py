"""Frozen SQL of the roll-up migrations (m018 on): tables the pages read instead of grouping claims.

Like ``db/migration_sql.py``: never edit a statement here once a migration that runs it
has shipped; a change is a new migration with its own SQL.
"""

from __future__ import annotations

# m018: body claims per model and kind (compare_models). claim_model_documents holds one row per
# document, model and kind with its count of body claims; claims_by_model adds those rows up per
# model and kind (its documents = that many rows). Triggers keep both as claims are written one by
# one; the batch writer, with its triggers off, recounts its documents set-wise
# (db.derived.refresh_model_kinds), as it does claim_month_documents (m009).
M018_CLAIMS_BY_MODEL = """
create table claim_model_documents (
  document_id text not null, model text not null, kind text not null, claims integer not null,
  primary key (document_id, model, kind)) without rowid;
create table claims_by_model (
  model text not null, kind text not null, claims integer not null, documents integer not null,
  primary key (model, kind)) without rowid;
insert into claim_model_documents (document_id, model, kind, claims)
  select document_id, model, kind, count(*) from claims
  where section = 'body' and model is not null and kind is not null and document_id is not null
  group by document_id, model, kind;
insert into claims_by_model (model, kind, claims, documents)
  select model, kind, sum(claims), count(*) from claim_model_documents group by model, kind;
create trigger claim_model_documents_ai after insert on claim_model_documents begin
  insert into claims_by_model (model, kind, claims, documents) values (new.model, new.kind, new.claims, 1)
    on conflict (model, kind) do update set claims = claims + excluded.claims, documents = documents + 1;
end;
create trigger claim_model_documents_au after update on claim_model_documents begin
  update claims_by_model set claims = claims - old.claims, documents = documents - 1
    where model = old.model and kind = old.kind;
  insert into claims_by_model (model, kind, claims, documents) values (new.model, new.kind, new.claims, 1)
    on conflict (model, kind) do update set claims = claims + excluded.claims, documents = documents + 1;
  delete from claims_by_model where model = old.model and kind = old.kind and documents <= 0;
end;
create trigger claim_model_documents_ad after delete on claim_model_documents begin
  update claims_by_model set claims = claims - old.claims, documents = documents - 1
    where model = old.model and kind = old.kind;
  delete from claims_by_model where model = old.model and kind = old.kind and documents <= 0;
end;
create trigger claims_by_model_claims_ai after insert on claims
when new.section = 'body' and new.model is not null and new.kind is not null
  and new.document_id is not null begin
  insert into claim_model_documents (document_id, model, kind, claims)
    values (new.document_id, new.model, new.kind, 1)
    on conflict (document_id, model, kind) do update set claims = claims + 1;
end;
create trigger claims_by_model_claims_ad after delete on claims
when old.section = 'body' and old.model is not null and old.kind is not null
  and old.document_id is not null begin
  update claim_model_documents set claims = claims - 1
    where document_id = old.document_id and model = old.model and kind = old.kind;
  delete from claim_model_documents
    where document_id = old.document_id and model = old.model and kind = old.kind and claims <= 0;
end;
create trigger claims_by_model_claims_au after update of document_id, model, kind, section on claims
when old.document_id is not new.document_id or old.model is not new.model or old.kind is not new.kind
  or old.section is not new.section begin
  update claim_model_documents set claims = claims - 1
    where old.section = 'body' and document_id = old.document_id and model = old.model
      and kind = old.kind;
  delete from claim_model_documents
    where document_id = old.document_id and model = old.model and kind = old.kind and claims <= 0;
  insert into claim_model_documents (document_id, model, kind, claims)
    select new.document_id, new.model, new.kind, 1
    where new.section = 'body' and new.model is not null and new.kind is not null
      and new.document_id is not null
    on conflict (document_id, model, kind) do update set claims = claims + 1;
end;
"""

# m019: price points per month (price_table with ``since``). price_point_months holds, per price point,
# source and month of the documents' dates, what price_point_sources holds per price point and source:
# documents, documents counted for the key, the newest date, the largest credits and unit. It is kept
# per model with price_ranks (db.price_events.refresh_ranks, when the price changes are recorded); the
# month of ``since`` is read from price_point_documents by date, and a model changed since the last
# recording from price_point_documents whole, as price_ranks is.
M019_PRICE_POINT_MONTHS = """
create table price_point_months (
  model text not null, tier text, resolution text, duration_s real, price_point text not null,
  source text, month text not null, documents integer not null, key_documents integer not null,
  newest_observed_at text, credits real, credit_unit text);
create index price_point_months_month on price_point_months (month, model);
create index if not exists price_point_documents_observed_at on price_point_documents (observed_at, model);
insert into price_point_months (model, tier, resolution, duration_s, price_point, source, month,
    documents, key_documents, newest_observed_at, credits, credit_unit)
  select model, tier, resolution, duration_s, price_point, source, substr(observed_at, 1, 7), count(*),
    sum(first_for_key), max(observed_at), max(credits), max(credit_unit)
  from price_point_documents where observed_at is not null
  group by model, tier, resolution, duration_s, price_point, source, substr(observed_at, 1, 7);
"""

# m020: credit-rate claims by brand (the price table's credit rates). The price table grouped every
# credit-rate claim by its model's brand on each request (a join with models and a sort: 23 ms of the
# price table's query at a million claims); credit_rate_claims holds one row per credit-rate claim
# with a positive rate of a registered model, with the model's brand, and its index gives the groups
# in order. Triggers keep it as claims and models are written one by one; the batch writer, with its
# triggers off, refreshes its documents' rows set-wise (db.derived.refresh_credit_rates).
_M020_ROW = """select c.rowid, c.document_id, c.model, m.brand, c.credit_unit, c.credits_per_cny,
    c.credits_per_usd from claims c join models m on m.name = c.model"""
_M020_RATED = "c.kind = 'credit_rate' and coalesce(c.credits_per_cny, c.credits_per_usd) > 0"
_M020_COLUMNS = "claim_rowid, document_id, model, brand, credit_unit, credits_per_cny, credits_per_usd"
M020_CREDIT_RATE_CLAIMS = f"""
create table credit_rate_claims (
  claim_rowid integer primary key, document_id text, model text not null, brand text,
  credit_unit text, credits_per_cny real, credits_per_usd real);
create index credit_rate_claims_brand on credit_rate_claims
  (brand, credit_unit, credits_per_cny, credits_per_usd, document_id);
create index credit_rate_claims_model on credit_rate_claims (model);
create index credit_rate_claims_document on credit_rate_claims (document_id);
insert into credit_rate_claims ({_M020_COLUMNS}) {_M020_ROW} where {_M020_RATED};
create trigger credit_rate_claims_ai after insert on claims when new.kind = 'credit_rate' begin
  insert into credit_rate_claims ({_M020_COLUMNS})
    {_M020_ROW} where c.rowid = new.rowid and {_M020_RATED};
end;
create trigger credit_rate_claims_ad after delete on claims when old.kind = 'credit_rate' begin
  delete from credit_rate_claims where claim_rowid = old.rowid;
end;
create trigger credit_rate_claims_au
after update of kind, model, document_id, credit_unit, credits_per_cny, credits_per_usd on claims
when old.kind = 'credit_rate' or new.kind = 'credit_rate' begin
  delete from credit_rate_claims where claim_rowid = old.rowid;
  insert or replace into credit_rate_claims ({_M020_COLUMNS})
    {_M020_ROW} where c.rowid = new.rowid and {_M020_RATED};
end;
create trigger credit_rate_claims_models_ai after insert on models begin
  insert or replace into credit_rate_claims ({_M020_COLUMNS})
    {_M020_ROW} where c.model = new.name and {_M020_RATED};
end;
create trigger credit_rate_claims_models_au after update of name, brand on models begin
  delete from credit_rate_claims where model = old.name;
  insert or replace into credit_rate_claims ({_M020_COLUMNS})
    {_M020_ROW} where c.model = new.name and {_M020_RATED};
end;
create trigger credit_rate_claims_models_ad after delete on models begin
  delete from credit_rate_claims where model = old.name;
end;
"""

# m021: price_point_months by key. price_table with ``since`` reads the months of the keys it shows only
# (db.price_ranking: a page of rows), where it read every key's months after the month of ``since`` by date.
M021_PRICE_POINT_MONTHS_BY_KEY = """
create index price_point_months_key on price_point_months (model, tier, resolution, duration_s, month,
  price_point, source, documents, key_documents, newest_observed_at, credits, credit_unit);
analyze price_point_months;
"""
