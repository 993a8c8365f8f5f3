"""The one place that reads bundled data files (``flashpoint/data/``), cached per process."""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError

DATA_DIR = Path(str(resources.files("flashpoint") / "data"))


def data_path(*parts: str) -> Path:
    return DATA_DIR.joinpath(*parts)


@functools.lru_cache(maxsize=None)
def load_yaml(relative: str) -> Any:
    """Parse a bundled YAML file; a broken file names itself and the problem."""
    return read_yaml(data_path(relative))


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise DataFileError(f"data file {path} is missing; reinstall flashpoint (`make setup`)") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"data file {path} is not valid YAML: {exc}") from exc
