from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.scoring import ScoringContext, get_scorer
from analysis.scoring.actors import CuratedActor, detect_actors, score_actors
from analysis.scoring.sentences import split_spans
from analysis.scoring.target_tone import tone_toward
from newsdesk.ingest.text import clean_text
from tests import hostile

SEED = (
    Path(__file__).resolve().parents[4] / "shared" / "corpus" / "seed-sputnik-afghan-soldiers.txt"
)


def seed_body():
    return clean_text(SEED.read_text(encoding="utf-8")).body


def by_name(text, curated=()):
    return {a.name: a for a in detect_actors(text, curated)}


def surfaces(text, actor):
    return [text[s:e] for s, e in actor.mentions]


# --- The seed article -----------------------------------------------------------------


def test_the_seed_actors_are_the_envoy_the_countries_the_taliban_and_the_csto():
    found = by_name(seed_body())
    assert set(found) == {
        "Hasan Sultonov",
        "Tajikistan",
        "Afghanistan",
        "Taliban",
        "Collective Security Treaty Organization",
        "Uzbekistan",
        "United States",
    }
    assert found["Hasan Sultonov"].kind == "person"
    assert found["Taliban"].kind == "group"
    assert found["Collective Security Treaty Organization"].kind == "organisation"
    for country in ("Tajikistan", "Afghanistan", "Uzbekistan", "United States"):
        assert found[country].kind == "country", country


def test_the_seed_envoy_is_one_person_under_three_names():
    body = seed_body()
    envoy = by_name(body)["Hasan Sultonov"]
    assert envoy.aliases == {"Sultonov", "the envoy"}
    assert surfaces(body, envoy) == ["Hasan Sultonov", "Sultonov", "Sultonov", "the envoy"]


def test_the_seed_csto_is_one_organisation_with_its_acronym_as_alias():
    body = seed_body()
    csto = by_name(body)["Collective Security Treaty Organization"]
    assert csto.aliases == {"CSTO"}
    assert surfaces(body, csto) == ["Collective Security Treaty Organization", "CSTO"]


def test_the_seed_demonyms_count_for_their_country_even_in_a_hyphenated_pair():
    body = seed_body()
    found = by_name(body)
    tajik = surfaces(body, found["Tajikistan"])
    afghan = surfaces(body, found["Afghanistan"])
    # "Tajik-Afghan border" and "Afghan-Tajik border" mention both countries.
    assert tajik.count("Tajik") == 2 and tajik.count("Tajikistan") == 6
    assert afghan.count("Afghanistan") == 1 and afghan.count("Afghan") == 8
    assert found["Afghanistan"].aliases == {"Afghan"}


def test_the_seed_has_no_sentence_starters_dates_or_places_as_actors():
    names = set(by_name(seed_body()))
    for word in (
        "Over",
        "According",
        "In",
        "He",
        "This",
        "The",
        "Wednesday",
        "July",
        "September",
        "February",
        "Permanent Representative",
        "Doha",
        "Badakhshan",
        "Panj",
    ):
        assert word not in names, word


# --- Rules ----------------------------------------------------------------------------


def test_a_capitalised_sentence_starter_is_not_an_actor():
    text = "Meanwhile, the talks stalled. According to reports, Russia left. Fleeing Taliban fighters hid."
    assert set(by_name(text)) == {"Russia", "Taliban"}


def test_a_named_body_of_workers_is_an_organisation_not_a_person():
    # Written for the tests.
    found = by_name("The strike went on. Shawn Fain, who leads the United Auto Workers, said so.")
    assert found["United Auto Workers"].kind == "organisation"
    assert found["Shawn Fain"].kind == "person"


def test_a_name_after_a_noun_for_a_body_is_an_organisation():
    # Written for the tests.
    found = by_name("The watchdog Open Ledger Watch said 40 were held.")
    assert found["Open Ledger Watch"].kind == "organisation"
    found = by_name("The rights group Open Ledger Watch, which counts arrests, spoke out.")
    assert found["Open Ledger Watch"].kind == "organisation"
    # Not the person in a clause after the noun.
    assert by_name("The group Ann Lee founded has grown.")["Ann Lee"].kind == "person"


def test_a_lone_name_after_the_government_of_is_a_country():
    # Written for the tests.
    found = by_name("The government of Valmora announced a tariff on Tuesday.")
    assert found["Valmora"].kind == "country"


def test_a_seat_of_government_is_an_organisation_as_for_attribution():
    # Written for the tests: the list both scorers read (text.ORGANISATIONS).
    found = by_name("White House said the talks would go on. Human Rights Watch agreed.")
    assert found["White House"].kind == "organisation"
    assert found["Human Rights Watch"].kind == "organisation"


def test_may_the_month_is_not_an_actor_but_theresa_may_is():
    text = "In May, the council met. The vote was held on May 3. Theresa May resigned."
    found = by_name(text)
    assert set(found) == {"Theresa May"}
    assert found["Theresa May"].kind == "person"


def test_an_acronym_in_parentheses_is_an_alias_of_the_long_form():
    text = "The Islamic Revolutionary Guard Corps (IRGC) fired missiles. The IRGC denied it."
    irgc = by_name(text)["Islamic Revolutionary Guard Corps"]
    assert irgc.kind == "organisation"
    assert irgc.aliases == {"IRGC"}
    assert surfaces(text, irgc) == ["Islamic Revolutionary Guard Corps", "IRGC"]


def test_a_title_before_a_name_is_not_part_of_the_name():
    text = "Russian Foreign Minister Sergei Lavrov met President of Russia Vladimir Putin."
    found = by_name(text)
    assert set(found) == {"Russia", "Sergei Lavrov", "Vladimir Putin"}
    # Version 11: "Russian" describes the minister (his role), no mention of Russia,
    # which the text names otherwise ("President of Russia").
    assert surfaces(text, found["Russia"]) == ["Russia"]


def test_the_office_after_a_title_and_of_is_part_of_the_title():
    # Written for the tests: attribution splits the same titles (text.OFFICE_FIELDS).
    text = "Secretary of State Mara Lind met Secretary of Homeland Security Paul Dorn."
    assert set(by_name(text)) == {"Mara Lind", "Paul Dorn"}
    assert by_name(text)["Mara Lind"].kind == "person"


def test_a_company_named_with_a_title_word_is_an_organisation():
    # Written for the tests: "General" opens the company's name (text.COMPANY_WORDS).
    found = by_name("General Motors and Brightwater Technologies said prices would rise.")
    assert {name: a.kind for name, a in found.items()} == {
        "General Motors": "organisation",
        "Brightwater Technologies": "organisation",
    }


def test_a_role_noun_resolves_to_the_last_person_with_that_role():
    text = (
        "Foreign Minister Sergei Lavrov met President Vladimir Putin. "
        "The minister said the talks went well. The president agreed."
    )
    found = by_name(text)
    assert "The minister" in found["Sergei Lavrov"].aliases
    assert "The president" in found["Vladimir Putin"].aliases


def test_a_role_from_an_apposition_lets_the_envoy_refer_back():
    text = (
        "Hasan Sultonov, Tajikistan's Permanent Representative to the CSTO, spoke. "
        "According to the envoy, it was calm. The ambassador then left."
    )
    envoy = by_name(text)["Hasan Sultonov"]
    assert envoy.aliases == {"the envoy", "The ambassador"}


def test_a_role_noun_with_no_such_person_is_not_an_actor():
    text = "Hasan Sultonov spoke first. The minister disagreed."
    found = by_name(text)
    assert set(found) == {"Hasan Sultonov"}
    assert found["Hasan Sultonov"].aliases == set()


def test_a_surname_before_the_full_name_merges_with_it():
    text = "Sultonov added that the border was calm. Hasan Sultonov is the envoy."
    envoy = by_name(text)["Hasan Sultonov"]
    assert surfaces(text, envoy) == ["Sultonov", "Hasan Sultonov"]


def test_a_lone_unknown_word_is_a_person_only_when_titled_or_speaking():
    assert set(by_name("Putin said the talks failed.")) == {"Putin"}
    assert set(by_name("Later, President Putin left.")) == {"Putin"}
    assert by_name("The talks in Geneva failed. Nobody came to Zorbatown.") == {}


def test_name_particles_stay_inside_a_name():
    text = "Mohammed bin Salman met Abu Bakr al-Baghdadi. Baghdadi said nothing."
    found = by_name(text)
    assert set(found) == {"Mohammed bin Salman", "Abu Bakr al-Baghdadi"}
    assert found["Abu Bakr al-Baghdadi"].aliases == {"Baghdadi"}


def test_possessives_are_stripped():
    text = "Afghanistan's soldiers met NATO's envoy and Sultonov's aides."
    found = by_name(text)
    assert surfaces(text, found["Afghanistan"]) == ["Afghanistan"]
    assert surfaces(text, found["NATO"]) == ["NATO"]


def test_demonyms_and_other_names_map_to_the_country():
    text = "American, U.S. and United States officials met Tajik and British diplomats."
    found = by_name(text)
    assert set(found) == {"United States", "Tajikistan", "United Kingdom"}
    assert found["United States"].aliases == {"American", "U.S."}
    assert surfaces(text, found["United Kingdom"]) == ["British"]


def test_known_groups_and_organisations_have_their_kind():
    text = "Hamas, Hezbollah and al-Qaeda were named by NATO, the EU and the UN."
    kinds = {a.name: a.kind for a in detect_actors(text)}
    assert kinds == {
        "Hamas": "group",
        "Hezbollah": "group",
        "al-Qaeda": "group",
        "NATO": "organisation",
        "European Union": "organisation",
        "United Nations": "organisation",
    }


def test_and_between_two_names_separates_them_but_not_inside_a_country_name():
    text = "The Taliban and the United States met. Bosnia and Herzegovina joined."
    assert set(by_name(text)) == {"Taliban", "United States", "Bosnia and Herzegovina"}


def test_an_organisation_suffix_makes_an_organisation_with_of_and_for_inside():
    text = (
        "The State Committee for National Security of the Republic of Tajikistan "
        "and the Ministry of Foreign Affairs disagreed with the Tajik Border Police."
    )
    kinds = {a.name: a.kind for a in detect_actors(text)}
    assert kinds == {
        "State Committee for National Security of the Republic of Tajikistan": "organisation",
        "Ministry of Foreign Affairs": "organisation",
        "Tajik Border Police": "organisation",
    }


def test_places_after_in_or_province_of_are_not_actors():
    text = "Hasan Sultonov spoke in Dushanbe about the province of Badakhshan and New York."
    assert set(by_name(text)) == {"Hasan Sultonov"}


def test_curated_aliases_merge_into_one_actor():
    curated = (CuratedActor("Russian government", "organisation", ("Kremlin",)),)
    text = "The Kremlin said the Russian government would reply. Russia is large."
    found = by_name(text, curated)
    assert set(found) == {"Russian government", "Russia"}
    assert surfaces(text, found["Russian government"]) == ["Kremlin", "Russian government"]
    assert found["Russian government"].aliases == {"Kremlin"}
    # "Russian" inside the curated name is not also a mention of Russia.
    assert surfaces(text, found["Russia"]) == ["Russia"]


def test_a_curated_person_absorbs_the_bare_surname():
    curated = (CuratedActor("Vladimir Putin", "person", ()),)
    text = "Vladimir Putin arrived. Putin said little."
    found = by_name(text, curated)
    assert set(found) == {"Vladimir Putin"}
    assert found["Vladimir Putin"].aliases == {"Putin"}


def test_empty_text_has_no_actors():
    assert detect_actors("") == []
    result = score_actors("")
    assert result.values == {
        "actor_count": 0,
        "by_kind": {"person": 0, "organisation": 0, "country": 0, "group": 0},
        "people": [],
    }
    assert result.evidence == {"actors": []}


# --- Lone names, companies and products (version 7; sentences written for the tests) ---


def kinds(text):
    return {a.name: a.kind for a in detect_actors(text)}


def test_a_lone_word_that_recurs_inside_sentences_is_an_organisation():
    text = (
        "Lumeria announced record sales on Monday. Analysts expect Lumeria to open two "
        "plants, and the board of Lumeria met in the spring."
    )
    found = by_name(text)
    assert found["Lumeria"].kind == "organisation"
    assert surfaces(text, found["Lumeria"]) == ["Lumeria"] * 3


def test_a_recurring_word_titled_somewhere_is_a_person_everywhere():
    text = "President Okonjo spoke on Monday. Critics say Okonjo is weak; allies of Okonjo marched."
    found = by_name(text)
    assert set(found) == {"Okonjo"} and found["Okonjo"].kind == "person"
    assert len(found["Okonjo"].mentions) == 3
    text = "The Okonjo administration fell in May. Few mourned Okonjo, and fewer missed Okonjo."
    assert kinds(text) == {"Okonjo": "person"}
    text = "The Okonjo presidency ended in May. Few mourned Okonjo, and fewer missed Okonjo."
    assert kinds(text) == {"Okonjo": "person"}
    # Written for the tests: another word heads the administration; Lumeria does not.
    text = "The Marel administration and Lumeria met. Few trust Lumeria, or the Marel plan."
    assert kinds(text)["Lumeria"] == "organisation"


def test_recurring_words_that_are_no_actors_stay_out():
    # Written in lower case too, a direction, a modifier, a place.
    assert kinds("Users of the Web grew. Shops on the Web and on the web sold more.") == {}
    assert kinds("Talks between the North and the South stalled, and the North left.") == {}
    assert kinds("The Okonjo-era rules stayed. Critics of the Okonjo-era rules lost.") == {}
    assert kinds("Shops in Halvern closed. Halvern was quiet, and Halvern waited.") == {}
    assert (
        kinds("Crowds filled Marovia's capital. Marovia, a country of two million, waited.") == {}
    )
    assert kinds("The Tarsa river rose. Farms along the Tarsa flooded.") == {}


def test_a_recurring_word_that_speaks_and_is_he_or_she_is_a_person():
    text = 'He gave only his first name, Hamid. "I am a target," Hamid said, and he left.'
    assert kinds(text) == {"Hamid": "person"}
    text = "Lumeria said it would cut jobs. Critics of Lumeria said its plan was late."
    assert kinds(text) == {"Lumeria": "organisation"}


def test_the_first_word_of_a_persons_name_alone_is_that_person():
    text = "Park Min-jun arrived on Monday. Park met the envoys, and Park left at noon."
    found = by_name(text)
    assert set(found) == {"Park Min-jun"}
    assert surfaces(text, found["Park Min-jun"]) == ["Park Min-jun", "Park", "Park"]


def test_the_first_word_of_a_bodys_name_alone_is_that_body():
    text = "Vostra Airlines won the contract. Vostra will build ten hangars."
    found = by_name(text)
    assert set(found) == {"Vostra Airlines"}
    assert surfaces(text, found["Vostra Airlines"]) == ["Vostra Airlines", "Vostra"]


def test_a_company_before_its_chiefs_title_is_an_organisation():
    text = "Lumeria CEO Ann Lee said the plant would open."
    found = by_name(text)
    assert found["Lumeria"].kind == "organisation" and found["Ann Lee"].kind == "person"
    assert surfaces(text, found["Ann Lee"]) == ["Ann Lee"]
    found = by_name("Lumeria Chief Executive Officer Ann Lee resigned.")
    assert found["Lumeria"].kind == "organisation" and found["Ann Lee"].kind == "person"


def test_a_run_joined_by_and_to_a_body_is_a_body():
    assert kinds("The contract was shared by Vostra Kell and the World Bank.") == {
        "Vostra Kell": "organisation",
        "World Bank": "organisation",
    }
    assert kinds("Lumeria and Vostra Kell bid. Lumeria won, and Lumeria paid.") == {
        "Lumeria": "organisation",
        "Vostra Kell": "organisation",
    }
    # Titled, a person still; after a comma, an apposition, not a list.
    assert kinds("The chief of the World Bank, Vostra Kell, spoke.")["Vostra Kell"] == "person"
    assert kinds("Envoy Vostra Kell and the World Bank met.")["Vostra Kell"] == "person"


def test_words_with_digits_are_products_not_actors():
    assert kinds("The A380 and the X5 sold well, and the A380 flew again.") == {}
    assert kinds("Leaders of the G20 met.") == {"G20": "organisation"}


# --- Places, joined names, inquiries (version 9; sentences written for the tests) ------


def test_a_known_city_or_state_that_recurs_is_no_organisation():
    # Written for the tests: cities and a state named again and again, as routes or sites.
    text = (
        "Flights from Denver to Sydney resumed on Monday. Crews waited while Sydney stayed "
        "calm, and Sydney reopened its second runway."
    )
    assert kinds(text) == {}
    text = "Ann Lee flew to Kansas on Monday. Kansas farmers met her, and Kansas voters cheered."
    assert kinds(text) == {"Ann Lee": "person"}
    # Of two words, a known city is no person either.
    assert kinds("The plant moved from New Orleans to San Antonio, said Ann Lee.") == {
        "Ann Lee": "person"
    }


def test_two_names_joined_by_a_hyphen_are_each_of_them():
    # Written for the tests: "the Lee-Hart summit" is Ann Lee's and Tom Hart's, no body's.
    text = "Ann Lee met Tom Hart on Monday. The Lee-Hart summit began, and the Lee-Hart talks ran."
    found = by_name(text)
    assert set(found) == {"Ann Lee", "Tom Hart"}
    assert surfaces(text, found["Ann Lee"]) == ["Ann Lee", "Lee", "Lee"]
    assert surfaces(text, found["Tom Hart"]) == ["Tom Hart", "Hart", "Hart"]
    # Titled, it is one person's name.
    text = "Ann Lee met Tom Hart. Dr. Lee-Hart spoke, and Dr. Lee-Hart left."
    assert kinds(text)["Lee-Hart"] == "person"
    # With no person among the parts, a hyphenated name is one body's still.
    text = "Ann Lee visited Vostra-Kell. Vostra-Kell said it would hire, and Vostra-Kell did."
    assert kinds(text) == {"Ann Lee": "person", "Vostra-Kell": "organisation"}


def test_capitol_hill_is_a_place_not_a_person():
    # Written for the tests: a run split at "on" left the hill's two names as a person.
    found = kinds("Republicans on Capitol Hill opposed the bill, Ann Lee said.")
    assert found == {"Ann Lee": "person"}


def test_a_name_after_an_investigation_into_is_no_place():
    # Written for the tests: "into" after an inquiry names its subject, not a place.
    text = "Critics want an investigation into Ann Lee's loans. Lee denied it, and Lee appealed."
    found = by_name(text)
    assert set(found) == {"Ann Lee"} and found["Ann Lee"].kind == "person"
    assert surfaces(text, found["Ann Lee"]) == ["Ann Lee", "Lee", "Lee"]
    text = "The probe into Halvorsen ended, and Halvorsen said he was glad."
    found = by_name(text)
    assert set(found) == {"Halvorsen"} and found["Halvorsen"].kind == "person"
    assert surfaces(text, found["Halvorsen"]) == ["Halvorsen", "Halvorsen"]
    # Elsewhere "into" still puts a place.
    assert kinds("Troops moved into Halvern on Monday, and Ann Lee said so.") == {
        "Ann Lee": "person"
    }


# --- The scorer -----------------------------------------------------------------------


def test_the_scorer_is_registered():
    assert get_scorer("actors").version == "17"


def test_the_seed_values_count_actors_by_kind():
    result = score_actors(seed_body())
    envoy = next(a for a in result.evidence["actors"] if a["kind"] == "person")
    assert result.values == {
        "actor_count": 7,
        "by_kind": {"person": 1, "organisation": 1, "country": 4, "group": 1},
        # The one person, with the tone toward him, read from each of his sentences.
        "people": [
            {
                "name": "Hasan Sultonov",
                "toward_mean": envoy["toward_mean"],
                "sentences": sum(envoy["toward_counts"].values()),
            }
        ],
    }
    assert envoy["name"] == "Hasan Sultonov"
    assert sum(envoy["toward_counts"].values()) == 4


def test_the_evidence_is_sorted_by_count_then_name_with_json_friendly_fields():
    evidence = score_actors(seed_body()).evidence["actors"]
    keys = [(-a["count"], a["name"]) for a in evidence]
    assert keys == sorted(keys)
    assert evidence[0]["name"] == "Afghanistan" and evidence[0]["count"] == 9
    envoy = next(a for a in evidence if a["name"] == "Hasan Sultonov")
    assert envoy["aliases"] == ["Sultonov", "the envoy"]
    start = seed_body().index("Hasan Sultonov")
    assert envoy["mentions"][0] == [start, start + len("Hasan Sultonov")]
    assert all(isinstance(m, list) for a in evidence for m in a["mentions"])


def test_actor_sentiment_is_the_mean_vader_compound_of_its_sentences():
    text = (
        "The Taliban committed a horrible, deadly massacre. "
        "Residents thanked NATO for the wonderful rescue. "
        "The Taliban and NATO met on Tuesday."
    )
    vader = SentimentIntensityAnalyzer()
    compounds = [vader.polarity_scores(text[s:e])["compound"] for s, e in split_spans(text)]
    evidence = {a["name"]: a for a in score_actors(text).evidence["actors"]}
    taliban, nato = evidence["Taliban"], evidence["NATO"]
    assert taliban["compound_mean"] == round((compounds[0] + compounds[2]) / 2, 4)
    assert nato["compound_mean"] == round((compounds[1] + compounds[2]) / 2, 4)
    assert taliban["compound_mean"] < 0 < nato["compound_mean"]
    assert taliban["most_negative"]["compound"] == compounds[0]
    assert taliban["most_negative"]["start"] == 0
    assert nato["most_positive"]["compound"] == compounds[1]


def test_the_tone_toward_an_actor_is_read_mention_by_mention_around_its_name():
    # Written for the tests. The second sentence is cheerful as a whole (VADER) but says
    # of Tom Hale that he was arrested for fraud; the third praises Ann Lee.
    text = (
        "Tom Hale and Ann Lee met in Denver on Tuesday. "
        "Tom Hale, who was arrested for fraud, said he was happy and grateful for the "
        "support of his friends. "
        "Ann Lee was praised for her courage by the families of the victims."
    )
    spans = split_spans(text)
    evidence = {a["name"]: a for a in score_actors(text).evidence["actors"]}
    hale, lee = evidence["Tom Hale"], evidence["Ann Lee"]
    expected = []
    for start, end in hale["mentions"]:
        s, e = next((s, e) for s, e in spans if s <= start < e)
        expected.append(tone_toward(text[s:e], start - s, end - s))
    assert hale["toward_mean"] == round(sum(t for t, _ in expected) / len(expected), 4)
    assert sum(hale["toward_counts"].values()) == hale["count"] == 2
    assert hale["toward_counts"]["negative"] >= 1
    # The words behind the figure: the sentence most negative toward him is the arrest.
    worst = hale["toward_most_negative"]
    assert "arrested for fraud" in text[worst["start"] : worst["end"]]
    assert worst["tone"] == min(t for t, _ in expected) < 0
    # His sentences are cheerful on the whole; the tone toward him is not.
    assert hale["compound_mean"] > 0 > hale["toward_mean"]
    assert lee["toward_mean"] > 0
    best = lee["toward_most_positive"]
    assert text[best["start"] : best["end"]].startswith("Ann Lee was praised")


def test_two_mentions_in_one_sentence_count_that_sentence_once():
    text = "Russia and Russian troops lost badly. Russia won a wonderful prize."
    russia = next(a for a in score_actors(text).evidence["actors"] if a["name"] == "Russia")
    vader = SentimentIntensityAnalyzer()
    compounds = [vader.polarity_scores(text[s:e])["compound"] for s, e in split_spans(text)]
    assert russia["count"] == 3
    assert russia["compound_mean"] == round(sum(compounds) / 2, 4)


def test_the_scorer_uses_the_curated_list_the_pipeline_gives():
    context = ScoringContext(
        curated_actors=(CuratedActor("Kremlin", "organisation", ("Russian government",)),)
    )
    scorer = get_scorer("actors")
    evidence = scorer("The Russian government and the Kremlin agreed.", "en", context).evidence
    assert [(a["name"], a["count"]) for a in evidence["actors"]] == [("Kremlin", 2)]


def test_the_sentiment_scorers_cached_compounds_are_used_when_present(monkeypatch):
    from analysis.scoring import sentiment

    text = "Russia won. Russia lost."
    fake = [(0, 11, 0.5), (12, 24, -0.25)]
    monkeypatch.setattr(sentiment, "sentence_compounds", lambda t: fake, raising=False)
    russia = score_actors(text).evidence["actors"][0]
    assert russia["compound_mean"] == 0.125
    assert russia["most_negative"] == {"start": 12, "end": 24, "compound": -0.25}
    assert russia["most_positive"] == {"start": 0, "end": 11, "compound": 0.5}


def test_a_long_run_of_capitalised_starters_is_read_in_linear_time():
    # Written for the tests: 25,000 "A"s in a row took 4.5 s (a word sliced off at a time).
    from tests.analysis.scoring.test_sentences import guard

    text = "Officials from the Red Cross met on Monday. " + "A " * 100_000 + "end."
    with guard():
        found = detect_actors(text)
    assert [a.name for a in found] == ["Red Cross"]


def test_a_plural_noun_for_people_alone_is_no_actor():
    # Written for the tests: "Scientists" opening a sentence is a group nobody named.
    text = "Scientists say the floods will return. Anna Berg, a hydrologist, agreed."
    names = [a["name"] for a in score_actors(text).evidence["actors"]]
    assert "Scientists" not in names and "Anna Berg" in names


def test_the_apposition_search_finds_what_its_pattern_finds():
    from analysis.scoring.actors import _APPOS, _apposition

    # Written for the tests: a plain apposition, one with brackets, spaces given back, a
    # bracket left open, too long a group, a new line before the comma, no comma.
    texts = [
        "Anna Berg, a spokeswoman for the ministry, said on Monday.",
        "Anna Berg, an envoy (appointed in May, 2021) to the talks, said.",
        "Anna Berg,  x, said it.",
        "Anna Berg, \t\n, said it.",
        "Anna Berg, (an open bracket, said it.",
        "Anna Berg, " + "a " * 90 + ", said it.",
        "Anna Berg, the envoy\n, said it.",
        "Anna Berg said it.",
    ]
    for text in texts:
        expected = _APPOS.match(text, 9)
        assert _apposition(text, 9) == (expected.span(1) if expected else None), text


def test_role_mentions_are_what_the_pattern_finds_through_the_text():
    from analysis.scoring.actors import _ROLE_MENTION, _role_mentions

    # Written for the tests: nouns after zero to two words, a capitalised noun (not a
    # mention), a noun inside a longer word, and a very long word before a noun.
    text = (
        "The envoy arrived. Later the Tajik deputy minister spoke, and the Envoy left. "
        "(the spokesmen) and the spokesman’s aides met the " + "x" * 150 + " ambassador."
    )
    expected = [(m.span(), m.group("noun")) for m in _ROLE_MENTION.finditer(text)]
    assert [(m.span(), m.group("noun")) for m in _role_mentions(text)] == expected
    assert [noun for _, noun in expected] == ["envoy", "minister", "spokesman", "ambassador"]


def test_the_words_of_a_body_or_a_title_before_a_name_are_the_persons_title():
    # Written for the tests: a body's word or a qualifier before the title word.
    for text, name in (
        ("Senate Majority Leader Ann Lowe said the vote would go ahead.", "Ann Lowe"),
        ("RNC Chairman Bo Lind said the party was united.", "Bo Lind"),
        ("Press Secretary Cal Dorn told reporters the plan was sound.", "Cal Dorn"),
        ("Riverside Police Chief Dee Marsh said the road was closed.", "Dee Marsh"),
    ):
        assert [(a.name, a.kind) for a in detect_actors(text)] == [(name, "person")], text
    # A title word that ends the name is no title of a person: a newspaper.
    found = detect_actors("The Riverside Union Leader endorsed him.")
    assert [(a.name, a.kind) for a in found] == [("Riverside Union Leader", "organisation")]


def test_an_abbreviated_rank_without_its_point_heads_a_title():
    # Written for the tests: "Sgt" and "Maj" written without a point, as "Gen" and "Col"
    # may be, are title words like "Sgt." (text.RANK_TITLES).
    found = by_name("Army Sgt Ann Lee said the base was calm. Maj Tom Hart agreed with Lee.")
    assert {"Ann Lee", "Tom Hart"} <= set(found)
    assert found["Ann Lee"].kind == "person" and found["Tom Hart"].kind == "person"


def test_every_title_word_heads_a_title_in_actors():
    # One list of title words (text.py): every one that actors reads as a title heads one.
    from analysis.scoring.actors import _TITLE_HEADS
    from analysis.scoring.text import HONORIFICS, RANK_TITLES, TITLE_WORDS

    assert TITLE_WORDS | RANK_TITLES | HONORIFICS <= _TITLE_HEADS


def test_outlets_bodies_of_people_and_companies_named_after_a_country_are_no_persons():
    # Written for the tests (version 10): an outlet's last word, a group's noun heading a
    # body's name before "for", a company named after a country; a person of that country.
    found = kinds(
        "The chart ran in Harbour Insider on Monday. Citizens for Fair Rents said it was "
        "wrong, and Air Canada said nothing. Michael Jordan and Ann Lee of France agreed."
    )
    assert found["Harbour Insider"] == "organisation"
    assert found["Citizens for Fair Rents"] == "organisation"
    assert found["Air Canada"] == "organisation"
    assert found["Michael Jordan"] == "person"
    assert "Fair Rents" not in found


def test_a_persons_name_before_of_and_a_body_is_the_persons():
    # Written for the tests (version 10): a titled name, and a name after "and" and a
    # body's name, each before "of the" and a body.
    found = kinds(
        "Wages fell, said Vice President Ann Lowe of the Tarsa Policy Institute. "
        "The Harbour Institute and Bo Lind of the Tarsa Policy Institute agreed."
    )
    assert found["Ann Lowe"] == "person"
    assert found["Bo Lind"] == "person"
    assert found["Tarsa Policy Institute"] == "organisation"
    assert found["Harbour Institute"] == "organisation"
    # A title's own "of" stays the title's, and a country after a titled name is its own.
    assert kinds("Secretary of State Cal Dorn met President Dee Marsh of France.") == {
        "Cal Dorn": "person",
        "Dee Marsh": "person",
        "France": "country",
    }


def test_landmarks_and_a_datelines_capital_name_no_person():
    # Written for the tests (version 10): a lawn, a mount and a plaza are places, no
    # actors; a seat named "House" is a body; a dateline's city in capitals is no acronym,
    # a country in capitals is that country.
    found = kinds(
        "TOKYO — The guests met on the East Lawn, then drove to Mount Tarsa and Lind Plaza. "
        "The Green House said the visit went well. CANADA was not invited."
    )
    assert found == {"Green House": "organisation", "Canada": "country"}


def test_a_name_before_a_comma_and_a_state_is_a_town():
    # Written for the tests (version 10): a town named again and again, one of two words
    # named again, each first before a comma and a state; a person before a state's
    # possessive stays a person.
    found = kinds(
        "Lumeria opened a plant. Tarsa, Ohio, welcomed it, and Tarsa gave it land. "
        "Jets are built at Port Lind, Ohio by Lumeria. The Port Lind plant grew. "
        "Lumeria said so. Ann Lee, Ohio's senator, said so too."
    )
    assert found == {"Lumeria": "organisation", "Ann Lee": "person"}


def test_a_companys_last_word_and_an_airlines_flight_make_an_organisation():
    # Written for the tests (version 10): a company's name ending with a word no surname
    # is, an airline named before its flight's number, one named after a country.
    found = kinds(
        "Rescuers searched for Tarsa Air Flight 12 on Monday. Lumeria Computer said its "
        "software was not to blame, and Air India said nothing."
    )
    assert found == {
        "Tarsa Air": "organisation",
        "Lumeria Computer": "organisation",
        "Air India": "organisation",
    }


def test_an_events_or_an_agreements_name_is_no_actor():
    # Written for the tests (version 10): a war, an accord and games, each named.
    found = kinds(
        "Ann Lee said the Tarsa War never ended. Lumeria left the Lind Climate Accord, and "
        "the Harbour Winter Games were cancelled."
    )
    assert found == {"Ann Lee": "person"}


def test_a_capitalised_preposition_inside_a_name_makes_a_body():
    # Written for the tests (version 10): bodies named with "Without", "Against", "Sin".
    found = kinds(
        "The march was organised by Nurses Without Borders, and Parents Against Noise "
        "joined, as did Vecinos Sin Muros."
    )
    assert found == {
        "Nurses Without Borders": "organisation",
        "Parents Against Noise": "organisation",
        "Vecinos Sin Muros": "organisation",
    }


# --- Demonyms, regions, currencies, products, companies (version 11) ------------------


def mentions_of(text):
    return {a.name: [text[s:e] for s, e in a.mentions] for a in detect_actors(text)}


def test_a_demonym_describing_a_named_actor_is_no_mention_of_its_country():
    # Written for the tests (version 11): the demonym is the person's role or the body's
    # kind; "Lumerian"-like demonyms of real countries, with made-up names after them.
    text = (
        "French President Ann Lee met North Korean leader Bo Kell. The Irish low-cost "
        "airline, Tarsa Aero, said it would fly. France and North Korea signed. Irish "
        "officials said so."
    )
    found = mentions_of(text)
    assert found["France"] == ["France"]
    assert found["North Korea"] == ["North Korea"]
    assert found["Ireland"] == ["Irish"]  # "Irish officials": the country's
    assert found["Ann Lee"] == ["Ann Lee"] and found["Bo Kell"] == ["Bo Kell"]


def test_a_demonym_stays_when_the_text_names_its_country_no_other_way():
    # Written for the tests (version 11).
    found = kinds("South Korean President Ann Lee said the talks went well.")
    assert found == {"South Korea": "country", "Ann Lee": "person"}


def test_a_demonym_before_lower_case_words_and_a_title_is_no_description():
    # Written for the tests (version 11): "officials have met" is no kind of Mr. Lee.
    found = kinds("American officials have met Mr. Lee twice.")
    assert found["United States"] == "country"


def test_regions_and_currencies_name_no_country():
    # Written for the tests (version 11).
    found = kinds(
        "Central American migrants and North American firms paid US$40 each, and the "
        "Latin American bloc met in Northern Ireland. Costs rose by 12 Swiss francs."
    )
    assert found == {}


def test_a_model_name_after_its_code_is_a_product():
    # Written for the tests (version 11): "Skyrider" is the model's, Lumeria the maker.
    found = kinds(
        'Lumeria said the Lumeria 404 "Skyrider" is late. The Skyrider was due in May, '
        "and the Skyrider is now due in June, Lumeria said."
    )
    assert found == {"Lumeria": "organisation"}


def test_a_maker_before_a_plain_count_stays_an_actor():
    # Written for the tests (version 11): "500 Lumeria workers" is no model's code.
    found = kinds("About 500 Lumeria workers left. Lumeria said it would hire. Lumeria grew.")
    assert found == {"Lumeria": "organisation"}


def test_a_name_after_a_companys_noun_or_before_a_plural_verb_is_a_body():
    # Written for the tests (version 11): two-word names with no telling word.
    found = kinds(
        "The electronics retailer Tarsa Lind cut prices. Vostra Kell have ordered six jets, "
        "and Ann Lee has left."
    )
    assert found == {
        "Tarsa Lind": "organisation",
        "Vostra Kell": "organisation",
        "Ann Lee": "person",
    }


def test_an_apposition_with_a_companys_noun_makes_a_body():
    # Written for the tests (version 11): "a company spokeswoman" describes a person.
    found = kinds(
        "Tarsa Lind, the electronics retailer, cut prices, and Vostra Kell, a small airline "
        "based in Lumeria, grew. Ann Lee, a company spokeswoman, said no."
    )
    assert found == {
        "Tarsa Lind": "organisation",
        "Vostra Kell": "organisation",
        "Ann Lee": "person",
    }


def test_a_continents_adjective_is_no_short_name_of_a_body():
    # Written for the tests (version 11).
    text = "The European Court of Justice ruled. European leaders met."
    found = mentions_of(text)
    assert found["European Court of Justice"] == ["European Court of Justice"]


def test_and_after_a_known_name_opens_no_persons_name():
    # Written for the tests (version 11).
    found = kinds("The United States and North Korea met, as did the United Kingdom and Ann Lee.")
    assert found == {
        "United States": "country",
        "North Korea": "country",
        "United Kingdom": "country",
        "Ann Lee": "person",
    }


def test_capitalised_words_after_a_lower_case_brand_are_that_names_rest():
    # Written for the tests (version 11): "ePlan" opens in lower case; its name's rest is
    # no person ("ePlan Music Store") and no body ("ePlan Classic").
    found = kinds(
        "Lumeria sells songs on its ePlan Music Store, and the ePlan Classic sold well, "
        "Ann Lee said."
    )
    assert found == {"Ann Lee": "person"}


def test_holidays_and_held_events_are_no_actors_but_name_their_holder():
    # Written for the tests (version 11): a holiday is a day; a conference is an event,
    # whose first word names its holder when the text names it so elsewhere.
    found = kinds(
        "Sales rose over the Christmas and New Year period. At the Lumeria Developers "
        "Conference, Lumeria said sales rose, and Lumeria grew. The Tarsa Air Show opened."
    )
    assert found == {"Lumeria": "organisation"}


def test_a_product_lines_last_word_makes_a_product_no_person():
    # Written for the tests (version 13): "Pro", "Max", "Mini" end a product's name, not
    # a person's.
    found = kinds(
        "Buyers queued for the Tarsa Pro on Tuesday. The Tarsa Pro costs more than the Vostra "
        "Mini, Ann Lee said, and she said the MacBook Pro and the Lind Max would sell well."
    )
    assert found == {"Ann Lee": "person"}


def test_a_known_company_whose_name_reads_as_a_persons_is_a_body():
    # Written for the tests (version 13): two surnames, or a given name and a surname,
    # that name a company ("Lockheed Martin", "Morgan Stanley": text.ORGANISATIONS).
    found = kinds(
        "The Pentagon chose Lockheed Martin for the jet, and Morgan Stanley said it would "
        "lend. Ann Lee of Goldman Sachs said the bank agreed."
    )
    assert found == {
        "Pentagon": "organisation",
        "Lockheed Martin": "organisation",
        "Morgan Stanley": "organisation",
        "Goldman Sachs": "organisation",
        "Ann Lee": "person",
    }


def test_a_name_holding_an_ampersand_is_one_bodys():
    # Written for the tests (version 13): initials joined by an ampersand ("S.&P.",
    # "AT&T") are one word, and names joined by one a body's name, not people; two people
    # stay two before a title ("& Sen.").
    found = kinds(
        "S.&P. Global cut the port's rating, and AT&T Mobility and Procter & Gamble said "
        "they would stay. Ann Lee & Sen. Bo Hale met the board."
    )
    assert found == {
        "S.&P. Global": "organisation",
        "AT&T Mobility": "organisation",
        "Procter & Gamble": "organisation",
        "Ann Lee": "person",
        "Bo Hale": "person",
    }


def test_a_persons_name_joined_to_a_body_by_and_stays_a_persons():
    # Written for the tests: a name opening with a common given name (text.is_given_name)
    # is a person's, even beside a body.
    assert kinds("The mill borrowed from Morgan Stanley and Tom Hale in May.") == {
        "Morgan Stanley": "organisation",
        "Tom Hale": "person",
    }


def test_an_ampersand_between_given_names_joins_two_people_not_a_body():
    # Written for the tests: "&" between given names parts them, as "and" would.
    found = kinds("Tom & Ann Hale ran the fair, and Simon & Schuster paid for it.")
    assert found["Simon & Schuster"] == "organisation"
    assert "Tom & Ann Hale" not in found
    assert found["Ann Hale"] == "person"


def test_a_given_name_alone_is_the_person_named_in_full_not_a_body():
    # Written for the tests: "Hillary" alone, recurring, is Hillary Lowe.
    text = "Hillary Lowe spoke first. The crowd cheered when Hillary spoke again, and Hillary left."
    assert [(a.name, a.kind, len(a.mentions)) for a in detect_actors(text)] == [
        ("Hillary Lowe", "person", 3)
    ]


def test_a_product_line_a_numbered_rocket_or_a_makers_model_is_no_person():
    # Written for the tests (version 14): "… Air" of a product line, a Roman numeral after
    # no given name, a maker's name before a model's.
    found = kinds(
        "Lumeria sold the MacBook Air in May. Lockheed Tristar jets and the Atlas V rocket "
        "flew, and Boeing Aircraft staff met Tom Hale."
    )
    assert not {"MacBook Air", "Lockheed Tristar", "Atlas V"} & set(found)
    assert found["Boeing Aircraft"] == "organisation"
    assert found["Tom Hale"] == "person"


def test_a_name_does_not_run_across_the_end_of_a_sentence():
    # Written for the tests: initials that end a sentence are not joined to the capitalised
    # word that opens the next one.
    text = "Bonds rose, S.&P. The index fell."
    assert not any(" The" in name for name in by_name(text))
    text = "Bonds rose, S.&P. The index fell. S.&P. Global said so."
    assert {name: a.kind for name, a in by_name(text).items()} == {"S.&P. Global": "organisation"}


def test_a_regnal_number_after_a_given_name_is_the_persons():
    # Written for the tests.
    for text, name in (
        ("Elizabeth II opened the hall.", "Elizabeth II"),
        ("Queen Elizabeth II opened the bridge on Monday.", "Elizabeth II"),
        ("Louis XIV built the palace.", "Louis XIV"),
    ):
        found = by_name(text)
        assert name in found and found[name].kind == "person", text
    assert by_name("The Atlas V rocket flew.") == {}  # no given name: a product


def test_two_given_names_joined_by_an_ampersand_before_s_name_a_business():
    # Written for the tests: "Ben & Jerry's" is one organisation, with either apostrophe;
    # names with surnames stay two people.
    text = "Ben & Jerry's said it would grow. Ben & Jerry’s pints cost more."
    found = by_name(text)
    assert set(found) == {"Ben & Jerry's"}
    assert found["Ben & Jerry's"].kind == "organisation"
    assert surfaces(text, found["Ben & Jerry's"]) == ["Ben & Jerry's", "Ben & Jerry’s"]
    found = by_name("Ann Lowe & Tom Hale's plan failed.")
    assert {n: a.kind for n, a in found.items()} == {"Ann Lowe": "person", "Tom Hale": "person"}
    assert set(by_name("Procter & Gamble's profit rose.")) == {"Procter & Gamble"}


def test_a_name_cut_at_its_sentences_end_loses_the_closing_quote_and_full_stop():
    # Written for the tests: two apostrophes close the quote, in the New York Times' style.
    text = "He said: ''We love the United States.'' After that he left."
    found = by_name(text)
    assert set(found) == {"United States"} and found["United States"].kind == "country"
    assert surfaces(text, found["United States"]) == ["United States"]


# Written for the tests: people's names among hostile fragments and unicode.
_PEOPLE_SENTENCES = [
    "Mayor Ann Lee praised the volunteers.",
    "Tom Hale was accused of fraud, and Ann Lee said so.",
    '"A disgrace," said Senator Dee Marsh of Tom Hale.',
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_PEOPLE_SENTENCES), hostile.fragments), min_size=1, max_size=10
    )
)
def test_the_tone_toward_a_person_is_one_reading_a_sentence_whatever_the_text(pieces):
    text = " ".join(pieces)
    spans = split_spans(text)
    for actor in score_actors(text).evidence["actors"]:
        if actor["kind"] != "person" or "compound_mean" not in actor:
            assert "toward_mean" not in actor
            continue
        sentences = {
            next((s for s, e in spans if s <= start < e), None) for start, _ in actor["mentions"]
        }
        assert sum(actor["toward_counts"].values()) <= len(actor["mentions"])
        assert sum(actor["toward_counts"].values()) >= len(sentences - {None})
        low, high = actor["toward_most_negative"]["tone"], actor["toward_most_positive"]["tone"]
        assert -1 <= low <= actor["toward_mean"] + 1e-4
        assert actor["toward_mean"] <= high + 1e-4 <= 1 + 1e-4


# Characters of models' codes and names, and of what stands around them: capitals,
# digits (one outside ASCII), hyphens, spaces, quotes, and the look-behind's characters.
_CODE_CHARACTERS = "AKTZ0479٣-  \t\"“'’,.$€xyaS"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=_CODE_CHARACTERS, max_size=12),
            st.sampled_from(["A350 Skyrider", "T-90 “Falcon”", "404 Skyrider", "the 787 Dream"]),
        ),
        max_size=8,
    )
)
def test_model_names_are_what_the_pattern_finds_through_the_text(pieces):
    from analysis.scoring.actors import _MODEL_NAME, _model_names

    text = "".join(pieces)
    expected = [m.span() for m in _MODEL_NAME.finditer(text)]
    assert [m.span() for m in _model_names(text)] == expected


def test_model_names_are_found_at_the_codes_of_a_text():
    from analysis.scoring.actors import _model_names

    # Written for the tests: codes opening with capitals, a hyphen or digits; a digit run
    # too short, one after a comma, and a code at the text's start.
    text = 'A350 Skyrider, the T-90 "Falcon", ABC-12 Lark, 1,234 Wing, 12 Kite and XY5 Hawk.'
    assert [m.group(1) for m in _model_names(text)] == ["Skyrider", "Falcon", "Lark", "Hawk"]
