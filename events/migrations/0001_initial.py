# The event comparison moves here from the analysis app. Its table stays where it is
# (analysis_eventcomparison): only Django's record of which app owns it changes, so no
# row is copied or lost.

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import analysis.models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("analysis", "0009_merge_languages_and_reliability"),
        ("newsdesk", "0015_merge_storylines"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EventComparison",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("data", analysis.models.ScoreJSONField(default=dict)),
                        ("stale", models.BooleanField(default=True)),
                        (
                            "stale_since",
                            models.DateTimeField(
                                blank=True, default=django.utils.timezone.now, null=True
                            ),
                        ),
                        ("computed_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "event",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="comparison",
                                to="newsdesk.event",
                            ),
                        ),
                    ],
                    options={"db_table": "analysis_eventcomparison"},
                )
            ],
            database_operations=[],
        )
    ]
