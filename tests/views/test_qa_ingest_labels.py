"""Found in a QA pass: the three forms of "Add an article" repeated the ids id_outlet,
id_published and id_url, so the fetch form's "Article URL" label (and the upload form's
"Outlet" and "Published") pointed at the paste form's fields: clicking a label, or a screen
reader, went to the wrong form."""

import re
from collections import Counter

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _labels_and_ids(html: str) -> tuple[list[str], Counter]:
    return re.findall(r'<label for="([^"]+)"', html), Counter(re.findall(r' id="([^"]+)"', html))


@pytest.mark.parametrize("method", ["get", "post-paste", "post-upload", "post-fetch"])
def test_every_label_on_the_add_article_page_names_one_field_of_its_own_form(
    analyst_client, method
):
    if method == "get":
        response = analyst_client.get(reverse("article-new"))
    else:
        # A refused form comes back beside two fresh ones: the ids must stay apart too.
        response = analyst_client.post(reverse("article-" + method.split("-")[1]), {})
    html = response.content.decode()
    labels, ids = _labels_and_ids(html)

    assert not [i for i, n in ids.items() if n > 1]
    assert all(ids[target] == 1 for target in labels)
    for form_html in re.findall(r"<form .*?</form>", html, flags=re.S):
        form_labels, form_ids = _labels_and_ids(form_html)
        assert all(form_ids[target] == 1 for target in form_labels)
    # The fetch form's label names the fetch form's own box.
    fetch = re.search(r'<section class="card" id="fetch">.*?</section>', html, re.S).group(0)
    assert re.search(r'<label for="fetch_url">Article URL</label>', fetch)
    assert 'id="fetch_url"' in fetch
