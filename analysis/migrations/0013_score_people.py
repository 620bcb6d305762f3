"""The people of an actors row with the tone toward them, in a generated column beside its
evidence (Score.people; jsonb on PostgreSQL), which the outlet report aggregates, as it
does attribution's quoted sources (migration 0012)."""

from django.db import migrations, models

import analysis.models


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0012_score_evidence_as_json"),
    ]

    operations = [
        migrations.AddField(
            model_name="score",
            name="people",
            field=models.GeneratedField(
                db_persist=True,
                expression=analysis.models.ActorsPeople(),
                output_field=models.JSONField(),
            ),
        ),
    ]
