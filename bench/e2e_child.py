"""`pingce run` as a child process, measured: wall time, CPU, and peak memory of the run and its workers.

``run_pingce`` starts the run and samples /proc every 0.2 s (the Pss of the run and
its worker processes together, the run's own CPU); the peak RSS of the largest
process comes from the child's rusage (os.wait4). ``write_config`` and
``link_subset`` set up its input: generated notes plus, as a second source, the real
WeChat pages of ../shared (``real_pages``, read in place).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from common import ROOT, SHARED, VENV_BIN

log = logging.getLogger(__name__)


@dataclass
class ChildRun:
    docs: int
    wall_s: float
    rss_mb: float
    cpu_s: float
    tree_rss_mb: float
    exit_code: int
    documents: int
    claims: int
    stderr: str
    load: str = ""
    main_cpu_s: float | None = None  # the run's own process (reading, writing), last sampled

    @property
    def cpu_ms_per_doc(self) -> float:
        return 1000 * self.cpu_s / max(self.documents, 1)

    @property
    def docs_per_s(self) -> float:
        """Documents the run stored per second (into a fresh database: all it wrote)."""
        return self.documents / self.wall_s

    @property
    def claims_per_s(self) -> float:
        return self.claims / self.wall_s


def real_pages() -> list[Path]:
    """The real WeChat pages of ../shared (read in place, never copied); none when it is absent."""
    return sorted(
        p for corpus in ("corpus", "corpus2") for p in (SHARED / corpus / "wechat_html").glob("*.html")
    )


def write_config(folder: Path, notes: Path, name: str, pages: list[Path]) -> Path:
    cfg = folder / f"{name}.yml"
    text = f"version: 1\nsources:\n  - name: bench\n    type: clips\n    path: {notes}\n"
    if pages:
        text += "  - name: wechat-pages\n    type: files\n    paths:\n" + "".join(
            f"      - {p}\n" for p in pages
        )
    cfg.write_text(text, encoding="utf-8")
    return cfg


def _tree_rss_mb(root: int) -> float:
    """Memory of ``root`` and all its descendants (worker processes), in MB (Linux /proc).

    Each process's proportional set size (Pss: a page shared by n processes counts 1/n,
    as the workers share what they inherited from the run at fork), else its RSS.
    """
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in parents.items() if pp in tree} - tree
        tree |= more
        grew = bool(more)
    kb = 0
    for pid in tree:
        try:
            pss = [
                ln
                for ln in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
                if ln.startswith("Pss:")
            ]
            kb += int(pss[0].split()[1]) if pss else 0
        except (OSError, ValueError, IndexError):
            try:
                kb += (
                    int(Path(f"/proc/{pid}/statm").read_text().split()[1])
                    * os.sysconf("SC_PAGE_SIZE")
                    // 1024
                )
            except (OSError, ValueError, IndexError):
                continue
    return kb * 1024 / 1e6


def run_pingce(cfg: Path, db: Path, docs: int) -> ChildRun:
    """`pingce run` as a child; wall time, the peak RSS of the child or any worker it reaped (os.wait4)
    and, sampled every 0.2 s, the peak of the child and its workers together (their Pss summed)."""
    exe = VENV_BIN / "pingce"
    cmd = [str(exe), "run", "-c", str(cfg), "--db", str(db), "--silent"]
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        peak = [0.0]
        main_cpu: list[float | None] = [None]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                if Path("/proc").is_dir():
                    peak[0] = max(peak[0], _tree_rss_mb(proc.pid))
                    main_cpu[0] = _cpu_s(proc.pid) or main_cpu[0]

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    with sqlite3.connect(db) as conn:
        documents = conn.execute("select count(*) from documents").fetchone()[0]
        claims = conn.execute("select count(*) from claims").fetchone()[0]
    conn.close()
    return ChildRun(
        docs,
        wall,
        usage.ru_maxrss / 1024,
        usage.ru_utime + usage.ru_stime,
        peak[0],
        proc.returncode,
        documents,
        claims,
        stderr,
        " ".join(f"{x:.1f}" for x in os.getloadavg()),
        main_cpu[0],
    )


def _cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) process ``pid`` has used so far, itself only (Linux /proc)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def cpu_split(run: ChildRun) -> str:
    """Where a run's CPU went: its own process (reading, writing) and the workers (parsing, extracting)."""
    if run.main_cpu_s is None:
        return "main process and workers together"
    main = min(run.main_cpu_s, run.cpu_s)
    per = 1000 / max(run.documents, 1)
    return (
        f"main process (read, write) {main * per:.2f} ms ({main:.1f} CPU s, sampled to 0.2 s), "
        f"workers (parse, extract) {(run.cpu_s - main) * per:.2f} ms"
    )


def link_subset(src: Path, dst: Path, count: int) -> None:
    """The first ``count`` notes of ``src`` in ``dst`` (hard links: same bytes, no copies)."""
    dst.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.glob("*.md"))[:count]:
        try:
            os.link(path, dst / path.name)
        except OSError:
            shutil.copy2(path, dst / path.name)
