from django.core.management.base import BaseCommand

from annotations.services import lexicon_additions_apply


class Command(BaseCommand):
    help = (
        "Write the admins' pending lexicon additions into the lexicon files (new version); "
        "then restart the workers and run manage.py rescore."
    )

    def handle(self, *args, **options):
        versions = lexicon_additions_apply()
        if not versions:
            self.stdout.write("No pending lexicon additions.")
            return
        for scorer, version in versions.items():
            self.stdout.write(f"{scorer}: lexicon version {version}")
        self.stdout.write("Restart the web and Celery workers, then run: manage.py rescore")
