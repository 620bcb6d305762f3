"""Writing score rows in bulk (analysis.score_store)."""

import pytest
from django.db import DatabaseError, connection

from analysis.models import Score
from analysis.score_store import ScoreRow, lz4_available, scores_upsert
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# Evidence the size of a real article's (several kB), varied so that it compresses.
EVIDENCE = {"cues": [{"start": i, "end": i + 7, "cue": f"word{i % 97}"} for i in range(400)]}


def test_an_upsert_replaces_the_row_and_keeps_its_evidence_intact():
    article = ArticleFactory()
    row = ScoreRow(article.pk, "framing", "1", {"n": 1}, EVIDENCE)
    scores_upsert(rows=[row])
    scores_upsert(rows=[ScoreRow(article.pk, "framing", "2", {"n": 2}, EVIDENCE)])
    score = Score.objects.get(article=article)
    assert (score.version, score.values, score.evidence) == ("2", {"n": 2}, EVIDENCE)


def test_on_postgresql_with_lz4_long_evidence_is_stored_compressed_with_it():
    if connection.vendor != "postgresql":
        pytest.skip("TOAST compression is PostgreSQL's (CI runs this on PostgreSQL)")
    if not lz4_available():
        pytest.skip("this PostgreSQL server was built without LZ4")
    article = ArticleFactory()
    scores_upsert(rows=[ScoreRow(article.pk, "framing", "1", {"n": 1}, EVIDENCE)])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attcompression FROM pg_attribute WHERE attrelid = "
            "'analysis_score'::regclass AND attname IN ('values', 'evidence') ORDER BY 1"
        )
        assert cursor.fetchall() == [("evidence", "l"), ("values", "l")]
        cursor.execute(
            "SELECT pg_column_compression(evidence) FROM analysis_score WHERE article_id = %s",
            [article.pk],
        )
        assert cursor.fetchone()[0] == "lz4"


def test_evidence_reads_back_in_the_scorers_key_order_and_as_json_on_postgresql():
    # Kept as json text, not parsed into jsonb (which sorts keys by length): a page
    # lists the evidence's entries in the order the scorer gave them.
    article = ArticleFactory()
    evidence = {"sentences": [1], "by": {"zeta": 1, "alpha": 2}, "a": []}
    scores_upsert(rows=[ScoreRow(article.pk, "framing", "1", {"n": 1}, evidence)])
    stored = Score.objects.get(article=article).evidence
    assert list(stored) == ["sentences", "by", "a"]
    assert list(stored["by"]) == ["zeta", "alpha"]
    assert Score.objects.values_list("evidence", flat=True).get(article=article) == evidence
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                'SELECT pg_typeof(evidence)::text, pg_typeof("values")::text '
                "FROM analysis_score WHERE article_id = %s",
                [article.pk],
            )
            assert cursor.fetchone() == ("json", "jsonb")


def test_evidence_saved_through_the_orm_reads_back_as_saved():
    article = ArticleFactory()
    score = Score.objects.create(article=article, scorer="tone", version="1", evidence=EVIDENCE)
    score.evidence = {"changed": [1, 2]}
    score.save()
    assert Score.objects.get(pk=score.pk).evidence == {"changed": [1, 2]}


def test_a_connection_killed_during_the_copy_raises_djangos_database_error(monkeypatch):
    # pg_terminate_backend during the COPY: psycopg raises AdminShutdown, which the
    # scoring task retries only as Django's DatabaseError.
    if connection.vendor != "postgresql":
        pytest.skip("the COPY path is PostgreSQL's (CI runs this on PostgreSQL)")
    import psycopg

    from analysis import score_store

    def killed(value):
        raise psycopg.errors.AdminShutdown("terminating connection due to administrator command")

    article = ArticleFactory()
    monkeypatch.setattr(score_store, "_dumps", killed)
    with pytest.raises(DatabaseError) as caught:
        scores_upsert(rows=[ScoreRow(article.pk, "framing", "1", {"n": 1}, EVIDENCE)])
    assert isinstance(caught.value.__cause__, psycopg.errors.AdminShutdown)


def test_the_database_keeps_attributions_sources_apart_for_the_outlet_report():
    # A generated column: filled by the database however the row is written (COPY,
    # bulk insert, the ORM), for attribution rows alone.
    article = ArticleFactory()
    sources = [{"name": "Mary Hollis", "type": "named_person", "count": 2}]
    scores_upsert(
        rows=[
            ScoreRow(
                article.pk, "attribution", "4", {"n": 1}, {"attributions": [], "sources": sources}
            ),
            ScoreRow(article.pk, "framing", "1", {"n": 1}, {"sources": ["not these"]}),
        ]
    )
    stored = dict(Score.objects.filter(article=article).values_list("scorer", "sources"))
    assert stored == {"attribution": sources, "framing": None}
    row = Score.objects.get(article=article, scorer="attribution")
    row.evidence = {"sources": []}
    row.save()
    row.refresh_from_db()
    assert row.sources == []
