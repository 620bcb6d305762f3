"""Writing score rows in bulk: one upsert per chunk of articles.

On PostgreSQL the rows travel by COPY into a temporary table and are upserted from
there with one INSERT … ON CONFLICT. A multi-row INSERT with a few thousand parameters
spends more CPU in the client converting the query than the server spends storing
the rows (measured with bench/score.py --celery); COPY streams them instead. Other
databases use Django's bulk_create with the same conflict handling.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import orjson
from django.db import connection
from django.utils import timezone

from analysis.models import Score

_COLUMNS = ("article_id", "scorer", "version", "values", "evidence")
# The staging table lives for the session; ON COMMIT DELETE ROWS empties it each time.
_STAGING = "analysis_score_staging"


LZ4_AVAILABLE = (
    "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
)


def lz4_available() -> bool:
    """Whether the PostgreSQL server was built with LZ4 (a TOAST compression it offers)."""
    with connection.cursor() as cursor:
        cursor.execute(LZ4_AVAILABLE)
        return bool(cursor.fetchone()[0])


@cache
def _json_compression() -> str:
    # Staged values are compressed as migration 0006 has the score table's (LZ4 where the
    # server has it), so that the upsert moves them over as they are. Asked once per
    # process: a server's build does not change under it.
    return " COMPRESSION lz4" if lz4_available() else ""


def _dumps(value: dict) -> str:
    # orjson: a quarter of json's time on score evidence, the largest part of a row.
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


@dataclass(frozen=True)
class ScoreRow:
    article_id: int
    scorer: str
    version: str
    values: dict
    evidence: dict


def scores_upsert(*, rows: Iterable[ScoreRow]) -> None:
    """Insert or replace the (article, scorer) rows; call inside a transaction."""
    rows = list(rows)
    if not rows:
        return
    if connection.vendor == "postgresql":
        _upsert_by_copy(rows)
    else:
        Score.objects.bulk_create(
            [
                Score(
                    article_id=r.article_id,
                    scorer=r.scorer,
                    version=r.version,
                    values=r.values,
                    evidence=r.evidence,
                )
                for r in rows
            ],
            update_conflicts=True,
            unique_fields=["article", "scorer"],
            update_fields=["version", "values", "evidence", "updated_at"],
        )


def _upsert_by_copy(rows: list[ScoreRow]) -> None:
    table = Score._meta.db_table
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {_STAGING} "
            "(article_id bigint, scorer varchar(50), version varchar(20), "
            f'"values" jsonb{_json_compression()}, evidence json{_json_compression()}) '
            "ON COMMIT DELETE ROWS"
        )
        columns = ", ".join(f'"{c}"' for c in _COLUMNS)
        raw = cursor.cursor  # psycopg's own cursor: Django's wrapper has no copy()
        # Its errors as Django's (AdminShutdown becomes an OperationalError, a
        # DatabaseError), so that the scoring task retries the chunk as for any other.
        with (
            connection.wrap_database_errors,
            raw.copy(f"COPY {_STAGING} ({columns}) FROM STDIN") as copy,
        ):
            for r in rows:
                copy.write_row(
                    (r.article_id, r.scorer, r.version, _dumps(r.values), _dumps(r.evidence))
                )
        cursor.execute(
            f"INSERT INTO {table} ({columns}, created_at, updated_at) "
            f"SELECT {columns}, %s, %s FROM {_STAGING} "
            "ON CONFLICT (article_id, scorer) DO UPDATE SET "
            'version = EXCLUDED.version, "values" = EXCLUDED."values", '
            "evidence = EXCLUDED.evidence, updated_at = EXCLUDED.updated_at",
            [now, now],
        )
        cursor.execute(f"TRUNCATE {_STAGING}")
