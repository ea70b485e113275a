"""The run log: one ``runs`` row per run, one ``run_errors`` row per failure."""

from __future__ import annotations

import os
from typing import Any

from sqlite_utils import Database

from db.store import now_iso


def start_run(db: Database, config_path: str, sources_total: int) -> int:
    # A run that died (SIGKILL, power loss) never finished its row: say so.
    db.execute("update runs set status = 'interrupted', exit_code = -1 where status = 'running'")
    table = db.table("runs")
    table.insert(
        {
            "started_at": now_iso(),
            "status": "running",
            "pid": os.getpid(),
            "config_path": config_path,
            "sources_total": sources_total,
        }
    )
    db.conn.commit()
    return int(table.last_pk)  # type: ignore[arg-type]


#: A run that wrote at least this many documents, and a tenth of all, refreshes the planner's statistics.
ANALYZE_AFTER = 1000


def refresh_statistics(db: Database, written: int) -> bool:
    """ANALYZE after a large run (True when it ran): the Datasette pages rely on the planner's statistics."""
    if written < ANALYZE_AFTER:
        return False
    total = db.execute("select count(*) from documents").fetchone()[0]
    if written * 10 < total:
        return False
    db.execute("analyze")
    db.conn.commit()
    return True


def finish_run(db: Database, run_id: int, counts: dict[str, int], exit_code: int) -> None:
    status = "ok" if exit_code == 0 else "failed"
    db.table("runs").update(
        run_id, {**counts, "finished_at": now_iso(), "status": status, "exit_code": exit_code}
    )
    db.conn.commit()


def record_error(
    db: Database, run_id: int, source: str, origin: str, error: str, raw_sha: str | None = None
) -> None:
    one_line = " ".join(error.split())[:1000]
    db.table("run_errors").insert(
        {"run_id": run_id, "source": source, "origin": origin, "error": one_line, "raw_sha256": raw_sha}
    )
    db.conn.commit()


def recent_runs(db: Database, limit: int) -> list[dict[str, Any]]:
    """The newest ``limit`` runs, newest first."""
    return list(db.query("select * from runs order by id desc limit ?", [limit]))


def errors_of_run(db: Database, run_id: int) -> list[dict[str, Any]]:
    return list(
        db.query("select source, origin, error from run_errors where run_id = ? order by id", [run_id])
    )
