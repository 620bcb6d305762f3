"""The packages form layers: each imports only those below it, never one above, so that
there is no circle between them. Every import counts, at module level or inside a
function; migrations and tests do not (README, "Where things live")."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lowest first: a package may import those before it in this list, never those after.
LAYERS = ["common", "newsdesk", "analysis", "events", "annotations", "api", "demo", "config"]


def imports_between_packages(root: Path = ROOT) -> dict[tuple[str, str], list[str]]:
    """(importer, imported) pairs of our packages, each with the places it happens."""
    found: dict[tuple[str, str], list[str]] = {}
    ours = {path.parent.name for path in root.glob("*/__init__.py")} - {"tests", "bench"}
    for package in sorted(ours):
        for path in (root / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top in ours and top != package:
                        where = f"{path.relative_to(root)}:{node.lineno}"
                        found.setdefault((package, top), []).append(where)
    return found


def test_every_package_of_ours_has_a_place_in_the_layers():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests", "bench"}
    assert packages == set(LAYERS)


def test_no_package_imports_one_above_it():
    upward = {
        f"{importer} imports {imported}": places
        for (importer, imported), places in imports_between_packages().items()
        if LAYERS.index(imported) > LAYERS.index(importer)
    }
    assert upward == {}


def test_the_packages_import_each_other_in_no_circle():
    edges: dict[str, set[str]] = {}
    for importer, imported in imports_between_packages():
        edges.setdefault(importer, set()).add(imported)

    def reachable(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    assert [package for package in edges if package in reachable(package)] == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from analysis.models import Score\n", {("lower", "analysis")}),
        ("def f():\n    import analysis.tasks\n", {("lower", "analysis")}),
        ("from .models import Score\n", set()),
    ],
)
def test_the_check_sees_imports_at_module_level_and_inside_functions(tmp_path, source, expected):
    for name in ("lower", "analysis"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("")
    (tmp_path / "lower" / "module.py").write_text(source)
    assert set(imports_between_packages(tmp_path)) == expected


# --- Relations that point up ---------------------------------------------------------
# An import is not the only way up: a lower package's query can reach an upper package's
# table through the reverse relation Django adds to the lower model ("articles__scores__
# values" from newsdesk read analysis's scores, and knew its scorers' names and keys,
# until session 28 moved the outlet page's averages to the outlet report).


def upward_relation_names() -> dict[str, str]:
    """The query names by which a lower package's model reaches an upper package's model
    (the reverse side of the upper model's relation), each with the upper package."""
    from django.apps import apps

    names = {}
    for model in apps.get_models():
        owner = model.__module__.split(".")[0]
        for field in model._meta.get_fields():
            if not (field.is_relation and field.concrete and field.related_model):
                continue
            target = field.related_model.__module__.split(".")[0]
            name = field.related_query_name()
            if name.endswith("+"):  # no reverse relation (Django's hidden ones)
                continue
            if owner in LAYERS and target in LAYERS and LAYERS.index(target) < LAYERS.index(owner):
                names[name] = owner
    return names


def upward_lookups(root: Path, relations: dict[str, str]) -> dict[str, list[str]]:
    """Places in a package where a lookup (a string or a keyword argument, split at its
    double underscores) names a relation into a package above it."""
    found: dict[str, list[str]] = {}
    for package in LAYERS:
        if not (root / package).is_dir():
            continue
        for path in (root / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    lookup = node.value
                elif isinstance(node, ast.keyword) and node.arg:
                    lookup = node.arg
                else:
                    continue
                if "__" not in lookup:
                    continue
                for part in lookup.split("__"):
                    owner = relations.get(part)
                    if owner and LAYERS.index(owner) > LAYERS.index(package):
                        where = f"{path.relative_to(root)}:{node.lineno}"
                        found.setdefault(f"{package} reaches {owner}", []).append(where)
    return found


def test_no_package_queries_a_table_of_one_above_it():
    assert "scores" in upward_relation_names()  # analysis's scores, seen from an article
    assert upward_lookups(ROOT, upward_relation_names()) == {}


def test_the_check_sees_a_reverse_relation_in_a_lookup(tmp_path):
    (tmp_path / "newsdesk").mkdir()
    (tmp_path / "newsdesk" / "selectors.py").write_text(
        "def f(q):\n"
        "    q.filter(articles__scores__scorer='sentiment')\n"
        "    return Count('articles__scores')\n"
        "    # 'an__other_string' and scores without underscores are not lookups\n"
    )
    found = upward_lookups(tmp_path, {"scores": "analysis"})
    assert found == {
        "newsdesk reaches analysis": ["newsdesk/selectors.py:2", "newsdesk/selectors.py:3"]
    }
