"""Fetching sources: Weibo, WeChat articles and feeds over HTTP (see ``http`` for the manners).

Each reader is ``read_x(source, ctx) -> Iterator[Fetched]`` and is registered in
``ingest.source_types``; ``common`` says how failures are reported.
"""
