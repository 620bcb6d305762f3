from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsdeskConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsdesk"
    verbose_name = "Newsroom"

    def ready(self) -> None:
        from newsdesk.groups import ensure_role_groups

        post_migrate.connect(ensure_role_groups, sender=self)
