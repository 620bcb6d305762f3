"""Scorers: pure functions from text to numbers plus the evidence behind them.

Each module in this package that calls ``register`` adds a scorer; nothing else needs
to change for the pipeline, the rescore command and the pages to pick it up.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class ScoreResult:
    values: dict
    evidence: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Scorer:
    name: str
    version: str
    func: Callable[[str], ScoreResult]

    def __call__(self, text: str) -> ScoreResult:
        return self.func(text)


_REGISTRY: dict[str, Scorer] = {}


def register(name: str, version: str) -> Callable:
    def decorator(func: Callable[[str], ScoreResult]) -> Callable[[str], ScoreResult]:
        _REGISTRY[name] = Scorer(name=name, version=version, func=func)
        return func

    return decorator


_loaded = False


def _load_all() -> None:
    # A scorer module may already be imported on its own; the flag, not an empty
    # registry, says whether every module has been.
    global _loaded
    if not _loaded:
        for module in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{module.name}")
        _loaded = True


def all_scorers() -> list[Scorer]:
    _load_all()
    return sorted(_REGISTRY.values(), key=lambda s: s.name)


def get_scorer(name: str) -> Scorer:
    _load_all()
    return _REGISTRY[name]
