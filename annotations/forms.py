from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from annotations.models import Confidence, Label, ReviewStatus, Verdict
from common.widgets import Picker
from newsdesk.models import Article, Event
from newsdesk.roles import ANALYST, EDITOR


class LabelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Label) -> str:
        return obj.name


class AnnotationBodyForm(forms.Form):
    label = LabelChoiceField(queryset=Label.objects.filter(is_active=True), empty_label=None)
    verdict = forms.ChoiceField(
        choices=Verdict.choices,
        initial=Verdict.UNVERIFIED,
        required=False,
        help_text="For claims: what checking it found; “Not yet verified” until it is checked.",
    )
    confidence = forms.TypedChoiceField(
        choices=Confidence.choices, coerce=int, initial=Confidence.MEDIUM
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000
    )
    links = forms.CharField(
        label="Evidence links",
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "https://… (one per line)"}),
        required=False,
        help_text="One web address per line.",
    )

    def __init__(self, *args, **kwargs):
        prefix = kwargs.pop("id_prefix", "annotation")
        super().__init__(*args, **kwargs)
        self.auto_id = f"{prefix}-%s"
        verdict_labels = [
            str(pk)
            for pk in self.fields["label"]
            .queryset.filter(takes_verdict=True)
            .values_list("pk", flat=True)
        ]
        # annotate.js shows the verdict only for the labels listed here.
        self.fields["label"].widget.attrs["data-verdict-labels"] = " ".join(verdict_labels)

    def cleaned_links(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "label": data["label"],
            # The verdict field is hidden for labels without one; drop a leftover value.
            "verdict": data["verdict"] if data["label"].takes_verdict else "",
            "confidence": data["confidence"],
            "note": data["note"],
            "links": self.cleaned_links(),
        }


class AnnotationCreateForm(AnnotationBodyForm):
    # Filled by annotate.js from the selection; "quote" is the keyboard path instead.
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    exact = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    text_hash = forms.CharField(required=False, widget=forms.HiddenInput)
    quote = forms.CharField(
        label="Passage",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Select text in the article, or type or paste a passage that occurs once.",
    )

    def clean(self):
        data = super().clean()
        has_span = data.get("start") is not None and data.get("end") is not None
        if not has_span and not data.get("quote", "").strip():
            raise forms.ValidationError(
                "Select the passage in the article text (or type it under Passage) first."
            )
        return data


class AnnotationEditForm(AnnotationBodyForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReplyForm(forms.Form):
    text = forms.CharField(label="Reply", widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReattachForm(VersionForm):
    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    exact = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    text_hash = forms.CharField(required=False, widget=forms.HiddenInput)


class ReviewForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(ReviewStatus.ACCEPTED, "Accept"), (ReviewStatus.REJECTED, "Reject")]
    )
    reason = forms.CharField(required=False, max_length=2000)
    version = forms.IntegerField(widget=forms.HiddenInput)


class AdjudicateForm(forms.Form):
    annotations = forms.CharField(widget=forms.HiddenInput)
    label = LabelChoiceField(queryset=Label.objects.filter(is_active=True), empty_label=None)
    verdict = forms.ChoiceField(choices=[("", "— no verdict —"), *Verdict.choices], required=False)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def annotation_ids(self) -> list[int]:
        try:
            return [int(x) for x in self.cleaned_data["annotations"].split(",") if x.strip()]
        except ValueError:
            return []


def _analysts():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[ANALYST, EDITOR])
        .distinct()
        .order_by("username")
    )


class AssignmentForm(forms.Form):
    article = forms.IntegerField(
        label="Article id",
        required=False,
        min_value=1,
        help_text="Or an event below.",
        widget=Picker("article"),
    )
    event = forms.IntegerField(
        label="Event id", required=False, min_value=1, widget=Picker("event")
    )
    analysts = forms.ModelMultipleChoiceField(
        queryset=_analysts(), widget=forms.CheckboxSelectMultiple
    )
    blind = forms.BooleanField(
        required=False,
        initial=True,
        help_text="Analysts do not see each other's annotations until they submit. "
        "Editors see everything on the review pages, so blind work is for analysts only.",
    )
    instructions = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["analysts"].queryset = _analysts()

    def clean(self):
        data = super().clean()
        article_id, event_id = data.get("article"), data.get("event")
        if bool(article_id) == bool(event_id):
            raise forms.ValidationError("Give either an article id or an event id.")
        if article_id:
            data["article"] = Article.objects.filter(pk=article_id).first()
            if data["article"] is None:
                self.add_error("article", "There is no article with this id.")
        if event_id:
            data["event"] = Event.objects.filter(pk=event_id).first()
            if data["event"] is None:
                self.add_error("event", "There is no event with this id.")
        return data


class ExportForm(forms.Form):
    article = forms.IntegerField(label="Article id", required=False, min_value=1)
    event = forms.IntegerField(label="Event id", required=False, min_value=1)
    since = forms.DateField(
        label="Published from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="Published until", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    format = forms.ChoiceField(
        choices=[("jsonld", "W3C Web Annotation (JSON-LD)"), ("csv", "CSV with outlet data")]
    )

    def clean(self):
        data = super().clean()
        if not any(data.get(k) for k in ("article", "event", "since", "until")):
            raise forms.ValidationError("Choose an article, an event or a date range.")
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError("The range ends before it starts.")
        for name, model in (("article", Article), ("event", Event)):
            if data.get(name):
                data[name] = model.objects.filter(pk=data[name]).first()
                if data[name] is None:
                    self.add_error(name, f"There is no {name} with this id.")
        return data
