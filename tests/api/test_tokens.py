import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken
from api.services import token_create, token_hash, token_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_only_a_hash_of_the_token_is_stored(analyst):
    token, raw = token_create(user=analyst, name="notebook")

    assert raw.startswith("nd_") and len(raw) > 40
    assert token.key_hash == token_hash(raw)
    assert raw not in {token.key_hash, token.prefix, token.name}
    assert raw.startswith(token.prefix)


def test_a_token_finds_its_user_and_records_its_use(analyst):
    token, raw = token_create(user=analyst, name="notebook")

    assert token_user(raw=raw) == analyst
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_last_use_is_written_at_most_every_few_minutes(analyst, django_assert_num_queries):
    token, raw = token_create(user=analyst, name="notebook")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())

    with django_assert_num_queries(1):
        token_user(raw=raw)

    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - dt.timedelta(hours=1))
    with django_assert_num_queries(2):
        token_user(raw=raw)


@pytest.mark.parametrize("raw", ["", "nd_wrong", "x" * 500])
def test_an_unknown_token_finds_nobody(analyst, raw):
    token_create(user=analyst, name="notebook")

    assert token_user(raw=raw) is None


def test_a_deactivated_users_tokens_stop_working(analyst_api, analyst):
    analyst.is_active = False
    analyst.save()

    response = analyst_api.get(reverse("api:article-list"))

    assert response.status_code == 401


def test_a_revoked_token_stops_working(analyst_api):
    ApiToken.objects.get().delete()

    assert analyst_api.get(reverse("api:article-list")).status_code == 401


def test_a_token_loses_what_its_user_loses(analyst_api, analyst):
    analyst.groups.clear()

    response = analyst_api.get(reverse("api:article-list"))

    assert response.status_code == 403
    assert response.json() == {"detail": "This endpoint needs the Analyst role."}


def test_the_page_creates_a_token_and_shows_it_once(analyst_client, analyst):
    response = analyst_client.post(reverse("api-token-create"), {"name": "notebook"}, follow=True)

    # Redirected after the POST: reloading the page cannot create a second token.
    assert response.redirect_chain == [(reverse("api-tokens"), 302)]
    token = ApiToken.objects.get(user=analyst)
    raw = response.context["new_token"]
    assert token.key_hash == token_hash(raw)
    assert raw in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    again = analyst_client.get(reverse("api-tokens")).content.decode()
    assert token.prefix in again and raw not in again
    assert ApiToken.objects.filter(user=analyst).count() == 1


def test_the_page_needs_a_name(analyst_client):
    response = analyst_client.post(reverse("api-token-create"), {"name": ""})

    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_the_page_lists_only_the_users_own_tokens(analyst_client, analyst):
    token_create(user=analyst, name="mine")
    token_create(user=UserFactory(), name="theirs")

    response = analyst_client.get(reverse("api-tokens"))

    assert [t.name for t in response.context["tokens"]] == ["mine"]


def test_the_page_revokes_a_token(analyst_client, analyst):
    token, _raw = token_create(user=analyst, name="mine")

    response = analyst_client.post(reverse("api-token-revoke", args=[token.pk]))

    assert response.status_code == 302
    assert not ApiToken.objects.exists()


def test_nobody_revokes_another_users_token(analyst_client):
    token, _raw = token_create(user=UserFactory(), name="theirs")

    response = analyst_client.post(reverse("api-token-revoke", args=[token.pk]))

    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_the_command_creates_lists_and_revokes_tokens(analyst, capsys):
    call_command("api_token", "create", "ana", "--name", "cron job")
    raw = capsys.readouterr().out.strip()
    assert token_user(raw=raw) == analyst

    call_command("api_token", "list", "ana")
    listing = capsys.readouterr().out
    assert "cron job" in listing and raw[:10] in listing and raw not in listing

    call_command("api_token", "revoke", raw[:10])
    assert token_user(raw=raw) is None


def test_the_command_refuses_an_unknown_user(roles):
    with pytest.raises(CommandError, match="No user named"):
        call_command("api_token", "create", "nobody")


def test_an_admin_cannot_make_a_token_for_someone_else_in_the_admin(client, admin_user, analyst):
    # Issue 13: a token made by an admin let the admin act as that person through the API.
    client.force_login(admin_user)  # the Admin role, not a superuser

    response = client.post(
        reverse("admin:api_apitoken_add"), {"user": analyst.pk, "name": "for ana"}
    )

    assert response.status_code == 403
    assert not ApiToken.objects.exists()


def test_an_admin_sees_and_revokes_tokens_in_the_admin(client, admin_user, analyst):
    token, _raw = token_create(user=analyst, name="ana's laptop")
    client.force_login(admin_user)

    listed = client.get(reverse("admin:api_apitoken_changelist")).content.decode()
    client.post(reverse("admin:api_apitoken_delete", args=[token.pk]), {"post": "yes"})

    assert "ana&#x27;s laptop" in listed or "ana's laptop" in listed
    assert not ApiToken.objects.exists()


# Expiry


def test_a_new_token_expires_after_ninety_days_unless_told_otherwise(analyst):
    before = timezone.now()
    token, _ = token_create(user=analyst, name="notebook")
    forever, _ = token_create(user=analyst, name="service", lifetime=None)

    assert (
        before + dt.timedelta(days=90) <= token.expires_at <= timezone.now() + dt.timedelta(days=90)
    )
    assert forever.expires_at is None and not forever.expired


def test_an_expired_token_is_refused_with_a_reason(analyst_api):
    ApiToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))

    response = analyst_api.get(reverse("api:article-list"))

    assert response.status_code == 401
    assert "expired" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_token_works_until_it_expires(analyst_api):
    ApiToken.objects.update(expires_at=timezone.now() + dt.timedelta(minutes=1))

    assert analyst_api.get(reverse("api:article-list")).status_code == 200


@pytest.mark.parametrize(("choice", "days"), [("30", 30), ("365", 365), ("never", None)])
def test_the_page_creates_a_token_with_the_chosen_lifetime(analyst_client, analyst, choice, days):
    analyst_client.post(reverse("api-token-create"), {"name": "nb", "lifetime": choice})

    token = ApiToken.objects.get(user=analyst)
    if days is None:
        assert token.expires_at is None
    else:
        left = token.expires_at - timezone.now()
        assert dt.timedelta(days=days) - dt.timedelta(minutes=1) < left <= dt.timedelta(days=days)


def test_the_page_shows_when_each_token_expires(analyst_client, analyst):
    token_create(user=analyst, name="old", lifetime=dt.timedelta(days=1))
    token_create(user=analyst, name="forever", lifetime=None)
    ApiToken.objects.filter(name="old").update(expires_at=timezone.now() - dt.timedelta(days=2))

    html = analyst_client.get(reverse("api-tokens")).content.decode()

    assert "<strong>expired</strong>" in html
    assert ">never</td>" in html


def test_the_command_sets_the_lifetime(analyst, capsys):
    call_command("api_token", "create", analyst.username, "--days", "7")
    call_command("api_token", "create", analyst.username, "--name", "service", "--days", "0")

    week, forever = ApiToken.objects.order_by("id")
    assert dt.timedelta(days=6) < week.expires_at - timezone.now() <= dt.timedelta(days=7)
    assert forever.expires_at is None
    with pytest.raises(CommandError):
        call_command("api_token", "create", analyst.username, "--days", "-1")


# Rate limit


def test_a_token_past_its_requests_per_minute_gets_429_and_when_to_retry(
    analyst_api, analyst, client, settings
):
    settings.NEWSDESK_API_RATE_LIMIT = 3
    url = reverse("api:article-list")

    codes = [analyst_api.get(url).status_code for _ in range(4)]

    assert codes == [200, 200, 200, 429]
    refused = analyst_api.get(url)
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "3 requests in a minute" in refused.json()["detail"]
    # Another token of the same user has its own count.
    _, other = token_create(user=analyst, name="second")
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {other}").status_code == 200


def test_the_schema_documents_the_429_answer(client):
    schema = client.get(reverse("api:openapi-json")).json()

    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert operations and all("429" in op["responses"] for op in operations)
