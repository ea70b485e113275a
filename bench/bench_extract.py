"""Extraction throughput on generated review text (one core).

Usage: python bench/bench_extract.py [--mb 2.0] [--seed 7]

Builds review documents from templates (Simplified, Traditional and English
prose, price lines, a Markdown price table), runs ``extract_document`` over
them and prints characters per second, next to a baseline measured in the same
run: one precompiled ``re.finditer`` scan for amounts over the same text.
"""
from __future__ import annotations

import argparse
import logging
import random
import re
import time

from ingest.extract import extract_document
from ingest.extract.normalize import to_simplified
from schemas.document import Document

log = logging.getLogger(__name__)

MODELS = [("可灵", "2.1", "大师版"), ("海螺", "02", ""), ("Vidu", "Q1", ""), ("即梦", "3.0", ""),
          ("通义万相", "2.1", ""), ("可灵", "1.6", "高品质版"), ("PixVerse", "V4.5", "")]
EN_MODELS = ["Runway Gen-4", "Gen-4 Turbo", "Veo 3", "Sora 2", "Kling 2.1 Master", "Hailuo 02", "Luma Ray2"]
ZH = [
    "{m}的运镜非常丝滑，光影层次也更丰富。",
    "不过{m}在多人场景里经常出现肢体扭曲，两个人拥抱的时候手臂会融在一起。",
    "{m}生成一条5秒1080P的视频要{c}积分，充值比例是1元=10积分。",
    "速度方面，{m}大概{n}分钟左右出片，高峰期排队会更久。",
    "{m}目前只支持图生视频，不支持文生视频。",
    "相比{m2}，{m}的价格降低了{p}%，同时动作更自然。",
    "除了{m2}有点慢动作，其他几个都合格。",
    "我们先看看{m}和{m2}的效果，两个版本都没啥问题。",
    "Prompt：一只猫在花丛中非常自然地奔跑，镜头跟随。",
    "今天天气不错，我们去公园拍了一些素材，回来整理了一下思路。",
]
EN = [
    "{m} costs {c} credits per second, and 1 credit = $0.01 on the Standard plan.",
    "{m} is remarkably consistent with characters, and the lighting looks very cinematic.",
    "Hands sometimes morph between frames in {m}, and it ignored my prompt twice.",
    "A 10-second clip from {m} usually takes about {n} minutes to generate.",
    "{m} does not support text-to-video; you always need an input image.",
    "We spent the afternoon shooting reference footage and sorting the results.",
]
TABLE = ("| 模型 | 分辨率 | 时长 | 消耗积分 |\n| --- | --- | --- | --- |\n"
         "| {m} | 720P | 5秒 | {c}积分 |\n| {m} | 1080P | 5秒 | {c2}积分 |\n")


def _zh_name(rng: random.Random) -> str:
    brand, ver, ed = rng.choice(MODELS)
    return f"{brand}{ver}{ed}"


def make_doc(rng: random.Random, size: int) -> Document:
    """One review of roughly ``size`` characters in one of three styles."""
    style = rng.choice(("zh", "zh", "tw", "en"))
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        fill = {"m": _zh_name(rng), "m2": _zh_name(rng), "c": rng.choice([20, 35, 50, 100]),
                "c2": rng.choice([60, 80]), "n": rng.choice([1, 2, 3, 4]), "p": rng.choice([30, 50, 65])}
        if style == "en":
            fill["m"], fill["m2"] = rng.choice(EN_MODELS), rng.choice(EN_MODELS)
            parts.append(rng.choice(EN).format(**fill))
        elif rng.random() < 0.05:
            parts.append(TABLE.format(**fill))
        else:
            parts.append(rng.choice(ZH).format(**fill))
    text = "\n\n".join(parts)
    if style == "tw":
        text = _to_traditional(text)
    return Document(platform="text", text=text)


def _to_traditional(text: str) -> str:
    from opencc import OpenCC

    return str(OpenCC("s2t").convert(text))


BASELINE = re.compile(r"\d+(?:\.\d+)?\s*(?:灵感值|积分|credits?|秒|分钟|元|%)|可灵|海螺|vidu|runway|veo|sora", re.I)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="megabytes (million characters) of text to generate")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    docs: list[Document] = []
    total = 0
    while total < args.mb * 1_000_000:
        doc = make_doc(rng, rng.randint(1500, 6000))
        docs.append(doc)
        total += len(doc.text)
    extract_document(docs[0], "warmup")  # load data files and compile regexes once
    t0 = time.perf_counter()
    hits = sum(1 for d in docs for _ in BASELINE.finditer(to_simplified(d.text).lower()))
    base_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    claims = sum(len(extract_document(d, f"doc{i}")) for i, d in enumerate(docs))
    ext_s = time.perf_counter() - t0
    ext_rate, base_rate = total / ext_s, total / base_s
    print(f"documents: {len(docs)}, characters: {total:,}, claims: {claims:,} (baseline matches: {hits:,})")
    print(f"baseline re.finditer scan: {base_rate / 1e6:8.2f} M chars/s ({base_s:.2f} s)")
    print(f"extract_document:          {ext_rate / 1e6:8.2f} M chars/s ({ext_s:.2f} s)")
    print(f"extractor / baseline ratio: {ext_rate / base_rate:.3f}")


if __name__ == "__main__":
    main()
