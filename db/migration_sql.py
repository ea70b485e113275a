"""The SQL of applied migrations, frozen as it was when each was written. Never edit it.

A migration that changes what is here (a view, the price-point rule) is a new
migration in ``db/migrations.py`` with its own SQL. The views that may change
are recreated on every open from ``db/views.py`` (``ensure_db_shape``); the
views below are only what m003 and m004 made then.
"""

# ---- m003, m004: the views as they were made then (ensure_db_shape replaces them with db/views.py's)

M003_VIEWS = {
    "prices": """
select c.id as claim_id, c.model, m.vendor, c.tier, c.resolution, c.duration_s, c.credits,
    c.credit_unit, c.price_cny, c.price_usd, case when c.price_cny is not null and c.duration_s > 0
    then round(c.price_cny / c.duration_s, 4) end as cny_per_second,
  c.quote, c.section, c.confidence, c.method,
  d.id as document_id, d.title as document_title, d.url as document_url,
  d.platform, d.source, d.published_at
from claims c
join documents d on d.id = c.document_id
left join models m on m.name = c.model
where c.kind = 'price'
""",
    "bugs": """
select c.id as claim_id, c.model, m.vendor, c.tier, c.kind,
  c.quote, c.section, c.confidence, c.method,
  d.id as document_id, d.title as document_title, d.url as document_url,
  d.platform, d.source, d.published_at
from claims c
join documents d on d.id = c.document_id
left join models m on m.name = c.model
where c.kind = 'bug'
""",
    "strengths": """
select c.id as claim_id, c.model, m.vendor, c.tier, c.kind,
  c.quote, c.section, c.confidence, c.method,
  d.id as document_id, d.title as document_title, d.url as document_url,
  d.platform, d.source, d.published_at
from claims c
join documents d on d.id = c.document_id
left join models m on m.name = c.model
where c.kind = 'strength'
""",
    "abilities": """
select c.id as claim_id, c.model, m.vendor, c.tier, c.kind,
  c.quote, c.section, c.confidence, c.method,
  d.id as document_id, d.title as document_title, d.url as document_url,
  d.platform, d.source, d.published_at
from claims c
join documents d on d.id = c.document_id
left join models m on m.name = c.model
where c.kind in ('capability', 'limitation')
""",
    "speeds": """
select c.id as claim_id, c.model, m.vendor, c.tier, c.generation_s, c.generation_s_min,
    c.generation_s_max,
  c.quote, c.section, c.confidence, c.method,
  d.id as document_id, d.title as document_title, d.url as document_url,
  d.platform, d.source, d.published_at
from claims c
join documents d on d.id = c.document_id
left join models m on m.name = c.model
where c.kind = 'speed'
""",
}

M004_VIEWS = {
    "claim_evidence": """
select c.id as claim_id, c.kind, c.model, c.tier, c.section,
  ctx.context_before || '【' || c.quote || '】' || ctx.context_after as in_context,
  c.quote, ctx.located, c.confidence, c.method,
  d.id as document_id, d.title as document_title, d.url as document_url,
  d.platform, d.source, strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at, d.first_seen)) as
      observed_at,
  ctx.context_before, ctx.context_after
from claims c
join documents d on d.id = c.document_id
join (
select claim_id, located,
  case when pos >= 0 then substr(src, max(pos - 60, 0) + 1, pos - max(pos - 60, 0)) else '' end
    as context_before,
  case when pos >= 0 then substr(src, pos + length(quote) + 1, 60) else '' end as context_after
from (
  select claim_id, quote, src,
    case when substr(src, start + 1, "end" - start) = quote then start
         when instr(src, quote) > 0 then instr(src, quote) - 1 else -1 end as pos,
    case when substr(src, start + 1, "end" - start) = quote then 'offsets'
         when instr(src, quote) > 0 then 'search' else 'missing' end as located
  from (
    select c.id as claim_id, c.quote, c.start, c."end", case c.section
    when 'summary' then coalesce(d.summary, '')
    when 'metadata' then coalesce((select group_concat(j.key || ': ' || j.value, char(10))
                                   from json_each(d.metadata) j), '')
    else coalesce(d.text, '') end as src
    from claims c join documents d on d.id = c.document_id

  )
)) ctx on ctx.claim_id = c.id
""",
}

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

M006_TRIGGERS = {
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

M010_MODEL_KEYS_VIEW = """
create view model_keys as
select m.name as model, lower(replace(replace(m.name, ' ', ''), '-', '')) as key from models m
union select m.name, lower(replace(replace(j.value, ' ', ''), '-', '')) from models m, json_each(m.aliases) j
union select m.name, lower(replace(replace(b.name, ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand
union select m.name, lower(replace(replace(j.value, ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand, json_each(b.aliases) j
union select m.name, lower(replace(replace(j.value || substr(m.name, length(m.brand) + 1), ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand, json_each(b.aliases) j
  where m.name <> m.brand and substr(m.name, 1, length(m.brand)) = m.brand
"""


# ---- m011
M011_MODEL_KEYS_VIEW = """
create view model_keys as
select m.name as model, lower(replace(replace(m.name, ' ', ''), '-', '')) as key from models m
union select m.name, lower(replace(replace(j.value, ' ', ''), '-', '')) from models m, json_each(m.aliases) j
union select m.name, lower(replace(replace(b.name, ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand
union select m.name, lower(replace(replace(j.value, ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand, json_each(b.aliases) j
union select m.name, lower(replace(replace(j.value || substr(m.name, length(m.brand) + 1), ' ', ''), '-', ''))
  from models m join models b on b.name = m.brand, json_each(b.aliases) j
  where m.name <> m.brand and substr(m.name, 1, length(m.brand)) = m.brand
union select m.name, lower(replace(replace(m.brand, ' ', ''), '-', ''))
  from models m where m.brand is not null
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

# m017: documents newest first by their date (published, else first seen, UTC), for the search's
# pages of documents.
M017_DOCUMENTS_BY_DATE = """
create index if not exists documents_observed_at on documents
  (strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(published_at, first_seen)));
"""
