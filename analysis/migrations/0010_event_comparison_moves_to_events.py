# The event comparison now belongs to the events app (events 0001 takes it over with its
# table). Here the analysis app lets go of it, and the content type (with the permissions
# and admin history that point at it) follows it to its new app.

from django.db import migrations


def content_type_to(app_label: str):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        other = "events" if app_label == "analysis" else "analysis"
        # A content type the new app already got (a migrate run after the move) yields.
        ContentType.objects.filter(app_label=app_label, model="eventcomparison").delete()
        ContentType.objects.filter(app_label=other, model="eventcomparison").update(
            app_label=app_label
        )

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0009_merge_languages_and_reliability"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="EventComparison")],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to("events"), content_type_to("analysis")),
    ]
