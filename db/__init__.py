"""The SQLite layer, where all SQL and every commit live: migrations, the shape check, writers, reads."""

from db.shape import ensure_db_shape, open_db

__all__ = ["ensure_db_shape", "open_db"]
