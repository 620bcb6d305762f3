from django.contrib import admin, messages

from api import services
from api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "expires_at"]
    list_filter = ["created_at", "last_used_at", "expires_at"]
    search_fields = ["name", "prefix", "user__username"]
    fields = ["user", "name", "expires_at", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    autocomplete_fields = ["user"]

    def has_change_permission(self, request, obj=None) -> bool:
        # A token is created or revoked (deleted), not edited.
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change) -> None:
        # The expiry as chosen in the form; empty: never.
        token, raw = services.token_create(
            user=obj.user, name=obj.name, lifetime=None, expires_at=obj.expires_at
        )
        obj.pk, obj.prefix, obj.key_hash = token.pk, token.prefix, token.key_hash
        messages.warning(
            request, f"The new token for {obj.user} is {raw} — copy it now, it is not shown again."
        )
