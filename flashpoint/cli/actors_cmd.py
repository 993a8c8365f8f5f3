"""`flashpoint actors list|add|import|unknown`: inspect and extend the actor knowledge base."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app, cli_errors

actors_app = typer.Typer(no_args_is_help=True, help="Inspect and extend the actor knowledge base.")
app.add_typer(actors_app, name="actors")


@actors_app.command("list")
def list_command(
    kind: Optional[str] = typer.Option(None, "--kind", help="country, demonym, capital, seat, igo, org, group, person, phoenix"),
    actors: list[str] = typer.Option([], "--actors", help="Your actor files, listed first."),
    sizes: bool = typer.Option(False, "--sizes", help="Only print the number of entries by kind."),
):
    """List actors in the knowledge base (name, kind, codes with dates, source).

    Example: flashpoint actors list --kind person
    """
    from ..actors.loader import load_kb
    from ..actors.phoenix import roles_to_text

    with cli_errors():
        kb = load_kb(tuple(actors))
        if sizes:
            for k, n in kb.size_by_kind().items():
                print(f"{k}\t{n}")
            return
        for e in kb.entries.values():
            if kind and e.kind != kind:
                continue
            print(f"{e.name}\t{e.kind}\t{roles_to_text(e.roles)}\t{e.source}")


@actors_app.command("add")
def add_command(
    name: str = typer.Argument(..., help="The actor's name as written in news."),
    code: str = typer.Option(..., "--code", help="Country + sector, e.g. USAGOV, LBNREB."),
    file: Path = typer.Option(..., "--file", help="Your actor file (YAML); created if missing."),
    start: Optional[str] = typer.Option(None, "--from", help="Role starts (YYYY-MM-DD)."),
    end: Optional[str] = typer.Option(None, "--to", help="Role ends (YYYY-MM-DD)."),
    kind: str = typer.Option("person", "--kind", help="person, org, group, seat ..."),
    alias: list[str] = typer.Option([], "--alias", help="Other names (repeatable)."),
):
    """Add an actor (or a dated role) to your YAML file; use it with `code --actors FILE`.

    Example: flashpoint actors add "Jane Roe" --code USAGOV --from 2025-01-20 --file my.yaml
    """
    from ..actors.userfile import add_actor

    with cli_errors():
        add_actor(file, name=name, code=code, start=start, end=end, kind=kind, aliases=alias)
        print(f"added {name} ({code}) to {file}")


@actors_app.command("import")
def import_command(
    source: Path = typer.Argument(..., help="A PETRARCH/Phoenix .actors.txt dictionary."),
    output: Path = typer.Option(..., "-o", "--output", help="Write the converted dictionary (.tsv) here."),
):
    """Convert a Phoenix dictionary (date-restricted codes kept) into a user actor file.

    Example: flashpoint actors import Phoenix.Countries.actors.txt -o my_actors.tsv
    """
    from ..actors.phoenix import entries_to_tsv, load_phoenix

    with cli_errors():
        entries = load_phoenix(source, tier=0, prefix="user")
        output.write_text(entries_to_tsv(entries), encoding="utf-8")
        print(f"imported {len(entries)} actors from {source} into {output}")


@actors_app.command("unknown")
def unknown_command(
    inputs: list[Path] = typer.Argument(..., help="Text files (.txt) to code."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD."),
    actors: list[str] = typer.Option([], "--actors", help="Your actor files."),
    top: int = typer.Option(50, "--top", help="How many to print."),
):
    """Count actor mentions the knowledge base could not resolve, most frequent first.

    Example: flashpoint actors unknown articles/*.txt --top 20
    """
    from ..actors.unknown import count_unknown

    with cli_errors():
        counts = count_unknown([p.read_text(encoding="utf-8") for p in inputs], published, tuple(actors))
        for (text, kind), n in counts.most_common(top):
            print(f"{n}\t{kind}\t{text}")
