"""Descriptions, facets, label columns and canned queries for every database with the fact-check
tables, from the plugin itself: ``datasette coverage.db`` gets them with no file to edit, whatever
the database is called. What a user's own metadata or configuration says wins."""
from __future__ import annotations

import weakref
from pathlib import Path

import yaml

DEFAULTS = yaml.safe_load((Path(__file__).parent / "datasette_defaults.yaml").read_text(encoding="utf-8"))
TABLE_KEYS = ("description", "label_column", "facets")
_KNOWN: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # datasette -> database names


def metadata(datasette) -> dict:
    """Datasette 0.65's get_metadata: the defaults under each fact-check database found at startup."""
    tables = {t: {**{k: spec[k] for k in TABLE_KEYS if k in spec}, "columns": spec.get("columns", {})}
              for t, spec in DEFAULTS["tables"].items()}
    return {"databases": {name: {"tables": tables} for name in _KNOWN.get(datasette, ())}}


async def on_startup(datasette) -> None:
    """Remember the fact-check databases; on 1.0a (no get_metadata or canned_queries hooks) write
    the defaults where Datasette keeps metadata, stored queries and table configuration."""
    from .views import factcheck_databases

    names = await factcheck_databases(datasette)
    _KNOWN[datasette] = set(names)
    if not hasattr(datasette, "add_query"):
        return
    for name in names:
        for query, spec in DEFAULTS["queries"].items():
            if await datasette.get_query(name, query) is None:
                await datasette.add_query(name, query, spec["sql"], title=spec.get("title"),
                                          description=spec.get("description"), replace=False)
        for table, spec in DEFAULTS["tables"].items():
            if "description" not in await datasette.get_resource_metadata(name, table):
                await datasette.set_resource_metadata(name, table, "description", spec["description"])
            for column, text in spec.get("columns", {}).items():
                if "description" not in await datasette.get_column_metadata(name, table, column):
                    await datasette.set_column_metadata(name, table, column, "description", text)
            if datasette.config is None:
                datasette.config = {}
            config = datasette.config.setdefault("databases", {}).setdefault(name, {}) \
                .setdefault("tables", {}).setdefault(table, {})
            for key in ("label_column", "facets"):
                if key in spec:
                    config.setdefault(key, spec[key])
