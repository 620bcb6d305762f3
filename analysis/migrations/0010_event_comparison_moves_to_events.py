# The event comparison now belongs to the events app (events 0001 takes it over with its
# table). Here the analysis app lets go of it, and the content type (with the permissions
# and admin history that point at it) follows it to its new app.

from django.db import migrations

from common.migration_ops import move_content_type


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
        move_content_type("eventcomparison", "analysis", "events"),
    ]
