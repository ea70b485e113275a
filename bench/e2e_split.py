"""Where a worker's CPU goes on the bench's notes: `bench_e2e.py --split K` (in this process, no pool).

A `pingce run` worker (``ingest.prepare``) parses an input, extracts its claims, builds
the document's row, its claim rows (ids hashed), their values and price points, and
pickles the chunk's results; the run unpickles them. Each step is timed here on its
own, in CPU seconds of this process, over K generated notes: the extractor's share
against everything around it. Rounds alternate so a load change hits every step alike.
"""

from __future__ import annotations

import hashlib
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

STEPS = (
    "read + hash",
    "parse",
    "extract",
    "document row",
    "claim rows",
    "values + points",
    "pickle + unpickle",
)


def _timed(spent: dict[str, float], step: str, fn: Callable[[], Any]) -> Any:
    t = time.process_time()
    out = fn()
    spent[step] += time.process_time() - t
    return out


def split(notes: Path, rounds: int = 2) -> dict[str, float]:
    """CPU ms a note per step (the fastest round), with "total" and "extractor share" (a fraction)."""
    from db.batch import claim_values_and_points
    from db.store import document_row
    from ingest.extract import EXTRACTOR_VERSION, _extractor, extract_document
    from ingest.extract.claim_rows import COLUMNS, claim_rows
    from ingest.parsers import parse_bytes

    paths = sorted(notes.glob("*.md"))
    _extractor()  # built once, before the workers fork, in a run
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent = dict.fromkeys(STEPS, 0.0)
        out = []
        for path in paths:
            body = _timed(spent, "read + hash", path.read_bytes)
            raw_sha = _timed(spent, "read + hash", lambda b=body: hashlib.sha256(b).hexdigest())
            for doc in _timed(
                spent, "parse", lambda b=body, p=path: parse_bytes(b, str(p), None, "text/markdown")
            ):
                claims = _timed(spent, "extract", lambda d=doc, p=path: extract_document(d, d.url or str(p)))
                row = _timed(spent, "document row", lambda d=doc, s=raw_sha: document_row(d, "bench", s))
                rows = _timed(
                    spent,
                    "claim rows",
                    lambda cs=claims, i=row["id"]: claim_rows(cs, i, EXTRACTOR_VERSION),
                )
                out.append(
                    (
                        row,
                        *_timed(spent, "values + points", lambda r=rows: claim_values_and_points(COLUMNS, r)),
                    )
                )
        for start in range(0, len(out), 16):  # chunks of 16, as the pool sends them
            chunk = out[start : start + 16]
            blob = _timed(spent, "pickle + unpickle", lambda c=chunk: pickle.dumps(c, protocol=5))
            _timed(spent, "pickle + unpickle", lambda b=blob: pickle.loads(b))
        for step, s in spent.items():
            best[step] = min(best.get(step, s), s)
    per = {step: 1000 * s / max(len(paths), 1) for step, s in best.items()}
    per["total"] = sum(per.values())
    per["extractor share"] = per["extract"] / per["total"] if per["total"] else 0.0
    return per


def print_split(notes: Path, count: int) -> None:
    per = split(notes)
    print(
        f"\n-- CPU ms per note by step over {count:,} notes, in-process, fastest of 2 rounds "
        "(read + hash is the run's own work, the rest a worker's)"
    )
    for step in (*STEPS, "total"):
        print(f"   {step:<18} {per[step]:.3f} ms")
    print(f"   the extractor's share: {100 * per['extractor share']:.0f} %")
