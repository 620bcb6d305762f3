"""Turning scorer evidence into highlighted paragraphs: one layer of spans at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from analysis.scoring.sentiment import NEGATIVE, POSITIVE


@dataclass
class Highlight:
    start: int
    end: int
    css: str
    title: str = ""
    compound: float | None = None


@dataclass
class Segment:
    text: str
    css: str = ""
    title: str = ""
    compound: float | None = None

    @property
    def tone(self) -> str:
        if self.compound is None:
            return ""
        if self.compound <= NEGATIVE:
            return "negative"
        if self.compound >= POSITIVE:
            return "positive"
        return "neutral"


def paragraphs(body: str, spans: list[Highlight]) -> list[list[Segment]]:
    """Paragraphs as lists of segments; overlapping spans keep the first (longest) one."""
    segments: list[Segment] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start < cursor or span.end > len(body) or span.end <= span.start:
            continue  # overlapping, or evidence from another version of the text
        if span.start > cursor:
            segments.append(Segment(body[cursor : span.start]))
        segments.append(Segment(body[span.start : span.end], span.css, span.title, span.compound))
        cursor = span.end
    if cursor < len(body):
        segments.append(Segment(body[cursor:]))

    result: list[list[Segment]] = [[]]
    for segment in segments:
        for i, part in enumerate(segment.text.split("\n\n")):
            if i:
                result.append([])
            if part:
                result[-1].append(Segment(part, segment.css, segment.title, segment.compound))
    return [p for p in result if any(s.text.strip() for s in p)]


def _tone_spans(sentences: list[dict]) -> list[Highlight]:
    spans = []
    for s in sentences:
        tone = Segment("", compound=s["compound"]).tone
        spans.append(
            Highlight(
                s["start"],
                s["end"],
                f"sentence tone-{tone}",
                f"compound {s['compound']:.3f}",
                s["compound"],
            )
        )
    return spans


def tone_paragraphs(body: str, sentences: list[dict]) -> list[list[Segment]]:
    return paragraphs(body, _tone_spans(sentences))


def _tone(scores: dict) -> list[Highlight]:
    sentiment = scores.get("sentiment")
    return _tone_spans(sentiment.evidence.get("sentences", [])) if sentiment else []


def _quotes(scores: dict) -> list[Highlight]:
    attribution = scores.get("attribution")
    if not attribution:
        return []
    speakers: dict[str, int] = {}
    spans = []
    for a in attribution.evidence.get("attributions", []):
        index = speakers.setdefault(a.get("speaker") or "?", len(speakers))
        start, end = a.get("content_start"), a.get("content_end")
        if start is None or end is None:
            start, end = a["start"], a["end"]
        kind = "quote" if a.get("direct") else "reported"
        spans.append(
            Highlight(
                start,
                end,
                f"{kind} speaker-{index % 8}",
                _quote_title(a),
            )
        )
    return spans


def _quote_title(a: dict) -> str:
    """Who said it and how: "Hillary Clinton (said)", "a spokesman for Ruth Alder (said)",
    and "Ruth Alder, taken for a pronoun or role (said)" when the scorer resolved "she"."""
    speaker = a.get("speaker") or "unknown"
    if a.get("principal"):
        speaker = f"{speaker} for {a['principal']}"
    if a.get("speaker_resolved"):
        speaker = f"{speaker}, taken for a pronoun or role"
    return f"{speaker} ({a.get('cue', '')})"


def _verbs(scores: dict) -> list[Highlight]:
    attribution = scores.get("attribution")
    if not attribution:
        return []
    return [
        Highlight(
            a["cue_start"],
            a["cue_end"],
            "cue loaded" if a.get("loaded") else "cue",
            a.get("speaker") or "",
        )
        for a in attribution.evidence.get("attributions", [])
        if a.get("cue_start") is not None
    ]


def _cues(scorer: str, key: str, evidence: str = "cues") -> Callable[[dict], list[Highlight]]:
    """Cue spans from a scorer's evidence list; a cue's confidence, if it has one, in its title.

    Persuasion keeps its hints (cues too unreliable to count) in a list of their own, drawn
    by a layer of their own, so a page shows them only when asked.
    """
    extra = " hint" if evidence == "hints" else ""

    def build(scores: dict) -> list[Highlight]:
        score = scores.get(scorer)
        if not score:
            return []
        spans = []
        for c in score.evidence.get(evidence, []):
            title = c[key].replace("_", " ")
            if c.get("confidence") is not None:
                title += f" (confidence {c['confidence']:.2f})"
            spans.append(
                Highlight(c["start"], c["end"], f"{scorer} {scorer}-{c[key]}{extra}", title)
            )
        return spans

    return build


def _claims(scores: dict) -> list[Highlight]:
    score = scores.get("claims")
    if not score:
        return []
    return [
        Highlight(
            c["start"],
            c["end"],
            "claim attributed" if c.get("attributed") else "claim unattributed",
            "attributed claim" if c.get("attributed") else "unattributed claim",
        )
        for c in score.evidence.get("claims", [])
    ]


# The scorer whose evidence each layer draws: without its score a layer is empty because
# the text is not scored yet, not because nothing was found.
LAYER_SCORERS = {
    "tone": "sentiment",
    "quotes": "attribution",
    "verbs": "attribution",
    "frames": "framing",
    "persuasion": "persuasion",
    "persuasion_hints": "persuasion",
    "claims": "claims",
}

LAYERS: dict[str, tuple[str, Callable[[dict], list[Highlight]]]] = {
    "tone": ("Tone", _tone),
    "quotes": ("Quotes by speaker", _quotes),
    "verbs": ("Reporting verbs", _verbs),
    "frames": ("Frame cues", _cues("framing", "frame")),
    "persuasion": ("Persuasion cues", _cues("persuasion", "family")),
    "persuasion_hints": ("Persuasion hints (unreliable)", _cues("persuasion", "family", "hints")),
    "claims": ("Claims", _claims),
}


def layer_paragraphs(body: str, layer: str, scores: dict) -> list[list[Segment]]:
    return paragraphs(body, LAYERS[layer][1](scores))


def layer_legend(layer: str, scores: dict) -> list[tuple[str, str]]:
    """(css class, label) for each kind of highlight the layer shows, in first-seen order;
    none where the layer shows nothing (the page then says why)."""
    spans = sorted(LAYERS[layer][1](scores), key=lambda s: s.start)
    if not spans:
        return []
    if layer == "tone":
        return [
            ("tone-positive", "positive"),
            ("tone-neutral", "neutral"),
            ("tone-negative", "negative"),
        ]
    if layer == "verbs":
        # A verb's title is its speaker; the legend explains the two kinds of verb instead.
        kinds = {span.css for span in spans}
        return [
            (css, label)
            for css, label in (("cue", "neutral verb"), ("cue loaded", "loaded verb"))
            if css in kinds
        ]
    # One entry per label: a speaker quoted directly and in reported speech is one speaker,
    # shown in the colour (and solid underline) of a direct quote.
    seen: dict[str, str] = {}
    for span in spans:
        css = span.css.replace("reported ", "quote ") if layer == "quotes" else span.css
        seen.setdefault(span.title.split(" (")[0], css)
    return [(css, label) for label, css in seen.items()]
