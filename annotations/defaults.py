"""The default label vocabulary (admins change it in the admin)."""

from __future__ import annotations

from annotations.models import Label

# (name, description, takes a verdict). Migration 0002 adds the same list.
DEFAULT_LABELS = [
    ("Claim", "A checkable statement of fact.", True),
    ("Framing", "How the story is framed: emphasis, selection, angle.", False),
    ("Sourcing problem", "Missing, anonymous, or one-sided sources.", False),
    ("Loaded language", "Words chosen for their emotional charge.", False),
    ("Missing context", "Something a reader needs to judge this is left out.", False),
    ("Other", "Anything else worth a note.", False),
]


def ensure_default_labels() -> None:
    """Create the default labels that are missing (e.g. after a test flushed the tables)."""
    for position, (name, description, takes_verdict) in enumerate(DEFAULT_LABELS):
        Label.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "takes_verdict": takes_verdict,
                "position": position,
            },
        )
