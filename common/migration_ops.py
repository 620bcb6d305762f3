"""Operations for migrations that move a model from one app to another, keeping its table."""

from django.db import migrations


def move_content_type(model: str, from_app: str, to_app: str) -> migrations.RunPython:
    """The model's content type (and the permissions and admin history pointing at it)
    follows the model to its new app; backwards, it goes back."""

    def move(source: str, target: str):
        def run(apps, schema_editor):
            ContentType = apps.get_model("contenttypes", "ContentType")
            # One the target app already got (a migrate run after the move) yields.
            ContentType.objects.filter(app_label=target, model=model).delete()
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)

        return run

    return migrations.RunPython(move(from_app, to_app), move(to_app, from_app))
