# The grouping index (ArticleTerm) now belongs to the events app, which took it over with
# its table in events 0002; newsdesk lets go of it, and its content type follows it.

from django.db import migrations

from common.migration_ops import move_content_type


class Migration(migrations.Migration):
    dependencies = [
        ("newsdesk", "0015_merge_storylines"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0002_grouping_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ArticleTerm")],
            database_operations=[],
        ),
        move_content_type("articleterm", "newsdesk", "events"),
    ]
