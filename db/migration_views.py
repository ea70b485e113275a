"""Frozen SQL of the views the migrations made then: m003 and m004 (ensure_db_shape replaces them
with db/views.py's on every open) and m010/m011's ``model_keys``.

Never edit a statement here once a migration that runs it has shipped: a change is a new
migration with its own SQL (db/migrations.py).
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
