from django.contrib import admin

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

    def has_add_permission(self, request) -> bool:
        # Tokens are made by their owner (on "API tokens", or by the server's operator
        # with manage.py api_token): an admin making one could act as anyone.
        return False
