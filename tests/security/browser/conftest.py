# The browser fixtures (one Chromium per session, a page per test) from tests/browser.
from tests.browser.conftest import browser, page  # noqa: F401
