from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo corpus and users (management commands load_demo, create_demo_users): on
    top of every other app, since loading the demo stores, scores, groups and compares."""

    name = "demo"
    verbose_name = "Demo"
