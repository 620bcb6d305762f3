"""Which scorer modules load compiled, and which from their Python source.

``setup.py`` compiles the scorer modules with Cython into extension modules beside
their sources and records the hash of each source it compiled. Python would import an
extension module in preference to its source even after the source changed, running
stale rules without a word; so a module whose source no longer matches its build (or
every module, with ``NEWSDESK_INTERPRETED_SCORERS=1``) is loaded from its source here.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import os
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
MANIFEST = "compiled-sources.json"
INTERPRETED_ENV = "NEWSDESK_INTERPRETED_SCORERS"


def scorer_sources(directory: Path = HERE) -> list[Path]:
    """The scorer modules' sources: every module of the package but its registry and this
    loader (the Makefile's SCORERS repeats the rule, for make's own dependencies)."""
    return sorted(p for p in directory.glob("*.py") if p.stem not in ("__init__", "compiled"))


def _source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(sources: list[Path], directory: Path = HERE) -> None:
    manifest = {p.stem: _source_hash(p) for p in sources}
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")


def _extension_modules(directory: Path) -> set[str]:
    # Longest suffix first: ".cpython-311-x86_64-linux-gnu.so" before ".so".
    suffixes = sorted(importlib.machinery.EXTENSION_SUFFIXES, key=len, reverse=True)
    names = set()
    for path in directory.iterdir():
        suffix = next((s for s in suffixes if path.name.endswith(s)), None)
        if suffix:
            names.add(path.name[: -len(suffix)])
    return names


def modules_to_interpret(directory: Path = HERE, *, all_of_them: bool = False) -> set[str]:
    """Compiled modules whose source is not the one they were built from (or all)."""
    compiled = _extension_modules(directory)
    if all_of_them or not compiled:
        return compiled
    try:
        built = json.loads((directory / MANIFEST).read_text())
    except (OSError, ValueError):
        built = {}
    stale = set()
    for name in compiled:
        source = directory / f"{name}.py"
        if not source.exists() or built.get(name) != _source_hash(source):
            stale.add(name)
    return stale


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Finds the named modules of one package in their .py files, never compiled."""

    def __init__(self, package: str, directory: Path, names: set[str]):
        self.package, self.directory, self.names = package, directory, frozenset(names)

    def find_spec(self, fullname, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != self.package or name not in self.names:
            return None
        source = self.directory / f"{name}.py"
        if not source.exists():
            # The source was deleted: its old build must not come back as a scorer.
            raise ImportError(f"{fullname} has a compiled build but no source", name=fullname)
        return importlib.util.spec_from_file_location(fullname, source)


def install(package: str, directory: Path = HERE) -> set[str]:
    """Called by the package before it imports a scorer module; returns the modules
    that will load from source although a build of theirs is present."""
    names = modules_to_interpret(directory, all_of_them=bool(os.environ.get(INTERPRETED_ENV)))
    if names:
        if not os.environ.get(INTERPRETED_ENV):
            logger.warning(
                "Scorer modules changed since they were compiled, run from source until "
                "`make compile`: %s",
                ", ".join(sorted(names)),
            )
        sys.meta_path.insert(0, _SourceFirst(package, directory, names))
    return names


def compiled_modules(package: str) -> list[str]:
    """The package's imported modules that run compiled."""
    prefix = package + "."
    return sorted(
        name[len(prefix) :]
        for name, module in list(sys.modules.items())
        if name.startswith(prefix)
        and isinstance(getattr(module, "__loader__", None), importlib.machinery.ExtensionFileLoader)
    )
