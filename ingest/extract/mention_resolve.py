"""Which model a mention means: a document context (its main brand and the version it is about)
resolves what the text leaves out, and a sentence's own version beats the document's for a bare
tier word."""

from __future__ import annotations

from ingest.extract.mention_roles import OLD_BEFORE, OLD_NAMED_BEFORE, PRESENT_AFTER
from ingest.extract.mentions import DocContext, Mention, RawMention
from ingest.extract.registry import Registry, version_key

_TITLE_LEAD = 2


class MentionResolver:
    def __init__(self, reg: Registry) -> None:
        self.reg = reg

    def context(self, raws: list[RawMention], title: int = 0) -> DocContext:
        """The document's main brand and versions; the first ``title`` raws are the title's, whose
        first brand counts as much as its naming and two more (Seedance 2、Sora 2、Veo 3.1 对比:
        the title names first what the text is about)."""
        brands: dict[str, int] = {}  # (plain dicts: a Counter costs a Python call for each one made)
        for r in raws:
            if r.shape == "brand" and r.brand:
                brands[r.brand] = brands.get(r.brand, 0) + 1
        lead = next((r.brand for r in raws[:title] if r.shape == "brand" and r.brand), None)
        if lead and any(r.brand == lead for r in raws[title:]):  # and the text goes on to name it
            brands[lead] += _TITLE_LEAD
        order = sorted(brands, key=brands.__getitem__, reverse=True)  # Counter.most_common's order
        main = order[0] if order else None
        versions: dict[str, dict[str, int]] = {}
        spelled: dict[str, str] = {}  # version key -> as the text first wrote it (Pika 1.0 stays 1.0)
        counted: set[str] = set()  # versions already counted from a model's own name
        for n, r in enumerate(raws):
            brand = r.brand if r.shape == "brand" else self._brand_for_version(r, main, order)
            # (a model's own name, Hailuo 02 or kling-v2-1, states its version too: once per version, as
            # a page listing API ids names each many times; not when it is only what the text compares
            # with: 它和 T2V-01、I2V-01 相比)
            version = r.version
            if version is None and r.model and not r.versus and (info := self.reg.models.get(r.model)):
                if info.version and (f := f"{brand} {version_key(info.version)}") not in counted:
                    counted.add(f)
                    version = info.version
            if brand and version and r.shape in ("brand", "version"):
                key = version_key(version)
                # the title's version counts as much as its naming and two more, as its brand does
                counts = versions.setdefault(brand, {})
                counts[key] = counts.get(key, 0) + 1 + (_TITLE_LEAD if n < title else 0)
                spelled.setdefault(f"{brand} {key}", version)
        main_version = {b: spelled[f"{b} {max(c, key=c.__getitem__)}"] for b, c in versions.items()}
        # a title naming the main model with an edition (Seedance 2.0 Fast Image To Video): the text is
        # about that edition, not the version's regular model
        named = [r for r in raws[:title] if r.shape in ("brand", "version")]
        # (not "X Fast vs X"; "Veo 3.1 Lite: Same Veo API…" names its brand again, bare)
        head = (
            named[0]
            if named
            and named[0].shape == "brand"
            and all(x.brand == named[0].brand and not x.version and x.shape == "brand" for x in named[1:])
            else None
        )
        edition = None
        if head is not None and head.brand == main and head.version and head.words and main:
            same = version_key(head.version) == version_key(main_version.get(main, ""))
            ed, _ = self.reg.words_of(main, head.words)
            edition = head.words[0] if same and ed and ed != "regular" else None
        return DocContext(main_brand=main, main_version=main_version, brands=order, main_edition=edition)

    def from_address(self, ctx: DocContext, raws: list[RawMention]) -> None:
        """A text that names no model is about the one its address names, if the address names one
        brand (a thread under github.com/Tencent-Hunyuan/HunyuanVideo)."""
        named = [r for r in raws if r.shape == "brand" and r.brand and not r.common]
        if len({r.brand for r in named}) != 1:
            return
        brand = named[0].brand
        assert brand is not None
        ctx.main_brand, ctx.brands = brand, [brand]
        version = next((r.version for r in named if r.version), None)
        if version:
            ctx.main_version[brand] = version

    def _brand_for_version(
        self, r: RawMention, main: str | None, brands: list[str], recent: list[str] | None = None
    ) -> str | None:
        if not r.version:
            return None
        key = version_key(r.version)
        last = self.reg.brand_of(recent[-1]) if recent and r.marked else None
        if last is not None and self.reg.knows_version(last.name, key):
            return last.name  # Seedance 2.0 … 与前身1.0相比，2.0版本…: the brand just named
        if main and self.reg.knows_version(main, key):
            return main
        if r.marked:  # "2.0版本" may be another brand's; a bare "2.0" (Apache 2.0) only the main brand's
            for b in brands:
                if self.reg.knows_version(b, key):
                    return b
        return main if (r.marked and main) else None

    def _brand_for_words(self, words: list[str], ctx: DocContext) -> str | None:
        # a tier or edition word alone (极速版, 大师版) names a brand the document names; any brand
        # only in a document naming none
        for b in ([ctx.main_brand] if ctx.main_brand else []) + (ctx.brands or list(self.reg.brands)):
            ed, tier = self.reg.words_of(b, words)
            if ed or tier:
                return b
        return None

    def resolve(
        self, norm: str, raws: list[RawMention], ctx: DocContext, sentence_of: list[int], recent: list[str]
    ) -> list[Mention]:
        """Mentions of one section, in order; ``sentence_of[i]`` is raw i's sentence index.

        ``recent`` (models named so far, newest last) resolves "两个版本" and is extended.
        """
        out: list[Mention] = []
        sent_versions: dict[tuple[int, str], str] = {}
        last_sid = -1
        for raw, sid in zip(raws, sentence_of, strict=True):
            old = (
                raw.shape == "brand"
                and not raw.version
                and (
                    bool(OLD_BEFORE.search(norm, max(0, raw.start - 20), raw.start))
                    or bool(
                        OLD_NAMED_BEFORE.search(norm, max(0, raw.start - 32), raw.start)
                        and not PRESENT_AFTER.match(norm, raw.end)
                    )
                )
            )
            mention = self._resolve_one(raw, ctx, sid, sent_versions, recent, old)
            if mention is None:
                continue
            mention.versus = raw.versus
            if (
                out
                and raw.shape == "tier"
                and out[-1].models
                and norm[out[-1].end : raw.start].strip() in ("", "的")
            ):
                prev = out[-1]  # 普通版标准模式, 2.1的高品质: a tier word refines the model before it
                name, tier = self.reg.apply_tier(prev.models[0], mention.tier)
                prev.models, prev.tier, prev.end = [name], tier, raw.end
                continue
            if (
                raw.shape == "tier"
                and out
                and last_sid == sid
                and not out[-1].versus
                and out[-1].brand != mention.brand
            ):
                continue  # 海螺02性价比更高，标准模式…: the mode of the model the sentence is about
            last_sid = sid
            out.append(mention)
            for name in mention.models:
                if name in recent:
                    recent.remove(name)
                recent.append(name)
        return out

    def _resolve_one(
        self,
        raw: RawMention,
        ctx: DocContext,
        sid: int,
        sent_versions: dict[tuple[int, str], str],
        recent: list[str],
        old: bool = False,
    ) -> Mention | None:
        if raw.shape == "plural":
            if raw.version and ctx.main_brand:
                models = self.reg.version_models(ctx.main_brand, raw.version)[: raw.count]
            else:
                models = list(dict.fromkeys(reversed(recent)))[: raw.count][::-1]
            return (
                Mention(raw.start, raw.end, models, None, ctx.main_brand, bool(raw.version))
                if models
                else None
            )
        if raw.ref:
            return self._variant(raw, recent)
        if raw.shape == "unknown" and raw.model:
            return Mention(raw.start, raw.end, [raw.model], None, raw.model, True)
        if raw.shape == "brand" and raw.model and not raw.version and not raw.words:
            info = self.reg.models[raw.model]
            return Mention(raw.start, raw.end, [info.name], info.tier, info.brand, True)
        if raw.shape == "brand":
            brand = raw.brand
            version = raw.version or (self.reg.models[raw.model].version if raw.model else None)
        elif raw.shape == "version":
            brand = self._brand_for_version(raw, ctx.main_brand, ctx.brands, recent)
            version = raw.version
        else:
            brand = self._brand_for_words(raw.words, ctx)
            version = sent_versions.get((sid, brand or "")) or ctx.main_version.get(brand or "")
        if not brand or brand not in self.reg.brands:
            return None
        explicit = version is not None
        if raw.shape in ("brand", "version") and version:
            if not raw.versus:  # a yardstick's version (相比Veo 3) is no version of the sentence's subject
                sent_versions[(sid, brand)] = version
        elif (
            raw.shape == "brand" and not old
        ):  # the version this sentence (or row) gave the brand, else the document's
            version = sent_versions.get((sid, brand)) or ctx.main_version.get(brand)
        words = raw.words
        if raw.shape == "brand" and raw.model and (edition := self.reg.models[raw.model].edition):
            words = [*words, edition]  # kling-v3-turbo standard: the alias's edition stays with its tier
        name, tier = self.reg.resolve(brand, version, words)
        return Mention(raw.start, raw.end, [name], tier, brand, explicit)

    def _variant(self, raw: RawMention, recent: list[str]) -> Mention | None:
        """The variant ("the Fast model", "the standard one") of the model named last whose brand
        has that edition or tier; None when no model named so far has it."""
        for name in reversed(recent):
            info = self.reg.models.get(name)
            if info is None or info.version is None:
                continue
            ed, tier = self.reg.words_of(info.brand, raw.words)
            if raw.words and not (ed or tier):
                continue
            model, model_tier = self.reg.resolve(info.brand, info.version, raw.words)
            if (
                not raw.words
                and model == name
                and len(self.reg.brands[info.brand].by_version(version_key(info.version))) < 2
            ):
                return None  # "the standard one" where the version has no other variant
            return Mention(raw.start, raw.end, [model], model_tier, info.brand, True)
        return None
