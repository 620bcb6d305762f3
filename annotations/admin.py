from django.contrib import admin

from annotations.models import Annotation, Assignment, AssignmentMember, Change, Label


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ["name", "takes_verdict", "position", "is_active"]
    list_editable = ["position", "is_active"]
    search_fields = ["name"]


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin):
    """Read-only: annotations change (and are deleted) through their services, which keep
    the history and the analyst's ownership; the admin deleted them without a trace."""

    list_display = [
        "id",
        "article",
        "label",
        "verdict",
        "creator",
        "anchor_status",
        "review_status",
    ]
    list_filter = ["label", "verdict", "anchor_status", "review_status", "origin"]
    search_fields = ["exact", "note", "creator__username"]
    list_select_related = ["article", "label", "creator"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "annotation_ref", "article"]
    list_filter = ["action"]
    list_select_related = ["actor", "article"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class MemberInline(admin.TabularInline):
    model = AssignmentMember
    extra = 0


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["id", "article", "event", "blind", "created_by", "created_at"]
    raw_id_fields = ["article", "event"]
    inlines = [MemberInline]
