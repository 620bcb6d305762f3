from __future__ import annotations

from django import forms

from common.widgets import Picker, QuickSelectMultiple
from events.outlet_report import BLINDSPOT_MIN_OUTLETS, BLINDSPOT_SIDE_SHARE
from newsdesk.forms import NO_SUCH_EVENT, IdPrefixedForm
from newsdesk.models import Event, Outlet


class PeriodForm(forms.Form):
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("The start of the period is after its end.")
        return data


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class EventRenameForm(forms.Form):
    title = forms.CharField(max_length=300)


class EventMergeForm(forms.Form):
    other = forms.ModelChoiceField(
        Event.objects.all(),
        label="Merge this event into event id",
        widget=Picker("event"),
        error_messages={"invalid_choice": "There is no other event with this id."},
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = Event.objects.exclude(pk=event.pk)
        self.fields["other"].widget.exclude = event.pk


class EventSplitForm(IdPrefixedForm):
    # Beside the rename form on the event page, whose "title" would otherwise share its id.
    id_prefix = "split"
    title = forms.CharField(max_length=300, label="Title of the new event")
    articles = forms.ModelMultipleChoiceField(
        queryset=None, widget=forms.CheckboxSelectMultiple, label="Articles to move"
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["articles"].queryset = event.articles.select_related("outlet")
        self.fields["articles"].label_from_instance = lambda a: (
            f"{a.outlet.name if a.outlet else 'Unknown outlet'}: {a.headline}"
        )


class EventReviewForm(forms.Form):
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class StorylineForm(forms.Form):
    title = forms.CharField(max_length=300)


class StorylineEventForm(forms.Form):
    event = forms.ModelChoiceField(
        Event.objects.all(),
        widget=Picker("event"),
        label="Event id",
        error_messages={"invalid_choice": NO_SUCH_EVENT},
    )


class OutletReportForm(PeriodForm):
    outlets = forms.ModelMultipleChoiceField(
        Outlet.objects.all(),
        required=False,
        to_field_name="slug",
        widget=QuickSelectMultiple(attrs={"size": 8}),
        help_text="Choose one, or several to compare them side by side.",
    )
    versus = forms.ModelChoiceField(
        Outlet.objects.all(),
        required=False,
        to_field_name="slug",
        label="Differences from",
        help_text="One of those compared: each other outlet's figures are set against its "
        "own. Without it, the first by name.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offered: the outlets of the report shown (set in clean), not every outlet, which
        # would be another list of the whole register to read and scroll.
        self.fields["versus"].choices = [("", "the first by name")]

    def clean(self):
        cleaned = super().clean()
        versus, outlets = cleaned.get("versus"), list(cleaned.get("outlets") or [])
        self.fields["versus"].choices = [("", "the first by name")] + [
            (outlet.slug, outlet.name) for outlet in outlets
        ]
        if versus is not None and versus not in outlets:
            self.add_error("versus", "Choose it among the outlets compared, too.")
        return cleaned


class BlindspotForm(PeriodForm):
    side_share = forms.FloatField(
        initial=BLINDSPOT_SIDE_SHARE,
        min_value=0.5,
        max_value=1.0,
        required=False,
        label="Share of outlets on one side",
        help_text="From 0.5 to 1.0",
    )
    min_outlets = forms.IntegerField(
        initial=BLINDSPOT_MIN_OUTLETS,
        min_value=1,
        max_value=50,
        required=False,
        label="Fewest outlets covering",
    )

    def __init__(self, data=None, *args, **kwargs):
        if data:
            # A threshold left empty applies its default: the box shows the value in use.
            data = data.copy()
            for name in ("side_share", "min_outlets"):
                if not data.get(name):
                    data[name] = str(self.base_fields[name].initial)
        super().__init__(data or None, *args, **kwargs)

    def thresholds(self) -> tuple[float, int]:
        """The share of one side and the fewest outlets in use: the defaults when a value
        is not valid."""
        data = self.cleaned_data if self.is_valid() else {}
        return (
            data.get("side_share") or BLINDSPOT_SIDE_SHARE,
            data.get("min_outlets") or BLINDSPOT_MIN_OUTLETS,
        )
