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
