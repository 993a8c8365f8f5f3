"""The README documents every CLI command, and its first screen says how to start."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

import flashpoint.cli

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands(group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    """Every command under ``group`` as (path, command), sub-groups included (e.g. actors add).

    Groups are recognised by their ``commands`` mapping: Typer may ship its own copy of click,
    so an isinstance check against ``click.Group`` would miss them."""
    found = []
    for name, command in sorted(group.commands.items()):
        path = prefix + (name,)
        found.append((path, command))
        if isinstance(getattr(command, "commands", None), dict):
            found.extend(_commands(command, path))
    return found


COMMANDS = _commands(typer.main.get_command(flashpoint.cli.app))


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def test_the_app_has_the_documented_commands():
    names = {" ".join(path) for path, _ in COMMANDS}
    # The walker must see the nested group, or the checks below would pass vacuously.
    assert {"code", "eval", "actors", "actors add"} <= names


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help(path, command):
    assert (command.help or command.short_help or "").strip(), f"`flashpoint {' '.join(path)}` has no help text"


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_is_in_the_readme(path, command):
    words = r"\s+".join(re.escape(p) for p in path)
    # "flashpoint actors add", or "`actors add`" in running text.
    pattern = rf"(flashpoint\s+{words}\b|`{words}\b)"
    assert re.search(pattern, _readme()), f"README.md never mentions `flashpoint {' '.join(path)}`"


def test_first_screen_says_how_to_run_and_test():
    first_screen = "\n".join(_readme().splitlines()[:15])
    assert "make run" in first_screen
    assert "make test" in first_screen
    assert first_screen.startswith("# flashpoint")
