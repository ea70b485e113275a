"""Shared helpers for the benchmark scripts: paths, timing, machine facts, figures vs targets.

Every ``bench_*.py`` prints its own tables and, with ``--json PATH``, writes its
figures (value, unit, target, PASS/MISS) for ``bench/run`` to summarise.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sqlite3
import statistics
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
VENV_BIN = ROOT / ".venv" / "bin"

if str(ROOT) not in sys.path:  # so `python bench/bench_x.py` imports the project from the repo root
    sys.path.insert(0, str(ROOT))


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def machine_line() -> str:
    m = machine()
    return (
        f"{m['date']} | nproc {m['nproc']} | {m['cpu']} | Python {m['python']} | "
        f"SQLite {m['sqlite']} | load {m['load']}"
    )


@dataclass
class Figure:
    """One measured number, optionally checked against a target.

    ``op`` is ``>=`` or ``<=`` (``None``: informational); ``target`` is the bound.
    """

    bench: str
    name: str
    value: float | None
    unit: str = ""
    op: str | None = None
    target: float | None = None
    note: str = ""
    ok: bool | None = field(default=None)

    def __post_init__(self) -> None:
        if self.op and self.target is not None:
            self.ok = self.value is not None and (
                self.value >= self.target if self.op == ">=" else self.value <= self.target
            )

    @property
    def verdict(self) -> str:
        return "" if self.ok is None else ("PASS" if self.ok else "MISS")

    def target_text(self) -> str:
        if not self.op or self.target is None:
            return ""
        sym = "≥" if self.op == ">=" else "≤"
        return f"{sym} {fmt(self.target)}{self.unit}"

    def value_text(self) -> str:
        return "n/a" if self.value is None else f"{fmt(self.value)}{self.unit}"


def fmt(x: float) -> str:
    if x == int(x) and abs(x) < 1e6:
        return f"{int(x):,}" if abs(x) >= 10000 else str(int(x))
    a = abs(x)
    if a >= 1000:
        return f"{x:,.0f}"
    if a >= 100:
        return f"{x:.0f}"
    if a >= 10:
        return f"{x:.1f}"
    if a >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def table(headers: list[str], rows: list[list[Any]]) -> str:
    """A plain aligned text table (wide characters count as two columns)."""

    def width(s: str) -> int:
        return sum(2 if ord(ch) > 0x2E7F else 1 for ch in s)

    cells = [[str(c) for c in r] for r in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(r: list[str]) -> str:
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(r, widths, strict=True)).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), sep] + [line(r) for r in cells])


def figures_table(figures: list[Figure]) -> str:
    rows = [[f.bench, f.name, f.value_text(), f.target_text(), f.verdict, f.note] for f in figures]
    return table(["bench", "figure", "value", "target", "", "note"], rows)


def write_json(
    path: str | None, bench: str, figures: list[Figure], extra: dict[str, Any] | None = None
) -> None:
    if not path:
        return
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = {"bench": bench, "machine": machine(), "figures": [asdict(f) for f in figures], **(extra or {})}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def read_json(path: Path) -> tuple[list[Figure], dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    figs = []
    for raw in data.get("figures", []):
        ok = raw.pop("ok", None)
        f = Figure(**raw)
        f.ok = ok
        figs.append(f)
    return figs, data


def percentile(values: list[float], p: float) -> float:
    """Linear-interpolated percentile, p in [0, 100]."""
    s = sorted(values)
    if len(s) == 1:
        return s[0]
    k = (len(s) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values)


def header(title: str) -> None:
    print(f"== {title}")
    print(f"   {machine_line()}")
