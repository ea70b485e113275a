"""Run every benchmark and print one summary table of figure vs target (PASS/MISS).

    bench/run [--quick] [--only parse,e2e,datasette,search,extract]

Called by ``bench/run``. Each benchmark runs as its own process (its output
streams through), writes its figures to bench/out/results/NAME.json, and the
summary is printed at the end and written to bench/out/results/summary.md.
bench/bench_extract.py (owned by the extraction engine) runs too when present.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from common import OUT, ROOT, Figure, figures_table, machine_line, read_json

PY = str(ROOT / ".venv" / "bin" / "python")
RESULTS = OUT / "results"

FULL = {
    "parse": ["--rounds", "15"],
    "e2e": ["--docs", "10000"],
    "datasette": ["--claims", "1000000", "--repeat", "20"],
    "search": ["--docs", "3000"],
}
QUICK = {
    "parse": ["--rounds", "2"],
    "e2e": ["--docs", "400"],
    "datasette": ["--claims", "20000", "--repeat", "5"],
    "search": ["--docs", "300"],
}


def help_text(script: Path) -> str:
    try:
        out = subprocess.run(
            [PY, str(script), "--help"], capture_output=True, text=True, timeout=60, cwd=ROOT
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.stdout + out.stderr


def run_one(name: str, script: Path, args: list[str]) -> tuple[int, float, list[Figure]]:
    result = RESULTS / f"{name}.json"
    result.unlink(missing_ok=True)
    cmd = [PY, str(script), *args]
    print(f"\n$ {' '.join(cmd)}", flush=True)
    t0 = time.perf_counter()
    code = subprocess.call(cmd, cwd=ROOT)
    wall = time.perf_counter() - t0
    figures: list[Figure] = []
    if result.exists():
        try:
            figures, _ = read_json(result)
        except (ValueError, TypeError, KeyError) as exc:  # a file in another format (bench_extract's own)
            print(f"   ({result} is not in bench/common.py's format: {exc})")
    return code, wall, figures


def markdown(figures: list[Figure]) -> str:
    lines = ["| bench | figure | value | target | result | note |", "|---|---|---|---|---|---|"]
    for f in figures:
        note = f.note.replace("|", "/")
        lines.append(
            f"| {f.bench} | {f.name} | {f.value_text()} | {f.target_text()} | {f.verdict} | {note} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke run of a minute or two")
    ap.add_argument("--only", default="", help="comma-separated subset of parse,e2e,datasette,search,extract")
    ap.add_argument("--e2e-docs", type=int, help="N for bench_e2e (default 10,000; 400 with --quick)")
    ap.add_argument("--repeat", type=int, help="requests per Datasette page (default 20; 5 with --quick)")
    ap.add_argument("--db-dir", help="where bench_datasette builds and keeps its database")
    ap.add_argument("--claims", type=int, help="claims in bench_datasette's database (default 1,000,000)")
    args = ap.parse_args(argv)
    sizes = {k: list(v) for k, v in (QUICK if args.quick else FULL).items()}
    if args.e2e_docs:
        sizes["e2e"] = ["--docs", str(args.e2e_docs)]
    if args.repeat:
        sizes["datasette"][-1] = str(args.repeat)  # the value after --repeat
    if args.db_dir:
        sizes["datasette"] += ["--db-dir", args.db_dir]
    if args.claims:
        sizes["datasette"][1] = str(args.claims)  # the value after --claims
    wanted = set(filter(None, args.only.split(","))) or {*sizes, "extract"}
    RESULTS.mkdir(parents=True, exist_ok=True)
    print(f"pingce benchmarks ({'quick' if args.quick else 'full'}): {machine_line()}")

    all_figs: list[Figure] = []
    status: list[str] = []
    failed = 0
    for name, bench_args in sizes.items():
        if name not in wanted:
            continue
        json_arg = ["--json", str(RESULTS / f"{name}.json")]
        code, wall, figs = run_one(name, ROOT / "bench" / f"bench_{name}.py", bench_args + json_arg)
        failed += code != 0
        all_figs += figs
        status.append(f"{name}: exit {code}, {wall:.0f} s")
        if code != 0 and not figs:
            all_figs.append(Figure(name, "benchmark crashed", None, note=f"exit {code}"))
    extract = ROOT / "bench" / "bench_extract.py"
    if "extract" in wanted:
        if extract.exists():
            usage = help_text(extract)
            extra = ["--quick"] if args.quick and "--quick" in usage else []
            extra += ["--mb", "0.2"] if args.quick and "--quick" not in usage and "--mb" in usage else []
            extra += ["--json", str(RESULTS / "extract.json")] if "--json" in usage else []
            code, wall, figs = run_one("extract", extract, extra)
            failed += code != 0
            all_figs += figs or [
                Figure(
                    "extract", "bench_extract.py (own output above)", None, note=f"exit {code}, {wall:.0f} s"
                )
            ]
            status.append(f"extract: exit {code}, {wall:.0f} s")
        else:
            status.append("extract: bench/bench_extract.py not present, skipped")

    print("\n" + "=" * 100)
    print(f"SUMMARY ({'quick' if args.quick else 'full'}) — {machine_line()}")
    print("   " + "; ".join(status))
    print(figures_table(all_figs))
    misses = [f for f in all_figs if f.ok is False]
    passes = [f for f in all_figs if f.ok]
    print(
        f"\n{len(passes)} PASS, {len(misses)} MISS"
        + (f", {failed} benchmark(s) failed to run" if failed else "")
    )
    (RESULTS / "summary.md").write_text(
        f"{machine_line()}\n\n{'; '.join(status)}\n\n{markdown(all_figs)}\n", encoding="utf-8"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
