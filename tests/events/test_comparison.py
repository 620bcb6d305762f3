"""The event comparison functions: pure data in, plain data out; no database."""

import json
import math
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from analysis.scoring import get_scorer
from common.stats import mean_ci, t_quantile
from events.comparison import (
    ClaimSentence,
    claim_sentences,
    claims_matrix,
    coverage_balance,
    distinctive_words,
    number_disagreements,
    numbers_from_claims,
    sentence_similarity,
    sources_grid,
    tokenize_for_words,
    tone_summary,
)

DEMO = Path(__file__).resolve().parents[2] / "demo" / "data" / "articles.jsonl"
AFGHAN = "afghan-soldiers-tajikistan"
NORTHBRIDGE = "The Northbridge Ledger"
HARROWGATE = "The Harrowgate Tribune"
RHEINLAND = "Rheinland Courier International"
PATRIOT = "The Patriot Dispatch"


@cache
def demo_texts(event: str) -> dict[str, str]:
    texts = {}
    with DEMO.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["event"] == event:
                texts[row["outlet"]] = row["text"]
    return texts


def evidence(scorer: str, text: str) -> dict:
    return get_scorer(scorer)(text).evidence


# --- Distinctive words ----------------------------------------------------------------


def test_the_log_odds_of_a_hand_computed_example_match_to_1e_9():
    # Two groups, three words, a fixed prior a = {x: 1, y: 1, z: 2}, so a0 = 4.
    #   A: x 4, y 1        n_A = 5
    #   B: x 1, y 2, z 2   n_B = 5
    # Each group against the other ("all the others" is one group here):
    #   omega = (y_w + a_w) / (n + a0 - y_w - a_w);  delta = ln omega_i - ln omega_j
    #   var = 1 / (y_iw + a_w) + 1 / (y_jw + a_w);    z = delta / sqrt(var)
    # A, x: omega_A = 5 / (5 + 4 - 4 - 1) = 5/4;  omega_B = 2 / (5 + 4 - 1 - 1) = 2/7
    #       delta = ln(5/4 * 7/2) = ln(35/8) = 1.4759065198095778
    #       var = 1/5 + 1/2 = 0.7;  z = 1.4759065198 / 0.8366600265 = 1.7640456971795664
    # A, y: omega_A = 2/7, omega_B = 3/6: delta = ln(4/7) < 0, so not distinctive of A.
    # B, z: omega_B = 4 / (5 + 4 - 2 - 2) = 4/5;  omega_A = 2 / (5 + 4 - 0 - 2) = 2/7
    #       delta = ln(4/5 * 7/2) = ln(2.8) = 1.0296194171811581
    #       var = 1/4 + 1/2 = 0.75;  z = 1.0296194172 / 0.8660254038 = 1.1889020953448146
    # B, y: delta = ln(1/2) - ln(2/7) = ln(7/4) = 0.5596157879354227
    #       var = 1/3 + 1/2 = 5/6;  z = 0.5596157879 / 0.9128709292 = 0.6130283811765167
    # B, x: the mirror of A, x: negative.
    groups = {"A": Counter(x=4, y=1), "B": Counter(x=1, y=2, z=2)}
    result = distinctive_words(groups, prior=Counter(x=1, y=1, z=2))

    assert [w.word for w in result["A"]] == ["x"]
    (x,) = result["A"]
    assert x.count == 4
    assert x.delta == pytest.approx(math.log(35 / 8), abs=1e-9)
    assert x.delta == pytest.approx(1.4759065198095778, abs=1e-9)
    assert x.variance == pytest.approx(0.7, abs=1e-9)
    assert x.z == pytest.approx(1.7640456971795664, abs=1e-9)

    assert [w.word for w in result["B"]] == ["z", "y"]
    z, y = result["B"]
    assert (z.count, y.count) == (2, 2)
    assert z.delta == pytest.approx(1.0296194171811581, abs=1e-9)
    assert z.variance == pytest.approx(0.75, abs=1e-9)
    assert z.z == pytest.approx(1.1889020953448146, abs=1e-9)
    assert y.delta == pytest.approx(math.log(7 / 4), abs=1e-9)
    assert y.variance == pytest.approx(5 / 6, abs=1e-9)
    assert y.z == pytest.approx(0.6130283811765167, abs=1e-9)


def test_alpha0_rescales_the_prior_to_that_total():
    # Prior {x: 1, y: 1, z: 2} scaled to alpha0 = 8 is {x: 2, y: 2, z: 4}, a0 = 8.
    # A, x: omega_A = 6 / (5 + 8 - 4 - 2) = 6/7; omega_B = 3 / (5 + 8 - 1 - 2) = 3/10
    #       delta = ln(60/21); var = 1/6 + 1/3 = 0.5
    groups = {"A": Counter(x=4, y=1), "B": Counter(x=1, y=2, z=2)}
    (x,) = distinctive_words(groups, prior=Counter(x=1, y=1, z=2), alpha0=8)["A"]
    assert x.delta == pytest.approx(math.log(60 / 21), abs=1e-9)
    assert x.variance == pytest.approx(0.5, abs=1e-9)


def test_the_default_prior_is_the_pooled_counts_of_all_groups():
    groups = {"A": Counter(x=4, y=1), "B": Counter(x=1, y=2, z=2), "C": Counter(y=3, z=1)}
    pooled = Counter(x=5, y=6, z=3)
    assert distinctive_words(groups) == distinctive_words(groups, prior=pooled)


def test_a_single_group_has_nothing_to_be_distinctive_against():
    assert distinctive_words({"A": Counter(x=3)}) == {"A": []}


def test_tokenize_keeps_lowercase_words_and_drops_stop_words_numbers_and_possessives():
    text = "The Taliban’s fighters didn't stop: 1,500 soldiers fled, two said. Covid-19 spread."
    assert tokenize_for_words(text) == [
        "taliban",
        "fighters",
        "stop",
        "soldiers",
        "fled",
        "covid",
        "spread",
    ]


def test_distinctive_words_give_every_demo_outlet_words_of_its_own_angle():
    texts = demo_texts(AFGHAN)
    counts = {outlet: Counter(tokenize_for_words(text)) for outlet, text in texts.items()}
    result = distinctive_words(counts)
    assert set(result) == set(texts)
    assert all(result[outlet] for outlet in texts)
    words = {outlet: [w.word for w in scores] for outlet, scores in result.items()}
    # The legal angle, the humanitarian one, the partisan one and the wire report.
    assert {"asylum", "law"} <= set(words[RHEINLAND])
    assert "volunteers" in words[HARROWGATE]
    assert words[PATRIOT][0] == "american"
    assert "frontier" in words[NORTHBRIDGE]
    assert all(w.z > 0 and w.count > 0 for scores in result.values() for w in scores)


# --- Claims matrix ----------------------------------------------------------------------


def afghan_claims() -> dict[str, list[ClaimSentence]]:
    return {
        outlet: claim_sentences(text, evidence("claims", text), evidence("actors", text))
        for outlet, text in demo_texts(AFGHAN).items()
    }


def test_the_demo_claims_matrix_has_a_fact_most_outlets_report_and_facts_only_one_does():
    rows = claims_matrix(afghan_claims())
    counts = [row.outlet_count for row in rows]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] >= 3
    assert 1 in counts
    top = rows[0]
    # The lede fact: soldiers crossing into Tajikistan, with each outlet's own count.
    assert "1,037 soldiers" in top.cells[NORTHBRIDGE].text
    assert "1,500 soldiers" in top.cells[HARROWGATE].text
    assert "1,000 Afghan government soldiers" in top.cells[RHEINLAND].text
    assert "2,000 Afghan soldiers" in top.cells[PATRIOT].text
    assert top.representative in {cell.text for cell in top.cells.values()}


def test_every_matrix_row_lists_every_outlet_and_no_sentence_twice():
    claims = afghan_claims()
    rows = claims_matrix(claims)
    used = [
        (outlet, sentence.start)
        for row in rows
        for outlet, cell in row.cells.items()
        if cell
        for sentence in (cell, *cell.also)  # an outlet's other sentences of the fact
    ]
    assert all(list(row.cells) == list(claims) for row in rows)
    assert len(used) == len(set(used)) == sum(len(c) for c in claims.values())


def test_a_fact_keeps_an_outlets_best_sentence_and_lists_its_other_one():
    claims = {
        "A": [
            ClaimSentence("Rebels seized the northern border town on Monday.", 0, 10),
            ClaimSentence("Rebels seized the northern border town, officials said.", 20, 30),
        ],
        "B": [ClaimSentence("The northern border town was seized by rebels.", 0, 10)],
        "C": [ClaimSentence("Wheat prices doubled in the capital markets.", 0, 10)],
    }
    rows = claims_matrix(claims)
    assert [row.outlet_count for row in rows] == [2, 1]
    assert rows[0].cells["A"].start == 0  # the better match, also the earlier
    assert [other.start for other in rows[0].cells["A"].also] == [20]  # A's other sentence
    assert rows[0].cells["C"] is None
    assert rows[1].outlets == ["C"]
    # One sentence per outlet (comparison report 7, and languages other than English):
    # single-outlet facts by first appearance, C's first claim before A's second.
    rows = claims_matrix(claims, several=False)
    assert [row.outlet_count for row in rows] == [2, 1, 1]
    assert rows[0].cells["A"].start == 0 and rows[0].cells["A"].also == ()
    assert rows[1].outlets == ["C"]
    assert rows[2].outlets == ["A"]
    assert rows[2].cells["A"].start == 20


def test_shared_actors_and_counted_things_make_sentences_similar():
    a = ClaimSentence(
        "About 1,500 soldiers fled.",
        0,
        1,
        numbers=[{"value": 1500.0, "counts": "soldiers", "kind": "count"}],
        actors=["Hasan Sultonov"],
    )
    b = ClaimSentence(
        "Sultonov counted 2,000 soldiers.",
        0,
        1,
        numbers=[{"value": 2000.0, "counts": "Afghan soldiers", "kind": "count"}],
        actors=["Hasan Sultonov"],
    )
    bare = ClaimSentence("Sultonov counted 2,000 soldiers.", 0, 1)
    assert sentence_similarity(a, b) > sentence_similarity(a, bare) > 0


def facts_of(claims: dict[str, list[ClaimSentence]]) -> list[set[str]]:
    """Each row of the matrix as the set of its sentences' texts."""
    return [{cell.text for cell in row.cells.values() if cell} for row in claims_matrix(claims)]


def event_claims_of(outlets: dict[str, list[str]]) -> dict[str, list[ClaimSentence]]:
    """Each outlet's sentences as one article, scored as the pipeline scores it."""
    out = {}
    for outlet, sentences in outlets.items():
        text = " ".join(sentences)
        out[outlet] = claim_sentences(text, evidence("claims", text), evidence("actors", text))
    return out


def test_a_percentage_or_a_count_of_people_alone_does_not_make_one_fact():
    # Written for the tests: two facts, each given by both outlets, all four with a
    # percentage or a number of people.
    claims = event_claims_of(
        {
            "A": [
                "Turnout was 61 percent, the commission said.",
                "About 5,000 people protested in the capital on Monday evening.",
            ],
            "B": [
                "Avel Maren won a third term with 54 percent, according to official results.",
                "Forty people were detained after clashes with riot police in the capital.",
            ],
        }
    )
    assert all(len(fact) == 1 for fact in facts_of(claims))


def test_sentences_sharing_only_the_events_own_words_are_not_one_fact():
    # In the demo's Afghan event nearly every claim mentions soldiers crossing a river;
    # an execution of captured soldiers is another fact than the crossing.
    executed = "The Taliban have executed captured soldiers before."
    for fact in facts_of(afghan_claims()):
        if executed in fact:
            assert fact == {executed}


def test_the_written_set_of_facts_is_lined_up_with_precision_of_at_least_0_9():
    from bench.eval_claims import DEFAULT_SET, load, pair_counts

    result = pair_counts(load(DEFAULT_SET, "all"))
    assert result["precision"] >= 0.9
    assert result["recall"] >= 0.8


# --- Number disagreements ---------------------------------------------------------------


def test_the_demo_outlets_disagree_on_how_many_soldiers_crossed():
    numbers = {
        outlet: numbers_from_claims(text, evidence("claims", text))
        for outlet, text in demo_texts(AFGHAN).items()
    }
    found = number_disagreements(numbers)
    soldiers = [d for d in found if d.unit == "soldier"]
    assert len(soldiers) == 1
    (d,) = soldiers
    assert d.kind == "count"
    assert d.counts == "Afghan government soldiers"
    values = {outlet: [v.value for v in vs] for outlet, vs in d.values.items()}
    assert values == {
        NORTHBRIDGE: [1037.0],  # "1,037 soldiers on Monday alone"
        HARROWGATE: [1500.0],  # "about 1,500 soldiers in two weeks"
        RHEINLAND: [1000.0],  # "more than 1,000 Afghan government soldiers"
        PATRIOT: [2000.0],  # "nearly 2,000 Afghan soldiers"
    }
    assert {1037.0, 1500.0, 2000.0} <= {v for vs in values.values() for v in vs}
    assert (d.low, d.high) == (1000.0, 2000.0)
    assert d.values[HARROWGATE][0].text == "about 1,500 soldiers"
    assert d.values[HARROWGATE][0].sentence.startswith("Local officials count about 1,500")
    assert (d.values[PATRIOT][0].low, d.values[PATRIOT][0].high) == (1800.0, 2000.0)


def num(value, text, counts, approximate=False, kind="count", start=0, unit=None, sentence=""):
    end = start + len(text)
    unit = unit if unit is not None else (counts.split()[-1] if counts else "")
    return {
        "value": float(value),
        "text": text,
        "unit": unit,
        "counts": counts,
        "approximate": approximate,
        "start": start,
        "end": end,
        "kind": kind,
        "sentence": sentence,
    }


def test_a_death_toll_and_a_number_rescued_are_never_one_row():
    # Written for the tests: A's death toll disagrees with B's; the people rescued are
    # another count, close in size, that must stay out of the death toll's row.
    texts = {
        "A": "At least 47 people were killed in the floods, officials said on Monday. "
        "Rescuers saved hundreds of people from rooftops in Serra on Monday.",
        "B": "The floods killed 90 people in Serra district, officials said on Tuesday. "
        "About 300 people were rescued by the army on Tuesday.",
    }
    numbers = {o: numbers_from_claims(t, evidence("claims", t)) for o, t in texts.items()}
    rows = number_disagreements(numbers)
    assert [(d.role, [v.text for vs in d.values.values() for v in vs]) for d in rows] == [
        ("dead", ["At least 47 people", "90 people"])
    ]


def test_numbers_within_an_approximate_range_do_not_disagree():
    numbers = {
        "A": [num(1037, "1,037 soldiers", "soldiers")],
        "B": [num(1000, "more than 1,000 soldiers", "soldiers", approximate=True)],
        "C": [num(1100, "about 1,100 Afghan soldiers", "Afghan soldiers", approximate=True)],
    }
    assert number_disagreements(numbers) == []
    numbers["D"] = [num(950, "nearly 950 soldiers", "soldiers", approximate=True)]
    (d,) = number_disagreements(numbers)
    assert d.outlets == ["A", "B", "C", "D"]


def test_numbers_of_different_things_are_not_compared():
    numbers = {
        "A": [
            num(1037, "1,037 Afghan soldiers", "Afghan soldiers"),
            num(3, "3 days", "days", kind="duration", unit="days", start=40),
            num(1, "One soldier", "soldier", start=60),
            num(47, "47 people", "people", start=80),
        ],
        "B": [
            num(300, "300 Tajik soldiers", "Tajik soldiers"),
            num(5, "5 days", "days", kind="duration", unit="days", start=40),
            num(200000, "200,000 people", "people", start=80),
        ],
    }
    # Afghan and Tajik soldiers differ; durations and "one soldier" are left out; 47 and
    # 200,000 people are orders of magnitude apart.
    assert number_disagreements(numbers) == []


def test_a_range_is_one_number_from_its_low_to_its_high_end():
    numbers = {
        "A": [
            num(200, "200-300 people", "people", start=0),
            {**num(300, "300", "people", start=4), "end": 7},
        ],
        "B": [num(250, "250 people", "people")],
        "C": [num(260, "about 260 people", "people", approximate=True)],
    }
    assert number_disagreements(numbers) == []  # 250 fits 200-300, 250 and 234-286
    numbers["C"] = [num(400, "400 people", "people")]
    (d,) = number_disagreements(numbers)
    assert [(v.low, v.high) for v in d.values["A"]] == [(200.0, 300.0)]


# --- Tone -------------------------------------------------------------------------------


def test_t_quantiles_match_the_published_table():
    assert t_quantile(0.975, 1) == pytest.approx(12.7062, abs=1e-4)
    assert t_quantile(0.975, 2) == pytest.approx(4.3027, abs=1e-4)
    assert t_quantile(0.975, 4) == pytest.approx(2.7764, abs=1e-4)
    assert t_quantile(0.975, 10) == pytest.approx(2.2281, abs=1e-4)
    assert t_quantile(0.975, 30) == pytest.approx(2.0423, abs=1e-4)
    assert t_quantile(0.975, 100) == pytest.approx(1.9840, abs=1e-4)
    assert t_quantile(0.995, 5) == pytest.approx(4.0321, abs=1e-4)
    assert t_quantile(0.95, 10) == pytest.approx(1.8125, abs=1e-4)
    assert t_quantile(0.025, 4) == pytest.approx(-2.7764, abs=1e-4)


def test_mean_ci_matches_a_hand_computation():
    # 1..5: mean 3, sample sd sqrt(2.5) = 1.58114, se = sd / sqrt(5) = 0.70711,
    # t(0.975, df 4) = 2.776445; half-width 2.776445 * 0.70711 = 1.963243.
    mean, low, high = mean_ci([1, 2, 3, 4, 5])
    assert mean == 3
    assert low == pytest.approx(3 - 1.963243, abs=1e-6)
    assert high == pytest.approx(3 + 1.963243, abs=1e-6)


def test_mean_ci_of_too_few_values_has_no_interval():
    assert mean_ci([]) == (None, None, None)
    assert mean_ci([0.4]) == (0.4, None, None)


def test_tone_summary_gives_mean_sd_n_and_the_negative_share():
    summary = tone_summary([-0.5, -0.05, 0.0, 0.3])
    assert summary["n"] == 4
    assert summary["mean"] == pytest.approx(-0.0625)
    # Deviations from -0.0625: -0.4375, 0.0125, 0.0625, 0.3625; squares sum to 0.326875;
    # / 3 = 0.10895833; sqrt = 0.33008837.
    assert summary["sd"] == pytest.approx(0.33008837, abs=1e-8)
    assert summary["share_negative"] == 0.5  # -0.5 and -0.05: VADER's cut-off
    assert summary["share_positive"] == 0.25
    assert summary["ci_low"] < summary["mean"] < summary["ci_high"]
    assert tone_summary([])["mean"] is None


# --- Sources ----------------------------------------------------------------------------


def test_sources_grid_merges_a_bare_surname_with_the_full_name():
    sources = {
        "A": [
            {"name": "Hasan Sultonov", "type": "named_person", "role": "envoy", "count": 2},
            {"name": "Foreign Ministry", "type": "named_org", "role": "", "count": 1},
            {"name": "officials", "type": "anonymous", "role": "", "count": 4},
        ],
        "B": [
            {"name": "Sultonov", "type": "named_person", "role": "", "count": 3},
            {"name": "the foreign ministry", "type": "named_org", "role": "", "count": 2},
        ],
        "C": [{"name": "HASAN SULTONOV", "type": "named_person", "role": "", "count": 1}],
    }
    names, grid = sources_grid(sources)
    assert names == ["Hasan Sultonov", "Foreign Ministry"]
    assert grid["Hasan Sultonov"] == {"A": 2, "B": 3, "C": 1}
    assert grid["Foreign Ministry"] == {"A": 1, "B": 2, "C": 0}


def test_a_surname_shared_by_two_people_stays_apart():
    sources = {
        "A": [{"name": "Hasan Sultonov", "type": "named_person", "count": 1}],
        "B": [{"name": "Rustam Sultonov", "type": "named_person", "count": 1}],
        "C": [{"name": "Sultonov", "type": "named_person", "count": 1}],
    }
    names, grid = sources_grid(sources)
    assert sorted(names) == ["Hasan Sultonov", "Rustam Sultonov", "Sultonov"]
    assert grid["Sultonov"] == {"A": 0, "B": 0, "C": 1}


def test_a_joint_speaker_is_not_one_of_its_people():
    # Written for the tests: the joint words stay their own row, the person's own words
    # theirs, and a bare surname still merges into the person's full name.
    sources = {
        "A": [
            {"name": "Ann Lowe", "type": "named_person", "count": 2},
            {"name": "Tom Hale and Ann Lowe", "type": "named_person", "count": 1},
        ],
        "B": [{"name": "Lowe", "type": "named_person", "count": 3}],
    }
    names, grid = sources_grid(sources)
    assert sorted(names) == ["Ann Lowe", "Tom Hale and Ann Lowe"]
    assert grid["Ann Lowe"] == {"A": 2, "B": 3}
    assert grid["Tom Hale and Ann Lowe"] == {"A": 1, "B": 0}


def test_the_demo_sources_grid_lists_each_outlets_named_sources():
    sources = {
        outlet: evidence("attribution", text)["sources"]
        for outlet, text in demo_texts(AFGHAN).items()
    }
    names, grid = sources_grid(sources)
    assert grid["Karim Jalolov"][NORTHBRIDGE] == 2
    assert grid["Lena Hoffmeister"] == {NORTHBRIDGE: 0, HARROWGATE: 0, RHEINLAND: 3, PATRIOT: 0}
    assert "local officials" not in {n.lower() for n in names}  # anonymous


# --- Coverage balance -------------------------------------------------------------------


def test_coverage_balance_counts_leanings_countries_and_state_affiliation():
    outlets = [
        {"name": "Northbridge", "leaning": "center", "country": "US", "state_affiliated": False},
        {"name": "Harrowgate", "leaning": "lean_left", "country": "GB", "state_affiliated": False},
        {"name": "Patriot", "leaning": "right", "country": "US", "state_affiliated": False},
        {"name": "Zarya", "leaning": "right", "country": "RU", "state_affiliated": True},
        {"name": "New", "leaning": "", "country": ""},
    ]
    balance = coverage_balance(outlets)
    assert balance["total"] == 5
    assert balance["leaning"] == {
        "left": 0,
        "lean_left": 1,
        "center": 1,
        "lean_right": 0,
        "right": 2,
        "unrated": 1,
    }
    assert balance["country"] == {"US": 2, "GB": 1, "RU": 1, "unknown": 1}
    assert list(balance["country"]) == ["US", "GB", "RU", "unknown"]
    assert balance["state_affiliated"] == {"state": 1, "independent": 3, "unknown": 1}


def test_a_paraphrase_is_matched_by_meaning_and_a_fact_sharing_words_is_not():
    # Written for the tests: a flood told in other words by two outlets ("burst its banks
    # and flooded homes" against "floodwater swamped houses"), and a third outlet's other
    # fact that shares "river" and "homes" with the first.
    claims = {
        outlet: [ClaimSentence(text, 100 * k, 100 * k + len(text)) for k, text in enumerate(texts)]
        for outlet, texts in {
            "A": [
                "The river burst its banks on Sunday and flooded homes in Kessing.",
                "Rain had fallen for days in the hills above the river, forecasters said.",
            ],
            "B": [
                "Floodwater swamped houses in the lower village of Kessing late on Sunday "
                "evening, neighbours said.",
                "Heavy rain in the hills had swollen the river all week.",
            ],
            "C": [
                "Rescuers used boats to reach homes where the river rose fastest.",
                "Floodwater also closed the main road to the coast.",
            ],
        }.items()
    }
    flood, swamped, rescuers = claims["A"][0].text, claims["B"][0].text, claims["C"][0].text
    assert sentence_similarity(claims["A"][0], claims["B"][0]) < 0.25  # few words shared
    facts = facts_of(claims)
    assert {flood, swamped} in facts
    assert not any({flood, rescuers} <= fact for fact in facts)
    # The words alone (meaning=False, for a language the vectors did not read): apart.
    words_only = [
        {cell.text for cell in row.cells.values() if cell}
        for row in claims_matrix(claims, meaning=False)
    ]
    assert {flood} in words_only and {swamped} in words_only


def test_the_report_matches_claims_by_meaning_only_in_english(monkeypatch):
    from events import event_report

    seen = []
    monkeypatch.setattr(
        event_report.comparison,
        "claims_matrix",
        lambda claims, meaning=True: seen.append(meaning) or [],
    )
    claims = {"A": [], "B": []}
    event_report._claim_rows(claims)
    event_report._claim_rows(claims, english=False)
    assert seen == [True, False]


def test_a_sentence_that_states_two_facts_is_one_fact_with_either():
    from bench.eval_claims import facts, pair_counts
    from events.comparison import ClaimCell, ClaimRow

    # Written for the tests: outlet A's sentence states both the cases and the deaths.
    event = {
        "event": "written",
        "split": "all",
        "outlets": {
            "A": [
                [
                    "cases+deaths",
                    "The ministry has recorded 1,240 measles cases, including 6 deaths.",
                ]
            ],
            "B": [["deaths", "Six children have died of measles this year, officials said."]],
            "C": [["cases", "Vestria has confirmed more than 1,200 measles infections."]],
        },
    }
    assert facts("cases+deaths") == {"cases", "deaths"} and facts(None) == set()

    def all_in_one_row(by_outlet):
        cells = {
            outlet: ClaimCell(found[0].text, found[0].start, found[0].end, 1.0)
            for outlet, found in by_outlet.items()
        }
        return [ClaimRow(cells["A"].text, "A", cells, 1.0)]

    counts = pair_counts([event], matrix=all_in_one_row)
    # A–B (the deaths) and A–C (the cases) are one fact each; B–C are two.
    assert (counts["tp"], counts["fp"], counts["fn"]) == (2, 1, 0)
