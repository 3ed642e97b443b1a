"""Datasette hooks only: the extraction library lives in the sibling modules and never imports Datasette."""
from datasette import hookimpl


@hookimpl
def register_commands(cli):
    from .cli import build_command, evaluate_command

    @cli.group(name="factcheck")
    def factcheck():
        "Build and evaluate datasette-factcheck databases"

    factcheck.add_command(build_command, name="build")
    factcheck.add_command(evaluate_command, name="evaluate")


# The plugin pages. Imports of .views stay inside the hooks so that `datasette factcheck build`
# does not pay for them, and so the library modules never import Datasette.
_DB = r"^/(?P<database>[^/]+)/-/factcheck"
_ID = r"(?P<id>[^/]+?)"
_FORMAT = r"(\.(?P<format>json))?$"


@hookimpl
def register_routes(datasette):
    from . import views

    return [
        (_DB + _FORMAT, views.stories_page),
        (_DB + "/story/" + _ID + _FORMAT, views.story_page),
        (_DB + "/fact/" + _ID + _FORMAT, views.fact_page),
        (_DB + "/article/" + _ID + _FORMAT, views.article_page),
        (_DB + "/about$", views.about_page),
        # Anything else under /-/factcheck (an id with a slash in it, say) is our 404, raised
        # inside a view: a URL that matches no route at all crashes Datasette when rich is installed.
        (_DB + "/.*$", views.not_found_page),
    ]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    # Called for every cell of every table: decide on the cheap string tests first.
    if table == "sentences" and column == "text":
        from .views import render_sentence_cell as render
    elif table in ("claims", "claims_in_context") and column == "fact_id" and value:
        from .views import render_fact_cell as render
    else:
        return None

    async def inner():
        from .views import has_factcheck_tables

        if not await has_factcheck_tables(datasette, database):
            return None
        return await render(datasette, database, row, value)

    return inner


@hookimpl
def table_actions(datasette, actor, database, table, request):
    from .views import PAGE_TABLES

    if table not in PAGE_TABLES:
        return None

    async def inner():
        from .views import can_view, has_factcheck_tables, page_url

        if not await has_factcheck_tables(datasette, database):
            return None
        if not await can_view(datasette, actor, database):
            return None
        return [{"href": page_url(datasette, database), "label": "Fact-check: all stories",
                 "description": "Every figure beside the competing figures other outlets give"}]

    return inner


@hookimpl
def menu_links(datasette, actor, request):
    async def inner():
        from .views import can_view, factcheck_databases, page_url

        for name in await factcheck_databases(datasette):
            if await can_view(datasette, actor, name):
                return [{"href": page_url(datasette, name), "label": "Fact-check"}]
        return None

    return inner


def _row_actions(datasette, actor, request, database, table, row):
    from .views import PAGE_TABLES, row_value

    if table not in PAGE_TABLES:
        return None

    async def inner():
        from .views import can_view, has_factcheck_tables, page_url

        if not await has_factcheck_tables(datasette, database):
            return None
        if not await can_view(datasette, actor, database):
            return None
        get = lambda key: row_value(row, key)  # noqa: E731
        links = []
        if table == "stories" and get("id"):
            links.append(("Fact-check this story", page_url(datasette, database, "story", get("id"))))
        if table == "facts" and get("id"):
            links.append(("Open the fact page", page_url(datasette, database, "fact", get("id"))))
        if table == "articles" and get("id"):
            links.append(("Read with figures highlighted",
                          page_url(datasette, database, "article", get("id"))))
        if table in ("claims", "sentences") and get("article_id"):
            anchor = f"#claim-{get('id')}" if table == "claims" else ""
            links.append(("Show in the article",
                          page_url(datasette, database, "article", get("article_id")) + anchor))
        if table == "claims" and get("fact_id"):
            links.append(("Compare with other outlets",
                          page_url(datasette, database, "fact", get("fact_id"))))
        return [{"href": href, "label": label} for label, href in links] or None

    return inner


@hookimpl
def startup(datasette):
    async def inner():
        from .defaults import on_startup

        await on_startup(datasette)

    return inner


# row_actions exists from Datasette 1.0a, get_metadata and canned_queries only before it:
# register each only where the hook is specified.
try:
    from datasette import hookspecs as _hookspecs
except ImportError:  # pragma: no cover
    _hookspecs = None
if _hookspecs is not None and hasattr(_hookspecs, "row_actions"):
    # a wrapper, not hookimpl(_row_actions): that marks _row_actions itself, and pluggy then
    # registers it under both names, so every row action showed twice
    @hookimpl
    def row_actions(datasette, actor, request, database, table, row):
        return _row_actions(datasette, actor, request, database, table, row)


if _hookspecs is not None and hasattr(_hookspecs, "get_metadata"):
    @hookimpl
    def get_metadata(datasette, key, database, table):
        from .defaults import metadata

        return metadata(datasette)

if _hookspecs is not None and hasattr(_hookspecs, "canned_queries"):
    @hookimpl
    def canned_queries(datasette, database, actor):
        async def inner():
            from .defaults import DEFAULTS
            from .views import has_factcheck_tables

            return DEFAULTS["queries"] if await has_factcheck_tables(datasette, database) else None

        return inner
