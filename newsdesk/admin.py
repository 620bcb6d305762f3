from django.contrib import admin, messages
from django.db.models import Count

from newsdesk.models import Article, Event, Feed, Outlet, OutletDomain


class OutletDomainInline(admin.TabularInline):
    model = OutletDomain
    extra = 1


class FeedInline(admin.TabularInline):
    model = Feed
    extra = 1
    fields = ["url", "is_active", "last_polled_at", "last_error"]
    readonly_fields = ["last_polled_at", "last_error"]


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

    @admin.display(ordering="article_count", description="articles")
    def article_count(self, obj: Outlet) -> int:
        return obj.article_count

    @admin.action(description="Activate selected outlets")
    def activate(self, request, queryset):
        count = queryset.update(is_active=True)
        self.message_user(request, f"Activated {count} outlet(s).", messages.SUCCESS)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["url", "outlet", "is_active", "last_polled_at", "has_error"]
    list_filter = ["is_active", "outlet"]
    search_fields = ["url", "outlet__name"]
    autocomplete_fields = ["outlet"]

    @admin.display(boolean=True, description="error")
    def has_error(self, obj: Feed) -> bool:
        return bool(obj.last_error)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
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
