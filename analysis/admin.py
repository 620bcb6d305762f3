from django.contrib import admin

from analysis.models import Actor, Score, ScoringBatch


@admin.register(Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ["article", "scorer", "version", "updated_at"]
    list_filter = ["scorer", "version"]
    raw_id_fields = ["article"]


@admin.register(ScoringBatch)
class ScoringBatchAdmin(admin.ModelAdmin):
    list_display = ["label", "total", "done", "failed", "created_at"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "alias_list", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases", "notes"]

    @admin.display(description="aliases")
    def alias_list(self, obj: Actor) -> str:
        return ", ".join(obj.aliases)
