"""Replay the hostile inputs of issue 13 against a running Newsdesk and count what broke.

    python bench/probe.py http://127.0.0.1:8000 --user analyst --password PW \\
        [--editor USER:PW] [--admin USER:PW] [--token nd_...] [--wait 120]

Every request is an ordinary client's: a login, the pages' forms with their CSRF token,
the API with a bearer token (made on the API tokens page if --token is not given). What
it sends is written for the probe (dates, NUL, long runs of punctuation, look-alike
outlet names, IPv6 forms of private addresses, a spoofed X-Forwarded-Proto); it stores a
few articles, annotations and one API token in the target, each marked with a nonce.

It prints one line per check and a summary: server errors (5xx), rows lost (good import
rows that never appear), checks failed, and whether the scoring of hostile texts finished
within --wait seconds (a stalled or killed worker leaves them queued). The exit status is
0 only if all is well. Other probes are added with the @probe decorator: a function that
takes the Probe and records results with probe.check(...).

Standard library only, so that it runs from any machine with Python 3.11.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import re
import secrets
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

PROBES: list[tuple[str, Callable]] = []


def probe(name: str) -> Callable:
    def register(func: Callable) -> Callable:
        PROBES.append((name, func))
        return func

    return register


@dataclass
class Response:
    status: int
    body: str
    headers: dict
    seconds: float

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Client:
    base: str
    token: str = ""
    timeout: float = 120.0
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    def __post_init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect
        )

    def request(
        self,
        method: str,
        path: str,
        *,
        data: dict | None = None,
        body: bytes | None = None,
        json_body=None,
        headers: dict | None = None,
        api: bool = False,
    ) -> Response:
        url = path if path.startswith("http") else self.base + path
        headers = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/json"
        elif data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if api:
            headers["Authorization"] = f"Bearer {self.token}"
        elif method != "GET":
            headers.setdefault("X-CSRFToken", self.csrf())
            headers.setdefault("Referer", self.base + "/")
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=self.timeout) as answer:
                status, raw, got = answer.status, answer.read(), dict(answer.headers)
        except urllib.error.HTTPError as error:
            status, raw, got = error.code, error.read(), dict(error.headers)
        except (TimeoutError, urllib.error.URLError) as error:
            return Response(599, f"no answer: {error}", {}, time.monotonic() - started)
        return Response(status, raw.decode("utf-8", "replace"), got, time.monotonic() - started)

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> Response:
        return self.request("POST", path, **kwargs)

    def csrf(self) -> str:
        for cookie in self.jar:
            if cookie.name == "csrftoken":
                return cookie.value
        self.get("/login/")
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def login(self, username: str, password: str) -> bool:
        page = self.get("/login/")
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        data = {"username": username, "password": password}
        if found:
            data["csrfmiddlewaretoken"] = found.group(1)
        answer = self.post("/login/", data=data)
        return answer.status == 302


def multipart(name: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = "probe" + secrets.token_hex(8)
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


@dataclass
class Probe:
    web: Client
    api: Client
    wait: float
    editor: Client | None = None
    admin: Client | None = None
    nonce: str = field(default_factory=lambda: "probe" + secrets.token_hex(4))
    server_errors: int = 0
    rows_lost: int = 0
    failed: int = 0
    checks: int = 0
    queued: list[int] = field(default_factory=list)  # hostile articles whose scoring we watch

    def check(self, name: str, response: Response | None, ok: bool, note: str = "") -> bool:
        self.checks += 1
        status = response.status if response is not None else "-"
        if response is not None and response.status >= 500:
            self.server_errors += 1
            ok = False
        if not ok:
            self.failed += 1
        took = f"{response.seconds:5.1f}s" if response is not None else "      "
        print(f"{'ok ' if ok else 'BAD'} {status!s:>3} {took} {name}{'  ' + note if note else ''}")
        return ok

    def text(self, n: int) -> str:
        # Written for the probe: enough words to be stored, unique per run and row.
        return (
            f"Harbour officials in Port {self.nonce} said on Tuesday that berth {n} reopened "
            f"after repairs, and that ships of the {self.nonce} line docked again at noon."
        )

    def find(self, query: str) -> list[dict]:
        answer = self.api.get("/api/articles/?" + urllib.parse.urlencode({"q": query}), api=True)
        data = answer.json() or {}
        return data.get("items", []) if answer.status == 200 else []


# --- One row can take pages down -------------------------------------------------------

HOSTILE_DATES = [
    "9999-12-31T23:00:00-05:00",
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:00-23:59",
    "0001-01-01",
    "1899-12-31",
]


@probe("import: implausible dates, extra fields and look-alike outlets")
def import_rows(p: Probe) -> None:
    rows, good = [], []
    for n, published in enumerate(["2024-03-04", *HOSTILE_DATES, "2024-03-05T08:00:00-23:59"]):
        title = f"{p.nonce} import row {n}"
        rows.append({"title": title, "published": published, "text": p.text(n)})
        if n in (0, len(HOSTILE_DATES) + 1):
            good.append(title)
    rows.append(
        {
            "title": f"{p.nonce} import row meta",
            "text": p.text(90),
            "outlet": f"\u0405putnik {p.nonce}",  # a Cyrillic DZE for the Latin S
            "demo": True,
            "note": "written for the demo",
            "event": "made-up",
        }
    )
    good.append(f"{p.nonce} import row meta")
    # The same outlet name with a non-breaking space and in fullwidth letters.
    for n, outlet in enumerate(
        [f"Gazette {p.nonce}", f"Gazette\u00a0{p.nonce}", f"Ｇazette  {p.nonce}"]
    ):
        title = f"{p.nonce} import row outlet {n}"
        rows.append({"title": title, "outlet": outlet, "text": p.text(80 + n)})
        good.append(title)
    content = "\n".join(json.dumps(r) for r in rows).encode()
    body, kind = multipart("file", f"{p.nonce}.jsonl", content)
    answer = p.web.post("/articles/import/", body=body, headers={"Content-Type": kind})
    p.check("POST /articles/import/ with hostile rows", answer, answer.status < 500)
    deadline = time.monotonic() + p.wait
    found: list[dict] = []
    while time.monotonic() < deadline:
        found = [a for a in p.find(p.nonce) if a.get("headline", "").startswith(p.nonce)]
        titles = {a["headline"] for a in found}
        if set(good) <= titles:
            break
        time.sleep(2)
    titles = {a["headline"] for a in found}
    lost = [t for t in good if t not in titles]
    stored_bad = [t for t in titles if t not in good]
    p.rows_lost += len(lost)
    p.check("good import rows stored", None, not lost, f"lost: {lost}" if lost else "")
    p.check(
        "rows with implausible dates refused",
        None,
        not stored_bad,
        f"stored: {stored_bad}" if stored_bad else "",
    )
    meta = next((a for a in found if a["headline"].endswith("row meta")), None)
    if meta:
        detail = p.api.get(f"/api/articles/{meta['id']}/", api=True).json() or {}
        outlet = detail.get("outlet") or {}
        outlet_name = outlet.get("name") if isinstance(outlet, dict) else str(outlet)
        p.check(
            "an import row cannot mark itself as written for the demo",
            None,
            not (detail.get("meta") or {}).get("demo") and not detail.get("is_demo"),
        )
        p.check(
            "a look-alike outlet name is stored as sent (and flagged for the curator)",
            None,
            outlet_name == f"\u0405putnik {p.nonce}",
        )
    slugs = set()
    for article in found:
        if " import row outlet " in article["headline"]:
            outlet = article.get("outlet") or {}
            slugs.add(outlet.get("slug") if isinstance(outlet, dict) else str(outlet))
    p.check("one outlet name in three spellings is one outlet", None, len(slugs) == 1, str(slugs))


@probe("pages after hostile rows; date windows at the ends of the calendar")
def pages(p: Probe) -> None:
    for path in (
        "/",
        "/articles/",
        "/articles/?date_to=9999-12-31",
        "/articles/?date_from=0001-01-01&date_to=0001-01-01",
        "/events/",
        "/outlets/",
        "/reports/outlets/?end=0001-01-01",
        "/reports/outlets/?start=0001-01-01&end=9999-12-31",
        "/reports/blindspots/",
        "/reports/blindspots/?end=0001-01-01",
        "/reports/blindspots/?start=0001-01-01&end=9999-12-31",
        "/annotations/export/?since=0001-01-01&until=9999-12-31&format=csv",
    ):
        client = p.editor or p.web
        answer = client.get(path)
        p.check(f"GET {path}", answer, answer.status < 500)
    for path in ("/api/articles/", "/api/articles/?date_to=9999-12-30", "/api/events/"):
        answer = p.api.get(path, api=True)
        p.check(f"GET {path}", answer, answer.status < 500)


@probe("API: implausible publication dates")
def api_dates(p: Probe) -> None:
    for n, published in enumerate(["0001-01-01", "1899-12-31", "9999-12-30"]):
        answer = p.api.post(
            "/api/articles/",
            json_body={"text": p.text(200 + n), "published": published},
            api=True,
        )
        p.check(f"POST /api/articles/ published={published}", answer, answer.status == 400)


@probe("NUL in paths, filters and hidden fields")
def nul(p: Probe) -> None:
    answer = p.api.get("/api/outlets/%00/", api=True)
    p.check("GET /api/outlets/%00/", answer, answer.status in (400, 404))
    answer = p.api.get("/api/articles/?q=%00", api=True)
    p.check("GET /api/articles/?q=%00", answer, answer.status in (400, 422))
    created = p.api.post(
        "/api/articles/", json_body={"text": p.text(300), "headline": f"{p.nonce} nul"}, api=True
    )
    article = (created.json() or {}).get("id") or (created.json() or {}).get("existing_id")
    if not article:
        p.check("an article to annotate", created, False, created.body[:200])
        return
    for field_name in ("f_label", "f_annotator", "f_verdict"):
        answer = p.web.get(f"/articles/{article}/annotations/?{field_name}=Claim%00")
        p.check(f"GET annotation panel {field_name}=%00", answer, answer.status == 400)
    note = p.api.post(
        "/api/annotations/",
        json_body={"article": article, "quote": "berth 300 reopened", "label": "Claim"},
        api=True,
    )
    annotation = (note.json() or {}).get("id")
    if annotation:
        answer = p.web.post(
            f"/annotations/{annotation}/reply/", data={"text": "probe", "f_label": "\x00"}
        )
        p.check("POST reply with f_label=NUL", answer, answer.status == 400)
    answer = p.web.post(
        f"/articles/{article}/annotations/suggestions/accept/",
        data={"key": "claim:0\x00", "f_annotator": "x\x00"},
    )
    p.check("POST accept with NUL", answer, answer.status == 400)


# --- One text can stall a scoring worker -----------------------------------------------

LONG_RUNS = {"!": "!", "?": "?", ".": ".", "?!": "?!", "…": "…", "spaces": " "}


@probe("long runs of punctuation in texts to score")
def long_runs(p: Probe) -> None:
    for name, unit in LONG_RUNS.items():
        text = p.text(400) + " It passed" + unit * (150_000 // len(unit)) + " and then nothing"
        answer = p.api.post(
            "/api/articles/",
            json_body={"text": text, "headline": f"{p.nonce} run {name}"},
            api=True,
        )
        article = (answer.json() or {}).get("id")
        p.check(f"POST /api/articles/ with 150,000 × {name!r}", answer, answer.status < 500)
        if article:
            p.queued.append(article)


def wait_for_scoring(p: Probe) -> None:
    deadline = time.monotonic() + p.wait
    pending = set(p.queued)
    while pending and time.monotonic() < deadline:
        for article in list(pending):
            data = p.api.get(f"/api/articles/{article}/", api=True).json() or {}
            if data.get("scoring_status") in ("scored", "failed"):
                pending.discard(article)
        if pending:
            time.sleep(2)
    p.check(
        f"hostile texts scored (or failed alone) within {p.wait:.0f} s",
        None,
        not pending,
        f"still waiting: {sorted(pending)}" if pending else "",
    )


# --- Rules that can be walked around ---------------------------------------------------

SSRF_URLS = [
    "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",
    "http://[::127.0.0.1]/",
    "http://[2002:7f00:1::]/",
    "http://[fec0::1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
]


@probe("SSRF: IPv6 forms of private addresses")
def ssrf(p: Probe) -> None:
    for url in SSRF_URLS:
        answer = p.api.post("/api/articles/", json_body={"url": url}, api=True)
        refused = answer.status == 400 and "private or local" in answer.body
        p.check(f"POST /api/articles/ url={url}", answer, refused)


@probe("X-Forwarded-Proto from a plain-http client")
def forwarded_proto(p: Probe) -> None:
    if not p.web.base.startswith("http://"):
        return
    plain = Client(p.web.base).get("/login/")
    spoofed = Client(p.web.base).get("/login/", headers={"X-Forwarded-Proto": "https"})
    if plain.status in (301, 302) and "https://" in plain.headers.get("Location", ""):
        p.check(
            "X-Forwarded-Proto: https over http is not trusted",
            spoofed,
            spoofed.status == plain.status,
        )


@probe("admin role: tokens and passwords of others")
def admin_role(p: Probe) -> None:
    if p.admin is None:
        return
    answer = p.admin.get("/admin/api/apitoken/add/")
    p.check("an admin cannot make tokens for others", answer, answer.status == 403)
    answer = p.admin.get("/admin/auth/group/")
    users = p.admin.get("/admin/auth/user/")
    found = re.search(r"/admin/auth/user/(\d+)/change/", users.body)
    if found:
        answer = p.admin.get(f"/admin/auth/user/{found.group(1)}/password/")
        p.check("an admin cannot set another person's password", answer, answer.status == 403)


def make_token(client: Client, nonce: str) -> str:
    page = client.get("/account/api-tokens/")
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    data = {"name": f"{nonce} probe", "lifetime": "30"}
    if found:
        data["csrfmiddlewaretoken"] = found.group(1)
    client.post("/account/api-tokens/new/", data=data)
    shown = client.get("/account/api-tokens/")
    token = re.search(r"nd_[A-Za-z0-9_\-]{20,}", shown.body)
    return token.group(0) if token else ""


def _logged_in(base: str, spec: str | None) -> Client | None:
    if not spec:
        return None
    username, _, password = spec.partition(":")
    client = Client(base)
    if not client.login(username, password):
        sys.exit(f"Could not log in as {username}.")
    return client


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url")
    parser.add_argument("--user", required=True, help="an analyst's user name")
    parser.add_argument("--password", required=True)
    parser.add_argument("--editor", help="USER:PASSWORD of an editor (reports pages)")
    parser.add_argument("--admin", help="USER:PASSWORD of a non-superuser admin")
    parser.add_argument("--token", help="an API token of the analyst (else one is made)")
    parser.add_argument("--wait", type=float, default=120, help="seconds to wait for workers")
    parser.add_argument("--only", help="run only the probes whose name contains this")
    args = parser.parse_args()
    base = args.base_url.rstrip("/")

    web = _logged_in(base, f"{args.user}:{args.password}")
    nonce = "probe" + secrets.token_hex(4)
    token = args.token or make_token(web, nonce)
    if not token:
        sys.exit("No API token: pass --token.")
    p = Probe(
        web=web,
        api=Client(base, token=token),
        wait=args.wait,
        editor=_logged_in(base, args.editor),
        admin=_logged_in(base, args.admin),
        nonce=nonce,
    )
    for name, func in PROBES:
        if args.only and args.only not in name:
            continue
        print(f"\n# {name}")
        func(p)
    if p.queued:
        print("\n# scoring of the hostile texts")
        wait_for_scoring(p)
    print(
        f"\n{p.checks} checks: {p.server_errors} server errors (5xx), {p.rows_lost} rows lost, "
        f"{p.failed} failed."
    )
    return 0 if not (p.server_errors or p.rows_lost or p.failed) else 1


if __name__ == "__main__":
    sys.exit(main())
