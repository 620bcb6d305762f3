"""Splitting an article body into paragraphs of scored sentences for display."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.scoring.sentiment import NEGATIVE, POSITIVE


@dataclass
class Segment:
    text: str
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


def tone_paragraphs(body: str, sentences: list[dict]) -> list[list[Segment]]:
    """Paragraphs as lists of segments; text outside any sentence is kept, unscored."""
    segments: list[Segment] = []
    cursor = 0
    for sentence in sorted(sentences, key=lambda s: s["start"]):
        start, end = sentence["start"], sentence["end"]
        if start < cursor or end > len(body):
            continue  # evidence from another version of the text
        if start > cursor:
            segments.append(Segment(body[cursor:start]))
        segments.append(Segment(body[start:end], sentence["compound"]))
        cursor = end
    if cursor < len(body):
        segments.append(Segment(body[cursor:]))

    paragraphs: list[list[Segment]] = [[]]
    for segment in segments:
        parts = segment.text.split("\n\n")
        for i, part in enumerate(parts):
            if i:
                paragraphs.append([])
            if part:
                paragraphs[-1].append(Segment(part, segment.compound))
    return [p for p in paragraphs if any(s.text.strip() for s in p)]
