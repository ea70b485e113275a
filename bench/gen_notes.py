"""Deterministic generator of clipped review notes (Markdown) for the end-to-end benchmark.

    .venv/bin/python bench/gen_notes.py OUT_DIR [--docs 1000] [--seed 7]

Each note is a varied Chinese review of several AI video models: prices in
credits, CNY and USD, credit rates, price cuts, generation speeds, bugs,
strengths, capabilities and limitations, with filler prose around them. 85 % carry
YAML front matter (WeChat-style clips: 摘要 + 正文), 15 % are Weibo-style header
notes whose 原始摘要 is RSSHub HTML. The same seed and index give the same note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

# surface form, credit unit (None: priced in money), resolutions it sells
MODELS: list[tuple[str, str | None, tuple[str, ...]]] = [
    ("可灵2.1大师版", "灵感值", ("1080P",)),
    ("可灵2.1", "灵感值", ("720P", "1080P")),
    ("可灵2.1高品质版", "灵感值", ("1080P",)),
    ("可灵1.6", "灵感值", ("720P", "1080P")),
    ("可灵2.5 Turbo", "灵感值", ("1080P",)),
    ("海螺02", "积分", ("768P", "1080P")),
    ("海螺2.3", "积分", ("768P", "1080P")),
    ("即梦3.0", "积分", ("720P", "1080P")),
    ("Seedance 1.0 Pro", "积分", ("1080P",)),
    ("Vidu Q1", "积分", ("1080P",)),
    ("Vidu 2.0", "积分", ("720P",)),
    ("PixVerse V4.5", "credits", ("540P", "1080P")),
    ("Runway Gen-4", "credits", ("720P",)),
    ("Luma Ray2", "credits", ("720P", "1080P")),
    ("Veo 3", None, ("720P", "1080P")),
    ("Veo 3 Fast", None, ("720P",)),
    ("Sora 2", None, ("720P",)),
    ("Pika 2.2", "credits", ("720P", "1080P")),
    ("万相2.2", "积分", ("480P", "720P")),
    ("混元视频", "积分", ("720P",)),
]
SCENES = [
    "人物转身",
    "镜头环绕",
    "多人同框",
    "快速运动",
    "弹钢琴的特写",
    "倒水",
    "猫追蝴蝶",
    "跑步穿过人群",
    "车辆过弯",
    "雨夜街头",
    "打拳",
    "吃面条",
]
BUGS = [
    "人物的手指会抽搐",
    "会凭空出现门窗",
    "腿会穿过桌子",
    "画面里的文字变成乱码",
    "人脸会崩",
    "物体会穿模",
    "背景会闪烁",
    "人物突然多出一只手",
    "镜头会跳轴",
    "衣服颜色前后不一致",
]
ASPECTS = ["运镜", "光影", "人物一致性", "物理效果", "口型同步", "画面质感", "语义理解", "动作幅度"]
PRAISE = ["很稳", "非常自然", "终于听话了", "明显更好", "几乎挑不出毛病", "比上一代强不少"]
FEATURES = ["首尾帧", "文生视频", "图生视频", "1080P输出", "音频同步生成", "多镜头叙事", "运动笔刷", "对口型"]
FILLER = [
    "这两天一直在测各家的视频模型。",
    "先说结论，差距比我想象的要大。",
    "下面是几组对比，提示词完全一样。",
    "测试用的都是同一张参考图。",
    "评论区很多朋友问我怎么选，我把感受写在这里。",
    "说实话，这个结果有点出乎意料。",
    "后面我还会继续更新测试。",
    "大家可以根据自己的预算来选。",
    "每个case我都跑了三遍，取最好的一条。",
    "这里只说我自己的体感，不代表官方。",
    "总的来说，各有各的长处。",
    "如果你是做短剧的，这一点很关键。",
    "我把原片都放在文末了。",
    "有几条结果我没放出来，因为实在太离谱。",
    "不过这也只是第一版，还有进步空间。",
    "我用的是会员账号，排队时间可能和免费用户不一样。",
    "这一轮一共烧掉了不少额度。",
]
TOPICS = [
    "价格又降了",
    "速度实测",
    "翻车合集",
    "到底值不值",
    "和老版本对比",
    "运镜测试",
    "会员怎么买最划算",
    "十个提示词横评",
    "短剧创作体验",
    "物理效果大考",
]
AUTHORS = [
    "数字生命卡兹克",
    "AI视频观察",
    "影像实验室",
    "小林做短片",
    "卡尔的AI沃茨",
    "赛博导演",
    "阿杰评测",
    "AIGC周刊",
]


def _price(r: random.Random, m: str, unit: str | None, res: tuple[str, ...]) -> str:
    d = r.choice((5, 5, 10, 8, 6))
    rz = r.choice(res)
    if unit is None:
        usd = r.choice((0.4, 0.5, 0.75, 0.15, 0.1))
        return f"{m}现在按秒计费，{rz}每秒{usd}美元，{d}秒下来就是{round(usd * d, 2)}美元。"
    c = r.choice((10, 20, 35, 40, 50, 60, 100, 150, 200))
    form = r.randrange(4)
    if form == 0:
        return f"{m}（{rz}），{d}秒{c}{unit}，{d * 2}秒{c * 2}{unit}。"
    if form == 1:
        return f"{m}生成一条{d}秒的{rz}视频要{c}{unit}，折合人民币大概{c / 10:g}元。"
    if form == 2:
        return f"价格方面，{m}的{rz}每条{d}秒消耗{c}{unit}。"
    return f"{m}一条{d}秒视频{r.choice((2, 3, 5, 8, 10))}元，{rz}。"


def _sentence(r: random.Random, m: tuple[str, str | None, tuple[str, ...]]) -> str:
    name, unit, res = m
    k = r.random()
    if k < 0.25:
        return _price(r, name, unit, res)
    if k < 0.30:
        return f"{name}这次价格直接降了{r.choice((20, 30, 50, 65))}%，良心了。"
    if k < 0.33 and unit:
        return f"在{name}的定价体系里，{r.choice((10, 100))}{unit}等于1元。"
    if k < 0.45:
        if r.random() < 0.5:
            return f"{name}生成一条{r.choice((5, 10))}秒视频大概要{r.randrange(30, 300)}秒。"
        return f"{name}出片要{r.randrange(1, 6)}分钟左右，赶时间的时候有点难受。"
    if k < 0.60:
        return f"{name}在{r.choice(SCENES)}时{r.choice(BUGS)}。"
    if k < 0.75:
        return f"{name}的{r.choice(ASPECTS)}{r.choice(PRAISE)}。"
    if k < 0.82:
        return f"{name}支持{r.choice(FEATURES)}，用起来很方便。"
    if k < 0.88:
        return f"{name}目前还不支持{r.choice(FEATURES)}。"
    return r.choice(FILLER)


def note(i: int, seed: int = 7) -> str:
    """The Markdown of note ``i``."""
    r = random.Random(seed * 1_000_003 + i)
    cast = r.sample(MODELS, r.randint(2, 4))
    day = dt.date(2024, 6, 1) + dt.timedelta(days=r.randrange(520))
    title = f"{cast[0][0]}{r.choice(TOPICS)}：{'、'.join(m[0] for m in cast[1:])}也测了（{i}）"
    paras = []
    for _ in range(r.randint(6, 16)):
        paras.append(
            "".join(
                _sentence(r, r.choice(cast)) if r.random() < 0.6 else r.choice(FILLER)
                for _ in range(r.randint(2, 4))
            )
        )
    summary = f"博主实测{cast[0][0]}，{r.choice(ASPECTS)}{r.choice(PRAISE)}。{_price(r, *cast[0])}"
    if r.random() < 0.15:
        uid = 1_000_000_000 + r.randrange(10**9)
        html = "<br><br>".join(paras)
        return (
            f"# {title}\n\n**URL**: https://weibo.com/{uid}/Bench{i:07d}\n\n## 原始摘要\n\n{html}<br><br>\n\n"
            f"## AI 摘要\n\n{summary}\n\n## 元数据\n\n- **来源**: 微博\n"
            f"- **保存时间**: {day.isoformat()}T08:00:00Z\n"
        )
    url = f"https://mp.weixin.qq.com/s/bench{i:07d}x{r.randrange(16**8):08x}"
    front = (
        f'---\ntitle: "{title}"\n发布日期: {day.isoformat()}\n作者: "{r.choice(AUTHORS)}"\n'
        f'来源: "微信公众号"\n原文链接: "{url}"\n---\n\n'
    )
    parts = [front]
    if r.random() < 0.6:
        parts.append(f"## 摘要\n\n{summary}\n\n")
    parts.append("## 正文\n\n" + "\n\n".join(paras) + "\n")
    return "".join(parts)


def write_notes(out: Path, docs: int, seed: int = 7) -> int:
    """Write ``docs`` notes as OUT/NNNNNNN.md; returns the bytes written."""
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(docs):
        data = note(i, seed).encode("utf-8")
        (out / f"{i:07d}.md").write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    size = write_notes(args.out, args.docs, args.seed)
    print(f"wrote {args.docs} notes, {size / 1e6:.1f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
