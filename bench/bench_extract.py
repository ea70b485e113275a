"""Extraction throughput (one core): generated review text, dense claim text, and real documents.

Usage: python bench/bench_extract.py [--mb 2.0] [--seed 7] [--repeat 3] [--profile] [--json out.json]

Inputs, each timed ``--repeat`` times in interleaved rounds (fastest and median kept):

* generated: review documents from templates (Simplified, Traditional and English prose,
  price lines, a Markdown price table), a quarter of the sentences carrying a claim;
* dense: the claim sentences alone, about one claim per 40 characters, as a review that is
  nothing but prices, speeds, bugs and verdicts reads;
* one line: the dense text with every newline made a space, as one 250 K-character line (its
  rate against the dense text's shows extraction stays linear in a line's length);
* real dense: the gold development excerpts of ../shared (real reviews cut to their claims,
  read as clip notes);
* real pages: the seed notes and the WeChat corpus pages of ../shared, whole, the WeChat
  pages parsed by the project's parser.

The real inputs are skipped with a message when ../shared is absent. Times are CPU
seconds of this process (``time.process_time``: less sensitive than wall time to other
processes on a shared machine). Next to them, a baseline measured in the same rounds: one
precompiled ``re.finditer`` scan for amounts over the generated text. Target: 1 M
characters per second per core on each input. ``--profile`` prints where extraction of the
dense and real dense inputs spends its CPU, by module of ``ingest/extract`` and by function.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

from ingest.extract import COMPILED, extract_document
from ingest.extract.normalize import to_simplified
from schemas.document import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Figure, figures_table, machine_line, write_json  # noqa: E402

BENCH = "extract"
ONE_LINE_CHARS = 250_000

MODELS = [
    ("可灵", "2.1", "大师版"),
    ("海螺", "02", ""),
    ("Vidu", "Q1", ""),
    ("即梦", "3.0", ""),
    ("通义万相", "2.1", ""),
    ("可灵", "1.6", "高品质版"),
    ("PixVerse", "V4.5", ""),
]
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
]
ZH_PLAIN = [
    "今天天气不错，我们去公园拍了一些素材，回来整理了一下思路。",
    "这次我准备了三组测试图，分别是人物特写、大场景和产品展示。",
    "首帧图是一个小男孩正在吃手里拿的面包，背景是一间老式的厨房。",
    "接下来我们换一个场景，看看多人物的画面会怎么样。",
    "评论区有很多小伙伴问我用的是什么参数，这里统一回复一下。",
    "我把四个视频拼在了一起，大家可以对比着看。",
    "![](https://example.com/image/{n}.png)",
    "【图{n}】",
    "以上就是这次测试的全部内容，欢迎在评论区留言讨论。",
    "这个镜头的构图参考了一部老电影，灯光是傍晚的暖色调。",
]
EN_PLAIN = [
    "For this round I prepared three sets of reference images: portraits, landscapes and product shots.",
    "The first frame shows a man walking his dog along a rainy street at night.",
    "I put the four clips side by side so you can compare them frame by frame.",
    "Many readers asked about my settings, so here they are in one place.",
    "Next, let's switch to a crowded market scene with several people talking.",
]
EN = [
    "{m} costs {c} credits per second, and 1 credit = $0.01 on the Standard plan.",
    "{m} is remarkably consistent with characters, and the lighting looks very cinematic.",
    "Hands sometimes morph between frames in {m}, and it ignored my prompt twice.",
    "A 10-second clip from {m} usually takes about {n} minutes to generate.",
    "{m} does not support text-to-video; you always need an input image.",
    "We spent the afternoon shooting reference footage and sorting the results.",
]
# share of sentences that carry a claim; the seed reviews have about one claim per
# 300 characters, most of a review being narration, prompts and image markers
CLAIM_SHARE = 0.25
TABLE = (
    "| 模型 | 分辨率 | 时长 | 消耗积分 |\n| --- | --- | --- | --- |\n"
    "| {m} | 720P | 5秒 | {c}积分 |\n| {m} | 1080P | 5秒 | {c2}积分 |\n"
)


def _zh_name(rng: random.Random) -> str:
    brand, ver, ed = rng.choice(MODELS)
    return f"{brand}{ver}{ed}"


def make_doc(rng: random.Random, size: int, claim_share: float = CLAIM_SHARE) -> Document:
    """One review of roughly ``size`` characters in one of three styles."""
    style = rng.choice(("zh", "zh", "tw", "en"))
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        fill = {
            "m": _zh_name(rng),
            "m2": _zh_name(rng),
            "c": rng.choice([20, 35, 50, 100]),
            "c2": rng.choice([60, 80]),
            "n": rng.choice([1, 2, 3, 4]),
            "p": rng.choice([30, 50, 65]),
        }
        claim = rng.random() < claim_share
        if style == "en":
            fill["m"], fill["m2"] = rng.choice(EN_MODELS), rng.choice(EN_MODELS)
            parts.append(rng.choice(EN if claim else EN_PLAIN).format(**fill))
        elif claim and rng.random() < 0.05:
            parts.append(TABLE.format(**fill))
        else:
            parts.append(rng.choice(ZH if claim else ZH_PLAIN).format(**fill))
    text = "\n\n".join(parts)
    if style == "tw":
        text = _to_traditional(text)
    return Document(platform="text", text=text)


def _to_traditional(text: str) -> str:
    from opencc import OpenCC

    return str(OpenCC("s2t").convert(text))


#: The dense review texts, held to issue 10's target: generated (a claim per ~40 characters) and real.
DENSE = ("dense", "real dense")

BASELINE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:灵感值|积分|credits?|秒|分钟|元|%)|可灵|海螺|vidu|runway|veo|sora", re.I
)


def real_docs() -> dict[str, list[Document]]:
    """The real documents of ../shared as the pipeline reads them, dense and whole (empty when absent)."""
    from ingest.parsers.clip import parse_clip_note
    from ingest.parsers.wechat import parse_wechat_article

    shared = Path(__file__).resolve().parents[1].parent / "shared"
    dense = [parse_clip_note(p.read_bytes(), p.name) for p in sorted((shared / "gold").glob("*/docs/*.md"))]
    pages = [parse_clip_note(p.read_bytes(), p.name) for p in sorted((shared / "seeds").glob("*.txt"))]
    for corpus in ("corpus", "corpus2"):
        for path in sorted((shared / corpus / "wechat_html").glob("*.html")):
            pages.append(parse_wechat_article(path.read_bytes(), f"https://mp.weixin.qq.com/s/{path.stem}"))
    out = {"real dense": [d for d in dense if d.text], "real pages": [d for d in pages if d.text]}
    return {name: docs for name, docs in out.items() if docs}


def profile(docs: list[Document], top: int = 25) -> None:
    """Where extraction of ``docs`` spends its CPU: own time by module of ingest/extract, then by function."""
    import cProfile
    import pstats

    prof = cProfile.Profile(time.process_time)
    prof.enable()
    for i, d in enumerate(docs):
        extract_document(d, f"doc{i}")
    prof.disable()
    stats = pstats.Stats(prof)
    by_module: dict[str, float] = {}
    total = 0.0
    for (path, _, func), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        total += own
        if "ingest/extract/" in path:
            key = "ingest/extract/" + path.rsplit("ingest/extract/", 1)[1]
        elif path == "~":  # a C function: regex scans, dict and list methods, builtins
            key = "C: " + func.split("'")[1] if "'" in func else "C: " + func
        else:
            key = "/".join(path.split("/")[-2:])
        by_module[key] = by_module.get(key, 0.0) + own
    print(f"\n-- own CPU time by module, {len(docs)} dense documents ({total:.2f} s profiled)")
    for key, own in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]:
        print(f"   {100 * own / total:5.1f}%  {key}")
    print(f"\n-- top {top} functions by own time")
    stats.sort_stats("tottime").print_stats(top)


def doc_chars(doc: Document) -> int:
    return len(doc.text or "") + len(doc.summary or "")


def _versus_plain(args: argparse.Namespace, times: dict[str, list[float]]) -> list[Figure]:
    """The same inputs extracted by the plain-Python modules (a child with PINGCE_COMPILED=off, right
    after this run): how many times faster the compiled modules are, fastest round against fastest."""
    import json
    import os
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plain.json"
        cmd = [sys.executable, __file__, "--mb", str(args.mb), "--seed", str(args.seed)]
        cmd += ["--repeat", str(args.repeat), "--json", str(out), "--no-plain"]
        env = {**os.environ, "PINGCE_COMPILED": "off"}
        print("   the same inputs with the plain-Python extractor (PINGCE_COMPILED=off) ...")
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
        plain: dict[str, list[float]] = json.loads(out.read_text(encoding="utf-8"))["times"]
    figs = []
    for name in times:
        ratio = min(plain[name]) / min(times[name])
        note = f"plain Python {1000 * min(plain[name]):.0f} CPU ms, compiled {1000 * min(times[name]):.0f}"
        print(f"   {name:<10} compiled / plain Python: {ratio:.2f}x ({note})")
        figs.append(Figure(BENCH, f"{name}: compiled / plain Python", ratio, "x", note=note))
    return figs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--mb", type=float, default=2.0, help="megabytes (million characters) of text to generate"
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3, help="rounds; each input is timed once a round")
    ap.add_argument("--profile", action="store_true", help="cProfile the dense input once")
    ap.add_argument("--json", help="write the figures here (bench/common.py format)")
    ap.add_argument(
        "--no-plain",
        action="store_true",
        help="skip the plain-Python run that the compiled one is compared with",
    )
    args = ap.parse_args(argv)
    print(f"== bench_extract: {machine_line()}")
    mode = "compiled by mypyc (build/compiled)" if COMPILED else "plain Python"
    print(f"   extractor: {mode}")
    rng = random.Random(args.seed)
    inputs: dict[str, list[Document]] = {"generated": [], "dense": []}
    for name, share in (("generated", CLAIM_SHARE), ("dense", 1.0)):
        total = 0
        while total < args.mb * 1_000_000 / (1 if name == "generated" else 2):
            doc = make_doc(rng, rng.randint(1500, 6000), share)
            inputs[name].append(doc)
            total += doc_chars(doc)
    # the dense text again as one line (no newline anywhere): extraction must stay linear in a
    # line's length (each sentence once searched its whole line: quadratic)
    flat, size = [], 0
    for doc in inputs["dense"]:
        flat.append(" ".join(doc.text.split()))
        size += len(flat[-1])
        if size >= ONE_LINE_CHARS:
            break
    inputs["one line"] = [Document(platform="clip", text=" ".join(flat), via="clip")]
    real = real_docs()
    inputs.update(real)
    if not real:
        print("   ../shared is absent: no real documents")
    extract_document(inputs["generated"][0], "warmup")  # load data files and compile regexes once
    times: dict[str, list[float]] = {name: [] for name in inputs}
    claims: dict[str, int] = {}
    base: list[float] = []
    for _ in range(max(1, args.repeat)):
        t0 = time.process_time()
        hits = sum(1 for d in inputs["generated"] for _ in BASELINE.finditer(to_simplified(d.text).lower()))
        base.append(time.process_time() - t0)
        for name, docs in inputs.items():
            t0 = time.process_time()
            claims[name] = sum(len(extract_document(d, f"doc{i}")) for i, d in enumerate(docs))
            times[name].append(time.process_time() - t0)
    figs: list[Figure] = []
    gen_chars = sum(map(doc_chars, inputs["generated"]))
    print(f"   {max(1, args.repeat)} interleaved rounds; fastest (median) CPU time per input")
    base_rate = gen_chars / min(base) / 1e6
    print(f"   baseline re.finditer scan over generated: {base_rate:6.2f} M chars/s ({hits:,} matches)")
    for name, docs in inputs.items():
        chars = sum(map(doc_chars, docs))
        nbytes = sum(len((d.text or "").encode()) + len((d.summary or "").encode()) for d in docs)
        best, med = min(times[name]), statistics.median(times[name])
        rate = chars / best / 1e6
        line = (
            f"{len(docs)} documents, {chars:,} characters, {claims[name]:,} claims "
            f"({chars / max(claims[name], 1):.0f} characters per claim); "
            f"{1000 * best / len(docs):.2f} CPU ms per document ({len(docs) / best:.0f} per CPU s); "
            f"median {chars / med / 1e6:.2f} M chars/s; {nbytes / best / 1e6:.2f} MB/s of UTF-8"
        )
        print(f"   {name:<10} {rate:6.2f} M chars/s  {line}")
        figs.append(Figure(BENCH, f"{name} text, M chars/s", rate, "", note=line))
        if name in DENSE:  # issue 10: at least 1 MB/s per core on dense review text
            figs.append(Figure(BENCH, f"{name} text, MB/s of UTF-8", nbytes / best / 1e6, "", ">=", 1.0))
    figs.append(
        Figure(
            BENCH,
            "generated / baseline scan",
            (gen_chars / min(times["generated"])) / (gen_chars / min(base)),
            "",
            note="extractor throughput / one re.finditer scan for amounts, same text",
        )
    )
    figs.append(
        Figure(
            BENCH,
            "one line / dense, claims per 1,000 characters",
            (claims["one line"] / sum(map(doc_chars, inputs["one line"])))
            / (claims["dense"] / sum(map(doc_chars, inputs["dense"]))),
            "",
            note="a page run into one line keeps reading (no prompt label or # swallowing the rest)",
        )
    )
    dense_rate = sum(map(doc_chars, inputs["dense"])) / min(times["dense"])
    figs.append(
        Figure(
            BENCH,
            "one line / dense, chars/s",
            sum(map(doc_chars, inputs["one line"])) / min(times["one line"]) / dense_rate,
            "",
            ">=",
            0.5,
            note=f"the dense text as one {ONE_LINE_CHARS // 1000} KB line vs the same text in lines",
        )
    )
    if COMPILED and not args.no_plain:
        figs += _versus_plain(args, times)
    print("\n" + figures_table(figs))
    if args.profile:
        profile([*inputs["dense"], *inputs.get("real dense", [])])
    write_json(args.json, BENCH, figs, {"claims": claims, "times": times})
    return 0


if __name__ == "__main__":
    sys.exit(main())
