from __future__ import annotations

import io

from django import forms

from common.widgets import Picker, QuickSelect
from newsdesk.ingest.bulk import detect_format, read_rows
from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.files import check_size, decode_text
from newsdesk.ingest.language import LANGUAGE_NAMES
from newsdesk.models import Article, Event, Outlet, ScoringStatus


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm,text/plain,text/html"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)]


class IdPrefixedForm(forms.Form):
    """Forms that share a page and field names (the three ingest forms' outlet, published
    and url; the event page's two titles): with Django's default ids they would repeat,
    and each label would point at the first form's field. Each form's ids start with its
    own prefix instead."""

    id_prefix = "id"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class ArticleMetaFields(IdPrefixedForm):
    outlet = forms.ModelChoiceField(
        Outlet.objects.all(), required=False, empty_label="Detect from text or URL"
    )
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))


class PasteForm(ArticleMetaFields):
    id_prefix = "paste"
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14}),
        label="Article text",
        help_text="Paste the page's text; menus, captions and credits are separated out.",
    )
    url = forms.URLField(
        required=False, label="URL (optional)", max_length=1000, assume_scheme="https"
    )
    headline = forms.CharField(
        required=False, max_length=500, help_text="Leave empty to detect it."
    )


# Files one upload request may carry: each is extracted in the request (an HTML page
# within the caps takes up to a few seconds), so many would hold a web process too long.
MAX_UPLOAD_FILES = 5


class UploadForm(ArticleMetaFields):
    id_prefix = "upload"
    files = MultipleFileField(
        label="Files (.txt or .html)",
        allow_empty_file=True,
        help_text=f"Up to {MAX_UPLOAD_FILES} at a time; import a JSON Lines or CSV file for more.",
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_UPLOAD_FILES:
            raise forms.ValidationError(
                f"{len(files)} files: upload up to {MAX_UPLOAD_FILES} at a time, or put "
                "the articles in one JSON Lines or CSV file for Import articles."
            )
        return files


class UrlForm(IdPrefixedForm):
    id_prefix = "fetch"
    url = forms.URLField(label="Article URL", max_length=1000, assume_scheme="https")


# An id box has no list to choose from: "Select a valid choice" would not make sense.
NO_SUCH_EVENT = "There is no event with this id."


class ArticleFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search")
    outlet = forms.ModelChoiceField(
        Outlet.objects.all(),
        required=False,
        to_field_name="slug",
        widget=QuickSelect,
        empty_label="Any outlet",
    )
    # An id box, not a dropdown: a newsroom has tens of thousands of events.
    event = forms.ModelChoiceField(
        Event.objects.all(),
        required=False,
        widget=forms.NumberInput(attrs={"min": 1}),
        label="Event id",
        error_messages={"invalid_choice": NO_SUCH_EVENT},
    )
    status = forms.ChoiceField(
        choices=[("", "Any status"), *ScoringStatus.choices], required=False, label="Scoring"
    )
    # The labels the page shows, which also name a filter that was not understood.
    date_from = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )


class ArticleEventForm(forms.Form):
    event = forms.ModelChoiceField(
        Event.objects.all(),
        required=False,
        widget=Picker("event"),
        label="Event id",
        help_text="Leave empty to take the article out of its event.",
        error_messages={"invalid_choice": NO_SUCH_EVENT},
    )


class ArticleLanguageForm(forms.Form):
    language = forms.ChoiceField(
        choices=sorted(LANGUAGE_NAMES.items(), key=lambda item: item[1]),
        label="Language",
        help_text="Correct the detected language; the article is scored again for it.",
    )


# Larger files take the command (manage.py import_articles), which reports as it goes.
MAX_IMPORT_BYTES = 10 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label="File (.jsonl or .csv)", allow_empty_file=True)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            fmt = detect_format(upload.name)
            check_size(upload.size, MAX_IMPORT_BYTES)
            # Any encoding a file upload takes; binary files are refused here too.
            text = decode_text(upload.read())
            # A file whose first row shows it cannot be imported (a CSV header without a
            # text column, a JSON array) is refused here, not by a job that fails.
            next(read_rows(io.StringIO(text, newline=""), fmt), None)
            self.cleaned_data["text"] = text
        except IngestError as exc:
            message = str(exc)
            if upload.size > MAX_IMPORT_BYTES:
                message += " Import larger files with: manage.py import_articles FILE"
            raise forms.ValidationError(message) from None
        return upload


class ArticleDetailsForm(forms.ModelForm):
    """An analyst's corrections to an article's details, on its page."""

    class Meta:
        model = Article
        fields = ["headline", "outlet", "published_at", "dateline"]
        labels = {"published_at": "Published"}
        widgets = {
            "outlet": QuickSelect,
            "published_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }
