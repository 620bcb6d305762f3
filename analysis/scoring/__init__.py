"""Scorers: pure functions from text to numbers plus the evidence behind them.

Each module in this package that calls ``register`` adds a scorer; nothing else needs
to change for the pipeline, the rescore command and the pages to pick it up. The modules
run compiled where ``make compile`` has built them (see ``compiled``).
"""

from __future__ import annotations

import gc
import importlib
import inspect
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from analysis.scoring import compiled

# Before any scorer module is imported: a module whose build is stale loads from source.
compiled.install(__name__)


@dataclass
class ScoreResult:
    values: dict
    evidence: dict = field(default_factory=dict)


# The key of the values stored for an article that a scorer could not measure.
NOT_AVAILABLE = "not_available"


@dataclass(frozen=True)
class ScoringContext:
    """What the pipeline knows besides an article's text and language, given to every
    scorer whose function has a ``context`` parameter: the admins' curated actors
    (``actors.CuratedActor``), which take precedence over the rules. Hashable, so that
    per-text caches can key on it; a scorer reads it and keeps nothing of it."""

    curated_actors: tuple = ()


# The context of a text scored on its own (a test, a notebook, the bench).
NO_CONTEXT = ScoringContext()


@dataclass(frozen=True)
class Scorer:
    name: str
    version: str
    func: Callable[..., ScoreResult]
    # The languages its lexicons, rules or formulas are made for; None: any language.
    languages: frozenset[str] | None = frozenset({"en"})
    # Whether ``func`` takes the text's language (to choose its formula or word lists).
    takes_language: bool = False
    # Whether ``func`` takes the ScoringContext (curated actors).
    takes_context: bool = False

    def __call__(
        self, text: str, language: str = "en", context: ScoringContext = NO_CONTEXT
    ) -> ScoreResult:
        # English is every scorer's default: called as other scorers call it (``f(text)``),
        # a cached scorer (attribution, which claims asks again) computes an article once.
        kwargs: dict = {"context": context} if self.takes_context else {}
        if self.takes_language and language != "en":
            kwargs["language"] = language
        return self.func(text, **kwargs)

    def supports(self, language: str) -> bool:
        return self.languages is None or language in self.languages

    def not_available(self, language: str) -> ScoreResult:
        """What is stored instead of a score for a text in a language it does not
        support: ``values`` holds no figure, so that every mean and count leaves the
        article out, and says why."""
        return ScoreResult(
            values={
                NOT_AVAILABLE: {
                    "reason": "language",
                    "language": language,
                    "supported": sorted(self.languages or ()),
                }
            }
        )


_REGISTRY: dict[str, Scorer] = {}

# Texts that score_texts takes at once, and the size of the per-text caches that the
# scorers share (sentences, lower-cased text, actors, sentence sentiment, attributions):
# a batch must fit in them, or a later scorer recomputes what an earlier one cached.
BATCH_SIZE = 100
SHARED_CACHE_SIZE = 128


def register(name: str, version: str, languages: tuple[str, ...] | None = ("en",)) -> Callable:
    """Add a scorer. ``languages``: the ISO 639-1 codes it is made for (None: any);
    an article in another language gets no score from it. A function with a
    ``language`` parameter is given the article's language, one with a ``context``
    parameter the pipeline's ScoringContext."""

    def decorator(func: Callable[..., ScoreResult]) -> Callable[..., ScoreResult]:
        try:
            parameters = inspect.signature(func).parameters
        except (TypeError, ValueError):  # a compiled function without a signature
            parameters = {}
        _REGISTRY[name] = Scorer(
            name=name,
            version=version,
            func=func,
            languages=None if languages is None else frozenset(languages),
            takes_language="language" in parameters,
            takes_context="context" in parameters,
        )
        return func

    return decorator


_loaded = False


def _load_all() -> None:
    # A scorer module may already be imported on its own; the flag, not an empty
    # registry, says whether every module has been.
    global _loaded
    if not _loaded:
        # By their sources: a compiled module whose source was deleted is no scorer.
        for source in compiled.scorer_sources(Path(__path__[0])):
            importlib.import_module(f"{__name__}.{source.stem}")
        _loaded = True


def all_scorers() -> list[Scorer]:
    _load_all()
    return sorted(_REGISTRY.values(), key=lambda s: s.name)


def get_scorer(name: str) -> Scorer:
    _load_all()
    return _REGISTRY[name]


class ScoringTimeout(Exception):
    """A text took its scorers longer than its time budget."""


def score_texts(
    texts: list[str],
    scorers: list[Scorer] | None = None,
    languages: list[str] | None = None,
    *,
    context: ScoringContext = NO_CONTEXT,
    budget: float | None = None,
    stop_on: tuple[type[BaseException], ...] = (),
) -> list[list[ScoreResult] | Exception]:
    """Every scorer's result on each text (in ``scorers`` order), or the exception that
    stopped one of them on that text, which leaves the other texts alone.

    ``languages`` gives each text's language (English if not given): a scorer that does
    not support a text's language gives ``Scorer.not_available`` instead of a score.
    ``context`` goes to the scorers that take one (the curated actors).

    ``budget`` is the time in seconds all the scorers together may spend on one text:
    past it, the scorer at work is interrupted and the text's outcome is ScoringTimeout,
    so one pathological text fails alone. (It needs the main thread, where a worker
    runs its tasks; elsewhere texts run unbounded.) Exceptions of the ``stop_on`` types
    are raised instead of recorded: they concern the whole call, not one text.

    Scorers take turns over a batch of texts rather than texts over the scorers: while
    one scorer runs, its lexicons and patterns stay in the processor's caches.
    """
    scorers = all_scorers() if scorers is None else scorers
    languages = ["en"] * len(texts) if languages is None else languages
    results: list[list[ScoreResult] | Exception] = []
    for start in range(0, len(texts), BATCH_SIZE):
        batch = texts[start : start + BATCH_SIZE]
        batch_languages = languages[start : start + BATCH_SIZE]
        with gc_paused(), _alarm(budget) as limit:
            results += _score_batch(batch, batch_languages, scorers, context, limit, stop_on)
    return results


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for the block, then resumed; left alone if
    something else paused it (another thread may resume it early, which is harmless).

    The scorers make no reference cycles (only a failing one might, through its
    traceback), yet their many short-lived objects set off the collector, which then
    walks every object in the process: in a Django worker that took 8 % of the scoring
    time. A caller that keeps the results only to store them (the scoring task) pauses
    it until they are stored and freed: resumed while they are alive, the collector
    walks all of them once or twice (0.1-0.2 ms an article in a worker).
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _score_batch(
    texts: list[str],
    languages: list[str],
    scorers: list[Scorer],
    context: ScoringContext,
    limit: Callable[[float], None] | None,
    stop_on: tuple[type[BaseException], ...],
) -> list[list[ScoreResult] | Exception]:
    outcomes: list[list[ScoreResult] | Exception] = [[] for _ in texts]
    spent = [0.0] * len(texts)
    for scorer in scorers:
        for i, text in enumerate(texts):
            done = outcomes[i]
            if isinstance(done, Exception):
                continue
            language = languages[i]
            if not scorer.supports(language):
                done.append(scorer.not_available(language))
                continue
            try:
                if limit is None:
                    done.append(scorer(text, language, context))
                    continue
                started = time.perf_counter()
                limit(spent[i])
                try:
                    result = scorer(text, language, context)
                finally:
                    limit(-1)
                    spent[i] += time.perf_counter() - started
                done.append(result)
            except stop_on:
                raise
            except Exception as exc:  # noqa: BLE001 - reported per text to the caller
                outcomes[i] = exc
    return outcomes


@contextmanager
def _alarm(budget: float | None) -> Iterator[Callable[[float], None] | None]:
    """A function that arms a timer for the rest of a text's budget, given what the
    text has spent so far (or disarms it, given -1); None where no budget applies."""
    usable = budget and hasattr(signal, "setitimer")
    if not usable or threading.current_thread() is not threading.main_thread():
        yield None
        return

    def expired(signum, frame):
        raise ScoringTimeout(f"scoring took longer than {budget:g} s")

    def limit(spent: float) -> None:
        if spent < 0:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elif spent >= budget:
            raise ScoringTimeout(f"scoring took longer than {budget:g} s")
        else:
            signal.setitimer(signal.ITIMER_REAL, budget - spent)

    previous = signal.signal(signal.SIGALRM, expired)
    try:
        yield limit
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
