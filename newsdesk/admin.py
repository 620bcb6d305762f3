from django.contrib import admin, messages
from django.db import models
from django.db.models import Count

from newsdesk.models import Article, Event, Feed, Outlet, OutletDomain

# An address typed without its scheme ("example.org/feed") is taken as https, as
# browsers do (Django 5's forms still assume http, and warn that this will change).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class OutletDomainInline(admin.TabularInline):
    model = OutletDomain
    extra = 1


class FeedInline(admin.TabularInline):
    model = Feed
    extra = 1
    formfield_overrides = HTTPS_URLS
    fields = ["url", "is_active", "poll_interval", "last_success_at", "last_error"]
    readonly_fields = ["last_success_at", "last_error"]


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "country",
        "language",
        "state_affiliated",
        "leaning",
        "reliability",
        "is_active",
        "article_count",
    ]
    list_filter = ["is_active", "state_affiliated", "country", "leaning", "reliability", "language"]
    search_fields = ["name", "owner", "domains__domain", "notes"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OutletDomainInline, FeedInline]
    actions = ["activate"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "is_active",
                    "country",
                    "language",
                    "owner",
                    "state_affiliated",
                ]
            },
        ),
        ("Political leaning", {"fields": ["leaning", "leaning_source", "leaning_rated_on"]}),
        ("Reliability", {"fields": ["reliability", "reliability_source", "reliability_rated_on"]}),
        ("Notes", {"fields": ["notes"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        from analysis.event_report import OUTLET_FIELDS, outlets_compared_events

        # Saving marked the comparisons of the outlet's events stale (analysis.receivers,
        # whatever saves an outlet); the admin says so.
        if change and set(form.changed_data) & set(OUTLET_FIELDS):
            stale = len(outlets_compared_events(outlet_ids=[obj.pk]))
            if stale:
                self.message_user(
                    request,
                    f"The comparisons of {stale} event(s) covered by {obj.name} are being "
                    "recomputed with these details.",
                    messages.INFO,
                )

    @admin.display(ordering="article_count", description="articles")
    def article_count(self, obj: Outlet) -> int:
        return obj.article_count

    @admin.action(description="Activate selected outlets")
    def activate(self, request, queryset):
        count = queryset.update(is_active=True)
        self.message_user(request, f"Activated {count} outlet(s).", messages.SUCCESS)


class FeedHealthFilter(admin.SimpleListFilter):
    title = "health"
    parameter_name = "health"

    def lookups(self, request, model_admin):
        return [("failing", "Failing"), ("ok", "Polling fine"), ("never", "Not polled yet")]

    def queryset(self, request, queryset):
        if self.value() == "failing":
            return queryset.filter(failures__gt=0)
        if self.value() == "ok":
            return queryset.filter(failures=0, last_success_at__isnull=False)
        if self.value() == "never":
            return queryset.filter(last_polled_at__isnull=True)
        return queryset


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = [
        "url",
        "outlet",
        "is_active",
        "health",
        "last_success_at",
        "last_error_at",
        "short_error",
        "articles_found",
        "next_poll_at",
        "poll_interval",
    ]
    list_filter = ["is_active", FeedHealthFilter, "outlet"]
    search_fields = ["url", "outlet__name"]
    autocomplete_fields = ["outlet"]
    list_select_related = ["outlet"]
    actions = ["poll_now"]
    # The poller writes these; the form shows them after what a person edits.
    readonly_fields = [
        "health",
        "last_result",
        "last_polled_at",
        "last_success_at",
        "last_error_at",
        "last_error",
        "failures",
        "articles_found",
    ]
    fields = ["outlet", "url", "is_active", "poll_interval", *readonly_fields, "next_poll_at"]

    @admin.display(description="health")
    def health(self, obj: Feed) -> str:
        return obj.health()

    @admin.display(description="last error")
    def short_error(self, obj: Feed) -> str:
        return obj.last_error[:80] + ("…" if len(obj.last_error) > 80 else "")

    @admin.action(description="Poll selected feeds now")
    def poll_now(self, request, queryset):
        from newsdesk.tasks import poll_feed

        # Sent to the workers: a poll fetches many pages, too long for a request. A feed
        # that is being polled already is left to that poll (feed_poll checks).
        ids = list(queryset.values_list("pk", flat=True))
        for pk in ids:
            poll_feed.delay_on_commit(pk)
        self.message_user(
            request,
            f"Polling {len(ids)} feed(s) in the background; reload this page for the results.",
            messages.SUCCESS,
        )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["headline", "outlet", "published_at", "ingest_method", "scoring_status"]
    list_filter = ["scoring_status", "ingest_method", "outlet"]
    search_fields = ["headline", "url", "body"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["outlet", "event"]
    readonly_fields = ["raw", "content_hash", "created_at", "updated_at", "created_by"]
    list_select_related = ["outlet"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_on", "ends_on"]
    search_fields = ["title"]
