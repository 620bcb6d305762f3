"""Responses vary on HX-Request, so that the browser never shows a page's htmx fragment
as the page (common.htmx; found in a pages audit)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/articles/", "/scoring/"])
def test_a_page_and_its_fragment_vary_on_hx_request(analyst_client, path):
    page = analyst_client.get(path)
    fragment = analyst_client.get(path, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="scoring-counts")

    assert len(fragment.content) < len(page.content)  # the same address, a part of the page
    for response in (page, fragment):
        assert "HX-Request" in [v.strip() for v in response["Vary"].split(",")]
