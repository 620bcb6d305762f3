"""The scorers run compiled (setup.py, make compile), with the Python source as reference."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import scoring
from analysis.scoring import compiled
from bench.corpus import distinct_articles

ROOT = Path(__file__).resolve().parents[3]
SCORER_MODULES = [p.stem for p in compiled.scorer_sources()]

# Scores the texts given as JSON on stdin with the modules loaded from their source.
INTERPRETED = """
import json, sys
from analysis.scoring import all_scorers, compiled, score_texts
texts = json.load(sys.stdin)
rows = score_texts(texts, all_scorers())
assert compiled.compiled_modules("analysis.scoring") == [], "a compiled module was loaded"
json.dump([[[r.values, r.evidence] for r in row] for row in rows], sys.stdout)
"""


def test_make_compiles_every_scorer_module():
    scoring.all_scorers()
    assert compiled.compiled_modules("analysis.scoring") == SCORER_MODULES, (
        "the scorers run interpreted: run `make compile` (make test does)"
    )


def test_the_compiled_scorers_give_the_interpreted_sources_results(seed_text):
    texts = [seed_text, *distinct_articles(60, seed=21), "", "Ünïcödé only. Ещё строка."]
    expected = subprocess.run(
        [sys.executable, "-c", INTERPRETED],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"NEWSDESK_INTERPRETED_SCORERS": "1", "PATH": "/usr/bin:/bin"},
        check=True,
    ).stdout
    rows = scoring.score_texts(texts, scoring.all_scorers())
    # Through JSON both ways, as the scores are stored.
    got = json.loads(json.dumps([[[r.values, r.evidence] for r in row] for row in rows]))
    assert compiled.compiled_modules("analysis.scoring") == SCORER_MODULES
    assert got == json.loads(expected)


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package with module ``mod`` whose 'build' beside it cannot load at all."""
    directory = tmp_path / "pkg_compiled"
    directory.mkdir()
    (directory / "__init__.py").write_text("")
    source = directory / "mod.py"
    source.write_text("VALUE = 'from source'\n")
    compiled.write_manifest([source], directory)
    (directory / "mod.cpython-311-x86_64-linux-gnu.so").write_bytes(b"not an ELF file")
    (directory / "other.abi3.so").write_bytes(b"")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.delenv(compiled.INTERPRETED_ENV, raising=False)
    yield directory
    for name in [n for n in sys.modules if n.startswith("pkg_compiled")]:
        del sys.modules[name]


def test_a_build_of_the_current_source_is_loaded(package):
    assert compiled.modules_to_interpret(package) == {"other"}  # not in the manifest
    with pytest.raises(ImportError):  # so Python tries the (broken) build
        __import__("pkg_compiled.mod")


def test_a_build_of_an_older_source_is_passed_over_for_the_source(package, caplog):
    (package / "mod.py").write_text("VALUE = 'edited'\n")
    assert compiled.install("pkg_compiled", package) == {"mod", "other"}
    assert "changed since they were compiled" in caplog.text
    assert __import__("pkg_compiled.mod").mod.VALUE == "edited"


def test_the_environment_can_ask_for_every_module_from_source(package, monkeypatch):
    monkeypatch.setenv(compiled.INTERPRETED_ENV, "1")
    assert compiled.install("pkg_compiled", package) == {"mod", "other"}
    assert __import__("pkg_compiled.mod").mod.VALUE == "from source"


def test_a_build_whose_source_was_deleted_does_not_load(package):
    (package / "mod.py").unlink()
    compiled.install("pkg_compiled", package)
    with pytest.raises(ImportError, match="has a compiled build but no source"):
        __import__("pkg_compiled.mod")
