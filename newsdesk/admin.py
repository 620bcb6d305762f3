from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count

from newsdesk.models import Article, Event, Feed, Outlet, OutletDomain
from newsdesk.outlet_names import look_alike_warning
from newsdesk.roles import ADMIN, RANKS
from newsdesk.tasks import poll_feed

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
        "name_check",
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

    @admin.display(description="name check")
    def name_check(self, obj: Outlet) -> str:
        return "look-alike letters" if look_alike_warning(obj.name) else ""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if warning := look_alike_warning(obj.name):
            self.message_user(request, warning, messages.WARNING)

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


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Superusers see Django's user pages; an Admin sees users and gives them roles, and
    nothing else (not their permissions, not superuser status, not their passwords)."""

    role_fieldsets = ((None, {"fields": ("username", "groups")}),)

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser or obj is None:
            return super().get_fieldsets(request, obj)
        return self.role_fieldsets

    def get_form(self, request, obj=None, **kwargs):
        if not request.user.is_superuser and obj is not None:
            # Django's user form declares the password field whatever the fieldsets say.
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ("username",)

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser:
            raise PermissionDenied("Only a superuser sets another person's password.")
        return super().user_change_password(request, id, form_url)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=RANKS)
            kwargs["help_text"] = "Analyst, Editor or Admin; each includes the ones before."
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # The Admin role is what opens the Django admin.
        user = form.instance
        is_staff = user.is_superuser or user.groups.filter(name=ADMIN).exists()
        if user.is_staff != is_staff:
            user.is_staff = is_staff
            user.save(update_fields=["is_staff"])
