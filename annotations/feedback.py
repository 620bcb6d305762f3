"""Reads: how often the scorers' cues are right in this newsroom.

The evidence is the analysts' own work:

* every machine suggestion an analyst accepts or dismisses (a
  :class:`~annotations.models.SuggestionDecision`); an accepted one that an editor then
  rejects in review counts as dismissed;
* every settled annotation (adjudicated, or accepted by an editor) with a persuasion or
  framing label: a stored cue of the matching scorer inside its passage counts as
  accepted; a passage with no such cue is a phrase the lexicon lacks.

The rules, in one place:

* a cue is no longer suggested once it has at least ``MIN_DECISIONS`` decisions and a
  precision under ``SUPPRESS_BELOW``;
* a phrase is offered to the admins for the lexicon once settled annotations marked it
  at least ``MIN_MARKS`` times (in at most ``MAX_PHRASE_WORDS`` words) and no cue of
  the lexicon falls inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q

from analysis.methodology import Measurement, accuracy_entry
from analysis.models import Score
from annotations.lexicons import CUE_DEFAULT_LABEL, CUE_LABELS, FILES, families_of
from annotations.models import (
    Annotation,
    LexiconAddition,
    ReviewStatus,
    SuggestionDecision,
)

MIN_DECISIONS = 5
SUPPRESS_BELOW = 0.3
MIN_MARKS = 2
MAX_PHRASE_WORDS = 5

# The labels whose settled annotations are evidence about each cue scorer.
SCORER_LABELS = {
    "persuasion": set(CUE_LABELS.values()) | {CUE_DEFAULT_LABEL},
    "framing": {CUE_DEFAULT_LABEL},
}


@dataclass
class CueRecord:
    scorer: str
    family: str
    cue: str
    accepted: int = 0
    dismissed: int = 0

    @property
    def decisions(self) -> int:
        return self.accepted + self.dismissed

    @property
    def precision(self) -> float | None:
        return self.accepted / self.decisions if self.decisions else None

    @property
    def suppressed(self) -> bool:
        return is_suppressed(accepted=self.accepted, dismissed=self.dismissed)


def is_suppressed(*, accepted: int, dismissed: int) -> bool:
    """The suppression rule: enough decisions, and too few of them acceptances."""
    decisions = accepted + dismissed
    return decisions >= MIN_DECISIONS and accepted / decisions < SUPPRESS_BELOW


def _settled():
    return Annotation.objects.filter(
        Q(is_adjudication=True) | Q(review_status=ReviewStatus.ACCEPTED),
        start__isnull=False,
    )


def cue_records() -> dict[tuple[str, str, str], CueRecord]:
    """(scorer, family, cue) -> its accepted and dismissed counts in this deployment."""
    records: dict[tuple[str, str, str], CueRecord] = {}

    def record(key: tuple[str, str, str]) -> CueRecord:
        return records.setdefault(key, CueRecord(*key))

    rejected = set(
        Annotation.objects.filter(review_status=ReviewStatus.REJECTED)
        .exclude(suggestion="")
        .values_list("article_id", "creator_id", "suggestion")
    )
    rows = SuggestionDecision.objects.values_list(
        "article_id", "user_id", "key", "scorer", "family", "cue", "decision"
    )
    for article_id, user_id, key, scorer, family, cue, decision in rows:
        r = record((scorer, family, cue))
        if decision == SuggestionDecision.Decision.ACCEPTED and (
            (article_id, user_id, key) not in rejected
        ):
            r.accepted += 1
        else:
            r.dismissed += 1
    for settled in _settled_evidence():
        for key in settled.cues:
            record(key).accepted += 1
    return records


@dataclass
class SettledPassage:
    annotation_id: int
    article_id: int
    label: str
    exact: str
    cues: list[tuple[str, str, str]]  # (scorer, family, cue) of the cues inside it


def _settled_evidence() -> list[SettledPassage]:
    labels = set().union(*SCORER_LABELS.values())
    settled = list(
        _settled()
        .filter(label__name__in=labels)
        .select_related("label")
        .only("id", "article_id", "start", "end", "exact", "label__name")
    )
    if not settled:
        return []
    scores: dict[int, list[Score]] = {}
    for score in Score.objects.filter(
        article_id__in={a.article_id for a in settled}, scorer__in=list(SCORER_LABELS)
    ):
        scores.setdefault(score.article_id, []).append(score)
    passages = []
    for a in settled:
        inside = []
        for score in scores.get(a.article_id, []):
            if a.label.name not in SCORER_LABELS[score.scorer]:
                continue
            family_key = "family" if score.scorer == "persuasion" else "frame"
            for cue in score.evidence.get("cues", []):
                # The cue's own words: persuasion shows some cues with the phrase around them.
                start, end = (
                    cue.get("cue_start", cue.get("start")),
                    cue.get("cue_end", cue.get("end")),
                )
                if (
                    isinstance(start, int)
                    and isinstance(end, int)
                    and a.start <= start <= end <= a.end
                ):
                    inside.append((score.scorer, cue.get(family_key, ""), cue.get("cue", "")))
        passages.append(SettledPassage(a.pk, a.article_id, a.label.name, a.exact, inside))
    return passages


def suppressed_cues() -> set[tuple[str, str, str]]:
    """The (scorer, family, cue) triples no longer suggested."""
    return {key for key, r in cue_records().items() if r.suppressed}


def scorer_feedback_summary() -> dict:
    """Per scorer and family (persuasion family or frame): decisions and precision in this
    deployment, with the rule that stops suggesting a cue. For the methodology page."""
    families: dict[tuple[str, str], CueRecord] = {}
    records = cue_records()
    for (scorer, family, _cue), r in records.items():
        agg = families.setdefault((scorer, family), CueRecord(scorer, family, ""))
        agg.accepted += r.accepted
        agg.dismissed += r.dismissed
    return {
        "rule": {
            "min_decisions": MIN_DECISIONS,
            "suppress_below": SUPPRESS_BELOW,
            "text": (
                f"A cue is no longer suggested once analysts decided on it at least "
                f"{MIN_DECISIONS} times and accepted fewer than {SUPPRESS_BELOW:.0%} of them."
            ),
        },
        "families": [
            {
                "scorer": r.scorer,
                "family": r.family,
                "accepted": r.accepted,
                "dismissed": r.dismissed,
                "decisions": r.decisions,
                "precision": r.precision,
            }
            for r in sorted(families.values(), key=lambda r: (r.scorer, r.family))
        ],
        "suppressed_cues": [
            {"scorer": r.scorer, "family": r.family, "cue": r.cue, "precision": r.precision}
            for r in sorted(records.values(), key=lambda r: (r.scorer, r.family, r.cue))
            if r.suppressed
        ],
    }


@dataclass
class LexiconCandidate:
    phrase: str
    label: str
    marks: int
    articles: int


_SPACES = re.compile(r"\s+")


def normalised_phrase(text: str) -> str:
    return _SPACES.sub(" ", text.strip().strip(".,;:!?\"'“”‘’()").lower())


def lexicon_candidates() -> list[LexiconCandidate]:
    """Phrases settled annotations keep marking that no cue of the lexicon covers."""
    added = set(LexiconAddition.objects.values_list("phrase", flat=True))
    groups: dict[tuple[str, str], set[int]] = {}
    marks: dict[tuple[str, str], int] = {}
    for passage in _settled_evidence():
        if passage.cues:
            continue
        phrase = normalised_phrase(passage.exact)
        if not phrase or len(phrase.split()) > MAX_PHRASE_WORDS or phrase in added:
            continue
        key = (phrase, passage.label)
        groups.setdefault(key, set()).add(passage.article_id)
        marks[key] = marks.get(key, 0) + 1
    return sorted(
        (
            LexiconCandidate(phrase, label, marks[(phrase, label)], len(articles))
            for (phrase, label), articles in groups.items()
            if marks[(phrase, label)] >= MIN_MARKS
        ),
        key=lambda c: (-c.marks, c.phrase),
    )


def lexicon_additions_pending():
    return LexiconAddition.objects.filter(applied_version="")


def public_figures(scorer: str) -> dict[str, Measurement]:
    """The public-corpus measurement of each family or frame, as the methodology page
    reads them (one measurement per family or frame, named by its ``family`` or subset)."""
    entry = accuracy_entry(scorer)
    if entry is None:
        return {}
    return {m.family or m.subset: m for m in entry.measurements}


@dataclass
class FamilyRow:
    scorer: str
    family: str
    accepted: int
    dismissed: int
    precision: float | None
    public: Measurement | None


def feedback_page() -> dict:
    """What the admins' scorer-feedback page shows."""

    summary = scorer_feedback_summary()
    deployed = {(f["scorer"], f["family"]): f for f in summary["families"]}
    rows = []
    for scorer in FILES:
        public = public_figures(scorer)
        for family in families_of(scorer):
            d = deployed.get((scorer, family), {})
            rows.append(
                FamilyRow(
                    scorer,
                    family,
                    d.get("accepted", 0),
                    d.get("dismissed", 0),
                    d.get("precision"),
                    public.get(family),
                )
            )
    return {
        "rows": rows,
        "rule": summary["rule"],
        "suppressed": summary["suppressed_cues"],
        "candidates": lexicon_candidates(),
        "min_marks": MIN_MARKS,
        "families": {scorer: families_of(scorer) for scorer in FILES},
        "pending": list(lexicon_additions_pending().select_related("added_by")),
    }
