"""Frozen SQL of m006: the price-point tables, their indexes and the triggers on claims and documents.

The price table (db/price_ranking.py) counts documents per model x tier x resolution x
duration and price point. Grouping every price claim on each request cost seconds
at a million claims, so the evidence is kept up to date as claims are written:

  price_point_documents  one row per document x key x price point that the document
                         states (the unit the consensus rule counts), with the document's
                         date, source and URL; first_for_key marks one row per document and
                         key, so that sum() counts a key's documents;
  price_point_sources    per key x price point x source: how many documents, how many of
                         them are counted for the key, the newest date, the largest credits
                         and credit unit, i.e. the price table's tallies without a `since`;
  price_point_lists      per key x price point: its documents' ids and URLs as the JSON
                         arrays the price table shows (rebuilt from the point's rows when
                         a document joins or leaves it).

Triggers on claims and documents keep them in the same transaction as every write
(pipeline, reextract, bulk loads alike), and a key with a NULL tier, resolution or
duration is a key of its own, as in the queries (`is`, never `=`). Its SQL is frozen here:
a later change to the rule needs a new migration that rebuilds.

Never edit a statement here once a migration that runs it has shipped: a change is a new
migration with its own SQL (db/migrations.py).
"""

# ---- m006: the price-point tables, their indexes and the triggers that keep them (see migrations.py)
M006_TABLES = [
    """create table price_point_documents (
  model text not null, tier text, resolution text, duration_s real, price_point text not null,
  document_id text not null, claims integer not null,
  credits real, credit_unit text, price_cny real, price_usd real,
  observed_at text, source text, document_url text, first_for_key integer not null)""",
    """create table price_point_sources (
  model text not null, tier text, resolution text, duration_s real, price_point text not null, source text,
  documents integer not null, key_documents integer not null,
  newest_observed_at text, credits real, credit_unit text)""",
    """create index price_point_documents_key on price_point_documents
  (model, tier, resolution, duration_s, price_point, document_id, observed_at, source, document_url,
   first_for_key, credits, credit_unit)""",
    """create index price_point_documents_document on price_point_documents
  (document_id, model, tier, resolution, duration_s, price_point)""",
    """create index price_point_documents_price_cny on price_point_documents
  (model, tier, resolution, duration_s, price_point, observed_at, price_cny) where price_cny is not null""",
    """create index price_point_documents_price_usd on price_point_documents
  (model, tier, resolution, duration_s, price_point, observed_at, price_usd) where price_usd is not null""",
    """create index price_point_sources_key on price_point_sources
  (model, tier, resolution, duration_s, price_point, source)""",
    """create table price_point_lists (
  model text not null, tier text, resolution text, duration_s real, price_point text not null,
  document_ids text not null, document_urls text not null)""",
    """create index price_point_lists_key on price_point_lists
  (model, tier, resolution, duration_s, price_point)""",
]

# on claims and documents (m010 drops them: documents' points are counted by db/price_points.py)
M006_CLAIM_TRIGGERS = {
    "price_points_claims_ai": """
after insert on claims when new.kind = 'price' and new.section = 'body' and new.model is not null
    and coalesce(new.credits, new.price_cny, new.price_usd) is not null begin
  update price_point_documents set claims = claims + 1, credits = coalesce(max(credits,
      new.credits), credits, new.credits), credit_unit = coalesce(max(credit_unit, new.credit_unit),
      credit_unit, new.credit_unit),
      price_cny = coalesce(max(price_cny, new.price_cny), price_cny, new.price_cny), price_usd =
          coalesce(max(price_usd, new.price_usd), price_usd, new.price_usd)
    where price_point_documents.document_id = new.document_id and price_point_documents.model =
        new.model and price_point_documents.tier is new.tier and price_point_documents.resolution is
        new.resolution and price_point_documents.duration_s is new.duration_s and
        price_point_documents.price_point = case when new.credits is not null then printf('%g %s',
        new.credits, coalesce(new.credit_unit, 'credits')) when new.price_cny is not null then
        printf('CNY %g', new.price_cny) else printf('USD %g', new.price_usd) end;
  insert into price_point_documents (model, tier, resolution, duration_s, price_point, document_id,
      claims, credits, credit_unit, price_cny, price_usd, observed_at, source, document_url,
      first_for_key)
    select new.model, new.tier, new.resolution, new.duration_s, case when new.credits is not null
        then printf('%g %s', new.credits, coalesce(new.credit_unit, 'credits')) when new.price_cny
        is not null then printf('CNY %g', new.price_cny) else printf('USD %g', new.price_usd) end,
        new.document_id, 1, new.credits,
      new.credit_unit, new.price_cny, new.price_usd, strftime('%Y-%m-%dT%H:%M:%SZ',
          coalesce(d.published_at, d.first_seen)), d.source, d.url,
      not exists (select 1 from price_point_documents k where k.document_id = new.document_id and
          k.model = new.model and k.tier is new.tier and k.resolution is new.resolution and
          k.duration_s is new.duration_s)
    from documents d
    where d.id = new.document_id and not exists (select 1 from price_point_documents p where
        p.document_id = new.document_id and p.model = new.model and p.tier is new.tier and
        p.resolution is new.resolution and p.duration_s is new.duration_s and p.price_point = case
        when new.credits is not null then printf('%g %s', new.credits, coalesce(new.credit_unit,
        'credits')) when new.price_cny is not null then printf('CNY %g', new.price_cny) else
        printf('USD %g', new.price_usd) end); end
""",
    "price_points_claims_ad": """
after delete on claims when old.kind = 'price' and old.section = 'body' and old.model is not null
    and coalesce(old.credits, old.price_cny, old.price_usd) is not null begin
  delete from price_point_documents where price_point_documents.document_id = old.document_id and
      price_point_documents.model = old.model and price_point_documents.tier is old.tier and
      price_point_documents.resolution is old.resolution and price_point_documents.duration_s is
      old.duration_s and price_point_documents.price_point = case when old.credits is not null then
      printf('%g %s', old.credits, coalesce(old.credit_unit, 'credits')) when old.price_cny is not
      null then printf('CNY %g', old.price_cny) else printf('USD %g', old.price_usd) end and not
      exists (select 1 from claims c indexed by idx_claims_document_id where c.document_id =
      old.document_id and c.kind = 'price' and c.section = 'body' and c.model is not null and
      coalesce(c.credits, c.price_cny, c.price_usd) is not null and c.model = old.model and c.tier
      is old.tier and c.resolution is old.resolution and c.duration_s is old.duration_s and case
      when c.credits is not null then printf('%g %s', c.credits, coalesce(c.credit_unit, 'credits'))
      when c.price_cny is not null then printf('CNY %g', c.price_cny) else printf('USD %g',
      c.price_usd) end = case when old.credits is not null then printf('%g %s', old.credits,
      coalesce(old.credit_unit, 'credits')) when old.price_cny is not null then printf('CNY %g',
      old.price_cny) else printf('USD %g', old.price_usd) end);
  update price_point_documents set (claims, credits, credit_unit, price_cny, price_usd) = (
      select count(*), max(c.credits), max(c.credit_unit), max(c.price_cny), max(c.price_usd)
      from claims c indexed by idx_claims_document_id where c.document_id = old.document_id and
          c.kind = 'price' and c.section = 'body' and c.model is not null and coalesce(c.credits,
          c.price_cny, c.price_usd) is not null and c.model = old.model and c.tier is old.tier and
          c.resolution is old.resolution and c.duration_s is old.duration_s and case when c.credits
          is not null then printf('%g %s', c.credits, coalesce(c.credit_unit, 'credits')) when
          c.price_cny is not null then printf('CNY %g', c.price_cny) else printf('USD %g',
          c.price_usd) end = case when old.credits is not null then printf('%g %s', old.credits,
          coalesce(old.credit_unit, 'credits')) when old.price_cny is not null then printf('CNY %g',
          old.price_cny) else printf('USD %g', old.price_usd) end)
    where price_point_documents.document_id = old.document_id and price_point_documents.model =
        old.model and price_point_documents.tier is old.tier and price_point_documents.resolution is
        old.resolution and price_point_documents.duration_s is old.duration_s and
        price_point_documents.price_point = case when old.credits is not null then printf('%g %s',
        old.credits, coalesce(old.credit_unit, 'credits')) when old.price_cny is not null then
        printf('CNY %g', old.price_cny) else printf('USD %g', old.price_usd) end;
  insert into price_point_documents (model, tier, resolution, duration_s, price_point, document_id,
      claims, credits, credit_unit, price_cny, price_usd, observed_at, source, document_url,
      first_for_key)
    select c.model, c.tier, c.resolution, c.duration_s, case when old.credits is not null then
        printf('%g %s', old.credits, coalesce(old.credit_unit, 'credits')) when old.price_cny is not
        null then printf('CNY %g', old.price_cny) else printf('USD %g', old.price_usd) end,
        c.document_id, count(*), max(c.credits),
      max(c.credit_unit), max(c.price_cny), max(c.price_usd), strftime('%Y-%m-%dT%H:%M:%SZ',
          coalesce(d.published_at, d.first_seen)), d.source, d.url,
      not exists (select 1 from price_point_documents k where k.document_id = old.document_id and
          k.model = old.model and k.tier is old.tier and k.resolution is old.resolution and
          k.duration_s is old.duration_s)
    from claims c indexed by idx_claims_document_id join documents d on d.id = c.document_id
    where c.document_id = old.document_id and c.kind = 'price' and c.section = 'body' and c.model is
        not null and coalesce(c.credits, c.price_cny, c.price_usd) is not null and c.model =
        old.model and c.tier is old.tier and c.resolution is old.resolution and c.duration_s is
        old.duration_s and case when c.credits is not null then printf('%g %s', c.credits,
        coalesce(c.credit_unit, 'credits')) when c.price_cny is not null then printf('CNY %g',
        c.price_cny) else printf('USD %g', c.price_usd) end = case when old.credits is not null then
        printf('%g %s', old.credits, coalesce(old.credit_unit, 'credits')) when old.price_cny is not
        null then printf('CNY %g', old.price_cny) else printf('USD %g', old.price_usd) end and not
        exists (select 1 from price_point_documents p where p.document_id = old.document_id and
        p.model = old.model and p.tier is old.tier and p.resolution is old.resolution and
        p.duration_s is old.duration_s and p.price_point = case when old.credits is not null then
        printf('%g %s', old.credits, coalesce(old.credit_unit, 'credits')) when old.price_cny is not
        null then printf('CNY %g', old.price_cny) else printf('USD %g', old.price_usd) end)
    group by c.document_id; end
""",
    "price_points_claims_au": """
after update on claims when ((old.kind = 'price' and old.section = 'body' and old.model is not null
    and coalesce(old.credits, old.price_cny, old.price_usd) is not null) or (new.kind = 'price' and
    new.section = 'body' and new.model is not null and coalesce(new.credits, new.price_cny,
    new.price_usd) is not null)) and (old.document_id is not new.document_id or old.kind is not
    new.kind or old.section is not new.section or old.model is not new.model or old.tier is not
    new.tier or old.resolution is not new.resolution or old.duration_s is not new.duration_s or
    old.credits is not new.credits or old.credit_unit is not new.credit_unit or old.price_cny is not
    new.price_cny or old.price_usd is not new.price_usd) begin
  delete from price_point_documents where price_point_documents.document_id = old.document_id and
      price_point_documents.model = old.model and price_point_documents.tier is old.tier and
      price_point_documents.resolution is old.resolution and price_point_documents.duration_s is
      old.duration_s and price_point_documents.price_point = case when old.credits is not null then
      printf('%g %s', old.credits, coalesce(old.credit_unit, 'credits')) when old.price_cny is not
      null then printf('CNY %g', old.price_cny) else printf('USD %g', old.price_usd) end and not
      exists (select 1 from claims c indexed by idx_claims_document_id where c.document_id =
      old.document_id and c.kind = 'price' and c.section = 'body' and c.model is not null and
      coalesce(c.credits, c.price_cny, c.price_usd) is not null and c.model = old.model and c.tier
      is old.tier and c.resolution is old.resolution and c.duration_s is old.duration_s and case
      when c.credits is not null then printf('%g %s', c.credits, coalesce(c.credit_unit, 'credits'))
      when c.price_cny is not null then printf('CNY %g', c.price_cny) else printf('USD %g',
      c.price_usd) end = case when old.credits is not null then printf('%g %s', old.credits,
      coalesce(old.credit_unit, 'credits')) when old.price_cny is not null then printf('CNY %g',
      old.price_cny) else printf('USD %g', old.price_usd) end);
  update price_point_documents set (claims, credits, credit_unit, price_cny, price_usd) = (
      select count(*), max(c.credits), max(c.credit_unit), max(c.price_cny), max(c.price_usd)
      from claims c indexed by idx_claims_document_id where c.document_id = old.document_id and
          c.kind = 'price' and c.section = 'body' and c.model is not null and coalesce(c.credits,
          c.price_cny, c.price_usd) is not null and c.model = old.model and c.tier is old.tier and
          c.resolution is old.resolution and c.duration_s is old.duration_s and case when c.credits
          is not null then printf('%g %s', c.credits, coalesce(c.credit_unit, 'credits')) when
          c.price_cny is not null then printf('CNY %g', c.price_cny) else printf('USD %g',
          c.price_usd) end = case when old.credits is not null then printf('%g %s', old.credits,
          coalesce(old.credit_unit, 'credits')) when old.price_cny is not null then printf('CNY %g',
          old.price_cny) else printf('USD %g', old.price_usd) end)
    where price_point_documents.document_id = old.document_id and price_point_documents.model =
        old.model and price_point_documents.tier is old.tier and price_point_documents.resolution is
        old.resolution and price_point_documents.duration_s is old.duration_s and
        price_point_documents.price_point = case when old.credits is not null then printf('%g %s',
        old.credits, coalesce(old.credit_unit, 'credits')) when old.price_cny is not null then
        printf('CNY %g', old.price_cny) else printf('USD %g', old.price_usd) end;
  insert into price_point_documents (model, tier, resolution, duration_s, price_point, document_id,
      claims, credits, credit_unit, price_cny, price_usd, observed_at, source, document_url,
      first_for_key)
    select c.model, c.tier, c.resolution, c.duration_s, case when old.credits is not null then
        printf('%g %s', old.credits, coalesce(old.credit_unit, 'credits')) when old.price_cny is not
        null then printf('CNY %g', old.price_cny) else printf('USD %g', old.price_usd) end,
        c.document_id, count(*), max(c.credits),
      max(c.credit_unit), max(c.price_cny), max(c.price_usd), strftime('%Y-%m-%dT%H:%M:%SZ',
          coalesce(d.published_at, d.first_seen)), d.source, d.url,
      not exists (select 1 from price_point_documents k where k.document_id = old.document_id and
          k.model = old.model and k.tier is old.tier and k.resolution is old.resolution and
          k.duration_s is old.duration_s)
    from claims c indexed by idx_claims_document_id join documents d on d.id = c.document_id
    where c.document_id = old.document_id and c.kind = 'price' and c.section = 'body' and c.model is
        not null and coalesce(c.credits, c.price_cny, c.price_usd) is not null and c.model =
        old.model and c.tier is old.tier and c.resolution is old.resolution and c.duration_s is
        old.duration_s and case when c.credits is not null then printf('%g %s', c.credits,
        coalesce(c.credit_unit, 'credits')) when c.price_cny is not null then printf('CNY %g',
        c.price_cny) else printf('USD %g', c.price_usd) end = case when old.credits is not null then
        printf('%g %s', old.credits, coalesce(old.credit_unit, 'credits')) when old.price_cny is not
        null then printf('CNY %g', old.price_cny) else printf('USD %g', old.price_usd) end and not
        exists (select 1 from price_point_documents p where p.document_id = old.document_id and
        p.model = old.model and p.tier is old.tier and p.resolution is old.resolution and
        p.duration_s is old.duration_s and p.price_point = case when old.credits is not null then
        printf('%g %s', old.credits, coalesce(old.credit_unit, 'credits')) when old.price_cny is not
        null then printf('CNY %g', old.price_cny) else printf('USD %g', old.price_usd) end)
    group by c.document_id;
  delete from price_point_documents where price_point_documents.document_id = new.document_id and
      price_point_documents.model = new.model and price_point_documents.tier is new.tier and
      price_point_documents.resolution is new.resolution and price_point_documents.duration_s is
      new.duration_s and price_point_documents.price_point = case when new.credits is not null then
      printf('%g %s', new.credits, coalesce(new.credit_unit, 'credits')) when new.price_cny is not
      null then printf('CNY %g', new.price_cny) else printf('USD %g', new.price_usd) end and not
      exists (select 1 from claims c indexed by idx_claims_document_id where c.document_id =
      new.document_id and c.kind = 'price' and c.section = 'body' and c.model is not null and
      coalesce(c.credits, c.price_cny, c.price_usd) is not null and c.model = new.model and c.tier
      is new.tier and c.resolution is new.resolution and c.duration_s is new.duration_s and case
      when c.credits is not null then printf('%g %s', c.credits, coalesce(c.credit_unit, 'credits'))
      when c.price_cny is not null then printf('CNY %g', c.price_cny) else printf('USD %g',
      c.price_usd) end = case when new.credits is not null then printf('%g %s', new.credits,
      coalesce(new.credit_unit, 'credits')) when new.price_cny is not null then printf('CNY %g',
      new.price_cny) else printf('USD %g', new.price_usd) end);
  update price_point_documents set (claims, credits, credit_unit, price_cny, price_usd) = (
      select count(*), max(c.credits), max(c.credit_unit), max(c.price_cny), max(c.price_usd)
      from claims c indexed by idx_claims_document_id where c.document_id = new.document_id and
          c.kind = 'price' and c.section = 'body' and c.model is not null and coalesce(c.credits,
          c.price_cny, c.price_usd) is not null and c.model = new.model and c.tier is new.tier and
          c.resolution is new.resolution and c.duration_s is new.duration_s and case when c.credits
          is not null then printf('%g %s', c.credits, coalesce(c.credit_unit, 'credits')) when
          c.price_cny is not null then printf('CNY %g', c.price_cny) else printf('USD %g',
          c.price_usd) end = case when new.credits is not null then printf('%g %s', new.credits,
          coalesce(new.credit_unit, 'credits')) when new.price_cny is not null then printf('CNY %g',
          new.price_cny) else printf('USD %g', new.price_usd) end)
    where price_point_documents.document_id = new.document_id and price_point_documents.model =
        new.model and price_point_documents.tier is new.tier and price_point_documents.resolution is
        new.resolution and price_point_documents.duration_s is new.duration_s and
        price_point_documents.price_point = case when new.credits is not null then printf('%g %s',
        new.credits, coalesce(new.credit_unit, 'credits')) when new.price_cny is not null then
        printf('CNY %g', new.price_cny) else printf('USD %g', new.price_usd) end;
  insert into price_point_documents (model, tier, resolution, duration_s, price_point, document_id,
      claims, credits, credit_unit, price_cny, price_usd, observed_at, source, document_url,
      first_for_key)
    select c.model, c.tier, c.resolution, c.duration_s, case when new.credits is not null then
        printf('%g %s', new.credits, coalesce(new.credit_unit, 'credits')) when new.price_cny is not
        null then printf('CNY %g', new.price_cny) else printf('USD %g', new.price_usd) end,
        c.document_id, count(*), max(c.credits),
      max(c.credit_unit), max(c.price_cny), max(c.price_usd), strftime('%Y-%m-%dT%H:%M:%SZ',
          coalesce(d.published_at, d.first_seen)), d.source, d.url,
      not exists (select 1 from price_point_documents k where k.document_id = new.document_id and
          k.model = new.model and k.tier is new.tier and k.resolution is new.resolution and
          k.duration_s is new.duration_s)
    from claims c indexed by idx_claims_document_id join documents d on d.id = c.document_id
    where c.document_id = new.document_id and c.kind = 'price' and c.section = 'body' and c.model is
        not null and coalesce(c.credits, c.price_cny, c.price_usd) is not null and c.model =
        new.model and c.tier is new.tier and c.resolution is new.resolution and c.duration_s is
        new.duration_s and case when c.credits is not null then printf('%g %s', c.credits,
        coalesce(c.credit_unit, 'credits')) when c.price_cny is not null then printf('CNY %g',
        c.price_cny) else printf('USD %g', c.price_usd) end = case when new.credits is not null then
        printf('%g %s', new.credits, coalesce(new.credit_unit, 'credits')) when new.price_cny is not
        null then printf('CNY %g', new.price_cny) else printf('USD %g', new.price_usd) end and not
        exists (select 1 from price_point_documents p where p.document_id = new.document_id and
        p.model = new.model and p.tier is new.tier and p.resolution is new.resolution and
        p.duration_s is new.duration_s and p.price_point = case when new.credits is not null then
        printf('%g %s', new.credits, coalesce(new.credit_unit, 'credits')) when new.price_cny is not
        null then printf('CNY %g', new.price_cny) else printf('USD %g', new.price_usd) end)
    group by c.document_id; end
""",
    "price_points_documents_ai": """
after insert on documents begin
  delete from price_point_documents where document_id = new.id;
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
        from claims c indexed by idx_claims_document_id join documents d on d.id = c.document_id
        where c.document_id = new.id and c.kind = 'price' and c.section = 'body' and c.model is not
            null and coalesce(c.credits, c.price_cny, c.price_usd) is not null)
  group by document_id, model, tier, resolution, duration_s, price_point;
end
""",
    "price_points_documents_au": """
after update on documents
when old.id is not new.id or old.published_at is not new.published_at or old.first_seen is not
    new.first_seen
  or old.url is not new.url or old.source is not new.source
begin
  delete from price_point_documents where document_id = old.id;
  delete from price_point_documents where document_id = new.id;
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
        from claims c indexed by idx_claims_document_id join documents d on d.id = c.document_id
        where c.document_id = new.id and c.kind = 'price' and c.section = 'body' and c.model is not
            null and coalesce(c.credits, c.price_cny, c.price_usd) is not null)
  group by document_id, model, tier, resolution, duration_s, price_point;
end
""",
    "price_points_documents_ad": """
after delete on documents begin delete from price_point_documents where document_id = old.id; end
""",
}
