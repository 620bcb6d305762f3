import datetime as dt

from django import forms

# Days a new token works; "never" is there for service accounts, not the default.
LIFETIMES = {"30": 30, "90": 90, "365": 365, "never": None}


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, label="Name", help_text="What the token is for, e.g. “analysis notebook”."
    )
    lifetime = forms.ChoiceField(
        choices=[("30", "30 days"), ("90", "90 days"), ("365", "1 year"), ("never", "Never")],
        initial="90",
        required=False,
        label="Expires after",
    )

    def lifetime_delta(self) -> dt.timedelta | None:
        days = LIFETIMES[self.cleaned_data.get("lifetime") or "90"]
        return dt.timedelta(days=days) if days else None
