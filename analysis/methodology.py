"""How far each figure can be trusted: every measurement's accuracy on public corpora.

Each measure has one JSON file in ``analysis/accuracy/`` (named after its scorer, or after
the ingest step it measures: ``extraction``, ``language``, ``grouping``), written by whoever
ran its evaluation script in ``bench/``. The methodology page and the one-line "how far to
trust this" beside each figure read them from here, so a figure and its caveat cannot drift
apart. Pure Python: no Django, no database; the files are read once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ACCURACY_DIR = Path(__file__).with_name("accuracy")

_REQUIRED = ("subset", "corpus", "split", "scorer_version", "date")
# The further figure of a per-frame measurement that counts the set's items with the frame
# (bench/eval_semeval2023.py's support), for what an F1 of 0 says instead of its interval.
GOLD_KEY = "articles with the frame"


@dataclass(frozen=True)
class Baseline:
    name: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    accuracy: float | None = None


@dataclass(frozen=True)
class Measurement:
    subset: str
    corpus: str
    split: str
    scorer_version: str
    date: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    # Where the F1's uncertainty was measured (a bootstrap over the set's documents or
    # stories): the central 95 % of the resampled F1s, (low, high).
    f1_interval: tuple[float, float] | None = None
    # Where precision and recall do not apply (whether a figure orders two texts as
    # their annotators did): the share it gets right, and that share's 95 % interval.
    accuracy: float | None = None
    accuracy_interval: tuple[float, float] | None = None
    extra: dict = field(default_factory=dict)
    baseline: Baseline | None = None
    corpus_terms: str = ""
    n: int | None = None
    command: str = ""
    family: str = ""  # the persuasion family or frame a per-family measurement is of
    # On texts written here (for the tests or the demo), not on a public corpus.
    written_here: bool = False
    # The one value of the scorer's output this measures, where it is not what the entry's
    # headline measures ("anonymous_share"): the pages put it beside that figure.
    figure: str = ""
    # On a public corpus's text, but against labels added here (who labelled, and how, in
    # the corpus terms' page), not against the corpus's own annotations.
    labelled_here: bool = False

    @property
    def extra_items(self) -> list[tuple[str, object]]:
        """The further figures as the page lists them: a key written as a name
        ("bcubed_f1_interval") read as words ("bcubed f1 interval")."""
        return [(key.replace("_", " "), value) for key, value in self.extra.items()]

    @property
    def corpus_name(self) -> str:
        """The corpus's name without its citation: "PAC" of "PAC (Zou et al. 2023)"."""
        return self.corpus.split(" (")[0]

    @property
    def never_found(self) -> str:
        """What to say of an F1 of 0 instead of its interval ("never found on this corpus",
        with how many of the set's items have it where the file says); "" for any other.

        An F1 of 0 is not one true positive: every resampling's F1 is 0 too, and an
        interval of "0.00–0.00" says nothing. Whether the measure was never called or only
        called wrongly the files do not tell (precision is written 0 for both), so the
        words say only that it never found what the set has."""
        if self.f1 != 0:
            return ""
        gold = self.extra.get(GOLD_KEY)
        if isinstance(gold, int) and not isinstance(gold, bool) and gold > 0:
            return f"never found in the {gold} {GOLD_KEY}"
        return "never found on this corpus"

    @property
    def summary(self) -> str:
        """The figure in a few words: "F1 0.88 (P 0.91, R 0.86)", or "accuracy 0.76 (95 %
        interval 0.73–0.80)" where only an accuracy was measured."""
        if self.f1 is None and self.accuracy is not None:
            said = f"accuracy {self.accuracy:.2f}"
            if self.accuracy_interval:
                low, high = self.accuracy_interval
                said += f" (95 % interval {low:.2f}–{high:.2f})"
            return said
        parts = [
            f"{k} {v:.2f}" for k, v in (("P", self.precision), ("R", self.recall)) if v is not None
        ]
        if self.f1 is None:
            return ", ".join(parts)
        said = ", ".join(parts)
        if self.never_found:
            said = self.never_found + (f"; {said}" if said else "")
        elif self.f1_interval:
            low, high = self.f1_interval
            said = f"95 % interval {low:.2f}–{high:.2f}" + (f"; {said}" if said else "")
        return f"F1 {self.f1:.2f}" + (f" ({said})" if said else "")


@dataclass(frozen=True)
class Entry:
    scorer: str
    title: str
    what: str
    limits: tuple[str, ...]
    measurements: tuple[Measurement, ...]
    # Figures of the measure that no measurement covers, by value key, each with why
    # ("anonymous_share": the source's type is decided by rules no corpus checked): the
    # pages say so beside them, whatever the entry's measurements say of the rest.
    unmeasured: dict[str, str] = field(default_factory=dict)

    @property
    def headline(self) -> Measurement | None:
        return self.measurements[0] if self.measurements else None

    @property
    def lowest_elsewhere(self) -> Measurement | None:
        """The lowest F1 measured on another public corpus than the headline's, if lower
        than the headline's: a figure of one corpus is not the figure of every kind of
        news ("F1 0.98 on one set" should say that another gave 0.77)."""
        top = self.headline
        if top is None or top.f1 is None:
            return None
        others = [
            m
            for m in self.measurements
            if m.f1 is not None
            and not m.written_here
            and not m.figure
            and m.corpus_name != top.corpus_name
        ]
        low = min(others, key=lambda m: m.f1, default=None)
        return low if low is not None and low.f1 < top.f1 else None

    def figure_measurement(self, key: str) -> Measurement | None:
        """The measurement of one value of the output ("anonymous_share"), if any."""
        return next((m for m in self.measurements if m.figure == key), None)

    def measured_version(self) -> str | None:
        return self.headline.scorer_version if self.headline else None


class AccuracyFileError(ValueError):
    """A file in analysis/accuracy does not follow the schema (the test suite reads them all)."""


def _number(value, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AccuracyFileError(f"{where}: expected a number or null, got {value!r}")
    return float(value)


def _interval(value, where: str, key: str = "f1_interval") -> tuple[float, float] | None:
    if value is None:
        return None
    low, high = (
        (_number(value[0], where), _number(value[1], where))
        if isinstance(value, list) and len(value) == 2
        else (None, None)
    )
    if low is None or high is None or not 0 <= low <= high <= 1:
        raise AccuracyFileError(f"{where}: '{key}' must be [low, high] within 0 and 1")
    return low, high


def _measurement(raw: dict, where: str) -> Measurement:
    missing = [key for key in _REQUIRED if not raw.get(key)]
    if missing:
        raise AccuracyFileError(f"{where}: missing {', '.join(missing)}")
    base = raw.get("baseline")
    baseline = None
    if base:
        baseline = Baseline(
            name=str(base.get("name", "")),
            precision=_number(base.get("precision"), where),
            recall=_number(base.get("recall"), where),
            f1=_number(base.get("f1"), where),
            accuracy=_number(base.get("accuracy"), where),
        )
    extra = raw.get("extra") or {}
    if not isinstance(extra, dict):
        raise AccuracyFileError(f"{where}: 'extra' must be an object")
    written_here = raw.get("written_here", False)
    labelled_here = raw.get("labelled_here", False)
    if not isinstance(written_here, bool) or not isinstance(labelled_here, bool):
        raise AccuracyFileError(
            f"{where}: 'written_here' and 'labelled_here' must be true or false"
        )
    return Measurement(
        subset=str(raw["subset"]),
        corpus=str(raw["corpus"]),
        split=str(raw["split"]),
        scorer_version=str(raw["scorer_version"]),
        date=str(raw["date"]),
        precision=_number(raw.get("precision"), where),
        recall=_number(raw.get("recall"), where),
        f1=_number(raw.get("f1"), where),
        f1_interval=_interval(raw.get("f1_interval"), where),
        accuracy=_number(raw.get("accuracy"), where),
        accuracy_interval=_interval(raw.get("accuracy_interval"), where, "accuracy_interval"),
        extra=extra,
        baseline=baseline,
        corpus_terms=str(raw.get("corpus_terms") or ""),
        n=raw.get("n"),
        command=str(raw.get("command", "")),
        family=str(raw.get("family") or ""),
        written_here=written_here,
        figure=str(raw.get("figure") or ""),
        labelled_here=labelled_here,
    )


def entry_parse(raw: dict, *, name: str) -> Entry:
    """One accuracy file's contents as an Entry; AccuracyFileError says what is wrong."""
    if raw.get("scorer") != name:
        raise AccuracyFileError(
            f"{name}.json: 'scorer' must be {name!r}, got {raw.get('scorer')!r}"
        )
    measurements = raw.get("measurements") or []
    if not isinstance(measurements, list):
        raise AccuracyFileError(f"{name}.json: 'measurements' must be a list")
    unmeasured = raw.get("unmeasured") or {}
    if not isinstance(unmeasured, dict) or not all(
        isinstance(key, str) and isinstance(why, str) and why for key, why in unmeasured.items()
    ):
        raise AccuracyFileError(
            f"{name}.json: 'unmeasured' must map each figure's key to why it is not measured"
        )
    return Entry(
        unmeasured=unmeasured,
        scorer=name,
        title=str(raw.get("title") or name.replace("_", " ").capitalize()),
        what=str(raw.get("what", "")),
        limits=tuple(str(x) for x in raw.get("limits") or ()),
        measurements=tuple(
            _measurement(m, f"{name}.json, measurement {i + 1}") for i, m in enumerate(measurements)
        ),
    )


@lru_cache(maxsize=1)
def accuracy_entries() -> dict[str, Entry]:
    """Every measure's entry, by name, in file-name order."""
    entries = {}
    for path in sorted(ACCURACY_DIR.glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise AccuracyFileError(f"{path.name}: not JSON ({exc})") from exc
        entries[path.stem] = entry_parse(raw, name=path.stem)
    return entries


def accuracy_entry(name: str) -> Entry | None:
    return accuracy_entries().get(name)
