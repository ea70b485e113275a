"""Frozen SQL of the price points' tallies and what follows them: m006's triggers on
price_point_documents (tallies per source, document lists) and its fills, m010's list of documents
to recount, m013's price events and m016's ranks.

Never edit a statement here once a migration that runs it has shipped: a change is a new
migration with its own SQL (db/migrations.py).
"""

# ---- m006 (see db/migration_price_points.py): the triggers that keep the tallies per source
M006_TALLY_TRIGGERS = {
    "price_point_documents_ai": """
after insert on price_point_documents begin
  insert into price_point_sources (model, tier, resolution, duration_s, price_point, source,
      documents, key_documents)
    select new.model, new.tier, new.resolution, new.duration_s, new.price_point, new.source, 0, 0
    where not exists (select 1 from price_point_sources where price_point_sources.model = new.model
        and price_point_sources.tier is new.tier and price_point_sources.resolution is
        new.resolution and price_point_sources.duration_s is new.duration_s and
        price_point_sources.price_point = new.price_point and price_point_sources.source is
        new.source);
  update price_point_sources set documents = documents + 1, key_documents = key_documents +
      new.first_for_key,
      newest_observed_at = coalesce(max(newest_observed_at, new.observed_at), newest_observed_at,
          new.observed_at),
      credits = coalesce(max(credits, new.credits), credits, new.credits),
      credit_unit = coalesce(max(credit_unit, new.credit_unit), credit_unit, new.credit_unit)
    where price_point_sources.model = new.model and price_point_sources.tier is new.tier and
        price_point_sources.resolution is new.resolution and price_point_sources.duration_s is
        new.duration_s and price_point_sources.price_point = new.price_point and
        price_point_sources.source is new.source;
end
""",
    "price_point_documents_ad": """
after delete on price_point_documents begin
  update price_point_sources set documents = documents - 1, key_documents = key_documents -
      old.first_for_key
    where price_point_sources.model = old.model and price_point_sources.tier is old.tier and
        price_point_sources.resolution is old.resolution and price_point_sources.duration_s is
        old.duration_s and price_point_sources.price_point = old.price_point and
        price_point_sources.source is old.source;
  delete from price_point_sources where price_point_sources.model = old.model and
      price_point_sources.tier is old.tier and price_point_sources.resolution is old.resolution and
      price_point_sources.duration_s is old.duration_s and price_point_sources.price_point =
      old.price_point and price_point_sources.source is old.source and documents = 0;
  update price_point_sources set (newest_observed_at, credits, credit_unit) = (
      select max(p.observed_at), max(p.credits), max(p.credit_unit) from price_point_documents p
          where p.model = old.model and p.tier is old.tier and p.resolution is old.resolution and
          p.duration_s is old.duration_s and p.price_point = old.price_point and p.source is
          old.source)
    where price_point_sources.model = old.model and price_point_sources.tier is old.tier and
        price_point_sources.resolution is old.resolution and price_point_sources.duration_s is
        old.duration_s and price_point_sources.price_point = old.price_point and
        price_point_sources.source is old.source and (
      (newest_observed_at is old.observed_at
       and not exists (select 1 from price_point_documents p where p.model = old.model and p.tier is
           old.tier and p.resolution is old.resolution and p.duration_s is old.duration_s and
           p.price_point = old.price_point and p.source is old.source and p.observed_at is
           old.observed_at))
      or (credits is old.credits and not exists (select 1 from price_point_documents p where p.model
          = old.model and p.tier is old.tier and p.resolution is old.resolution and p.duration_s is
          old.duration_s and p.price_point = old.price_point and p.source is old.source and
          p.credits is old.credits))
      or (credit_unit is old.credit_unit
          and not exists (select 1 from price_point_documents p where p.model = old.model and p.tier
              is old.tier and p.resolution is old.resolution and p.duration_s is old.duration_s and
              p.price_point = old.price_point and p.source is old.source and p.credit_unit is
              old.credit_unit)));
  update price_point_documents set first_for_key = 1
    where old.first_for_key and rowid = (
      select min(rowid) from price_point_documents k where k.document_id = old.document_id and
          k.model = old.model and k.tier is old.tier and k.resolution is old.resolution and
          k.duration_s is old.duration_s);
end
""",
    "price_point_documents_au_first": """
after update of first_for_key on price_point_documents
when old.first_for_key is not new.first_for_key begin
  update price_point_sources set key_documents = key_documents - old.first_for_key +
      new.first_for_key where price_point_sources.model = new.model and price_point_sources.tier is
      new.tier and price_point_sources.resolution is new.resolution and
      price_point_sources.duration_s is new.duration_s and price_point_sources.price_point =
      new.price_point and price_point_sources.source is new.source;
end
""",
    "price_point_documents_au_credits": """
after update of credits, credit_unit on price_point_documents
when old.credits is not new.credits or old.credit_unit is not new.credit_unit begin
  update price_point_sources set (credits, credit_unit) = (
      select max(p.credits), max(p.credit_unit) from price_point_documents p
      where p.model = new.model and p.tier is new.tier and p.resolution is new.resolution and
          p.duration_s is new.duration_s and p.price_point = new.price_point and p.source is
          new.source)
    where price_point_sources.model = new.model and price_point_sources.tier is new.tier and
        price_point_sources.resolution is new.resolution and price_point_sources.duration_s is
        new.duration_s and price_point_sources.price_point = new.price_point and
        price_point_sources.source is new.source;
end
""",
}

M006_LIST_TRIGGERS = {
    "price_point_lists_ai": """
after insert on price_point_documents begin delete from price_point_lists where
    price_point_lists.model = new.model and price_point_lists.tier is new.tier and
    price_point_lists.resolution is new.resolution and price_point_lists.duration_s is
    new.duration_s and price_point_lists.price_point = new.price_point and not exists (select 1 from
    price_point_documents q where q.model = new.model and q.tier is new.tier and q.resolution is
    new.resolution and q.duration_s is new.duration_s and q.price_point = new.price_point);
  update price_point_lists set document_ids = (select json_group_array(q.document_id) from
      price_point_documents q indexed by price_point_documents_key where q.model = new.model and
      q.tier is new.tier and q.resolution is new.resolution and q.duration_s is new.duration_s and
      q.price_point = new.price_point), document_urls = (select json_group_array(distinct
      q.document_url) filter (where q.document_url is not null) from price_point_documents q indexed
      by price_point_documents_key where q.model = new.model and q.tier is new.tier and q.resolution
      is new.resolution and q.duration_s is new.duration_s and q.price_point = new.price_point)
      where price_point_lists.model = new.model and price_point_lists.tier is new.tier and
      price_point_lists.resolution is new.resolution and price_point_lists.duration_s is
      new.duration_s and price_point_lists.price_point = new.price_point;
  insert into price_point_lists (model, tier, resolution, duration_s, price_point, document_ids,
      document_urls)
    select new.model, new.tier, new.resolution, new.duration_s, new.price_point, (select
        json_group_array(q.document_id) from price_point_documents q indexed by
        price_point_documents_key where q.model = new.model and q.tier is new.tier and q.resolution
        is new.resolution and q.duration_s is new.duration_s and q.price_point = new.price_point),
        (select json_group_array(distinct q.document_url) filter (where q.document_url is not null)
        from price_point_documents q indexed by price_point_documents_key where q.model = new.model
        and q.tier is new.tier and q.resolution is new.resolution and q.duration_s is new.duration_s
        and q.price_point = new.price_point)
    where not exists (select 1 from price_point_lists where price_point_lists.model = new.model and
        price_point_lists.tier is new.tier and price_point_lists.resolution is new.resolution and
        price_point_lists.duration_s is new.duration_s and price_point_lists.price_point =
        new.price_point)
      and exists (select 1 from price_point_documents q where q.model = new.model and q.tier is
          new.tier and q.resolution is new.resolution and q.duration_s is new.duration_s and
          q.price_point = new.price_point); end
""",
    "price_point_lists_ad": """
after delete on price_point_documents begin delete from price_point_lists where
    price_point_lists.model = old.model and price_point_lists.tier is old.tier and
    price_point_lists.resolution is old.resolution and price_point_lists.duration_s is
    old.duration_s and price_point_lists.price_point = old.price_point and not exists (select 1 from
    price_point_documents q where q.model = old.model and q.tier is old.tier and q.resolution is
    old.resolution and q.duration_s is old.duration_s and q.price_point = old.price_point);
  update price_point_lists set document_ids = (select json_group_array(q.document_id) from
      price_point_documents q indexed by price_point_documents_key where q.model = old.model and
      q.tier is old.tier and q.resolution is old.resolution and q.duration_s is old.duration_s and
      q.price_point = old.price_point), document_urls = (select json_group_array(distinct
      q.document_url) filter (where q.document_url is not null) from price_point_documents q indexed
      by price_point_documents_key where q.model = old.model and q.tier is old.tier and q.resolution
      is old.resolution and q.duration_s is old.duration_s and q.price_point = old.price_point)
      where price_point_lists.model = old.model and price_point_lists.tier is old.tier and
      price_point_lists.resolution is old.resolution and price_point_lists.duration_s is
      old.duration_s and price_point_lists.price_point = old.price_point;
  insert into price_point_lists (model, tier, resolution, duration_s, price_point, document_ids,
      document_urls)
    select old.model, old.tier, old.resolution, old.duration_s, old.price_point, (select
        json_group_array(q.document_id) from price_point_documents q indexed by
        price_point_documents_key where q.model = old.model and q.tier is old.tier and q.resolution
        is old.resolution and q.duration_s is old.duration_s and q.price_point = old.price_point),
        (select json_group_array(distinct q.document_url) filter (where q.document_url is not null)
        from price_point_documents q indexed by price_point_documents_key where q.model = old.model
        and q.tier is old.tier and q.resolution is old.resolution and q.duration_s is old.duration_s
        and q.price_point = old.price_point)
    where not exists (select 1 from price_point_lists where price_point_lists.model = old.model and
        price_point_lists.tier is old.tier and price_point_lists.resolution is old.resolution and
        price_point_lists.duration_s is old.duration_s and price_point_lists.price_point =
        old.price_point)
      and exists (select 1 from price_point_documents q where q.model = old.model and q.tier is
          old.tier and q.resolution is old.resolution and q.duration_s is old.duration_s and
          q.price_point = old.price_point); end
""",
}

M006_FILL_DOCUMENTS = """
insert into price_point_documents (model, tier, resolution, duration_s, price_point, document_id,
    claims, credits, credit_unit, price_cny, price_usd, observed_at, source, document_url,
    first_for_key)
  select model, tier, resolution, duration_s, price_point, document_id, count(*), max(credits),
      max(credit_unit),
    max(price_cny), max(price_usd), observed_at, source, url,
    row_number() over (partition by document_id, model, tier, resolution, duration_s order by
        price_point) = 1
  from (select c.document_id, c.model, c.tier, c.resolution, c.duration_s, case when c.credits is
      not null then printf('%g %s', c.credits, coalesce(c.credit_unit, 'credits')) when c.price_cny
      is not null then printf('CNY %g', c.price_cny) else printf('USD %g', c.price_usd) end as
      price_point,
          c.credits, c.credit_unit, c.price_cny, c.price_usd, strftime('%Y-%m-%dT%H:%M:%SZ',
              coalesce(d.published_at, d.first_seen)) as observed_at, d.source, d.url
        from claims c join documents d on d.id = c.document_id
        where 1 and c.kind = 'price' and c.section = 'body' and c.model is not null and
            coalesce(c.credits, c.price_cny, c.price_usd) is not null)
  group by document_id, model, tier, resolution, duration_s, price_point
"""

M006_FILL_LISTS = """
insert into price_point_lists (model, tier, resolution, duration_s, price_point, document_ids,
    document_urls)
  select model, tier, resolution, duration_s, price_point, json_group_array(document_id),
    json_group_array(distinct document_url) filter (where document_url is not null)
  from price_point_documents indexed by price_point_documents_key
  group by model, tier, resolution, duration_s, price_point
"""


# ---- m010 (see migrations.py)
M010_DIRTY_TRIGGERS = [
    """
create trigger price_point_dirty_claims_ai after insert on claims
when new.kind = 'price' and new.section = 'body' and new.model is not null and coalesce(new.credits,
    new.price_cny, new.price_usd) is not null
begin
  insert or ignore into price_point_dirty (document_id) values (new.document_id);
end
""",
    """
create trigger price_point_dirty_claims_ad after delete on claims
when old.kind = 'price' and old.section = 'body' and old.model is not null and coalesce(old.credits,
    old.price_cny, old.price_usd) is not null
begin
  insert or ignore into price_point_dirty (document_id) values (old.document_id);
end
""",
    """
create trigger price_point_dirty_claims_au after update on claims
when ((old.kind = 'price' and old.section = 'body' and old.model is not null and
    coalesce(old.credits, old.price_cny, old.price_usd) is not null) or (new.kind = 'price' and
    new.section = 'body' and new.model is not null and coalesce(new.credits, new.price_cny,
    new.price_usd) is not null)) and (old.[document_id] is not new.[document_id] or old.[kind] is
    not new.[kind] or old.[section] is not new.[section] or old.[model] is not new.[model] or
    old.[tier] is not new.[tier] or old.[resolution] is not new.[resolution] or old.[duration_s] is
    not new.[duration_s] or old.[credits] is not new.[credits] or old.[credit_unit] is not
    new.[credit_unit] or old.[price_cny] is not new.[price_cny] or old.[price_usd] is not
    new.[price_usd] or old.[start] is not new.[start])
begin
  insert or ignore into price_point_dirty (document_id) values (old.document_id);
  insert or ignore into price_point_dirty (document_id) values (new.document_id);
end
""",
    """
create trigger price_point_dirty_documents_au after update on documents
when old.id is not new.id or old.published_at is not new.published_at or old.first_seen is not
    new.first_seen or old.url is not new.url or old.source is not new.source
begin
  insert or ignore into price_point_dirty (document_id) values (old.id);
  insert or ignore into price_point_dirty (document_id) values (new.id);
end
""",
    """
create trigger price_point_dirty_documents_ad after delete on documents
begin
  delete from price_point_documents where document_id = old.id;
end
""",
]

M010_MARK_ALL_DIRTY = """
insert or ignore into price_point_dirty (document_id)
select distinct c.document_id from claims c
where c.kind = 'price' and c.section = 'body' and c.model is not null
  and coalesce(c.credits, c.price_cny, c.price_usd) is not null
"""


# ---- m013: price changes (db/price_events.py)
M013_PRICE_EVENTS = """
create table price_events (
  id integer primary key,
  recorded_at text not null,
  run_id integer references runs (id),
  kind text not null,
  backfilled integer not null default 0,
  model text not null, tier text, resolution text, duration_s real,
  old_price_label text, old_credits real, old_credit_unit text, old_price_cny real, old_price_usd real,
  new_price_label text, new_credits real, new_credit_unit text, new_price_cny real, new_price_usd real,
  conflicting_prices text not null default '[]',
  observed_at text,
  document_ids text not null default '[]',
  document_urls text not null default '[]');
create index price_events_model on price_events (model, id);
create index price_events_recorded_at on price_events (recorded_at, id);
create index price_events_run_id on price_events (run_id, id);
create table price_event_state (
  key text primary key, model text not null, tier text, resolution text, duration_s real,
  price_label text not null, credits real, credit_unit text, price_cny real, price_usd real,
  points text not null, document_ids text not null, document_urls text not null);
create index price_event_state_model on price_event_state (model);
create table price_event_dirty (model text primary key, backfill integer not null) without rowid;
create table price_event_feed (feed_uuid text not null, created_at text not null);
insert into price_event_feed (feed_uuid, created_at)
  values (lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
create trigger price_event_dirty_ai after insert on price_point_documents begin
  insert or ignore into price_event_dirty (model, backfill) values (new.model, 0);
end;
create trigger price_event_dirty_ad after delete on price_point_documents begin
  insert or ignore into price_event_dirty (model, backfill) values (old.model, 0);
end;
create trigger price_event_dirty_au after update on price_point_documents begin
  insert or ignore into price_event_dirty (model, backfill) values (old.model, 0);
  insert or ignore into price_event_dirty (model, backfill) values (new.model, 0);
end;
insert or ignore into price_event_dirty (model, backfill)
  select distinct model, 1 from price_point_documents;
alter table runs add column price_events integer;
"""


# m016: the price table's ranked points, kept per model (db.price_events.refresh_ranks) as of the
# last recording of the price changes; every model with price points is listed to be ranked on
# the next open. Credit rates are read from a partial covering index instead of every claim.
M016_PRICE_RANKS = """
create table price_ranks (
  model text not null, tier text, resolution text, duration_s real, price_point text not null,
  credits real, credit_unit text, supporting_documents integer, supporting_sources integer,
  newest_observed_at text, key_documents integer, source_keys integer, merged_keys integer,
  price_cny real, price_usd real, point_rank integer not null, price_points integer not null,
  total_documents integer, alternatives text, document_ids text, document_urls text);
create index price_ranks_model on price_ranks (model, tier, resolution, duration_s, point_rank);
insert or ignore into price_event_dirty (model, backfill)
  select distinct model, 0 from price_point_documents;
create index if not exists claims_credit_rates on claims
  (model, credit_unit, credits_per_cny, credits_per_usd, document_id) where kind = 'credit_rate';
"""
