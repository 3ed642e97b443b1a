"""The plugin manager: built-in stages first, then whatever is installed under our entry point."""
import functools

import pluggy

from . import hookspecs

ENTRY_POINT_GROUP = "datasette_factcheck"


@functools.lru_cache(maxsize=None)
def get_plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("datasette_factcheck")
    pm.add_hookspecs(hookspecs)
    from . import builtins

    pm.register(builtins, name="builtins")
    pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    return pm


def readers() -> dict:
    """Suffix -> reader; plugin readers override built-in ones (pluggy calls later ones first)."""
    merged = {}
    for mapping in reversed(get_plugin_manager().hook.factcheck_readers()):
        merged.update({k.lower(): v for k, v in (mapping or {}).items()})
    return merged


def measures() -> dict:
    merged: dict = {}
    for mapping in reversed(get_plugin_manager().hook.factcheck_measures()):
        for name, words in (mapping or {}).items():
            merged.setdefault(name, [])
            merged[name].extend(w for w in words if w not in merged[name])
    return merged
