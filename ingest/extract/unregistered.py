"""Models the registry does not know, named in a document as models.

A review of a vendor's new model (Name-V4, a 视频模型 the registry has no entry for) would
otherwise give its claims to the registered models it names in passing. Three shapes name a
model the registry lacks:

- a brand-like Latin word with a version mark run onto it or hyphenated (SkyReels-V4,
  OmniHuman-1, NovaGen3), or after a space when the version has a ``v`` or the word an inner
  capital (Lumen V2, DreamMotion 3);
- a Latin word right before a model noun (Mochi模型, Foo视频大模型, Bar video model);
- the brand of a versioned name written alone later (SkyReels … SkyReels支持…): the
  version the document names most.

Each becomes a mention under the name as the text writes it, so it takes scope like a
registered model. Only a name the document dwells on *speaks* (its claims are emitted):
named twice or more, in the title, or before a model noun. Any other takes scope but its
claims are dropped, so what is said about it goes to nobody rather than to a model named
nearby. Ordinals (Step 1, Case 2, Test 3), common tech names (GPT-4, iOS 18) and a word
seen with three versions or more (a numbered list) are no models.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import accumulate
from typing import NamedTuple

from ingest.extract.mentions import RawMention
from ingest.extract.prefilter import PatternGate

# the lookbehinds sit after the first letter (not before it) so ``re`` skips ahead on [A-Z]
_VERSIONED = re.compile(
    r"(?P<name>[A-Z](?<![A-Za-z0-9_.\-/@#][A-Z])[A-Za-z]{2,})(?P<sep>[\-_]?|\s)"
    r"(?P<ver>[Vv]\d{1,2}(?:\.\d{1,2})?|\d{1,2}(?:\.\d{1,2})?)(?![A-Za-z0-9%]|\.\d|[\-_/]\w)"
)
_MODEL_NOUN = re.compile(
    r"(?P<name>[A-Z](?<![A-Za-z0-9_.\-/@#][A-Z])[A-Za-z]{2,}(?:-[A-Za-z]+)?)"
    r"(?:\s*(?:视频)?(?:生成)?(?:大)?模型(?!型)|\s+(?:video\s+)?model(?![a-z]))"
)
# a hyphenated word that says what kind of model it is (Diffusion-based, DiT-style, GAN-like)
_KIND_SUFFIX = re.compile(
    r"-(?:based|like|style|driven|powered|only|native|centric|first|free|ready|aware|guided|conditioned|tuned|trained|scale|level|grade|class|type)$"
)
# a capitalised word with "AI" run onto it (DomoAI): a product's name; the labs named so are companies
_GLUED_AI = re.compile(r"(?<![A-Za-z0-9_.\-/@#])[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?AI(?![A-Za-z0-9])")
_AI_COMPANIES = frozenset(
    {
        "openai",
        "stabilityai",
        "novelai",
        "characterai",
        "mistralai",
        "metaai",
        "googleai",
        "minimaxai",
        "deepseekai",
        "meshyai",
        "elevenlabsai",
        "capcutai",
        "tiktokai",
        "heygenai",
        "synthesiaai",
    }
)
_VIDEO_NEAR = re.compile(r"视频|短片|动画|video|clip|animat|生成", re.I)
_INNER_CAP = re.compile(r"^[A-Z][a-z]+[A-Z]")
# a model's size (19B, 1.3B), and what stands between a registered model and a word naming its
# variant: spaces, a size
_SIZE = re.compile(r"\d+(?:\.\d+)?\s*[BbMm](?![A-Za-z])")
_VARIANT_GAP = re.compile(rf"[\s\-]*(?:{_SIZE.pattern}[\s\-]*)?")
# words naming how a model was cut down or tuned, never a product of its own (Kling Avatar is one)
_VARIANT_WORDS = frozenset({"distilled", "quantized", "quantised", "base", "instruct", "preview"})
_METHOD_AFTER = re.compile(
    r"\s*(?:distillation|distilled|compilation|quantization|quantized|scheduler|sampler|"
    r"encoder|decoder|algorithm|optimizer|benchmark|codec|"
    r"licen[cs]e|蒸馏|量化|采样器|算法|基准|编码器|解码器|编码|协议)(?![a-z])",
    re.I,
)
# language models (GPT-5, Claude 4.5 Haiku, GLM-4.6), which make no video: named in a news round-up,
# each takes scope so that what is said of it goes to nobody, never to a video model named nearby.
# Names that are also a person's or an animal's (Claude, Kimi, Llama) count only with a version or
# an edition; a model named as an era (视频行业的 GPT-3.5 时刻) is no subject. Image models (SDXL,
# FLUX.1, 可图1.5, Midjourney V7) are the same: what a review says of one alone is no video model's;
# named beside a video model as its part or yardstick, it moves nothing (see drop_passing_foreign).
_EDITION_WORDS = "Sonnet|Opus|Haiku|Pro|Flash|Ultra|Lite|Max|Plus|Air|Fast|mini|nano|high|Turbo|Coder|VL|Code"
_EDITION = rf"(?:[\s\-](?:{_EDITION_WORDS}))*"
_VER = r"[\s\-]?(?:[Vv]?\d{1,2}(?:\.\d{1,2})?[a-z]?|[RVK]\d)"
_FOREIGN = re.compile(
    r"(?<![A-Za-z0-9_.\-/@#])(?>"
    rf"(?:DeepSeek|ChatGLM|Qwen)(?:{_VER})?{_EDITION}"
    rf"|(?:Claude|Kimi|Llama|LLaMA|Mistral|Gemini|Grok|ERNIE|GLM|Sonnet|Opus|Haiku){_VER}{_EDITION}"
    rf"|Claude[\s\-](?:Sonnet|Opus|Haiku|Code){_EDITION}(?:{_VER})?"
    rf"|GPT[\s\-]?\d(?:\.\d)?o?{_EDITION}|GPT-4o{_EDITION}|o[134](?:-mini|-pro)?(?=\s*模型)"
    r"|SDXL|SD\s?(?:1\.5|2\.1|3(?:\.5)?)|Stable\sDiffusion(?:\s(?:XL|\d(?:\.\d)?))?(?!\s+Video)"
    r"|FLUX(?:\.1)?(?:[\s\-](?:Dev|dev|Pro|pro|Schnell|schnell|Kontext))?|Flux\.1(?:[\s\-](?:Dev|dev|Pro|Schnell))?"
    r"|DALL[\-·]?E(?:\s?\d)?|Imagen\s?\d(?:\.\d)?|Kolors|Seedream(?:\s?\d(?:\.\d)?)?|GPT-Image-\d"
    r"|Nano\sBanana(?:\sPro)?|Ideogram|Midjourney\s?V[5-7](?:\.\d)?"
    r")(?![A-Za-z0-9])(?!\s*(?:时刻|時刻|时代|時代|moment|era))|通义千问|文心一言|可图(?:\d(?:\.\d)?)?"
)
# ``re`` cannot skip ahead on _FOREIGN (it opens with a lookbehind): one scan for the names it
# requires says whether, and from where, to run it (most reviews name no language or image model)
_FOREIGN_GATE = PatternGate([_FOREIGN])


def _opens_sentence(text: str, pos: int) -> bool:
    """Does ``pos`` open the text, a line or a sentence (after . ! ? 。！？ and spaces)?"""
    before = text[max(0, pos - 3) : pos].rstrip(" ")
    return not before or before[-1] in ".!?。！？\n"


class _Candidate(NamedTuple):
    start: int
    end: int
    brand: str  # the unknown brand as written; "" when ``glued`` names a registered model
    display: str  # the name as the text writes it
    glued: tuple[str, str] | None = None  # (registered brand, version) run together: RunwayGen4


@dataclass
class Unknowns:
    """What the document names that the registry does not know."""

    raws: list[list[RawMention]]  # per section, sorted by start
    speaking: set[str] = field(default_factory=set)  # names whose claims are emitted
    muted: set[str] = field(default_factory=set)  # names that only take scope
    foreign: set[str] = field(default_factory=set)  # language and image models named (muted too)
    main: str | None = None  # the name the document is about, when no registered model leads
    counts: Counter[str] = field(default_factory=Counter)


class _Spans:
    """Spans asked "does any of you overlap [start, end)?" in logarithmic time (sorted starts and
    the furthest end reached so far), not by a scan of every span per question."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the spans starting before ``end``
        return i > 0 and self.reach[i - 1] > start


_GLUED_VERSION = re.compile(r"(?:gen|v|ray)?(\d{1,2}(?:\.\d{1,2})?)")


_DISPLAY_VERSION = re.compile(r"[Vv]?(\d{1,2}(?:\.\d{1,2})?)$")


def _foreign(text: str, clean: str, taken: list[tuple[int, int]]) -> list[RawMention]:
    """Language and image models (GPT-5, Claude 4.5 Haiku, SDXL, 可图1.5) named in ``text``, outside
    the registry's mentions and outside masked text (links, hashtags)."""
    where = _FOREIGN_GATE.spans(text)[0]
    if where is None:
        return []
    spans = _Spans(taken)
    return [
        RawMention(m.start(), m.end(), "unknown", model=m.group(0))
        for m in _FOREIGN.finditer(text, *where)
        if not spans.overlaps(m.start(), m.end()) and clean[m.start() : m.end()] == m.group(0).lower()
    ]


def _misspelt(
    name: str, display: str, named: set[tuple[str, str]], strict: bool = False
) -> tuple[str, str] | None:
    """(brand, version) of a registered model the document names, when ``display`` is that model
    misspelt, as transcripts of spoken reviews write it (Hyo 2.3 beside Hailuo 2.3): the same
    version, the same first letter, a name no longer than the brand's and sharing its letters.
    ``strict``: ``named`` are all the registry's models, none of which the document need name, so
    the name must be nearly the brand's (Haleo 2.3 for Hailuo 2.3: a letter dropped, one changed)."""
    m = _DISPLAY_VERSION.search(display)
    if not m or not name:
        return None
    low = name.lower()
    least = 0.7 if strict else 0.4  # how many of their letters the two names must share
    for brand, version in sorted(named):
        b = brand.lower()
        if (
            version == m.group(1)
            and b != low
            and b[:1] == low[:1]
            and len(low) <= len(b) + 1
            and (not strict or (len(b) >= 5 and len(low) >= len(b) - 1))
            and SequenceMatcher(None, low, b).ratio() >= least
        ):
            return brand, version
    return None


def _compact(name: str) -> str:
    """``name`` as a host name writes it: lower case, letters and digits only (GPT-Image 2: gptimage2)."""
    return "".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum())


class UnknownModels:
    def __init__(
        self, not_models: list[str], brand_aliases: dict[str, str], models: set[tuple[str, str]] | None = None
    ) -> None:
        self.stop = {w.lower() for w in not_models}
        self.aliases = {a: b for a, b in brand_aliases.items() if a.isascii() and len(a) >= 4}
        self.models = models or set()  # (brand, version) of every registered model

    def registered(self, display: str) -> tuple[str, str] | None:
        """(brand, version) when ``display`` is a registered brand with its version run onto it
        (RunwayGen4, KlingV2): the registry's model, not an unknown one."""
        low = display.lower()
        for alias, brand in self.aliases.items():
            if low.startswith(alias):
                m = _GLUED_VERSION.fullmatch(low[len(alias) :].lstrip(" -_"))
                if m:
                    return brand, m.group(1)
        return None

    def _ok_name(self, name: str) -> bool:
        low = name.lower()
        if _KIND_SUFFIX.search(low) or low.endswith(("attention", "lora")):
            # Diffusion-based model, Transformer-style model: a kind of model; SageAttention2, a LoRA: a
            # part of a run, no model
            return False
        return len(name) >= 3 and low not in self.stop

    def _candidates(self, text: str, clean: str, taken: list[tuple[int, int]]) -> list[_Candidate]:
        """Each versioned or model-noun name in ``text``, in order."""
        out: list[_Candidate] = []
        spans = _Spans(taken)
        for m in _VERSIONED.finditer(text):
            name, sep, ver = m.group("name"), m.group("sep"), m.group("ver")
            if not self._ok_name(name) or spans.overlaps(m.start(), m.end()):
                continue
            glued = self.registered(text[m.start() : m.end()])
            if glued:
                out.append(_Candidate(m.start(), m.end(), "", text[m.start() : m.end()], glued))
                continue
            if sep.isspace() and not (
                ver[:1] in "vV" or _INNER_CAP.match(name) or ("." in ver and _opens_sentence(text, m.start()))
            ):
                continue  # Step 2, Chapter 3: a number after a word (Nova 2.3 opening a sentence: a model)
            if clean[m.start() : m.end()] != text[m.start() : m.end()].lower():
                continue  # masked (a link, a hashtag)
            if _METHOD_AFTER.match(text, m.end()):
                continue  # DMD-2 distillation, H.264 编码: a method or a format, no model
            out.append(_Candidate(m.start(), m.end(), name, text[m.start() : m.end()]))
        spans = _Spans(taken + [(c.start, c.end) for c in out])
        for m in _MODEL_NOUN.finditer(text):
            name = m.group("name")
            s, e = m.start("name"), m.end("name")
            if not self._ok_name(name) or spans.overlaps(s, e):
                continue
            if clean[s:e] != name.lower():
                continue
            if any(
                b <= s
                and _VARIANT_GAP.fullmatch(text, b, s)
                and (_SIZE.search(text, b, s) is not None or name.lower() in _VARIANT_WORDS)
                for _, b in taken
            ):
                continue  # LTX-2 19B Distilled model: a variant of the registered model before it
            out.append(_Candidate(s, e, name, name))
        if "AI" in text:
            out += self._glued_ai(text, clean, _Spans(taken + [(c.start, c.end) for c in out]))
        return sorted(out)

    def _glued_ai(self, text: str, clean: str, spans: _Spans) -> list[_Candidate]:
        """Products named with "AI" run onto them (DomoAI, LetzAI) that the text names twice or more, once
        near a video word: not a lab, nor a registered brand written so (PixVerseAI)."""
        named: dict[str, list[re.Match[str]]] = {}
        for m in _GLUED_AI.finditer(text):
            named.setdefault(m.group(0), []).append(m)
        out: list[_Candidate] = []
        for name, hits in named.items():
            stem = name[:-2].lower()
            if (
                name.lower() in _AI_COMPANIES
                or not self._ok_name(stem)
                or any(stem.startswith(alias.replace(" ", "")) for alias in self.aliases)
            ):
                continue
            said = list(re.finditer(re.escape(name), text))  # every time it is written, in a word too
            if len(said) < 2 or not any(
                _VIDEO_NEAR.search(text, max(0, m.start() - 40), m.end() + 40) for m in said
            ):
                continue
            out += [
                _Candidate(m.start(), m.end(), name, name)
                for m in hits
                if not spans.overlaps(m.start(), m.end()) and clean[m.start() : m.end()] == name.lower()
            ]
        return out

    def find(
        self,
        sections: list[tuple[str, str]],
        taken: list[list[RawMention]],
        title: str,
        title_taken: list[RawMention],
        registered: Counter[str],
        site: str = "",
    ) -> Unknowns:
        """Unregistered model mentions in each (text, clean text) section; ``taken`` are the
        registry's mentions there, ``registered`` how often the document names each brand; ``site``
        the host name of the page (a name the page is published under is its publisher, no model:
        prices "on GPTImage2" at gptimage2.vip)."""
        publisher = {label for label in site.lower().split(".") if len(label) >= 4}
        # a bare version the registry scan read (the 1.0 of HappyHorse 1.0) is the unknown name's own
        spans = [[(r.start, r.end) for r in rs if r.shape != "version"] for rs in taken]
        foreign = [_foreign(t, c, sp) for (t, c), sp in zip(sections, spans, strict=True)]
        found = [
            self._candidates(t, c, sp + [(f.start, f.end) for f in fs])
            for (t, c), sp, fs in zip(sections, spans, foreign, strict=True)
        ]
        in_title = (
            self._candidates(title, title.lower(), [(r.start, r.end) for r in title_taken]) if title else []
        )
        versions: dict[str, dict[str, int]] = {}
        nouned: set[str] = set()
        for cands in [*found, in_title]:
            for _s, _e, brand, display, glued in cands:
                if glued:
                    continue
                key = brand.lower()
                counts = versions.setdefault(key, {})
                counts[display] = counts.get(display, 0) + 1
                if display == brand:
                    nouned.add(key)
        # a word seen with three versions or more is a numbered list (Test 1, Test 2, Test 3)
        listed = {k for k, c in versions.items() if len([d for d in c if d.lower() != k]) >= 3}
        main_name = {
            k: max(((d, n) for d, n in c.items() if d.lower() != k), key=lambda x: x[1], default=(None, 0))[0]
            for k, c in versions.items()
        }
        named = {
            (r.brand, r.version)
            for rs in [title_taken, *taken]
            for r in rs
            if r.shape == "brand" and r.brand and r.version
        }
        out = Unknowns(raws=[])
        for (_text, clean), cands, sp, fs in zip(sections, found, spans, foreign, strict=True):
            raws: list[RawMention] = list(fs)
            out.foreign.update(f.model for f in fs if f.model)
            mine = [(c.start, c.end) for c in cands] + [(f.start, f.end) for f in fs]
            for s, e, brand, display, glued in cands:
                if publisher and _compact(display) in publisher:
                    continue
                glued = (
                    glued or _misspelt(brand, display, named) or _misspelt(brand, display, self.models, True)
                )
                if glued:  # a registered brand and its version run together, or misspelt
                    raws.append(RawMention(s, e, "brand", brand=glued[0], version=glued[1]))
                    continue
                key = brand.lower()
                if key in listed:
                    continue
                name = display if display != brand else (main_name[key] or display)
                raws.append(RawMention(s, e, "unknown", model=name))
            # the brand alone, after the text named it with a version
            occupied = _Spans(sp + mine)
            for key, versioned in main_name.items():
                if versioned is None or key in listed or _compact(versioned) in publisher:
                    continue
                meant = _misspelt(key, versioned, named) or _misspelt(key, versioned, self.models, True)
                for m in re.finditer(rf"(?<![a-z0-9_.\-/@#]){re.escape(key)}(?![a-z0-9])", clean):
                    if occupied.overlaps(m.start(), m.end()):
                        continue
                    if meant:
                        raws.append(RawMention(m.start(), m.end(), "brand", brand=meant[0], version=meant[1]))
                    else:
                        raws.append(RawMention(m.start(), m.end(), "unknown", model=versioned))
            raws.sort(key=lambda r: r.start)
            out.raws.append(raws)
            out.counts.update(r.model for r in raws if r.model)
        titled = {
            (main_name.get(c.brand.lower()) or c.display)
            for c in in_title
            if not c.glued and c.brand.lower() not in listed
        }
        out.muted |= out.foreign  # a language or image model never speaks
        for name, n in out.counts.items():
            if name in out.foreign:
                continue
            key = next((k for k, v in main_name.items() if v == name), name.lower())
            if n >= 2 or name in titled or key in nouned:
                out.speaking.add(name)
            else:
                out.muted.add(name)
        top = max(registered.values(), default=0)
        lead = [(n, name) for name, n in out.counts.items() if name in out.speaking and n >= 2 and n > top]
        if lead:
            out.main = max(lead)[1]
        return out
