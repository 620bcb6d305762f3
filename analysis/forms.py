from __future__ import annotations

from django import forms

from analysis.selectors import articles_for_rescore
from newsdesk.models import Outlet


class RescoreForm(forms.Form):
    outlet = forms.ModelChoiceField(Outlet.objects.all(), required=False, empty_label="All outlets")
    since = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Articles published on or after this day.",
    )
    everything = forms.BooleanField(required=False, label="Rescore all, not only outdated scores")

    def articles(self):
        return articles_for_rescore(
            outlet=self.cleaned_data.get("outlet"),
            since=self.cleaned_data.get("since"),
            everything=self.cleaned_data.get("everything", False),
        )

    def label(self) -> str:
        parts = ["Rescore"]
        if outlet := self.cleaned_data.get("outlet"):
            parts.append(outlet.name)
        if since := self.cleaned_data.get("since"):
            parts.append(f"since {since}")
        parts.append("all" if self.cleaned_data.get("everything") else "outdated")
        return " ".join(parts)
