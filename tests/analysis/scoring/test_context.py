"""The scorers read the curated actors from the ScoringContext they are given, and from
nowhere else: no module global carries one chunk's list into the next."""

from analysis.scoring import NO_CONTEXT, ScoringContext, actors, all_scorers, score_texts
from analysis.scoring.actors import CuratedActor

# Written for the tests: the only actor is a curated alias in lower case, which the rules
# alone do not take for a name.
TEXT = "Written for the tests: the greens opened a new office downtown. It was a sunny day."
GREENS = ScoringContext(
    curated_actors=(CuratedActor("Green Alliance", "organisation", ("the greens",)),)
)


def _by_scorer(context: ScoringContext) -> dict:
    scorers = all_scorers()
    results = score_texts([TEXT], scorers, context=context)[0]
    return {s.name: r for s, r in zip(scorers, results, strict=True)}


def test_two_contexts_give_different_actors_and_claims_on_the_same_text():
    plain, curated = _by_scorer(NO_CONTEXT), _by_scorer(GREENS)
    assert plain["actors"].evidence["actors"] == []
    assert [a["name"] for a in curated["actors"].evidence["actors"]] == ["Green Alliance"]
    assert plain["claims"].values["claim_count"] == 0
    assert curated["claims"].values["claim_count"] == 1


def test_scoring_with_a_context_leaves_nothing_behind_for_the_next_call():
    before = _by_scorer(NO_CONTEXT)
    _by_scorer(GREENS)
    after = _by_scorer(NO_CONTEXT)
    assert {n: (r.values, r.evidence) for n, r in after.items()} == {
        n: (r.values, r.evidence) for n, r in before.items()
    }
    assert not hasattr(actors, "CURATED")


def test_a_scorer_is_given_the_context_only_if_its_function_asks_for_it():
    takes = {s.name for s in all_scorers() if s.takes_context}
    assert {"actors", "claims"} <= takes
    assert "sentiment" not in takes
