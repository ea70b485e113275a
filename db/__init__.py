"""The SQLite layer: migrations, the idempotent shape check and the save_* writers."""

from db.shape import ensure_db_shape, open_db

__all__ = ["ensure_db_shape", "open_db"]
