from __future__ import annotations

from django import forms

from analysis.selectors import articles_for_rescore
from common.widgets import QuickSelectMultiple
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


class PeriodForm(forms.Form):
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("The start of the period is after its end.")
        return data


class OutletReportForm(PeriodForm):
    outlets = forms.ModelMultipleChoiceField(
        Outlet.objects.all(),
        required=False,
        to_field_name="slug",
        widget=QuickSelectMultiple(attrs={"size": 8}),
        help_text="Choose one, or several to compare them side by side.",
    )


class BlindspotForm(PeriodForm):
    side_share = forms.FloatField(
        initial=0.8,
        min_value=0.5,
        max_value=1.0,
        required=False,
        label="Share of outlets on one side",
        help_text="From 0.5 to 1.0",
    )
    min_outlets = forms.IntegerField(
        initial=3, min_value=1, max_value=50, required=False, label="Fewest outlets covering"
    )
