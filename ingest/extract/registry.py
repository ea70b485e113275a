"""The model registry (``ingest/data/models.yml``): brands, versions, editions, tiers.

``Registry.resolve`` turns what a text says (a brand, maybe a version, maybe an
edition or tier word) into a canonical model name and a tier, e.g. 可灵 + 2.1 +
大师版 -> ("Kling 2.1 Master", "master"), 可灵 + 2.1 + 高品质 -> ("Kling 2.1",
"high-quality"). Versions are compared by key: "2.0" == "2", "02" == "2",
"V4.5" == "4.5", "Q1" stays "q1".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from ingest.extract.lexicon import DATA_DIR

log = logging.getLogger(__name__)

MODELS_PATH = DATA_DIR / "models.yml"
_DECORATIVE_PREFIX = re.compile(r"^(?:v|gen[-\s]?|ray[-\s]?)")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def version_key(text: str) -> str:
    """Comparable form of a version: lower case, no v/gen/ray prefix, no trailing .0."""
    s = _DECORATIVE_PREFIX.sub("", text.strip().lower())
    prefix = ""
    if s[:1].isalpha():
        prefix, s = s[0], s[1:]
    parts = [p for p in re.split(r"[.\-_]", s) if p]
    if not parts or not all(p.isdigit() for p in parts):
        return prefix + s
    nums = [str(int(p)) for p in parts]
    while len(nums) > 1 and nums[-1] == "0":
        nums.pop()
    return prefix + ".".join(nums)


@lru_cache(maxsize=1024)
def version_label(text: str) -> str:
    """A version as a name shows it: "v2-6" -> "2.6", "q1" -> "Q1"."""
    s = _DECORATIVE_PREFIX.sub("", text.strip().lower())
    s = re.sub(r"(?<=\d)[-_](?=\d)", ".", s)
    return s.upper() if s[:1].isalpha() else s


def _spellings(alias: str) -> list[str]:
    """An alias and the ways API ids write its separators: gen-4 turbo -> gen-4-turbo, gen_4_turbo,
    gen4_turbo, gen4-turbo…"""
    if not re.search(r"[\s\-_]", alias):
        return [alias]
    parts = [p for p in re.split(r"[\s\-_]+", alias) if p]
    glued: list[str] = []  # a letter part and the digits after it run together (gen 4 -> gen4)
    for p in parts:
        if glued and glued[-1][-1:].isalpha() and p[:1].isdigit():
            glued[-1] += p
        else:
            glued.append(p)
    out = [alias] + [sep.join(ps) for ps in (parts, glued) for sep in ("-", "_", " ")]
    solid = _solid(alias)
    if solid is not None:
        out.append(solid)
    return list(dict.fromkeys(out))


def _solid(alias: str) -> str | None:
    """An alias of two words or more written with no space at all (LumaDreamMachine), when that
    is long enough not to be some other word."""
    parts = [p for p in re.split(r"[\s\-_]+", alias) if p]
    solid = "".join(parts)
    return solid if len(parts) >= 2 and len(solid) >= 8 and solid.isascii() and solid.isalnum() else None


def _tiers(raw: Any) -> tuple[tuple[str, str], ...]:
    """A model's tiers: a mapping tier -> resolution, or a list of tiers sold without one."""
    if isinstance(raw, list):
        return tuple((str(t), "") for t in raw)
    return tuple((str(k), str(v)) for k, v in (raw or {}).items())


@dataclass(frozen=True)
class ModelInfo:
    name: str
    brand: str
    version: str  # key
    edition: str | None = None
    tier: str | None = None  # the tier, when the vendor sells it as its own model
    tiers: tuple[tuple[str, str], ...] = ()  # (tier, resolution or ""): the tiers the vendor sells it in
    resolutions: tuple[str, ...] = ()  # resolutions sold without a tier name (Hailuo 02: 768p, 1080p)
    default: bool = False
    aliases: tuple[str, ...] = ()


@dataclass
class Brand:
    name: str
    vendor: str
    aliases: list[str]
    name_format: str
    open_versions: bool
    prefix_required: bool
    tier_words: dict[str, str]  # word -> tier
    edition_words: dict[str, str]  # word -> edition
    models: list[ModelInfo] = field(default_factory=list)
    domestic: bool = False  # made in China: a nationality word before it is no epithet
    runs: str | None = None  # the model family a product runs under its own name (Bing Video Creator: Sora)
    plain_words: frozenset[str] = frozenset()  # resellers' labels that name no edition (Hailuo 02 Pro)
    listed_editions: bool = False  # an edition word names a model only where the registry lists it
    lettered_format: str | None = None  # an unlisted version opening on a letter (MiniMax H3)

    def by_version(self, key: str) -> list[ModelInfo]:
        return [m for m in self.models if m.version == key]

    @cached_property
    def zero_point(self) -> bool:
        """Does the brand write a whole version with ".0" (Kling 3.0, Seedance 2.0; not Veo 3)?"""
        whole = [m for m in self.models if m.version and m.version.isdigit()]
        return bool(whole) and all(re.search(rf"(?<![\d.]){m.version}\.0(?![\d.])", m.name) for m in whole)


def _word_key(word: str) -> str:
    """An edition or tier word as the registry's tables hold it: lower case, single spaces."""
    return _SPACES.sub(" ", word.lower().strip())


class Registry:
    """Every brand and model the extractor knows, with lookups by name and alias."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.brands: dict[str, Brand] = {}
        self.alias_brand: dict[str, str] = {}
        self.alias_model: dict[str, ModelInfo] = {}
        self.models: dict[str, ModelInfo] = {}
        # resellers and hosts of many vendors' models: never a model, never an unregistered one
        self.platforms: list[str] = [str(w).lower() for w in raw.get("platforms") or []]
        # brand aliases that are also ordinary words (wan, luma, runway): see MentionScanner
        self.common_words: frozenset[str] = frozenset(str(w).lower() for w in raw.get("common_words") or [])
        # edition words that count only after a model's name (Ray2 Flash), never alone
        self.attached_words: frozenset[str] = frozenset(
            str(w).lower() for w in raw.get("attached_words") or []
        )
        # edition words any brand with open versions may take (Kling 4.0 Flash, Seedance 2.5 Flash)
        # when its own tables have no edition or tier by that word
        self.generic_editions: frozenset[str] = frozenset(
            str(w).lower() for w in raw.get("generic_editions") or []
        )
        # a brand's version prefix (Ray of Ray3.14): names the brand only with a version after it
        self.version_words: set[str] = set()
        # what a brand's unlisted versions open with, when it is not the brand's name (LTX for LTX-Video)
        self.format_brand: dict[str, Brand] = {}
        for row in raw.get("brands") or []:
            self._add_brand(row)

    def _add_brand(self, row: dict[str, Any]) -> None:
        name = str(row["brand"])
        brand = Brand(
            name=name,
            vendor=str(row.get("vendor", name)),
            domestic=bool(row.get("domestic", False)),
            runs=str(row["runs"]) if row.get("runs") else None,
            plain_words=frozenset(str(w).lower() for w in row.get("plain_words") or []),
            listed_editions=bool(row.get("listed_editions", False)),
            aliases=[str(a).lower() for a in row.get("aliases") or []],
            name_format=str(row.get("name_format") or f"{name} {{v}}"),
            lettered_format=str(row["lettered_format"]) if row.get("lettered_format") else None,
            open_versions=bool(row.get("open_versions", True)),
            prefix_required=bool(row.get("version_prefix_required", False)),
            tier_words={
                str(w).lower(): str(t) for t, ws in (row.get("tiers") or {}).items() for w in ws or []
            },
            edition_words={
                str(w).lower(): str(e) for e, ws in (row.get("editions") or {}).items() for w in ws or []
            },
        )
        for m in row.get("models") or []:
            info = ModelInfo(
                name=str(m["name"]),
                brand=name,
                version=version_key(str(m.get("version", ""))),
                edition=m.get("edition"),
                tier=m.get("tier"),
                tiers=_tiers(m.get("tiers")),
                resolutions=tuple(str(r).lower() for r in m.get("resolutions") or []),
                default=bool(m.get("default", False)),
                aliases=tuple(str(a).lower() for a in m.get("aliases") or []),
            )
            brand.models.append(info)
            self.models[info.name] = info
            for a in info.aliases:
                for v in _spellings(a):
                    self.alias_model.setdefault(v, info)
        self.brands[name] = brand
        lead = brand.name_format.split("{v}")[0].strip()
        if lead and lead != name:
            self.format_brand.setdefault(lead, brand)
        led = [str(w).lower() for w in row.get("version_words") or []]
        self.version_words.update(led)
        for a in brand.aliases + [name.lower()] + led:
            self.alias_brand.setdefault(a, name)
            solid = _solid(a)
            if solid is not None:
                self.alias_brand.setdefault(solid, name)

    # ----- lookups -------------------------------------------------------------
    def brand_of(self, model_name: str | None) -> Brand | None:
        if not model_name:
            return None
        info = self.models.get(model_name)
        if info:
            return self.brands[info.brand]
        # a brand of several words (Stable Video Diffusion, Movie Gen): the longest the name opens with
        # (or the way it writes its versions: LTX 2.3 is LTX-Video's)
        words = model_name.split(" ")
        for n in range(len(words), 0, -1):
            brand = self.brands.get(" ".join(words[:n])) or self.format_brand.get(" ".join(words[:n]))
            if brand is not None:
                return brand
        return None

    def vendor_words(self) -> list[str]:
        """The makers' names (Shengshu, Kuaishou, Zhipu): "Shengshu 模型阵容" names no model."""
        out: set[str] = set()
        for b in self.brands.values():
            name = b.vendor.split("(")[0].strip()
            if name:
                out.update({name, name.split()[0]})
        return sorted(out)

    def knows_version(self, brand: str, key: str) -> bool:
        b = self.brands.get(brand)
        return bool(b and b.by_version(key))

    def edition_words(self) -> set[str]:
        return {w for b in self.brands.values() for w in (*b.tier_words, *b.edition_words)}

    def words_of(self, brand: str, words: Sequence[str]) -> tuple[str | None, str | None]:
        """(edition, tier) named by edition/tier ``words`` for ``brand``."""
        b = self.brands.get(brand)
        if b is None:
            return None, None
        keys = [_word_key(w) for w in words]
        edition = next((e for k in keys if (e := b.edition_words.get(k))), None)
        tier = next((t for k in keys if (t := b.tier_words.get(k))), None)
        if edition is None and b.open_versions:
            edition = next(
                (
                    k
                    for k in keys
                    if k in self.generic_editions and k not in b.tier_words and k not in b.plain_words
                ),
                None,
            )
        return edition, tier

    # ----- resolution ----------------------------------------------------------
    @staticmethod
    def _label(b: Brand, version: str) -> str:
        """A version the registry does not list, as the brand writes its versions (kling-v4: 4.0)."""
        label = version_label(version)
        return f"{label}.0" if label.isdigit() and b.zero_point else label

    def resolve(self, brand: str, version: str | None, words: Sequence[str] = ()) -> tuple[str, str | None]:
        """Canonical model name and tier for ``brand`` + version text + edition/tier words."""
        b = self.brands[brand]
        edition, tier = self.words_of(brand, list(words))
        if version is None:
            return b.name, tier
        cands = b.by_version(version_key(version))
        if not cands:
            if not b.open_versions:
                return b.name, tier
            label = self._label(b, version)
            fmt = b.lettered_format if b.lettered_format and label[:1].isalpha() else b.name_format
            name = fmt.format(v=label)
            if edition and edition != "regular" and not b.listed_editions:
                name += " " + edition.title()
            return name, tier
        if len(words) > 1:
            # "Gen-3 Alpha Turbo": of two editions, the one the version's default model is not
            named = [e for w in words if (e := b.edition_words.get(_word_key(w)))]
            special = [e for e in named if any(m.edition == e and not m.default for m in cands)]
            if len(set(named)) > 1 and special:
                edition = special[-1]
        if edition and "-" in edition and all(m.edition != edition for m in cands):
            # "Seedance 2.0 Pro Fast" (a reseller's name) where the version has Fast but no Pro Fast: the
            # part of the edition the version has
            part = next((e for e in reversed(edition.split("-")) if any(m.edition == e for m in cands)), None)
            edition = part or edition
        if (
            edition
            and edition != "regular"
            and b.open_versions
            and not b.listed_editions
            and all(m.edition != edition for m in cands)
        ):
            # "Kling 3.0 Omni": an edition the registry does not list for this version is a model of
            # its own, never the version's plain model (named as the plain model is: Hailuo 02 Pro)
            plain = next((m.name for m in cands if m.edition is None), None)
            base = plain or b.name_format.format(v=self._label(b, version))
            return base + " " + edition.replace("-", " ").title(), tier
        model = self._pick(cands, edition, tier)
        return model.name, self._tier_for(model, tier)

    @staticmethod
    def _pick(cands: list[ModelInfo], edition: str | None, tier: str | None) -> ModelInfo:
        if edition and edition != "regular":
            hit = [m for m in cands if m.edition == edition]
            if hit:
                return hit[0]
        if tier:
            hit = [m for m in cands if m.tier == tier] or [m for m in cands if tier in dict(m.tiers)]
            if hit:
                return hit[0]
        plain = [m for m in cands if m.default] or [m for m in cands if m.edition is None] or cands
        return plain[0]

    @staticmethod
    def _tier_for(model: ModelInfo, tier: str | None) -> str | None:
        if tier and (tier == model.tier or tier in dict(model.tiers)):
            return tier
        return model.tier

    def apply_tier(self, model_name: str, tier: str | None) -> tuple[str, str | None]:
        """The model a tier of ``model_name`` is sold as: Kling 2.1 + master -> Kling 2.1 Master."""
        info = self.models.get(model_name)
        if info is None or not tier:
            return model_name, tier
        b = self.brands[info.brand]
        # an edition sold as its own line (Omni, Turbo) keeps it under any tier: kling-v3-omni in std
        # mode is still Kling 3.0 Omni; an edition that is itself a tier (Master) gives way to the tier
        kept = info.edition if info.edition and info.edition != info.tier else None
        model = self._pick(b.by_version(info.version), kept, tier)
        return model.name, self._tier_for(model, tier) or tier

    def version_models(self, brand: str, key: str) -> list[str]:
        b = self.brands.get(brand)
        return [m.name for m in b.by_version(version_key(key))] if b else []

    def rows(self) -> list[dict[str, Any]]:
        """Rows for the ``models`` table: every model, then every bare brand."""
        out: list[dict[str, Any]] = []
        for b in self.brands.values():
            for m in b.models:
                out.append({"name": m.name, "vendor": b.vendor, "brand": b.name, "aliases": list(m.aliases)})
            if not any(m.name == b.name for m in b.models):
                out.append({"name": b.name, "vendor": b.vendor, "brand": b.name, "aliases": list(b.aliases)})
        return out


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> Registry:
    p = Path(path) if path else MODELS_PATH
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(p.read_text(encoding="utf-8"), Loader=loader) or {}  # noqa: S506 - a safe loader
    if not isinstance(raw, dict):
        raise ValueError(f"{p}: the registry must be a mapping")
    reg = Registry(raw)
    log.debug("registry %s: %d brands, %d models", p, len(reg.brands), len(reg.models))
    return reg
