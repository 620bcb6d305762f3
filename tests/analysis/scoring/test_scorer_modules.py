"""The scorer modules share primitives through analysis/scoring/text.py (and the sentence
splitter), never through one another's private names."""

import ast

from analysis.scoring import compiled

PACKAGE = "analysis.scoring"


def private_borrowings(source: str, own: str, siblings: set[str]) -> list[str]:
    """The private names (``_x``) that a module's source takes from a sibling module:
    ``from analysis.scoring.x import _y`` or ``x._y`` with ``x`` a sibling imported."""
    found = []
    modules: set[str] = set()  # the names a sibling module is bound to here
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(PACKAGE + "."):
                sibling = node.module.rsplit(".", 1)[1]
                if sibling != own:
                    found += [f"{sibling}.{a.name}" for a in node.names if a.name.startswith("_")]
            elif node.module == PACKAGE:
                modules |= {a.asname or a.name for a in node.names if a.name in siblings}
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith(PACKAGE + ".") and a.asname:
                    modules.add(a.asname)
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_no_scorer_module_takes_a_private_name_from_another():
    sources = compiled.scorer_sources()
    siblings = {p.stem for p in sources}
    borrowed = {
        p.stem: private_borrowings(p.read_text(), p.stem, siblings)
        for p in sources
        if private_borrowings(p.read_text(), p.stem, siblings)
    }
    assert borrowed == {}


def test_the_check_finds_both_ways_of_taking_a_private_name():
    siblings = {"attribution", "actors", "claims"}
    source = (
        "from analysis.scoring import actors, register\n"
        "from analysis.scoring.attribution import _trie, lowered\n"
        "x = actors._detect_tuples('', ())\n"
        "y = actors.detect_actors('')\n"
    )
    assert private_borrowings(source, "claims", siblings) == [
        "attribution._trie",
        "actors._detect_tuples",
    ]
