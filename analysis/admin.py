from django.contrib import admin

from analysis.models import Score, ScoringBatch


@admin.register(Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ["article", "scorer", "version", "updated_at"]
    list_filter = ["scorer", "version"]
    raw_id_fields = ["article"]


@admin.register(ScoringBatch)
class ScoringBatchAdmin(admin.ModelAdmin):
    list_display = ["label", "total", "done", "failed", "created_at"]
