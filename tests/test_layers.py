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
