from django.db import migrations

DEFAULT_LABELS = [
    ("Claim", "A checkable statement of fact.", True),
    ("Framing", "How the story is framed: emphasis, selection, angle.", False),
    ("Sourcing problem", "Missing, anonymous, or one-sided sources.", False),
    ("Loaded language", "Words chosen for their emotional charge.", False),
    ("Missing context", "Something a reader needs to judge this is left out.", False),
    ("Other", "Anything else worth a note.", False),
]


def add_labels(apps, schema_editor):
    Label = apps.get_model("annotations", "Label")
    for position, (name, description, takes_verdict) in enumerate(DEFAULT_LABELS):
        Label.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "takes_verdict": takes_verdict,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("annotations", "0001_initial")]

    operations = [migrations.RunPython(add_labels, migrations.RunPython.noop)]
