"""Datasette hooks only: the extraction library lives in the sibling modules and never imports Datasette."""
from datasette import hookimpl


@hookimpl
def register_commands(cli):
    from .cli import build_command, evaluate_command, sign_in_link_command

    @cli.group(name="factcheck")
    def factcheck():
        "Build and evaluate datasette-factcheck databases"

    factcheck.add_command(build_command, name="build")
    factcheck.add_command(evaluate_command, name="evaluate")
    factcheck.add_command(sign_in_link_command, name="sign-in-link")


# The plugin pages. Imports of .views stay inside the hooks so that `datasette factcheck build`
# does not pay for them, and so the library modules never import Datasette.
_DB = r"^/(?P<database>[^/]+)/-/factcheck"
_ID = r"(?P<id>[^/]+?)"
_FORMAT = r"(\.(?P<format>json))?$"


@hookimpl
def register_routes(datasette):
    from . import review_views, views

    return [
        (_DB + "/review$", review_views.review_post),
        (r"^/-/factcheck-sign-in$", review_views.sign_in_page),
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
def actor_from_request(datasette, request):
    """Identifies nobody: it keeps the request, so render_cell (given none on Datasette 0.65)
    can check the actor's permissions, and per-request caches have a home."""
    from .views import begin_request

    begin_request(request)
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    # Called for every cell of every table: decide on the cheap string tests first.
    if table == "sentences" and column == "text":
        kind = "sentence"
    elif table in ("claims", "claims_in_context") and column == "fact_id" and value:
        kind = "fact"
    else:
        return None

    from .views import cell_checks, defer_cell

    seen = cell_checks(database)  # known from this request's first cell: no coroutine per cell
    if seen is not None:
        return defer_cell(datasette, database, kind, row, value, seen)

    async def inner():
        from .views import check_cells

        return defer_cell(datasette, database, kind, row, value, await check_cells(datasette, database))

    return inner


@hookimpl
def extra_template_vars(datasette):
    """Fill in the page's deferred render_cell cells with one lookup, before the template renders."""
    async def inner():
        from .views import resolve_cells

        await resolve_cells(datasette)
        return {}

    return inner


@hookimpl
def table_actions(datasette, actor, database, table, request):
    from .views import PAGE_TABLES

    if table not in PAGE_TABLES:
        return None

    async def inner():
        from .views import has_factcheck_tables, page_url, visible_tables

        if not await has_factcheck_tables(datasette, database):
            return None
        if "stories" not in await visible_tables(datasette, actor, database):
            return None
        return [{"href": page_url(datasette, database), "label": "Fact-check: all stories",
                 "description": "Every figure beside the competing figures other outlets give"}]

    return inner


@hookimpl
def menu_links(datasette, actor, request):
    async def inner():
        from .views import factcheck_databases, page_url, visible_tables

        for name in await factcheck_databases(datasette):
            if "stories" in await visible_tables(datasette, actor, name):
                return [{"href": page_url(datasette, name), "label": "Fact-check"}]
        return None

    return inner


def _row_actions(datasette, actor, request, database, table, row):
    from .views import PAGE_TABLES, row_value

    if table not in PAGE_TABLES:
        return None

    async def inner():
        from .views import has_factcheck_tables, page_url, visible_tables

        if not await has_factcheck_tables(datasette, database):
            return None
        seen = await visible_tables(datasette, actor, database)  # each link only to a page they may see
        get = lambda key: row_value(row, key)  # noqa: E731
        links = []
        if table == "stories" and get("id") and "stories" in seen:
            links.append(("Fact-check this story", page_url(datasette, database, "story", get("id"))))
        if table == "facts" and get("id"):
            links.append(("Open the fact page", page_url(datasette, database, "fact", get("id"))))
        if table == "articles" and get("id"):
            links.append(("Read with figures highlighted",
                          page_url(datasette, database, "article", get("id"))))
        if table in ("claims", "sentences") and get("article_id") and "articles" in seen:
            anchor = f"#claim-{get('id')}" if table == "claims" else ""
            links.append(("Show in the article",
                          page_url(datasette, database, "article", get("article_id")) + anchor))
        if table == "claims" and get("fact_id") and "facts" in seen:
            links.append(("Compare with other outlets",
                          page_url(datasette, database, "fact", get("fact_id"))))
        return [{"href": href, "label": label} for label, href in links] or None

    return inner


@hookimpl
def startup(datasette):
    async def inner():
        from .defaults import on_startup
        from .review_views import on_startup as reviews_startup

        await on_startup(datasette)
        await reviews_startup(datasette)

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


# The plugin's own permission, factcheck-review: denied unless granted, by Datasette's own
# permissions (1.0a) or the plugin's ``reviewers`` allow block (both versions).
if _hookspecs is not None and hasattr(_hookspecs, "register_actions"):
    @hookimpl
    def register_actions(datasette):
        from datasette.permissions import Action
        from datasette.resources import DatabaseResource

        return [Action(name="factcheck-review", abbr=None, resource_class=DatabaseResource,
                       description="Record fact-check verdicts and corrections")]

if _hookspecs is not None and hasattr(_hookspecs, "permission_resources_sql"):
    @hookimpl
    def permission_resources_sql(datasette, actor, action):
        if action != "factcheck-review":
            return None
        from .review_views import actor_is_reviewer

        if actor_is_reviewer(datasette, actor):
            from datasette.permissions import PermissionSQL

            return PermissionSQL.allow(reason="in datasette-factcheck's reviewers")
        return None
elif _hookspecs is not None and hasattr(_hookspecs, "permission_allowed"):
    @hookimpl
    def permission_allowed(datasette, actor, action, resource):
        if action != "factcheck-review":
            return None
        from .review_views import actor_is_reviewer

        return True if actor_is_reviewer(datasette, actor) else None
