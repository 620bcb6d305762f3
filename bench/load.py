"""Load: 20 simulated analysts against gunicorn, PostgreSQL and a Celery worker on Redis.

The script builds a fresh database (default ``newsdesk_load`` on 127.0.0.1), loads the
demo corpus, creates the analysts with API tokens, starts gunicorn and a Celery worker,
then runs the analysts from a second process on 127.0.0.1 for the given time. Each
analyst browses (the article list and article pages, as HTML, signed in), ingests articles
(the JSON API) and annotates them (the JSON API), in random order with short pauses.

It prints requests/s, p50/p95/p99 latency per kind of request, the error count, and then
a consistency check: every article and annotation the analysts were told was created is
stored exactly once, and nothing else with their markers is.

Run: .venv/bin/python bench/load.py [--seconds 60] [--analysts 20] [--gunicorn-workers 3]
Needs PostgreSQL and Redis (DATABASE_URL / CELERY_BROKER_URL override the defaults).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
DATABASE = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsdesk_load")
BROKER = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
PASSWORD = "load-test-password-1"


def server_env() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "",
        "SECRET_KEY": "bench-load-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_COOKIES": "0",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": DATABASE,
        "CELERY_BROKER_URL": BROKER,
        "CELERY_TASK_DEFAULT_QUEUE": f"newsdesk-load-{os.getpid()}",
        "CELERY_GROUPING_QUEUE": f"newsdesk-load-{os.getpid()}-grouping",
        "CELERY_FEEDS_QUEUE": f"newsdesk-load-{os.getpid()}-feeds",
    }


def manage(*args: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare(env: dict, analysts: int) -> dict[str, str]:
    """A fresh database with the demo corpus and the analysts; their API tokens."""
    import psycopg

    name = DATABASE.rsplit("/", 1)[1]
    admin_url = DATABASE.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--noinput", env=env)
    manage("load_demo", env=env)
    script = f"""
import json
from api.services import token_create
from newsdesk.groups import ensure_role_groups
from newsdesk.roles import ANALYST
from django.contrib.auth.models import Group, User
ensure_role_groups()
tokens = {{}}
for i in range({analysts}):
    user = User.objects.create_user(f"load{{i}}", password="{PASSWORD}")
    user.groups.add(Group.objects.get(name=ANALYST))
    tokens[user.username] = token_create(user=user, name="load")[1]
print(json.dumps(tokens))
"""
    out = manage("shell", "-c", script, env=env)
    return json.loads(out.strip().splitlines()[-1])


def start(env: dict, gunicorn_workers: int, log_dir: Path) -> list[subprocess.Popen]:
    bin_dir = Path(sys.executable).parent
    gunicorn = subprocess.Popen(
        [
            str(bin_dir / "gunicorn"),
            "config.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(gunicorn_workers),
            "--threads",
            "4",
        ],
        cwd=ROOT,
        env=env,
        stdout=(log_dir / "gunicorn.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(
        [
            str(bin_dir / "celery"),
            "-A",
            "config",
            "worker",
            "--concurrency=1",
            "--loglevel=warning",
            "-Q",
            f"{env['CELERY_TASK_DEFAULT_QUEUE']},{env['CELERY_GROUPING_QUEUE']},"
            f"{env['CELERY_FEEDS_QUEUE']}",
        ],
        cwd=ROOT,
        env=env,
        stdout=(log_dir / "worker.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    import urllib3

    http = urllib3.PoolManager()
    deadline = time.monotonic() + 60
    while True:
        try:
            if http.request("GET", f"{BASE}/login/", timeout=2).status == 200:
                break
        except urllib3.exceptions.HTTPError:
            pass
        if time.monotonic() > deadline:
            sys.exit("gunicorn did not start: " + (log_dir / "gunicorn.log").read_text())
        time.sleep(0.3)
    return [gunicorn, worker]


# --- The analysts (run in a second process) -------------------------------------------


class Analyst(threading.Thread):
    def __init__(self, username: str, token: str, until: float, results: dict, lock) -> None:
        super().__init__(daemon=True)
        import urllib3

        self.username, self.token, self.until = username, token, until
        self.results, self.lock = results, lock
        # A kept-alive connection the server has just closed fails on reuse; like a
        # browser, retry a GET once then (never a POST: it could store twice).
        retry_get = urllib3.Retry(
            total=1, allowed_methods=frozenset({"GET"}), status=0, redirect=0, raise_on_status=False
        )
        self.http = urllib3.PoolManager(maxsize=2, retries=retry_get, timeout=30)
        self.cookies: dict[str, str] = {}
        self.rng = random.Random(username)
        self.article_ids: list[int] = []

    def request(self, kind: str, method: str, path: str, **kwargs):
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        try:
            response = self.http.request(method, BASE + path, headers=headers, **kwargs)
        except Exception as exc:  # a refused or timed-out request is an error, not a crash
            self.record(kind, time.perf_counter() - started, f"{type(exc).__name__}")
            return None
        elapsed = time.perf_counter() - started
        for header in response.headers.getlist("Set-Cookie"):
            key, _, rest = header.partition("=")
            self.cookies[key] = rest.split(";", 1)[0]
        ok = response.status < 400 or (kind == "login" and response.status == 302)
        self.record(kind, elapsed, None if ok else f"HTTP {response.status} {path}")
        return response

    def record(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.results["latency"][kind].append(seconds)
            if error:
                self.results["errors"].append(f"{kind}: {error}")

    def api(self, kind: str, method: str, path: str, payload: dict | None = None):
        headers = {"Authorization": f"Bearer {self.token}"}
        body = None
        if payload is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(payload).encode()
        return self.request(kind, method, path, headers=headers, body=body)

    def login(self) -> None:
        page = self.request("login", "GET", "/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.data).group(1)
        self.request(
            "login",
            "POST",
            "/login/",
            fields={
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.decode(),
            },
            encode_multipart=False,
            headers={"Referer": BASE + "/login/"},
            redirect=False,
        )

    def run(self) -> None:
        listing = self.api("api list", "GET", "/api/articles/?page_size=50")
        if listing is not None and listing.status == 200:
            self.article_ids = [a["id"] for a in json.loads(listing.data)["items"]]
        while time.monotonic() < self.until:
            action = self.rng.choices(("browse", "ingest", "annotate"), (6, 2, 2))[0]
            getattr(self, action)()
            time.sleep(self.rng.uniform(0.05, 0.3))

    def browse(self) -> None:
        page = self.rng.randint(1, 2)
        self.request("page: article list", "GET", f"/articles/?page={page}")
        if self.article_ids:
            pk = self.rng.choice(self.article_ids)
            self.request("page: article", "GET", f"/articles/{pk}/")

    def ingest(self) -> None:
        marker = f"LOADMARK{uuid.uuid4().hex}"
        text = (
            f"Load test article {marker}, written by bench/load.py. "
            f"Officials said on Monday that {self.rng.randint(10, 5000)} people had crossed "
            f"the border since the weekend. The minister warned that the situation was "
            f"serious, and aid groups said supplies were running low.\n\n"
            f"A spokesman added that talks would resume. {marker} ends here."
        )
        response = self.api(
            "api: ingest", "POST", "/api/articles/", {"text": text, "headline": marker}
        )
        if response is not None and response.status == 201:
            pk = json.loads(response.data)["id"]
            self.article_ids.append(pk)
            with self.lock:
                self.results["articles"].append((marker, pk))

    def annotate(self) -> None:
        if not self.article_ids:
            return
        pk = self.rng.choice(self.article_ids)
        marker = f"LOADNOTE{uuid.uuid4().hex}"
        payload = {"article": pk, "start": 0, "end": 20, "label": "Claim", "note": marker}
        payload["verdict"] = "unverifiable"
        response = self.api("api: annotate", "POST", "/api/annotations/", payload)
        if response is not None and response.status == 201:
            with self.lock:
                self.results["annotations"].append((marker, json.loads(response.data)["id"]))


def drive(tokens: dict[str, str], seconds: float, out: Path) -> None:
    results = {"latency": defaultdict(list), "errors": [], "articles": [], "annotations": []}
    lock = threading.Lock()
    until = time.monotonic() + seconds
    analysts = [Analyst(u, t, until, results, lock) for u, t in tokens.items()]
    # Signing in hashes a password on purpose slowly (PBKDF2): the analysts sign in once,
    # before the clock starts, and those requests are reported apart.
    for analyst in analysts:
        analyst.login()
    until = time.monotonic() + seconds
    for analyst in analysts:
        analyst.until = until
    started = time.monotonic()
    for analyst in analysts:
        analyst.start()
    for analyst in analysts:
        analyst.join()
    results["elapsed"] = time.monotonic() - started
    out.write_text(json.dumps(results))


# --- Report -----------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report(results: dict, env: dict) -> int:
    latency = results["latency"]
    logins = latency.pop("login", [])
    if logins:
        print(
            f"sign-in before the run: {len(logins)} requests, p50 {1000 * statistics.median(logins):.0f} ms"
        )
    total = sum(len(v) for v in latency.values())
    print(f"{total} requests in {results['elapsed']:.1f} s: {total / results['elapsed']:.1f} req/s")
    print(f"{'request':<22}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    everything = [x for v in latency.values() for x in v]
    for kind, values in sorted(latency.items()) + [("all", everything)]:
        print(
            f"{kind:<22}{len(values):>7}{1000 * statistics.median(values):>9.0f}"
            f"{1000 * percentile(values, 95):>9.0f}{1000 * percentile(values, 99):>9.0f}"
        )
    errors = results["errors"]
    print(f"errors: {len(errors)}")
    for line in errors[:10]:
        print("  ", line)
    script = f"""
import json
from annotations.models import Annotation
from newsdesk.models import Article
articles = json.loads({json.dumps(json.dumps(results["articles"]))})
notes = json.loads({json.dumps(json.dumps(results["annotations"]))})
bad = []
for marker, pk in articles:
    found = list(Article.objects.filter(body__contains=marker).values_list("pk", flat=True))
    if found != [pk]:
        bad.append(("article", marker, pk, found))
for marker, pk in notes:
    found = list(Annotation.objects.filter(note=marker).values_list("pk", flat=True))
    if found != [pk]:
        bad.append(("annotation", marker, pk, found))
stray_articles = Article.objects.filter(body__contains="LOADMARK").count() - len(articles)
stray_notes = Annotation.objects.filter(note__startswith="LOADNOTE").count() - len(notes)
print(json.dumps({{"bad": bad, "stray_articles": stray_articles, "stray_notes": stray_notes}}))
"""
    check = json.loads(manage("shell", "-c", script, env=env).strip().splitlines()[-1])
    consistent = not check["bad"] and not check["stray_articles"] and not check["stray_notes"]
    print(
        f"consistency: {len(results['articles'])} articles and {len(results['annotations'])} "
        f"annotations written, each stored exactly once: {'yes' if consistent else 'NO'}"
    )
    if not consistent:
        print("  ", check)
    return 0 if consistent and not errors else 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--analysts", type=int, default=20)
    parser.add_argument("--gunicorn-workers", type=int, default=3)
    parser.add_argument("--drive", help=argparse.SUPPRESS)  # the second process
    args = parser.parse_args()
    if args.drive:
        spec = json.loads(Path(args.drive).read_text())
        drive(spec["tokens"], spec["seconds"], Path(spec["out"]))
        return

    env = server_env()
    tokens = prepare(env, args.analysts)
    log_dir = Path(tempfile.mkdtemp(prefix="newsdesk-load-"))
    processes = start(env, args.gunicorn_workers, log_dir)
    try:
        spec = log_dir / "spec.json"
        out = log_dir / "results.json"
        spec.write_text(json.dumps({"tokens": tokens, "seconds": args.seconds, "out": str(out)}))
        print(
            f"{args.analysts} analysts for {args.seconds:.0f} s against gunicorn "
            f"({args.gunicorn_workers} workers x 4 threads), PostgreSQL and a Celery worker "
            f"on Redis; logs in {log_dir}"
        )
        subprocess.run([sys.executable, __file__, "--drive", str(spec)], check=True)
        status = report(json.loads(out.read_text()), env)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
    sys.exit(status)


if __name__ == "__main__":
    main()
