"""Score evidence kept as PostgreSQL's json rather than jsonb (see EvidenceJSONField), and
attribution's quoted sources in a generated jsonb column beside it (Score.sources), which
the outlet report aggregates.

Changing a column's type drops its compression setting, so LZ4 (migration 0006) is set
again on the evidence column afterwards, both ways. The type changes before the generated
column is added (PostgreSQL cannot change the type of a column that one reads) and after
it is removed. SQLite: the evidence column stays as it was; the generated column is added.
"""

from django.db import migrations, models

import analysis.models

# Kept here rather than imported: a migration must not change with the code around it.
LZ4_AVAILABLE = (
    "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
)


def evidence_lz4(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(LZ4_AVAILABLE)
        if not cursor.fetchone()[0]:
            return
    schema_editor.execute("ALTER TABLE analysis_score ALTER COLUMN evidence SET COMPRESSION lz4")


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0011_score_article_index_in_unique"),
    ]

    operations = [
        # Undoing: LZ4 again once the column is jsonb again.
        migrations.RunPython(migrations.RunPython.noop, evidence_lz4),
        migrations.AlterField(
            model_name="score",
            name="evidence",
            field=analysis.models.EvidenceJSONField(default=dict),
        ),
        migrations.RunPython(evidence_lz4, migrations.RunPython.noop),
        migrations.AddField(
            model_name="score",
            name="sources",
            field=models.GeneratedField(
                db_persist=True,
                expression=analysis.models.AttributionSources(),
                output_field=models.JSONField(),
            ),
        ),
    ]
