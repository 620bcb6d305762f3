from pathlib import Path

from analysis.scoring import get_scorer
from analysis.scoring.attribution import score_attribution
from newsdesk.ingest.text import clean_text

SEED = (
    Path(__file__).resolve().parents[4] / "shared" / "corpus" / "seed-sputnik-afghan-soldiers.txt"
)


def seed_body():
    return clean_text(SEED.read_text(encoding="utf-8")).body


def attributions(text):
    return score_attribution(text).evidence["attributions"]


def speaker_types(text):
    return {a["speaker"]: a["speaker_type"] for a in attributions(text)}


def only(text):
    found = attributions(text)
    assert len(found) == 1, found
    return found[0]


def content(text, a):
    return text[a["content_start"] : a["content_end"]]


def test_the_scorer_is_registered():
    assert get_scorer("attribution").version == "28"


def test_the_seed_has_one_source_the_tajik_envoy():
    result = score_attribution(seed_body())
    sources = result.evidence["sources"]
    assert [s["name"] for s in sources] == ["Hasan Sultonov"]
    assert sources[0]["type"] == "named_person"
    assert "Permanent Representative" in sources[0]["role"]
    assert result.values["named_source_count"] == 1
    assert result.values["named_source_bucket"] == "1"


def test_every_seed_cue_is_attributed_to_sultonov():
    body = seed_body()
    found = attributions(body)
    assert [a["cue"] for a in found] == ["said", "said", "noted", "added", "According to"]
    assert {a["speaker"] for a in found} == {"Hasan Sultonov"}
    assert [a["direct"] for a in found] == [False, True, False, False, False]
    assert body[found[2]["start"] : found[2]["end"]].startswith("He noted")
    assert body[found[4]["start"] : found[4]["end"]].startswith("According to the envoy")
    assert all(body[a["cue_start"] : a["cue_end"]] == a["cue"] for a in found)


def test_unattributed_claims_are_the_sentences_where_the_actor_pattern_matches():
    # The claims are found from the text's bytes, not by the pattern: the same sentences.
    from analysis.scoring.attribution import _ACTOR
    from analysis.scoring.sentences import split_spans

    sentences = [
        "The weather was fine.",
        "The iPhone sold well.",
        "It rained in the non-Russian areas.",
        "The plan costs 5 dollars.",
        "Then Moscow moved.",
        "The O’Brien family left.",
        "A B c d.",
        "They’re here now.",
        "The Thé arrived.",
        "Some of them and All of us went home.",
        "The year was 1990 or so.",
        "The rest is The.",
        "Nothing at all (X) here.",
        "The total was ٣ units.",
        "’Twas a night.",
    ]
    for text in (" ".join(sentences), " ".join(sentences[:-2])):
        expected = [
            {"start": s, "end": e} for s, e in split_spans(text) if _ACTOR.search(text, s, e)
        ]
        found = score_attribution(text).evidence["unattributed_claims"]
        assert found == expected
        assert 4 <= len(found) < len(split_spans(text))


def test_the_seed_background_sentences_are_unattributed_claims():
    body = seed_body()
    result = score_attribution(body)
    claims = [body[c["start"] : c["end"]] for c in result.evidence["unattributed_claims"]]
    for opening in (
        "Afghanistan is seeing a spike in violence",
        "In recent days, hundreds of Afghan government soldiers",
        "Uzbekistan has refused to accept",
    ):
        assert any(c.startswith(opening) for c in claims), opening
    assert not any("Sultonov" in c or "envoy" in c for c in claims)


def test_the_seed_values_are_shares_between_zero_and_one():
    values = score_attribution(seed_body()).values
    assert values["sentence_count"] == 9
    for key in (
        "attributed_sentence_share",
        "attribution_density",
        "direct_quote_word_share",
        "anonymous_share",
        "loaded_verb_share",
        "unattributed_claim_share",
    ):
        assert 0 <= values[key] <= 1, key
    assert values["anonymous_share"] == 0 and values["loaded_verb_share"] == 0
    assert values["direct_quote_word_share"] > 0


def test_a_quote_followed_by_name_and_verb_is_direct():
    text = '"We will not leave," Hasan Sultonov said.'
    a = only(text)
    assert a["direct"] and a["speaker"] == "Hasan Sultonov" and a["cue"] == "said"
    assert content(text, a) == "We will not leave"


def test_a_quote_after_name_verb_and_colon_is_direct():
    text = 'Hasan Sultonov said: "We will not leave."'
    a = only(text)
    assert a["direct"] and a["speaker"] == "Hasan Sultonov"
    assert content(text, a) == "We will not leave."


def test_a_quote_followed_by_an_inverted_verb_and_apposition_is_direct():
    text = '"We will not leave," said Hasan Sultonov, the envoy.'
    a = only(text)
    assert a["direct"] and a["speaker"] == "Hasan Sultonov" and a["role"] == "the envoy"


def test_a_quote_followed_by_a_dash_and_a_name_is_direct():
    text = '"We will not leave" — Hasan Sultonov'
    a = only(text)
    assert a["direct"] and a["speaker"] == "Hasan Sultonov" and a["cue"] == "—"


def test_a_quote_after_said_that_is_direct():
    text = 'Hasan Sultonov said that "we will not leave".'
    a = only(text)
    assert a["direct"] and content(text, a) == "we will not leave"


def test_curly_quotes_and_guillemets_are_quotes():
    curly = "“We will not leave,” Sultonov said."
    guillemets = "Putin said: «We stay»."
    assert only(curly)["direct"] and only(curly)["speaker"] == "Sultonov"
    assert only(guillemets)["direct"] and content(guillemets, only(guillemets)) == "We stay"


def test_a_quote_spanning_several_sentences_is_one_attribution():
    text = 'Sultonov said: "We will not leave. We will stay. We are strong."'
    result = score_attribution(text)
    a = result.evidence["attributions"][0]
    assert len(result.evidence["attributions"]) == 1
    assert content(text, a) == "We will not leave. We will stay. We are strong."
    assert result.values["attributed_sentence_share"] == 1.0


def test_a_quote_broken_by_the_attribution_is_one_attribution():
    text = '"It is over," Sultonov said, "and we are leaving."'
    a = only(text)
    assert content(text, a) == 'It is over," Sultonov said, "and we are leaving.'


def test_officials_said_is_anonymous():
    text = "Troops crossed the border, officials said."
    a = only(text)
    assert a["speaker_type"] == "anonymous" and a["speaker"] == "officials"
    assert content(text, a) == "Troops crossed the border"
    assert score_attribution(text).values["anonymous_share"] == 1.0


def test_a_street_where_the_speaker_stands_is_not_the_speaker():
    # Written for the tests.
    a = only("A café owner on Quay Street said the water rose within minutes.")
    assert a["speaker"] != "Quay Street" and a["speaker_type"] != "named_person"


def test_a_government_named_by_its_street_or_its_city_is_an_organisation():
    # Written for the tests.
    assert speaker_types("Downing Street said the talks would go on.") == {
        "Downing Street": "named_org"
    }
    assert speaker_types("Atlantic City said the boardwalk would reopen.") == {
        "Atlantic City": "named_org"
    }


def test_a_capitalised_plural_or_quantifier_opening_a_sentence_is_an_unnamed_group():
    # Written for the tests.
    assert speaker_types("Installers say the subsidy came too late.") == {"Installers": "anonymous"}
    # "Several" alone is a generic group since attribution 25 (like "some" and "many").
    assert speaker_types("Several said the grid could not take more panels.") == {
        "Several": "group"
    }


def test_a_named_body_of_workers_is_an_organisation_not_a_person():
    # Written for the tests.
    assert speaker_types("Harbour Workers said the cranes had stood idle since June.") == {
        "Harbour Workers": "named_org"
    }
    assert speaker_types("United Auto Workers said the strike would go on.") == {
        "United Auto Workers": "named_org"
    }


def test_a_seat_of_government_or_a_known_body_without_the_is_an_organisation():
    # Written for the tests: the organisations that the actors scorer knows (text.py).
    for name in ("White House", "Kremlin", "Pentagon", "State Department", "Human Rights Watch"):
        assert speaker_types(f"{name} said the talks would go on.") == {name: "named_org"}
    # The day after the name is not the name's.
    assert speaker_types("White House on Monday said the talks would go on.") == {
        "White House": "named_org"
    }


def test_a_person_titled_after_a_body_is_a_person_with_the_title_as_role():
    # Written for the tests.
    a = only("White House Press Secretary Dana Holm said the briefing was cancelled.")
    assert (a["speaker"], a["speaker_type"]) == ("Dana Holm", "named_person")
    assert a["role"] == "White House Press Secretary"
    a = only("Harbour Police Chief Tomas Vik said the road was closed.")
    assert (a["speaker"], a["speaker_type"]) == ("Tomas Vik", "named_person")
    a = only("The Foreign Minister Ilse Brandt said the talks would go on.")
    assert (a["speaker"], a["speaker_type"]) == ("Ilse Brandt", "named_person")
    # A body's word after the title keeps it a body.
    assert speaker_types("King Harald Foundation said the grant would go on.") == {
        "King Harald Foundation": "named_org"
    }


def test_a_name_after_a_noun_for_a_body_is_that_body():
    # Written for the tests.
    assert speaker_types("The rights group Open Ledger Watch said 40 were held.") == {
        "Open Ledger Watch": "named_org"
    }
    assert speaker_types("The government of Valmora said the tariff would stay.") == {
        "government of Valmora": "named_org"
    }
    # The campaign speaks, not the candidate, who is still a person when she speaks.
    text = "The campaign of Ann Lee said the rally was moved. Ann Lee said she would attend."
    assert speaker_types(text) == {"campaign of Ann Lee": "named_org", "Ann Lee": "named_person"}


def test_a_plural_noun_for_people_in_capitals_is_an_unnamed_group():
    # Written for the tests: in capitals, "SURVIVORS" is no part of a name.
    text = "The clinic closed. FLOOD SURVIVORS said they were left alone."
    assert speaker_types(text) == {"FLOOD SURVIVORS": "anonymous"}
    assert speaker_types("Flood Survivors said they were left alone.") == {
        "Flood Survivors": "named_org"
    }


def test_a_source_familiar_with_the_talks_is_anonymous():
    a = only("A source familiar with the talks said the deal was close.")
    assert a["speaker_type"] == "anonymous"
    assert a["speaker"] == "a source familiar with the talks"


def test_reportedly_is_an_anonymous_attribution():
    a = only("The army reportedly withdrew 300 men.")
    assert a["speaker_type"] == "anonymous" and a["cue"] == "reportedly"


def test_experts_say_is_a_generic_group():
    # Since attribution 24 nobody named is an anonymous source proper or a generic group.
    assert only("Experts say the border is porous.")["speaker_type"] == "group"


def test_a_ministry_is_a_named_organisation():
    text = "The Interior Ministry said 40 people were arrested."
    result = score_attribution(text)
    assert result.evidence["sources"] == [
        {"name": "Interior Ministry", "type": "named_org", "role": "", "count": 1}
    ]
    assert content(text, result.evidence["attributions"][0]) == "40 people were arrested."


def test_an_acronym_is_a_named_organisation():
    assert only("The CSTO said the border was safe.")["speaker_type"] == "named_org"


def test_loaded_verbs_are_counted_apart_from_neutral_ones():
    text = "Lavrov claimed the talks failed. Lavrov said Russia would respond."
    result = score_attribution(text)
    assert [a["loaded"] for a in result.evidence["attributions"]] == [True, False]
    assert result.values["loaded_verb_share"] == 0.5


def test_insisted_admitted_alleged_and_conceded_are_loaded():
    for verb in ("insisted", "admitted", "alleged", "conceded"):
        assert only(f"Lavrov {verb} that the talks failed.")["loaded"], verb


def test_a_title_before_the_name_becomes_the_role():
    text = "Foreign Minister Sergei Lavrov said the talks failed. The minister added that Russia would respond."
    found = attributions(text)
    assert [a["speaker"] for a in found] == ["Sergei Lavrov", "Sergei Lavrov"]
    assert found[0]["role"] == "Foreign Minister"


def test_a_surname_and_a_pronoun_refer_to_the_full_name():
    text = (
        "Hasan Sultonov said the talks failed. Sultonov added that 30 died. She noted it was cold."
    )
    assert {a["speaker"] for a in attributions(text)} == {"Hasan Sultonov"}
    assert len(score_attribution(text).evidence["sources"]) == 1


def test_named_sources_are_bucketed():
    text = "Lavrov said no. Blinken said yes. The Interior Ministry said maybe. Guterres said wait."
    values = score_attribution(text).values
    assert values["named_source_count"] == 4 and values["named_source_bucket"] == "4+"


def test_non_attributive_uses_of_said_and_told_give_no_attribution():
    for text in (
        "He told a joke.",
        "The so-called said clause was removed.",
        "The said property was sold.",
        "What was said remains unclear.",
    ):
        assert attributions(text) == [], text


def test_cue_and_content_offsets_point_at_the_text():
    text = (
        "Tajik border guards detained 12 men on Monday. Troops crossed, officials said. "
        '"We stay," Sultonov insisted. According to the Interior Ministry, 30 people fled.'
    )
    found = attributions(text)
    assert [a["cue"] for a in found] == ["said", "insisted", "According to"]
    for a in found:
        assert text[a["cue_start"] : a["cue_end"]] == a["cue"]
        assert a["start"] <= a["content_start"] < a["content_end"] <= a["end"]
    assert content(text, found[2]) == "30 people fled."


def test_a_sentence_with_a_number_and_no_source_is_an_unattributed_claim():
    text = "Officials said the road was closed. 40 people died in the floods. It rained."
    result = score_attribution(text)
    claims = [text[c["start"] : c["end"]] for c in result.evidence["unattributed_claims"]]
    assert claims == ["40 people died in the floods."]


def test_empty_text_scores_nothing():
    assert score_attribution("").values == {"sentence_count": 0}


def test_states_speaking_together_are_an_organisation_not_a_person():
    result = score_attribution(
        "Uzbekistan and Turkmenistan said on Monday that the border would stay closed."
    )
    (source,) = result.evidence["sources"]
    assert (source["name"], source["type"]) == ("Uzbekistan and Turkmenistan", "named_org")


def test_a_person_and_a_state_are_not_taken_for_one_organisation():
    result = score_attribution("Hasan Sultonov and Russia said the talks would resume.")
    assert all(
        s["type"] != "named_org" or s["name"] != "Hasan Sultonov and Russia"
        for s in result.evidence["sources"]
    )


# --- Version 3: what news writing does (all sentences written for the tests) -----------


def spoken_by(text, a):
    return text[a["speaker_start"] : a["speaker_end"]]


def test_two_apostrophes_open_and_close_a_quote_in_the_new_york_times_style():
    text = "''We will build the bridge next year,'' said Maria Olsen."  # written for the tests
    a = only(text)
    assert a["direct"] and a["speaker"] == "Maria Olsen" and a["cue"] == "said"
    assert content(text, a) == "We will build the bridge next year"
    assert spoken_by(text, a) == "Maria Olsen"


def test_a_party_and_state_tag_stays_with_the_lawmaker_before_the_cue():
    text = "Sen. Anna Berg (D-Ore.) said she would vote against the bill."  # written for the tests
    a = only(text)
    assert (a["speaker"], a["speaker_type"], a["direct"]) == ("Anna Berg", "named_person", False)
    assert content(text, a) == "she would vote against the bill."
    assert spoken_by(text, a) == "Sen. Anna Berg (D-Ore.)"


def test_a_party_and_state_tag_stays_with_the_lawmaker_after_the_cue():
    # written for the tests
    text = '"The plan is dead," added Rep. Tom Reyes (R-Tex.), the committee chairman.'
    a = only(text)
    assert a["direct"] and a["speaker"] == "Tom Reyes" and "committee chairman" in a["role"]
    assert content(text, a) == "The plan is dead"


def test_an_institution_is_a_source_of_a_quote():
    text = (
        'The agency says on its website that "applications close in May."'  # written for the tests
    )
    a = only(text)
    assert (a["speaker"], a["direct"], a["cue"]) == ("the agency", True, "says")
    assert content(text, a) == "applications close in May."


def test_a_group_is_a_source_of_reported_speech():
    text = "Local farmers said on Tuesday that the drought had ruined the harvest."  # written for the tests
    a = only(text)
    assert a["speaker"] == "Local farmers" and not a["direct"]
    assert content(text, a) == "the drought had ruined the harvest."


def test_what_was_said_is_after_said_not_the_phrase_before_the_speaker():
    text = "At the rally on Sunday, Mr. Lund said he would lower taxes."  # written for the tests
    a = only(text)
    assert a["speaker"] == "Lund" and not a["direct"]
    assert content(text, a) == "he would lower taxes."


def test_a_spokesman_speaks_for_his_principal():
    text = "A spokesman for Mayor Ruth Alder said the road would reopen."  # written for the tests
    a = only(text)
    assert (a["speaker"], a["speaker_type"], a["principal"]) == (
        "a spokesman",
        "anonymous",
        "Mayor Ruth Alder",
    )
    assert content(text, a) == "the road would reopen."
    assert spoken_by(text, a) == "A spokesman for Mayor Ruth Alder"


def test_a_named_spokesman_keeps_his_name_and_his_principal():
    text = "Alder spokesman Tim Cole said the road would reopen."  # written for the tests
    a = only(text)
    assert (a["speaker"], a["principal"], a["role"]) == ("Tim Cole", "Alder", "Alder spokesman")


def test_a_pronoun_is_resolved_to_the_person_named_before_and_marked_so():
    # written for the tests
    text = "Ruth Alder opened the bridge on Monday. She said it had cost too much."
    a = only(text)
    assert (a["speaker"], a["speaker_resolved"]) == ("Ruth Alder", True)
    assert spoken_by(text, a) == "She" and content(text, a) == "it had cost too much."


def test_a_named_speaker_is_not_marked_resolved():
    a = only("Ruth Alder said the bridge was safe.")  # written for the tests
    assert a["speaker_resolved"] is False and a["principal"] is None


def test_a_quote_over_two_paragraphs_is_one_direct_attribution():
    # written for the tests: each paragraph opens the quote, only the last one closes it
    text = 'Alder said:\n\n"The first part is done.\n\n"The second part starts now."'
    a = only(text)
    assert a["direct"] and a["speaker"] == "Alder" and a["cue"] == "said"
    assert content(text, a) == 'The first part is done.\n\n"The second part starts now.'


def test_an_unclosed_quote_mark_opens_nothing():
    text = 'He wrote "nothing here.\n\nThe council met on Monday.'  # written for the tests
    assert [a for a in attributions(text) if a["direct"]] == []


def test_a_quote_after_an_attributed_one_goes_on_with_the_same_speaker():
    text = '"We are ready," Alder said. "The work starts now."'  # written for the tests
    first, second = attributions(text)
    assert first["speaker"] == second["speaker"] == "Alder"
    assert second["direct"] and content(text, second) == "The work starts now."
    assert spoken_by(text, second) == "Alder"


def test_a_title_in_quotation_marks_is_no_quote():
    text = 'Alder appeared on "Morning Report" on Sunday.'  # written for the tests
    assert attributions(text) == []


def test_according_to_at_the_end_keeps_the_content_before_it():
    text = "The dam will open in June, according to the water board."  # written for the tests
    a = only(text)
    assert (a["speaker"], a["cue"], a["direct"]) == ("the water board", "according to", False)
    assert content(text, a) == "The dam will open in June"


def test_a_participle_after_a_comma_reports_the_subject_of_the_sentence():
    text = "Alder defended the plan, saying it would save money."  # written for the tests
    a = only(text)
    assert (a["speaker"], a["cue"]) == ("Alder", "saying")
    assert content(text, a) == "it would save money."


def test_a_description_before_a_name_after_the_cue_is_the_role():
    text = '"It works," said local teacher Ana Ruiz.'  # written for the tests
    a = only(text)
    assert (a["speaker"], a["role"], a["direct"]) == ("Ana Ruiz", "local teacher", True)
    assert content(text, a) == "It works"


def test_content_stops_before_a_second_cue_of_the_same_speaker():
    text = 'Alder said the vote was fair, adding, "We won."'  # written for the tests
    first, second = attributions(text)
    assert content(text, first) == "the vote was fair"
    assert (second["speaker"], second["cue"], second["direct"]) == ("Alder", "adding", True)
    assert content(text, second) == "We won."


# --- Russian, Spanish, French and German (sentences written for the tests) -------------


def foreign(text, language):
    found = score_attribution(text, language=language).evidence["attributions"]
    assert len(found) == 1, found
    a = found[0]
    return a["speaker"], a["cue"], a["direct"], content(text, a)


def test_russian_guillemets_and_a_dash_before_the_verb():
    text = "«Мы не уйдём из региона», — сказал Сергей Лавров."  # written for the tests
    assert foreign(text, "ru") == ("Сергей Лавров", "сказал", True, "Мы не уйдём из региона")


def test_russian_direct_speech_opened_by_a_dash():
    text = "— Мы остаёмся здесь, — сказал Иван Петров."  # written for the tests
    assert foreign(text, "ru") == ("Иван Петров", "сказал", True, "Мы остаёмся здесь")


def test_russian_reported_speech_after_chto():
    text = "Иван Петров заявил, что переговоры продолжатся в мае."  # written for the tests
    assert foreign(text, "ru") == ("Иван Петров", "заявил", False, "переговоры продолжатся в мае.")


def test_spanish_quote_and_segun():
    quote = "«No nos vamos a ir», dijo Pedro Gómez."  # written for the tests
    assert foreign(quote, "es") == ("Pedro Gómez", "dijo", True, "No nos vamos a ir")
    according = "Según Ana Ruiz, el puente abrirá en junio."  # written for the tests
    assert foreign(according, "es") == ("Ana Ruiz", "Según", False, "el puente abrirá en junio.")


def test_french_guillemets_with_spaces_and_reported_speech_after_que():
    quote = "« Nous restons ici », a déclaré Marie Dubois."  # written for the tests
    assert foreign(quote, "fr") == ("Marie Dubois", "a déclaré", True, "Nous restons ici")
    reported = "Marie Dubois a affirmé que la frontière restera fermée."  # written for the tests
    assert foreign(reported, "fr") == (
        "Marie Dubois",
        "a affirmé",
        False,
        "la frontière restera fermée.",
    )


def test_german_low_high_quotes_single_guillemets_and_dass():
    low_high = "„Wir bleiben hier“, sagte Anna Schmidt."  # written for the tests
    assert foreign(low_high, "de") == ("Anna Schmidt", "sagte", True, "Wir bleiben hier")
    single = "‹Wir bleiben›, sagte Anna Schmidt."  # written for the tests
    assert foreign(single, "de") == ("Anna Schmidt", "sagte", True, "Wir bleiben")
    reported = "Anna Schmidt sagte, dass die Grenze geschlossen bleibt."  # written for the tests
    assert foreign(reported, "de") == (
        "Anna Schmidt",
        "sagte",
        False,
        "die Grenze geschlossen bleibt.",
    )


def test_a_speaker_before_a_colon_opens_a_quote_in_russian():
    text = "Сергей Лавров заявил: «Переговоры продолжатся»."  # written for the tests
    assert foreign(text, "ru") == ("Сергей Лавров", "заявил", True, "Переговоры продолжатся")


def test_in_other_languages_the_anonymous_and_group_shares_are_not_measured():
    # Written for the tests: the officials and the experts are found in English, never in
    # the other languages, whose rules find a speaker only by a capitalised name; so those
    # languages give no anonymous or group share (version 27), and the rest as before.
    english = score_attribution(
        "Officials said the talks would go on. Experts said the deal was near."
    ).values
    assert english["anonymous_share"] == 0.5 and english["group_share"] == 0.5
    for text, language in (
        ("«Мы остаёмся», — сказал Лавров. По словам чиновников, всё решено.", "ru"),
        ("Según fuentes oficiales, el acuerdo está cerca. «Sí», dijo Pedro Gómez.", "es"),
        ("« Nous restons », a déclaré un responsable. Marie Dubois a affirmé que non.", "fr"),
        ("„Wir bleiben“, sagte Anna Schmidt. Die Lage sei ernst, hieß es.", "de"),
    ):
        values = score_attribution(text, language=language).values
        assert "anonymous_share" not in values and "group_share" not in values, language
        assert values["named_source_count"] == 1, language
        assert values["attribution_density"] > 0, language


def typed(text, language):
    return [
        (a["speaker"], a["speaker_type"], a["role"])
        for a in score_attribution(text, language=language).evidence["attributions"]
    ]


def test_german_speakers_that_are_nouns_are_described_not_named():
    # Written for the tests. In German every noun is capitalised: before version 28 each
    # of these speakers was a named source.
    for text, speaker in (
        ("Experten sagten, dass das Risiko steigt.", "Experten"),
        ("Der Sprecher sagte, dass der Plan fertig ist.", "Der Sprecher"),
        ("„Wir prüfen das“, sagte der Sprecher. Anwohner sagten, dass es laut war.", "Anwohner"),
    ):
        found = typed(text, "de")
        assert (speaker, "unresolved", "") in found, (text, found)
        assert all(kind not in ("named_person", "named_org") for _, kind, _ in found), found
        assert score_attribution(text, language="de").values["named_source_count"] == 0


def test_a_german_role_before_a_name_is_the_role_and_the_name_the_source():
    text = (
        "Der Vorsitzende Lars Klingbeil sagte, dass der Plan fertig ist."  # written for the tests
    )
    assert typed(text, "de") == [("Lars Klingbeil", "named_person", "Der Vorsitzende")]
    text = "Merkel sagte, dass der Plan fertig ist."  # written for the tests
    assert typed(text, "de") == [("Merkel", "named_person", "")]


def test_a_russian_common_noun_opening_a_sentence_is_described_not_named():
    # Written for the tests: a sentence's first word is capitalised in Russian.
    assert typed("Эксперты заявили, что риск высок.", "ru") == [("Эксперты", "unresolved", "")]
    # A surname whose likeliest reading elsewhere is a common word ("sand's") stays a name
    # as the subject; so does a name the dictionary does not know, and an acronym.
    assert typed("Песков заявил, что план готов.", "ru") == [("Песков", "named_person", "")]
    assert typed("Варнхольт заявил, что план готов.", "ru") == [("Варнхольт", "named_person", "")]
    assert typed("Министр Лавров заявил, что план готов.", "ru") == [
        ("Лавров", "named_person", "Министр")
    ]


def test_a_pronoun_after_the_verb_is_the_person_quoted_before():
    # Written for the tests: "sagte sie", "— сказал он", a Spanish subject left out and a
    # French pronoun inside the verb all speak for the person quoted just before.
    for text, language, person in (
        ("„Wir bleiben“, sagte Anna Schmidt. „Das ist klar“, sagte sie.", "de", "Anna Schmidt"),
        ("«Мы остаёмся», — сказал Лавров. «Это ясно», — сказал он.", "ru", "Лавров"),
        ("«No nos vamos», dijo Pedro Gómez. «Es claro», dijo.", "es", "Pedro Gómez"),
        (
            "« Nous restons », a déclaré Marie Dubois. « Oui », a-t-elle déclaré.",
            "fr",
            "Marie Dubois",
        ),
    ):
        found = score_attribution(text, language=language)
        assert [a["speaker"] for a in found.evidence["attributions"]] == [person, person], text
        assert found.values["named_source_count"] == 1
        assert found.values["attributed_sentence_share"] == 1.0


def test_a_pronoun_opening_a_sentence_is_no_name_in_any_language():
    # Written for the tests: before version 28 each pronoun here was a named source. A
    # third person's pronoun is the person quoted before, unless that person is known to
    # be of the other sex ("Anna", then "Er"); the others name nobody.
    for text, language, expected in (
        ("„Wir bleiben“, sagte Lars Klingbeil. Er sagte, dass es hält.", "de", "Lars Klingbeil"),
        ("„Wir bleiben“, sagte Anna Schmidt. Er sagte, dass es hält.", "de", None),
        ("« Oui », a déclaré Pierre Dubois. Il ajoute que tout est prêt.", "fr", "Pierre Dubois"),
        ("Je souligne que la frontière restera fermée.", "fr", None),
        ("Se dice que el puente abrirá en junio.", "es", None),
        ("Он заявил, что переговоры продолжатся.", "ru", None),
    ):
        found = score_attribution(text, language=language)
        last = found.evidence["attributions"][-1]
        assert last["speaker"] == expected or (
            expected is None and last["speaker"] in ("Je", "Se")
        ), (
            text,
            last,
        )
        if expected is None:
            assert last["speaker_type"] == "unresolved", (text, last)
        assert found.values["named_source_count"] == (
            0 if "»" not in text and "“" not in text else 1
        )


def test_a_pronoun_with_nobody_quoted_before_is_a_speaker_not_named():
    text = "„Das ist klar“, sagte er."  # written for the tests
    [a] = score_attribution(text, language="de").evidence["attributions"]
    assert (a["speaker"], a["speaker_type"], a["cue"], a["direct"]) == (
        None,
        "unresolved",
        "sagte",
        True,
    )


def test_more_german_verbs_of_saying():
    text = "„Das reicht nicht“, kritisierte Anna Schmidt."  # written for the tests
    assert foreign(text, "de") == ("Anna Schmidt", "kritisierte", True, "Das reicht nicht")


def test_an_institution_is_a_named_organisation_as_in_english():
    # Written for the tests: English types "the police said" as a named organisation, so
    # German and Russian institutions written as nouns are one too, not people described.
    assert typed("Die Polizei teilte mit, dass niemand verletzt wurde.", "de") == [
        ("Die Polizei", "named_org", "")
    ]
    assert typed("Die Bundesregierung erklärte, dass der Plan steht.", "de") == [
        ("Die Bundesregierung", "named_org", "")
    ]
    assert typed("Правительство заявило, что план готов.", "ru") == [
        ("Правительство", "named_org", "")
    ]
    assert typed("Эксперты заявили, что риск высок.", "ru") == [("Эксперты", "unresolved", "")]


def test_a_spanish_word_opening_a_sentence_with_a_plural_verb_is_people_described():
    # Written for the tests: one person named takes a verb in the singular.
    assert typed("Expertos dijeron que el riesgo es alto.", "es") == [
        ("Expertos", "unresolved", "")
    ]
    assert typed("Sánchez dijo que el riesgo es alto.", "es") == [("Sánchez", "named_person", "")]


def test_spanish_and_french_speakers_are_read_as_before():
    # Written for the tests: nouns are not capitalised there, so no tagger is asked.
    assert typed("Según Ana Ruiz, el puente abrirá en junio.", "es") == [
        ("Ana Ruiz", "named_person", "")
    ]


def test_english_rules_do_not_read_russian_text():
    text = "«Мы не уйдём из региона», — сказал Сергей Лавров."  # written for the tests
    assert attributions(text) == []  # without language="ru", no Russian reporting verb is known


def test_the_pipeline_gives_the_scorer_a_russian_articles_language():
    from analysis.scoring import get_scorer, score_texts

    text = "«Мы не уйдём из региона», — сказал Сергей Лавров."  # written for the tests
    scorer = get_scorer("attribution")
    assert scorer.supports("ru")
    (result,) = score_texts([text], [scorer], ["ru"])[0]
    assert [a["speaker"] for a in result.evidence["attributions"]] == ["Сергей Лавров"]


# --- Version 4 (all sentences written for the tests) -------------------------------------


def test_a_short_capitalised_quote_that_opens_its_sentence_is_speech_not_a_title():
    text = "“Nusra is Al Qaeda,” Mr. Kerry said."  # written for the tests
    a = only(text)
    assert (a["speaker"], a["direct"], content(text, a)) == ("Kerry", True, "Nusra is Al Qaeda")
    text = "“Yes,” Anna Berg said."  # written for the tests
    assert content(text, only(text)) == "Yes"


def test_a_one_word_quote_after_said_and_a_comma_is_speech():
    text = 'Asked whether he would resign, Tom Reed said, "Probably."'  # written for the tests
    asked, a = attributions(text)  # the question is reported too
    assert asked["cue"] == "asked"
    assert (a["speaker"], a["direct"], content(text, a)) == ("Tom Reed", True, "Probably.")


def test_a_programme_name_before_a_speaker_stays_a_title():
    text = (
        'On CBS\'s "Face the Nation," Tom Reed said the vote would pass.'  # written for the tests
    )
    a = only(text)
    assert (a["direct"], content(text, a)) == (False, "the vote would pass.")


def test_a_cue_with_nothing_after_it_never_gives_a_punctuation_mark_as_content():
    text = 'On "Meet the Press," Anna Berg said.'  # written for the tests
    assert attributions(text) == []


def test_a_headline_in_title_case_reports_speech():
    text = (  # written for the tests
        "Mayor Olsen Says The Bridge Will Open In May\n\nThe mayor spoke at the council on Monday."
    )
    a = only(text)
    assert (a["speaker"], a["cue"], content(text, a)) == (
        "Olsen",  # the title goes to the speaker's role
        "says",
        "The Bridge Will Open In May",
    )


def test_a_sentence_with_a_capitalised_says_is_no_headline():
    text = "Olsen Says no to the plan and leaves the room early."  # written for the tests
    assert attributions(text) == []


def test_a_quote_and_the_next_sentences_own_reported_speech_are_both_found():
    text = (  # written for the tests
        "“The pitch has become too soft.” He says referees stop the game every few minutes."
    )
    found = attributions(text)
    assert [(a["direct"], content(text, a)) for a in found] == [
        (True, "The pitch has become too soft."),
        (False, "referees stop the game every few minutes."),
    ]


def test_what_was_told_comes_before_the_speaker_when_only_the_listener_follows():
    text = (  # written for the tests
        "The force will train border guards, Defence Minister Ana Vidal told a Senate panel "
        "on Wednesday."
    )
    a = only(text)
    assert (a["speaker"], content(text, a)) == (
        "Ana Vidal",
        "The force will train border guards",
    )


def test_the_listener_is_not_part_of_what_was_said():
    text = "Tom Reed told reporters he would run again next year."  # written for the tests
    assert content(text, only(text)) == "he would run again next year."


def test_a_participle_is_never_read_as_an_inverted_speaker():
    text = (  # written for the tests
        "She sharpened her criticism on Tuesday, telling Radio Nord that the plan is a fraud."
    )
    a = only(text)
    assert content(text, a) == "the plan is a fraud."
    assert a["speaker"] != "Radio Nord"


def test_a_name_with_an_apposition_speaks_what_follows_the_cue():
    text = (  # written for the tests
        "Lena Hart, 49, a nurse who now runs a clinic in the valley, said the hospital "
        "should stay open."
    )
    a = only(text)
    assert (a["speaker"], content(text, a)) == ("Lena Hart", "the hospital should stay open.")


def test_an_inverted_group_speaker_with_a_relative_clause_after_it():
    text = (  # written for the tests
        "A quieter campaign may not be a bad thing, say some councillors, who recall the last one."
    )
    a = only(text)
    assert (a["speaker"], content(text, a)) == (
        "some councillors",
        "A quieter campaign may not be a bad thing",
    )


def test_a_speaker_after_the_cue_wins_over_words_that_only_look_like_an_apposition():
    text = (  # written for the tests
        "The mayor has few friends left in the City Council, whom she angered with her budget, "
        "said Tom Reyes, a professor of politics at the state university."
    )
    a = only(text)
    assert a["speaker"] == "Tom Reyes"
    assert content(text, a).startswith("The mayor has few friends")


def test_a_day_after_the_cue_is_not_an_inverted_speaker():
    text = '"We will appeal," Nora Quinn, a lawyer for the family, said Tuesday.'  # written for the tests
    assert only(text)["speaker"] == "Nora Quinn"


def test_whom_a_speaker_told_is_not_an_inverted_speaker():
    text = (  # written for the tests
        'Dana Ward, who chairs the county board, told Radio Nord, "We will not close it."'
    )
    assert only(text)["speaker"] == "Dana Ward"


def test_what_a_source_declined_to_do_follows_the_cue():
    text = "A spokeswoman for Mr. Cole declined to comment."  # written for the tests
    assert content(text, only(text)) == "to comment."


def test_a_name_with_an_apposition_declines_to_comment():
    text = "Mayor Cole's lawyer, Ruth Hale, declined to comment."  # written for the tests
    a = only(text)
    assert content(text, a) == "to comment."
    assert "Ruth Hale" in a["speaker"]


def test_a_question_put_to_the_speaker_is_reported_too():
    text = "Asked whether she would run again, Lena Hart said she had not decided."  # written for the tests
    asked, said = attributions(text)
    assert (asked["cue"], content(text, asked), asked["speaker"]) == (
        "asked",
        "whether she would run again",
        None,
    )
    assert (said["speaker"], content(text, said)) == ("Lena Hart", "she had not decided.")
    # Nobody named asked it: that is no anonymous source.
    assert asked["speaker_type"] == "unresolved"
    assert score_attribution(text).values["anonymous_share"] == 0


def test_a_question_put_to_the_speaker_after_when_is_reported_too():
    # Written for the tests: "When asked …," as "Asked …,": the question to its comma, asked
    # by nobody named or by whom "by" names; not "When" as a speaker.
    text = "When asked whether she would run again, Lena Hart said she had not decided."
    asked, said = attributions(text)
    assert (asked["cue"], content(text, asked), asked["speaker"]) == (
        "asked",
        "whether she would run again",
        None,
    )
    assert asked["speaker_start"] is None
    assert (said["speaker"], content(text, said)) == ("Lena Hart", "she had not decided.")
    text = "When asked by a reporter about the budget, the mayor shrugged."
    a = only(text)
    assert (content(text, a), a["speaker"]) == ("about the budget", "a reporter")


def test_who_asked_the_question_is_its_speaker():
    text = "Asked by a reporter about the budget, the mayor shrugged."  # written for the tests
    a = only(text)
    assert (content(text, a), a["speaker"]) == ("about the budget", "a reporter")


def test_a_phrase_put_before_the_speaker_is_not_what_was_said():
    text = (  # written for the tests
        "After the council meeting on Monday, Mayor Ruth Hale told reporters she would veto "
        "the budget."
    )
    a = only(text)
    assert (a["speaker"], content(text, a)) == ("Ruth Hale", "she would veto the budget.")


def test_any_verb_in_the_past_tense_between_a_quote_and_its_speaker_reports_it():
    text = '"We will win this one!" beamed Nora Quinn, a volunteer.'  # written for the tests
    a = only(text)
    assert (a["speaker"], a["cue"], a["direct"]) == ("Nora Quinn", "beamed", True)


def test_a_name_in_quotes_before_a_verb_is_no_quote_of_a_speaker():
    text = "The group, a ''super PAC,'' posited that turnout would fall."  # written for the tests
    assert all(not a["direct"] for a in attributions(text))


def test_an_opening_curly_mark_typed_to_close_a_quote_closes_it():
    text = "“The vote is too close to call,“ said Nora Quinn, a pollster."  # written for the tests
    a = only(text)
    assert (a["speaker"], a["direct"], content(text, a)) == (
        "Nora Quinn",
        True,
        "The vote is too close to call",
    )


def test_what_was_reported_by_an_outlet_is_the_subject_of_the_passive():
    text = "The merger was first reported by the Valley Courier."  # written for the tests
    a = only(text)
    assert (content(text, a), a["speaker"]) == ("The merger", "Valley Courier")


def test_a_quote_after_the_cue_and_whom_it_was_told_is_direct():
    text = 'Dana Ward, the mayor, told Radio Nord, "We will not close it."'  # written for the tests
    a = only(text)
    assert (a["speaker"], a["direct"], content(text, a)) == (
        "Dana Ward",
        True,
        "We will not close it.",
    )
    text = 'Dana Ward said on Monday, "We will not close it."'  # written for the tests
    assert content(text, only(text)) == "We will not close it."


def test_a_cue_followed_only_by_when_reports_nothing():
    assert attributions("Dana Ward, a lawyer, said Monday.") == []  # written for the tests


def test_a_quote_after_a_colon_is_said_by_the_speaker_opening_the_clause():
    text = (  # written for the tests
        "In a radio interview later that day, Olsen went even further: “If the council "
        "says no, the bridge will never be built.”"
    )
    a = only(text)
    assert (a["speaker"], a["cue"], a["direct"]) == ("Olsen", "went even further", True)
    assert content(text, a) == "If the council says no, the bridge will never be built."


def test_a_colon_after_a_capitalised_function_word_gives_no_speaker():
    text = "The agenda: “Roads, schools and more buses for the valley.”"  # written for the tests
    assert attributions(text) == []


def test_a_clause_between_commas_after_the_name_is_no_role():
    # Written for the tests: asides and relative clauses set off by commas describe the
    # speaker or the moment, they are not the speaker's role.
    text = (
        "One soldier, who gave only his first name, Hamid, because he fears for his family, "
        "said his unit waited two days for food. "
        "Marta Ruiz, who won 41 percent of the vote, said she would appeal. "
        "Jon Berg, the harbour master, said the ferry was late."
    )
    roles = {a["speaker"]: a["role"] for a in attributions(text)}
    assert roles == {"Hamid": "", "Marta Ruiz": "", "Jon Berg": "the harbour master"}


def test_a_group_named_by_a_plural_noun_is_no_person():
    # Written for the tests: a capitalised plural noun opening a sentence is a group
    # nobody named, and a party named by its members is a generic group (attribution 24;
    # it was an organisation before).
    text = (
        "Lawyers say the ruling could be appealed within a month. "
        "Workers said the night shifts had been cut. "
        "Democrats said the bill would fail in the Senate. "
        "Marta Ruiz said she would appeal."
    )
    assert speaker_types(text) == {
        "Lawyers": "anonymous",
        "Workers": "group",
        "Democrats": "group",
        "Marta Ruiz": "named_person",
    }
    values = score_attribution(text).values
    assert values["named_source_count"] == 1


def test_a_name_set_between_commas_after_a_role_is_the_speaker():
    # Written for the tests: "<role>, <name>, said …" names the speaker between the
    # commas; the words after the cue are what was said, not who said it.
    text = (
        "Their lawyer, Anna Berg, said the case was weak. "
        "The company's chief executive, Adrian Pellow, said the offer was fair. "
        'Its chairman, Olav Lund, said: "We will not sell."'
    )
    found = [
        (a["speaker"], a["speaker_type"], a["role"], content(text, a)) for a in attributions(text)
    ]
    assert sorted(found) == [
        ("Adrian Pellow", "named_person", "The company's chief executive", "the offer was fair."),
        ("Anna Berg", "named_person", "Their lawyer", "the case was weak."),
        ("Olav Lund", "named_person", "Its chairman", "We will not sell."),
    ]


def test_an_institution_named_by_its_head_noun_is_an_organisation_not_an_unnamed_source():
    # Written for the tests: a body that speaks on the record ("the state government",
    # "Police") is no anonymous source; "a company" (which one is not said) still is.
    text = (
        "The state government announced a relief package on Monday. "
        "Police said the road was closed. "
        "Police officials said the bridge was safe. "
        "A company said it would rebuild the plant. "
        "Meteorologists say the rain will continue."
    )
    assert speaker_types(text) == {
        "the state government": "named_org",
        "Police": "named_org",
        "Police officials": "anonymous",
        "a company": "anonymous",
        "Meteorologists": "anonymous",
    }


def test_a_pronoun_before_an_auxiliary_and_the_cue_refers_back_to_the_person_named_before():
    # Written for the tests: "She has since said" is Maria Olsen speaking again, not an
    # unnamed source called "She".
    text = (
        "Maria Olsen, the harbour master, said the ferry was late. "
        "She has since said that the strike was fair."
    )
    found = [(a["speaker"], a["speaker_type"], a["speaker_resolved"]) for a in attributions(text)]
    assert found == [("Maria Olsen", "named_person", False), ("Maria Olsen", "named_person", True)]


def test_a_spokesperson_named_by_the_principal_before_the_noun_keeps_the_whole_phrase():
    # Written for the tests: cutting the principal out of "a Twitter spokesman" left the
    # speaker "a".
    text = "'We have teams around the world,' a Twitter spokesman said."
    a = only(text)
    assert (a["speaker"], a["speaker_type"], a["principal"]) == (
        "a Twitter spokesman",
        "anonymous",
        "Twitter",
    )


def test_a_capitalised_function_word_alone_is_no_speaker():
    # Written for the tests: "Why" opening a sentence before a cue names nobody.
    text = 'Voters disliked the plan. Why not just say: "We will build it later."'
    assert all(a["speaker"] != "Why" for a in attributions(text))


def test_the_person_after_a_title_with_of_is_the_name_without_the_office():
    # Written for the tests.
    a = only("Secretary of State Mara Lind said the talks would go on.")
    assert (a["speaker"], a["speaker_type"]) == ("Mara Lind", "named_person")
    assert a["role"] == "Secretary of State"
    a = only("Minister of Foreign Affairs Oleg Varn said the border stays shut.")
    assert (a["speaker"], a["role"]) == ("Oleg Varn", "Minister of Foreign Affairs")
    a = only("Secretary of the Navy Paul Dorn said two ships would sail.")
    assert (a["speaker"], a["speaker_type"]) == ("Paul Dorn", "named_person")


def test_a_whip_is_a_title_before_a_person():
    # Written for the tests.
    a = only("Senate Minority Whip Ray Tolland said the bill was dead.")
    assert (a["speaker"], a["speaker_type"]) == ("Ray Tolland", "named_person")
    assert a["role"] == "Senate Minority Whip"


def test_a_company_named_with_a_title_word_is_a_body():
    # Written for the tests: "General" opens the company's name; before a surname it is a rank.
    assert speaker_types("General Motors said it would cut 300 jobs.") == {
        "General Motors": "named_org"
    }
    a = only("General Hallström said the troops would stay.")
    assert (a["speaker"], a["speaker_type"], a["role"]) == ("Hallström", "named_person", "General")


def test_the_person_after_a_possessive_is_named_without_it():
    # Written for the tests: the outlet or place before the name goes in the role.
    a = only("NBC's Lia Brandt said the race was over.")
    assert (a["speaker"], a["speaker_type"], a["role"]) == ("Lia Brandt", "named_person", "NBC")
    a = only("The Daily Ledger’s Tom Okafor reported that the vote was close.")
    assert (a["speaker"], a["speaker_type"]) == ("Tom Okafor", "named_person")
    assert a["role"] == "Daily Ledger"
    # A possessive inside a body's name stays there.
    assert speaker_types("The Harbour County Sheriff's Department said two were held.") == {
        "Harbour County Sheriff's Department": "named_org"
    }


def test_a_peoples_plural_or_a_region_is_no_person():
    # Written for the tests.
    assert speaker_types("Ethiopians said the dam was theirs.") == {"Ethiopians": "group"}
    assert speaker_types("Most Americans say the tax is too high.") == {"Americans": "group"}
    assert speaker_types("South Asia said little about the plan.") == {"South Asia": "named_org"}
    assert speaker_types("North Korea said the test was a success.") == {"North Korea": "named_org"}
    # A surname that ends the same way is still a name.
    assert speaker_types("Evans said the plan was fine.") == {"Evans": "named_person"}


def test_a_title_word_alone_or_after_an_honorific_is_a_surname():
    # Written for the tests.
    assert speaker_types("Mr. King said the bill was dead.") == {"King": "named_person"}
    assert speaker_types('"The bill is dead," Pope said.') == {"Pope": "named_person"}


def test_a_title_word_after_a_given_name_is_a_surname_but_not_after_a_qualifier():
    # Written for the tests: "Amira Pope" is a person, not "the Amira Pope" nobody named;
    # "Foreign Minister" and "Crown Prince" stay titles: one office holder the words do not
    # name, so unresolved, not an anonymous source (attribution 20).
    text = (
        '"The ferry was late," Amira Pope, a harbour official, said. "It always is," Ms. Pope said.'
    )
    assert [(a["speaker"], a["speaker_type"]) for a in attributions(text)] == [
        ("Amira Pope", "named_person"),
        ("Amira Pope", "named_person"),
    ]
    assert speaker_types("Foreign Minister said the talks were over.") == {
        "the Foreign Minister": "unresolved"
    }
    assert speaker_types("Crown Prince said the talks were over.") == {
        "the Crown Prince": "unresolved"
    }


def test_the_senator_is_the_senator_not_someone_on_a_senatorial_committee():
    # Written for the tests: role words match whole words.
    text = (
        "Senator Bo Lund said the vote was near. Ann Moss, chairman of the Senatorial "
        'Fund, said no. "We will win," the senator said.'
    )
    assert [a["speaker"] for a in attributions(text)] == ["Bo Lund", "Ann Moss", "Bo Lund"]


def test_a_role_mention_goes_to_the_person_just_named_not_the_last_quoted():
    # Written for the tests: the senator is Ek, named in the sentence before, not Moss,
    # who spoke last.
    text = (
        "Olaf Ek said the bill would pass. Clara Moss, a pollster, said turnout was low. "
        'Ek spoke to donors. "We will cut taxes," the senator said.'
    )
    assert attributions(text)[-1]["speaker"] == "Olaf Ek"


def test_a_spokesman_is_never_the_person_named_before():
    # Written for the tests.
    text = 'Ivo Brandt said the plant would close. "Talks go on," the spokesman said.'
    last = attributions(text)[-1]
    assert (last["speaker"], last["speaker_type"]) == ("the spokesman", "anonymous")
    text = 'Ivo Brandt said the plant would close. "Talks go on," said the senior Brandt adviser.'
    last = attributions(text)[-1]
    assert (last["speaker"], last["speaker_type"]) == ("the senior Brandt adviser", "anonymous")


def test_the_official_is_the_unnamed_official_before_not_a_named_person():
    # Written for the tests.
    text = (
        "A senior trade official said the deal was done. Ivo Brandt said it was not. "
        '"We agree on the text," the official said.'
    )
    last = attributions(text)[-1]
    assert (last["speaker"], last["speaker_type"]) == ("a senior trade official", "anonymous")


def test_the_florida_senator_is_not_a_senator_from_elsewhere():
    # Written for the tests: a place before the role noun must be in the role or the name.
    text = (
        "Tom Hale, the senator from Vermont, said the bill was fair. Rita Cole said it was "
        "not. Cole spoke for an hour. The Florida senator said she would vote no."
    )
    assert attributions(text)[-1]["speaker"] == "Rita Cole"


def test_a_name_inside_an_apposition_with_commas_is_not_the_speaker():
    # Written for the tests: the name that opens the sentence speaks, not a place, a party
    # and state or an employer in its apposition of several commas.
    for text, name in (
        ("Dean Lowe, a salesman from Ayr, Ohio, says the plan will fail.", "Dean Lowe"),
        ("Sen. Ann Lowe, R-Fla., speaking on the radio, said the plan will fail.", "Ann Lowe"),
        ("Tom Reed, chief executive of Brightco, a Boston company, said it will fail.", "Tom Reed"),
        ("Jo Hart, 30, of Ayr, Ohio, who voted twice, said the plan will fail.", "Jo Hart"),
    ):
        a = only(text)
        assert (a["speaker"], a["speaker_type"]) == (name, "named_person"), text
        assert text[a["speaker_start"] : a["speaker_end"]].endswith(name)
    # Words that open the sentence but name nobody, or two speakers, leave it as it was.
    a = only("Yesterday, in a statement, Jo Hart, a lawyer, said the plan will fail.")
    assert a["speaker"] == "Jo Hart"


def test_a_day_after_a_name_is_not_the_name():
    # Written for the tests.
    text = "Ann Lowe on Sunday said the plan will fail."
    a = only(text)
    assert (a["speaker"], a["speaker_type"]) == ("Ann Lowe", "named_person")
    assert text[a["speaker_start"] : a["speaker_end"]] == "Ann Lowe"
    a = only("Sen. Ann Lowe on Sunday morning said the plan will fail.")
    assert (a["speaker"], a["speaker_type"], a["role"]) == ("Ann Lowe", "named_person", "Sen.")


def test_a_pronoun_never_refers_to_a_name_typed_as_an_organisation():
    # Written for the tests: "Voxa" is a body ("The Voxa"); "He" is nobody here.
    found = attributions(
        "The Voxa said the deal was off. Voxa said the talks would go on. "
        "He said the price was too high."
    )
    assert found[0]["speaker_type"] == "named_org"
    assert (found[-1]["speaker"], found[-1]["speaker_type"]) == (None, "unresolved")


def test_a_party_or_state_in_parentheses_stays_with_the_name_before_it():
    # Written for the tests.
    for text in (
        "Sen. Ann Lowe (R-Wis.) kept asking why the plan had failed.",
        "Sen. Ann Lowe (D-Calif.) last week said that the plan will fail.",
        "Sen. Ann Lowe (Tex.) has said that the plan will fail.",
    ):
        a = only(text)
        assert (a["speaker"], a["speaker_type"], a["role"]) == ("Ann Lowe", "named_person", "Sen.")
        assert text[a["speaker_start"] : a["speaker_end"]].startswith("Sen. Ann Lowe"), text


def test_a_full_name_after_the_words_that_describe_it_is_a_person_with_that_role():
    # Written for the tests.
    a = only('"We will win," Democratic pollster Ann Lowe said.')
    assert (a["speaker"], a["speaker_type"], a["role"]) == (
        "Ann Lowe",
        "named_person",
        "Democratic pollster",
    )
    a = only('"We will win," the Post\'s politics editor Ann Lowe said.')
    assert (a["speaker"], a["role"]) == ("Ann Lowe", "the Post's politics editor")
    # Not a body, a list of names, or one of many.
    assert only('"We will win," officials at the Lowe Institute said.')["speaker"] == (
        "officials at the Lowe Institute"
    )
    assert only('"We will win," another New Hampshire Republican said.')["speaker_type"] == (
        "anonymous"
    )
    assert only('"We will win," the activist group Lowe Watch said.')["speaker_type"] != (
        "named_person"
    )


def test_a_name_that_opens_words_with_a_verb_or_adjunct_of_its_own_is_the_speaker():
    # Written for the tests.
    for text in (
        "Ann Lowe in a blog post said the plan will fail.",
        "Ann Lowe issued a statement saying the plan will fail.",
    ):
        a = attributions(text)[-1]
        assert (a["speaker"], a["speaker_type"]) == ("Ann Lowe", "named_person"), text


def test_where_a_person_spoke_after_on_is_no_part_of_the_name():
    # Written for the tests: "on" and an outlet or a show after a person's name.
    for text in (
        '"The plan will fail," said Ann Lowe on Channel Nine News.',
        '"The plan will fail," wrote Ann Lowe on Harbour Talk.',
        "Ann Lowe on Channel Nine News said the plan will fail.",
    ):
        a = only(text)
        assert (a["speaker"], a["speaker_type"]) == ("Ann Lowe", "named_person"), text
        assert text[a["speaker_start"] : a["speaker_end"]] == "Ann Lowe", text
    # A body's name that holds "on" stays whole.
    a = only("The Council on Harbour Trade said the plan will fail.")
    assert (a["speaker"], a["speaker_type"]) == ("Council on Harbour Trade", "named_org")


def test_words_that_describe_a_full_name_opening_the_sentence_are_its_role():
    # Written for the tests: a verb with no speaker of its own ("saying") goes back to the
    # sentence's subject, which opens with a word that describes the person.
    text = (
        "Voters were restless. Republican presidential hopeful Ann Lowe was the first to "
        "respond, saying the plan will fail."
    )
    a = only(text)
    assert (a["speaker"], a["speaker_type"], a["role"]) == (
        "Ann Lowe",
        "named_person",
        "Republican presidential hopeful",
    )
    assert text[a["speaker_start"] : a["speaker_end"]].endswith("Ann Lowe")
    # A verb between the two names: the first is the subject.
    a = only("Voters were restless. Ann Parr sternly rebuked Sen. Bo Lind, saying it will fail.")
    assert a["speaker"] == "Ann Parr"


def test_a_name_before_a_bodys_or_a_groups_noun_only_qualifies_it():
    # Written for the tests: "the Lowe campaign" speaks, and Lowe stays a person.
    found = attributions(
        "The Lowe campaign on Monday doubled down on its attack, saying the plan will fail. "
        'At a rally, the Lowe supporter retorted: "There is no plan for the harbour at all."'
        "\n\nLowe said the vote would go ahead."
    )
    assert sorted((a["speaker"], a["speaker_type"]) for a in found) == [
        ("Lowe", "named_person"),
        ("the Lowe campaign", "named_org"),
        ("the Lowe supporter", "anonymous"),
    ]


def test_a_speakers_type_is_always_that_of_its_source():
    # Written for the tests: "The Voxa" makes Voxa a body; "Voxa said" later is that body.
    result = score_attribution("The Voxa said the deal was off. Voxa said the talks would go on.")
    (source,) = result.evidence["sources"]
    assert (source["name"], source["type"]) == ("Voxa", "named_org")
    assert [a["speaker_type"] for a in result.evidence["attributions"]] == ["named_org"] * 2


def test_a_title_before_a_name_whose_surname_is_a_bodys_name_is_the_role():
    # Written for the tests: "Bloomberg" alone names a body; after a title and a given
    # name it is a surname, and the title is the role, not part of the name.
    for text in (
        "Mayor Ann Bloomberg said the harbour would reopen in May.",
        '"The harbour will reopen in May," said Mayor Ann Bloomberg.',
        "Gov. Ann T. Reuters said the harbour would reopen in May.",
    ):
        a = only(text)
        assert a["speaker"] in ("Ann Bloomberg", "Ann T. Reuters"), text
        assert a["role"] in ("Mayor", "Gov."), text
        assert a["speaker_type"] == "named_person", text
    a = only("Bloomberg said the harbour would reopen in May.")
    assert (a["speaker"], a["speaker_type"]) == ("Bloomberg", "named_org")


def test_an_abbreviated_title_after_according_to_does_not_end_the_speaker():
    # Written for the tests: the point of "Sen." or of an initial is no end of the words
    # that "according to" introduces.
    text = "The harbour will reopen in May, according to former Sen. Ann Lowe."
    a = only(text)
    assert (a["speaker"], a["speaker_type"]) == ("Ann Lowe", "named_person")
    assert text[a["speaker_start"] : a["speaker_end"]] == "former Sen. Ann Lowe"
    assert content(text, a) == "The harbour will reopen in May"
    text = "Ten ships were late last year, according to data from the U.S. Harbour Board."
    a = only(text)
    assert text[a["speaker_start"] : a["speaker_end"]] == "data from the U.S. Harbour Board"


def test_a_rank_or_an_officers_title_before_a_name_is_the_role():
    # Written for the tests: ranks, officers' and counsel's titles (text.RANK_TITLES) are
    # title words for attribution as the offices' are.
    for text, role in (
        ("Rear Admiral Ann Lee said the harbour would reopen in May.", "Rear Admiral"),
        ("Police Commissioner Ann Lee said the harbour would reopen in May.", "Commissioner"),
        ("Lumeria General Counsel Ann Lee said the harbour would reopen in May.", "Counsel"),
    ):
        a = only(text)
        assert (a["speaker"], a["speaker_type"]) == ("Ann Lee", "named_person"), text
        assert role in a["role"], text


def test_a_title_and_of_without_a_name_after_them_is_a_role_reference():
    # Written for the tests: "the former CEO of Lumeria" is no one called "of Lumeria".
    text = (
        "Ann Lee said the harbour would reopen in May. The former CEO of Lumeria added that "
        "the vote would go ahead."
    )
    assert [a["speaker"] for a in attributions(text)] == ["Ann Lee", "Ann Lee"]


def test_a_title_word_after_an_initial_is_a_surname():
    # Written for the tests: "King" after "T." is Ann T. King's surname, not a title.
    a = only("Representative Ann T. King of Elmtown said the harbour would reopen in May.")
    assert a["speaker"].startswith("Ann T. King"), a["speaker"]
    assert a["role"] == "Representative"


def test_a_surname_that_is_also_a_places_word_is_a_persons():
    # Written for the tests: "Park" and "Lake" end places' names ("Quay Street"), but
    # after a given name, a title or alone before the cue they are surnames.
    for text, name in (
        ("Ann Park said the harbour would reopen in May.", "Ann Park"),
        ('"The harbour will reopen in May," said Ann Lake, a nurse.', "Ann Lake"),
        ("The harbour will reopen in May, according to Ann Park.", "Ann Park"),
        ("Ms. Park said the harbour would reopen in May.", "Park"),
        ("President Park said the harbour would reopen in May.", "Park"),
    ):
        a = only(text)
        assert (a["speaker"], a["speaker_type"]) == (name, "named_person"), text
    found = attributions("Ann Park said the harbour would reopen. Park said the vote was on.")
    assert [a["speaker"] for a in found] == ["Ann Park", "Ann Park"]
    # Where someone is, not who: no name.
    assert only("A cafe owner on Quay Street said the harbour would reopen.")["speaker"] is None


def test_a_dateline_or_a_heading_before_a_dash_is_no_speaker():
    # Written for the tests: the place and agency that open a report, and a heading in
    # capitals before a dash, are not who speaks.
    for text, span in (
        (
            "ELMTOWN, Ohio (Reuters) - Mayor Ann Lowe defended the plan on Monday, saying "
            "the harbour would reopen in May.",
            "Mayor Ann Lowe",
        ),
        (
            "ELMTOWN — Sen. Ann Lowe (D-Ohio) defended the plan, saying the harbour would "
            "reopen in May.",
            "Sen. Ann Lowe (D-Ohio)",
        ),
        (
            'HARBOUR TRAFFIC FELL IN MAY - Ann T. Lowe: "Fewer ships came in than in any May '
            'since the war, and the port lost money."',
            "Ann T. Lowe",
        ),
    ):
        a = only(text)
        assert text[a["speaker_start"] : a["speaker_end"]] == span, text
        assert a["speaker_type"] == "named_person", text


def test_the_subject_after_a_participles_phrase_speaks():
    # Written for the tests: "Speaking …," and "Facing …," open the sentence; the speaker
    # is the subject after their comma (not "Ohio" of "Ayr, Ohio").
    for text in (
        "Speaking at a rally in Ayr, Ohio, Ann Lowe toured the harbour and promised to "
        "reopen it in May.",
        "Facing a crowd of dock workers, Ann Lowe toured the harbour, saying it would "
        "reopen in May.",
    ):
        assert only(text)["speaker"] == "Ann Lowe", text


def test_a_chained_cue_says_what_follows_it_not_what_opens_the_sentence():
    # Written for the tests: "… and promised to …": what was promised follows the cue; the
    # dateline and the participle's phrase before the speaker are not what was said.
    text = (
        "ELMTOWN, Ohio - Rallying hundreds of dock workers who are struggling to get by, "
        "Ann Lowe tried here last week to calm them and promised to reopen the harbour."
    )
    a = only(text)
    assert a["speaker"] == "Ann Lowe"
    assert content(text, a) == "to reopen the harbour."


def test_a_quote_of_several_sentences_after_a_colon_is_quoted_whole():
    # Written for the tests: the sentences split inside the quote; the quote after the
    # colon is one attribution, and what was reported before the colon another.
    text = "Ann Lowe tweeted: “Let us go. We can win.” She was at the harbour."
    a = only(text)
    assert (a["speaker"], a["direct"], content(text, a)) == (
        "Ann Lowe",
        True,
        "Let us go. We can win.",
    )
    text = (
        'Ann Lowe said he was too busy to look for the papers: "I have a lot going on. I '
        'just do not have the time," she wrote.'
    )
    found = attributions(text)
    assert [(a["speaker"], a["direct"], content(text, a)) for a in found] == [
        ("Ann Lowe", False, "he was too busy to look for the papers"),
        ("Ann Lowe", True, "I have a lot going on. I just do not have the time"),
    ]


def test_a_titled_name_after_an_unnamed_speakers_noun_is_whole():
    # Written for the tests: "Mayor" does not end the words of "a spokesman for …".
    text = (
        "A spokesman for Mayor Ann T. Lowe of Elmtown defended the route and said the "
        "police were ready."
    )
    a = only(text)
    assert text[a["speaker_start"] : a["speaker_end"]] == (
        "A spokesman for Mayor Ann T. Lowe of Elmtown"
    )


def test_a_name_after_a_possessive_role_between_commas_speaks():
    # Written for the tests: a possessive place or person before a description, then the
    # name between commas (after a dateline, before a chained cue or before the cue): the
    # name speaks, the words before it are the role (not "Nordvale’s" nor "Mr. Lowe's").
    for text, name in (
        (
            "ELMTOWN, May 3 (Reuters) - Nordvale’s centre-right Harbour Party leader, Ann "
            "Lowe, backed the plan on Monday, saying the harbour would reopen in May.",
            "Ann Lowe",
        ),
        (
            "ELMTOWN — Nordvale’s opposition leader, Ann Lowe, said on Monday that the "
            "harbour would reopen in May.",
            "Ann Lowe",
        ),
        (
            "Mr. Lowe's former campaign manager, Bo Hale, said the aide who replaced him, "
            "Cy Tan, should go.",
            "Bo Hale",
        ),
    ):
        a = only(text)
        assert text[a["speaker_start"] : a["speaker_end"]] == name, text
        assert (a["speaker"], a["speaker_type"]) == (name, "named_person"), text
        assert a["role"].endswith(("leader", "manager")), text


def test_an_inverted_cue_that_opens_the_sentence_is_not_the_speakers_name():
    # Written for the tests: "Said …:" and "Continued …," before a quote report it; the
    # verb is no part of the speaker's name.
    for text, span, name in (
        (
            "The harbour will reopen, Ann Lowe said. Said Lowe: “We have the money and the ships.”",
            "Lowe",
            "Ann Lowe",
        ),
        (
            "The harbour will reopen, Ann Lowe said. Continued Ann Lowe, “We have the money "
            "and the ships.”",
            "Ann Lowe",
            "Ann Lowe",
        ),
    ):
        a = attributions(text)[-1]
        assert a["direct"], text
        assert text[a["speaker_start"] : a["speaker_end"]] == span, text
        assert a["speaker"] == name, text


def test_a_given_name_before_a_bodys_one_word_name_makes_it_a_persons():
    # Written for the tests: without a title, a given name before "Bloomberg" makes it a
    # surname, and "Bloomberg" alone after that is the person; a body's whole name
    # ("Thomson Reuters") or a legislature after an adjective stays a body.
    text = (
        "Ann Bloomberg said the harbour would reopen in May. Now Bloomberg says the ferries "
        "will run too."
    )
    assert [(a["speaker"], a["speaker_type"]) for a in attributions(text)] == [
        ("Ann Bloomberg", "named_person"),
        ("Ann Bloomberg", "named_person"),
    ]
    a = only("The harbour will reopen in May, Ann T. Bloomberg said.")
    assert (a["speaker"], a["speaker_type"]) == ("Ann T. Bloomberg", "named_person")
    for text in (
        "Thomson Reuters said its profit rose in May.",
        "Brazilian Congress said the harbour would reopen in May.",
    ):
        assert only(text)["speaker_type"] == "named_org", text


def test_a_name_after_the_and_a_capitalised_role_between_commas_speaks():
    # Written for the tests: "The", capitalised words and a role in lower case, then the
    # name between commas, before a chained cue or a colon and a quote: the name speaks,
    # the words before it are the role (not "The Harbour Party leader" as the speaker).
    for text in (
        "The Harbour Party leader, Ann Lowe, backed the plan on Monday, saying the harbour "
        "would reopen in May.",
        'The Harbour Party leader, Ann Lowe, said: "The harbour will reopen in May."',
    ):
        a = only(text)
        assert text[a["speaker_start"] : a["speaker_end"]] == "Ann Lowe", text
        assert (a["speaker"], a["speaker_type"]) == ("Ann Lowe", "named_person"), text
        assert a["role"] == "The Harbour Party leader", text


def test_a_contracted_who_clause_after_the_name_is_no_role():
    # Written for the tests: "who's …" and "who’d …" between commas after the name open a
    # clause, as "who is …" does; a possessive description stays the role.
    for text in (
        "Ann Lowe, who's run the harbour for years, said the ferries would wait.",
        "Ann Lowe, who’d run the port before, said the ferries would wait.",
    ):
        a = only(text)
        assert (a["speaker"], a["role"]) == ("Ann Lowe", ""), text
    a = only("Ann Lowe, Nordvale's harbour master, said the ferries would wait.")
    assert (a["speaker"], a["role"]) == ("Ann Lowe", "Nordvale's harbour master")


def test_a_lone_surname_is_not_a_speaker_that_joins_two_names():
    # Written for the tests: "Hale" after "Ann Lowe and Cy Hale said" is the Cy Hale named
    # alone before, not the two; with nobody of that surname named alone, "Hale" stays.
    text = (
        "Cy Hale said the harbour would reopen in May. Ann Lowe and Cy Hale said the ferries "
        "would wait. Hale said the ships were ready."
    )
    assert [a["speaker"] for a in attributions(text)] == [
        "Cy Hale",
        "Ann Lowe and Cy Hale",
        "Cy Hale",
    ]
    text = (
        "Ann Lowe said the harbour would reopen in May. Cy Hale and Bo Tan said the ferries "
        "would wait. Hale said the ships were ready."
    )
    assert attributions(text)[-1]["speaker"] == "Hale"


def test_a_name_between_commas_after_a_role_with_the_or_an_article_speaks():
    # Written for the tests: a role that "the", "a" or "one" opens, then the name between
    # commas, before the cue or after it: the name speaks, the role describes it (not
    # "The opposition leader", nor "a spokeswoman" as an unnamed source).
    for text, name in (
        ("The opposition leader, Ann Lowe, said the plan would fail.", "Ann Lowe"),
        ("On Monday, the harbour board spokesman, Bo Hale, said the plan would fail.", "Bo Hale"),
        ("A spokeswoman, Cy Tan Moss, said the plan would fail.", "Cy Tan Moss"),
        ("A top strategist, Dee Park, said the plan would fail.", "Dee Park"),
        ("One Harbour Party hopeful, Eli Ward, said the plan would fail.", "Eli Ward"),
        ('"The plan will fail," said the opposition leader, Ann Lowe.', "Ann Lowe"),
        ('"The plan will fail," the opposition leader, Ann Lowe, said.', "Ann Lowe"),
    ):
        a = only(text)
        assert text[a["speaker_start"] : a["speaker_end"]] == name, text
        assert (a["speaker"], a["speaker_type"]) == (name, "named_person"), text
    a = only("The opposition leader, Ann Lowe, said the plan would fail.")
    assert a["role"] == "The opposition leader"


def test_a_role_stays_the_speaker_when_no_whole_name_follows_it():
    # Written for the tests: an apposition that is a clause, a place, a day or a name cut
    # at an initial's point is no speaker of its own.
    for text, span in (
        ("The mayor, who was elected in May, said the plan would fail.", "The mayor"),
        ('"The plan will fail," said the harbour director, Ann B. Lowe.', "the harbour director"),
        ("A spokeswoman, Ann Lowe and Bo Hale, said the plan would fail.", "A spokeswoman"),
    ):
        a = only(text)
        assert text[a["speaker_start"] : a["speaker_end"]] == span, text


def test_he_or_she_is_one_person_never_people_quoted_together():
    # Written for the tests: "he" after two people quoted together is the one person
    # quoted before them, or else a person named before, never the pair.
    text = (
        "Ann Lowe said the plan would fail. Bo Hale and Cy Tan said so too. "
        "She said it was a disaster."
    )
    speakers = [a["speaker"] for a in attributions(text)]
    assert speakers == ["Ann Lowe", "Bo Hale and Cy Tan", "Ann Lowe"]
    text = "Bo Hale and Cy Tan said the plan would fail. He said it was a disaster."
    he = attributions(text)[-1]
    assert he["speaker"] != "Bo Hale and Cy Tan"
    assert " and " not in (he["speaker"] or "")


def test_the_subject_after_an_adverbial_phrase_that_opens_the_sentence_speaks():
    # Written for the tests: a phrase with its comma ("On Sunday,", "In a statement to the
    # Ledger,", "At a rally in Elmtown, Fla., on Tuesday,") before the subject of a clause
    # whose cue is chained to it: the subject speaks, not "On Sunday" nor "In".
    for text, span in (
        ("On Sunday, Ann Lowe endorsed Bo Hale, saying he would win.", "Ann Lowe"),
        (
            "In a statement, Ann Lowe blasted the council and said the harbour would reopen.",
            "Ann Lowe",
        ),
        (
            "At a rally in Elmtown, Fla., on Tuesday, Senator Ann Lowe endorsed Bo Hale, "
            "saying he would win.",
            "Senator Ann Lowe",
        ),
        ("On Monday, his wife, Ann Lowe, called for an open primary.", "Ann Lowe"),
        (
            'In a statement to the Ledger, her senior adviser, Bo Hale, said: "We will win."',
            "Bo Hale",
        ),
    ):
        a = only(text)
        assert text[a["speaker_start"] : a["speaker_end"]] == span, text
    # A pronoun after the phrase is the subject too, and is resolved.
    text = "Ann Lowe spoke first. In television interviews, she defended the plan, saying it works."
    a = attributions(text)[-1]
    assert (text[a["speaker_start"] : a["speaker_end"]], a["speaker"]) == ("she", "Ann Lowe")


def test_a_preposition_after_a_quote_is_no_speaker_of_the_verb_after_it():
    # Written for the tests: `"…" in describing`, `"…" line by saying`: a gerund after a
    # preposition, whose words after the quote are no subject.
    text = "Ann Lowe coined the term ''harbour eruptions'' in describing rumours about the mayor."
    assert not [a for a in attributions(text) if a["direct"]]


def test_a_capitalised_conjunction_that_opens_the_sentence_is_no_part_of_the_subject():
    # Written for the tests: "While" or "But" before the subject of a cue (here one the
    # speaker patterns do not read whole: an adverb follows the name, a noun opens it).
    for text, span in (
        ("While Ann Lowe wrongly claimed the harbour would reopen, others doubted it.", "Ann"),
        ("But aides said the mayor simply believed in it.", "aides"),
    ):
        a = attributions(text)[0]
        assert text[a["speaker_start"] : a["speaker_end"]].split()[0] == span, text


def test_a_pronoun_and_a_clause_after_a_cue_are_what_was_said_not_the_speaker():
    # Written for the tests: "says she warned …" after a quote: "she" is the subject of
    # what was said, and "she warned about surprises" no speaker of the quote.
    text = "Ann Lowe is happy to be Nordvale’s “silver standard,” says she warned about surprises."
    spans = [text[a["speaker_start"] : a["speaker_end"]] for a in attributions(text)]
    assert "she warned about surprises" not in spans


def test_a_supposing_if_stays_part_of_the_words_before_a_cue():
    # Written for the tests: "If" opens a supposition, not a subject's clause of its own
    # (unlike "While" or "But").
    text = "If soldiers with rifles cannot described their ground, civilians will not."
    assert not [a for a in attributions(text) if a["speaker"] == "soldiers with rifles cannot"]


def test_the_speaker_of_a_gerund_after_by_is_the_subject_never_the_preposition():
    # Written for the tests: "X did Y by saying Z" reports what X said; the words before
    # "by" (a verb's phrase) and "by" itself are no speaker.
    for text, speaker, span in (
        ("Ann Lowe ended the debate by saying the port would stay open.", "Ann Lowe", "Ann Lowe"),
        ("The mayor responded by saying that taxes would not rise.", "The mayor", "The mayor"),
        ("Ann Lowe, by saying the port would stay open, calmed the crowd.", "Ann Lowe", "Ann Lowe"),
        (
            "Tom Reed won applause by telling the crowd that the port would stay open.",
            "Tom Reed",
            "Tom Reed",
        ),
        ("Ann Lowe ended the debate, by saying the port would stay open.", "Ann Lowe", "Ann Lowe"),
        (
            "Ann Lowe, after briefly saying the port would stay open, left.",
            "Ann Lowe",
            "Ann Lowe",
        ),
    ):
        found = [a for a in attributions(text) if a["cue"] in ("saying", "telling")]
        assert len(found) == 1, text
        a = found[0]
        assert (a["speaker"], text[a["speaker_start"] : a["speaker_end"]]) == (speaker, span), text
        assert content(text, a).startswith(("the port would stay open", "taxes would not")), text


def test_a_reporting_verb_before_by_and_a_gerund_yields_to_the_gerund():
    # Written for the tests: "responded by saying X" is one attribution, the gerund's (said
    # by the subject, X its content), not a second for "responded" whose content would be
    # "by saying X": the words are counted once.
    for text, speaker, cue, said in (
        (
            "The council leader responded by saying that fares would not rise.",
            "The council leader",
            "saying",
            "fares",
        ),
        ("Tom Reed replied by saying the bridge was safe.", "Tom Reed", "saying", "the bridge"),
        ("Ann Lowe responded by noting that the port was open.", "Ann Lowe", "noting", "the port"),
        (
            "Ann Lowe answered by first insisting that the port was open.",
            "Ann Lowe",
            "insisting",
            "the port",
        ),
        (
            "Tom Reed continued by arguing that the bridge was safe.",
            "Tom Reed",
            "arguing",
            "the bridge",
        ),
        (
            "Tom Reed responded to the council on Monday by noting that fares would not rise.",
            "Tom Reed",
            "noting",
            "fares",
        ),
        ('Ann Lowe responded by saying: "The port stays open."', "Ann Lowe", "saying", "The port"),
    ):
        a = only(text)
        assert (a["cue"], text[a["speaker_start"] : a["speaker_end"]]) == (cue, speaker), text
        assert content(text, a).startswith(said), text


def test_a_reporting_verb_whose_clause_holds_a_gerund_keeps_its_content():
    # Written for the tests: a clause between the verb and "by" is what was said.
    text = "Ann Lowe said the council had misled voters by claiming the port was safe."
    a = attributions(text)[0]
    assert (a["cue"], content(text, a)) == ("said", text[14:])
    text = "Ann Lowe said he had dodged the issue by saying nothing."
    assert "said" in [a["cue"] for a in attributions(text)]


def test_initials_joined_by_an_ampersand_are_one_name():
    # Written for the tests: "S.&P.", "A.&M." and "AT&T" are one organisation's name, not
    # the initial after the ampersand.
    for text, name in (
        ("S.&P. said the outlook for the port was stable.", "S.&P."),
        ("A.&M. said the bridge would reopen in May.", "A.&M."),
        ("AT&T said the cable would be laid by June.", "AT&T"),
        ("Texas A&M University said the bridge was safe.", "Texas A&M University"),
    ):
        a = only(text)
        assert (text[a["speaker_start"] : a["speaker_end"]], a["speaker"]) == (name, name), text
        assert a["speaker_type"] == "named_org", text


def test_a_gerund_after_by_before_a_quote_and_one_whose_subject_names_nobody():
    # Written for the tests: the quote after "by saying:" is the subject's; where the
    # words that open the sentence name nobody, the words are said by no one found.
    text = 'Ann Lowe ended the debate by saying: "The port stays open."'
    a = only(text)
    assert (a["direct"], a["speaker"]) == (True, "Ann Lowe")
    text = "On Monday they closed the meeting by saying the port would stay open."
    a = only(text)
    assert (a["speaker"], a["speaker_type"], a["speaker_start"]) == (None, "unresolved", None)
    assert content(text, a).startswith("the port would stay open")


def test_a_speaker_span_never_ends_with_a_preposition():
    # Written for the tests: a gerund after a preposition whose speaker is not found is
    # attributed to nobody rather than to the words up to the preposition.
    for text in (
        "Critics attacked Ann Lowe for saying the port would stay open.",
        "Tom Reed accused Ann Lowe of saying the port would stay open.",
        "By saying the port would stay open, Ann Lowe calmed the crowd.",
        "Ann Lowe surprised the crowd in saying the port would stay open.",
    ):
        for a in attributions(text):
            if a["speaker_start"] is not None:
                words = text[a["speaker_start"] : a["speaker_end"]].split()
                assert words[-1].lower() not in ("by", "for", "of", "in"), (text, words)


def test_a_subordinating_conjunction_before_a_name_is_no_part_of_the_speaker():
    # Written for the tests: "While", "Although", "Because", "If" and "But" open the
    # clause, not the name after them, which the speaker pattern reads whole.
    for text, name in (
        ("While Ann Lowe said the port would stay open, others disagreed.", "Ann Lowe"),
        ("Although Tom Reed said the plan was sound, the council voted no.", "Tom Reed"),
        ("Because Ann Lowe said the bridge was safe, the council reopened it.", "Ann Lowe"),
        ("If Ann Lowe says the vote will pass, it will.", "Ann Lowe"),
        ("Though Lowe said the bridge was safe, the council shut it.", "Lowe"),
        ("But Sen. Ann Lowe said the bridge was safe.", "Sen. Ann Lowe"),
    ):
        a = attributions(text)[0]
        assert text[a["speaker_start"] : a["speaker_end"]] == name, text
        assert a["speaker"] == name.removeprefix("Sen. "), text


def test_a_name_opening_the_sentence_with_a_function_word_of_its_own_is_whole():
    # Written for the tests: a first word that is a name's, or an article's, stays.
    for text, span in (
        ("The New Harbour Times said the port would stay open.", "The New Harbour Times"),
        ("Will Doyle said the port would stay open.", "Will Doyle"),
    ):
        a = attributions(text)[0]
        assert text[a["speaker_start"] : a["speaker_end"]] == span, text


def test_an_index_named_by_initials_and_an_ampersand_keeps_its_sentence_whole():
    # Written for the tests: "S.&P." ends no sentence before "500", so what was said is
    # the whole sentence before the speaker.
    text = "The S.&P. 500 fell 2 percent on Monday, Ann Lowe said."
    a = only(text)
    assert a["speaker"] == "Ann Lowe"
    assert content(text, a).startswith("The S.&P. 500 fell")


def test_a_function_word_or_a_prepositions_phrase_that_opens_the_sentence_is_no_speaker():
    # Written for the tests: a capitalised preposition or conjunction that opens the
    # sentence ("In", "For", "As"), its phrase, or the name it governs, is not who speaks:
    # the cue is said by nobody found, with no speaker span, not by "In" or "For Smith".
    for text, cue in (
        ("In three interviews, the judge criticised the plan, saying it would fail.", "saying"),
        (
            "For the second night, the crowd gathered, chanting that the vote was rigged.",
            "chanting",
        ),
        (
            "With the help of two aides, the actor held an audition and asked them to leave.",
            "asked",
        ),
        ("For Smith, the plan was a mistake, adding that it would fail.", "adding"),
        ("To win the vote, one group has run ads and calling on the council to act.", "calling"),
        ("As reported by the Ledger, the port will close in May.", "reported"),
        ("In a flurry of calls, the council met on Monday, urging voters to stay home.", "urging"),
    ):
        found = [a for a in attributions(text) if a["cue"] == cue]
        assert len(found) == 1, text
        a = found[0]
        assert (a["speaker"], a["speaker_type"], a["speaker_start"]) == (
            None,
            "unresolved",
            None,
        ), text


def test_a_function_word_next_to_its_cue_a_quantity_or_the_cues_own_subject_still_speaks():
    # Written for the tests: "From" right before "said" is a surname; "About 40" and "At
    # least half" are quantities; a preposition's object that a relative clause holding
    # the cue is about ("For someone who conceded …", "For Ann Lowe, who said …") is the
    # cue's subject, less the preposition; a conjunction opens the name's clause.
    for text, span in (
        ("From said the party had lost its way.", "From"),
        ("About 40 rabbis said they would march.", "About 40 rabbis"),
        ("At least half of voters say the plan failed.", "At least half of voters"),
        ("For someone who conceded that she erred, Ann Lowe was calm.", "someone"),
        ("For Ann Lowe, who said the port was safe, the vote was easy.", "Ann Lowe"),
        ("While Ann Lowe said the port would stay open, others disagreed.", "Ann Lowe"),
        ("In a statement, Ann Lowe criticised the plan, saying it would fail.", "Ann Lowe"),
    ):
        a = attributions(text)[0]
        assert text[a["speaker_start"] : a["speaker_end"]] == span, text


def test_the_subject_after_a_gerunds_phrase_that_opens_the_sentence_says_it():
    # Written for the tests: "By saying X, Ann Lowe …" reports what Ann Lowe said, X, and
    # what was said ends at the phrase's comma, before its speaker.
    for text, span, said in (
        ("By saying the deal was dead, the senator ended the talks.", "the senator", "the deal"),
        ("By saying the port would stay open, Ann Lowe calmed the crowd.", "Ann Lowe", "the port"),
        ('By saying "the port stays open," Ann Lowe calmed the crowd.', "Ann Lowe", "the port"),
        ("After noting that fares would rise, Tom Reed left the meeting.", "Tom Reed", "fares"),
    ):
        a = only(text)
        assert text[a["speaker_start"] : a["speaker_end"]] == span, text
        assert content(text, a).startswith(said), text
        assert span not in content(text, a), text


def test_a_gerunds_phrase_that_opens_the_sentence_is_not_what_the_verb_after_it_reports():
    # Written for the tests: the phrase put before the subject ("By saying …", "With …")
    # is no content of the reporting verb after the subject; no speaker is read inside a
    # quote after a gerund within the sentence, nor an owner ("Ann Lowe's") as one.
    text = "By saying that the deal was dead, Ann Lowe told reporters she was done."
    told = [a for a in attributions(text) if a["cue"] == "told"]
    assert [content(text, a) for a in told] == ["she was done."]
    text = "With the vote lost, Ann Lowe told reporters she was done."
    assert content(text, only(text)) == "she was done."
    text = 'Ann Lowe told one aide to "Go home," while telling another to, "Go away now."'
    assert "Go" not in [a["speaker"] for a in attributions(text)]
    text = "In responding Friday, Ann Lowe's campaign took the view that the port was safe."
    assert not [a for a in attributions(text) if a["speaker"] == "Ann Lowe's"]


def test_a_name_holding_an_ampersand_is_a_bodys():
    # Written for the tests: initials joined by an ampersand ("S.&P."), or names joined by
    # one ("Procter & Gamble"), name a body, never a person, wherever the name stands.
    for text, name in (
        ("S.&P. Global said the outlook for the port was stable.", "S.&P. Global"),
        ("AT&T Mobility said the cable would be laid by June.", "AT&T Mobility"),
        ("Procter & Gamble said sales rose in May.", "Procter & Gamble"),
    ):
        a = only(text)
        assert (text[a["speaker_start"] : a["speaker_end"]], a["speaker"]) == (name, name), text
        assert a["speaker_type"] == "named_org", text


def test_an_ampersand_before_i_joins_two_people_not_a_body():
    # Written for the tests: the rule actors reads too (text.ampersand_body), "&" before
    # "I" joins two people as "and" would. (Before a title the speaker is the titled name
    # alone: "Ann Lowe & Sen. Tom Hale said" is Tom Hale's.)
    a = only("Lowe & I said the port was safe.")
    assert (a["speaker"], a["speaker_type"]) == ("Lowe & I", "named_person")


def test_an_ampersand_between_given_names_joins_two_people_not_a_body():
    # Written for the tests: "Tom & Ann" are two people (text.ampersand_body), as "Tom and
    # Ann" are, not a body.
    a = only('"We are glad," Tom & Ann said after the fair.')
    assert (a["speaker"], a["speaker_type"]) == ("Tom & Ann", "named_person")


def test_a_known_company_whose_name_reads_as_a_persons_speaks_as_a_body():
    # Written for the tests: "Lockheed Martin" and "Morgan Stanley" are in text.ORGANISATIONS.
    for text, name in (
        ("Lockheed Martin said it would cut 500 jobs in May.", "Lockheed Martin"),
        ("The port bonds are safe, Morgan Stanley said.", "Morgan Stanley"),
    ):
        a = only(text)
        assert (a["speaker"], a["speaker_type"]) == (name, "named_org"), text


def test_the_name_after_unlike_or_despite_speaks_its_relative_clause_without_the_preposition():
    # Written for the tests: "Unlike" opens the phrase, Ann Lowe speaks ("For Ann Lowe,
    # who said …" already did).
    for text in (
        "Unlike Ann Lowe, who said the plan would fail, Tom Hale backed it.",
        "Despite Ann Lowe, who said the plan would fail, the port grew.",
    ):
        a = only(text)
        assert (text[a["speaker_start"] : a["speaker_end"]], a["speaker"]) == (
            "Ann Lowe",
            "Ann Lowe",
        ), text


def test_a_cue_chained_to_a_quote_is_said_by_the_quotes_speaker_not_its_first_word():
    # Written for the tests: the quote's attribution in the sentence is found although
    # reported speech of an earlier sentence was found after it.
    text = (
        "Lowe said the port was safe.\n\n"
        '"Thanks, all of you," Lowe replied, before adding that she wants "the port open."'
    )
    assert [(a["cue"], a["speaker"]) for a in attributions(text)] == [
        ("said", "Lowe"),
        ("replied", "Lowe"),
        ("adding", "Lowe"),
    ]


def test_a_prepositions_phrase_holding_its_cue_is_no_source():
    # Written for the tests: a video or a letter does not speak; the sentence's subject
    # does, by its own verb, or, for a cue in -ing inside the phrase, by that cue.
    text = "In a video posted on Sunday, the mayor said the bridge would reopen."
    a = only(text)
    assert (a["cue"], a["speaker"]) == ("said", "the mayor")
    text = "In a letter calling for calm, Ann Lowe thanked the crews."
    a = only(text)
    assert (a["cue"], a["speaker"], content(text, a)) == ("calling", "Ann Lowe", "for calm")


def test_he_or_she_is_not_a_person_known_to_be_of_the_other_sex():
    # Written for the tests: a common given name ("Ann", "Tom") or an honorific ("Mr.
    # Hale") tells the sex; a person it does not tell about may still be "she".
    for text in (
        "Ann Lowe said the port was safe. Mr. Hale said it was not. She said it would reopen.",
        "Ann Lowe said the port was safe. Tom Hale said it was not. She said it would reopen.",
        "Ann Lowe met Tom Hale on Monday. She said the bridge would reopen.",
    ):
        assert attributions(text)[-1]["speaker"] == "Ann Lowe", text
    text = "Tom Hale said the port was safe. Ann Lowe said it was not. He said it would reopen."
    assert attributions(text)[-1]["speaker"] == "Tom Hale"
    text = "Ann Lowe said the port was safe. Hale said it was not. She said it would reopen."
    assert attributions(text)[-1]["speaker"] == "Hale"


def test_an_honorific_tells_a_sex_only_as_a_word_of_its_own():
    # Written for the tests: "Mrs. Hale" makes Hale a woman, so "he" is Tom Rowe; "UMrs"
    # is no honorific, so "he" may be Hale, the person named last.
    text = "Tom Rowe met Mrs. Hale. Hale said the port was safe. He said it would reopen."
    assert attributions(text)[-1]["speaker"] == "Tom Rowe"
    text = "Tom Rowe met UMrs Hale. Hale said the port was safe. He said it would reopen."
    assert attributions(text)[-1]["speaker"] == "Hale"


def test_a_surname_alone_tells_no_sex_even_if_it_is_also_a_given_name():
    # Written for the tests: "Hassan" alone may be a woman's surname.
    text = "Hassan said the port was safe. Tom Hale said it was not. She said it would reopen."
    assert attributions(text)[-1]["speaker"] == "Hassan"


def test_a_body_named_by_initials_and_an_ampersand_after_a_comma_speaks():
    # Written for the tests: the sentence is no longer cut after "S.&P.".
    text = "The port bonds are safe, S.&P. Global said."
    a = only(text)
    assert (a["speaker"], a["speaker_type"]) == ("S.&P. Global", "named_org")
    assert content(text, a) == "The port bonds are safe"


def test_he_or_she_with_nobody_quoted_before_is_a_person_named_before_never_a_thing():
    # Written for the tests: capitalised words that name no person (a pipeline, a country
    # and a day, a body's last words) are nobody "he" or "she" refers to.
    for text in (
        "Work on the Keystone Pipeline stopped in May. He said it would create jobs.",
        "Talks with the United States Tuesday ended early. She said they would resume.",
        "The Council of Economic Advisers met on Friday. He said growth would slow.",
    ):
        a = attributions(text)[-1]
        assert (a["speaker"], a["speaker_type"]) == (None, "unresolved"), text
    # A given name, a title or an honorific before the name tells a person.
    for text, name in (
        ("Ruth Alder opened the bridge on Monday. She said it had cost too much.", "Ruth Alder"),
        ("Sen. Orrin Vale met the mayor. He said the bridge would reopen.", "Orrin Vale"),
        ("Mayor Orrin Vale met the press. He said the bridge would reopen.", "Orrin Vale"),
        ("Orrin Vale met the mayor. Mr. Vale arrived late. He said it was fine.", "Orrin Vale"),
        ("Orrin Vale, 26, a protester, was hurt. He said the crowd was calm.", "Orrin Vale"),
        ("Council spokesman Orrin Vale was late. He said the vote would wait.", "Orrin Vale"),
    ):
        a = attributions(text)[-1]
        assert (a["speaker"], a["speaker_resolved"]) == (name, True), text


def test_names_joined_by_and_are_typed_by_all_of_them_not_by_one():
    # Written for the tests: names joined by "and" are people if one of them is known to be
    # a person's (a given name, a surname named in full before), else bodies; one named
    # source either way, never an anonymous one.
    for text, speaker_type in (
        ("Goldman Sachs and Donald Trump said the deal was fair.", "named_person"),
        ("Donald Trump and Goldman Sachs said the deal was fair.", "named_person"),
        ("Lumeria and Vostra Aero said the merger would close in May.", "named_org"),
        ("Ann Lowe and Tom Hale said the plan had failed.", "named_person"),
        ("Ann Lowe met Tom Hale. Lowe and Hale said the plan had failed.", "named_person"),
    ):
        result = score_attribution(text)
        (a,) = result.evidence["attributions"]
        assert " and " in a["speaker"] and a["speaker_type"] == speaker_type, text
        assert result.values["named_source_count"] == 1
        assert result.values["anonymous_share"] == 0.0
    # "he" never refers to people quoted together.
    text = "Goldman Sachs and Donald Trump said the deal was fair. He said it would close."
    assert attributions(text)[-1]["speaker"] != "Goldman Sachs and Donald Trump"


def test_a_cue_after_an_opening_phrase_reports_what_follows_it():
    # Written for the tests: "warned of floods" says what was warned of, not the phrase
    # put first.
    text = "In a video posted online, Ann Lowe warned of floods."
    a = only(text)
    assert (a["speaker"], content(text, a)) == ("Ann Lowe", "of floods.")


def test_what_a_relative_clause_says_ends_at_its_closing_comma():
    # Written for the tests: not the main clause after it; a comma in a list of names or
    # before "and" does not close it.
    for text in (
        "Unlike Ann Lowe, who said the port was safe, Tom Hale stayed home.",
        "For Ann Lowe, who said the port was safe, Tom Hale was wrong.",
        "Ann Lowe, who has said the port was safe, stayed home.",
    ):
        a = attributions(text)[0]
        assert (a["speaker"], content(text, a)) == ("Ann Lowe", "the port was safe"), text
    text = "Ann Lowe, who said ads ran on Radio Vale, Radio Tarsa and Radio Lumeria, left."
    a = attributions(text)[0]
    assert content(text, a) == "ads ran on Radio Vale, Radio Tarsa and Radio Lumeria"


def test_a_group_that_a_name_only_qualifies_is_nobody_named():
    # Written for the tests: residents, dockers and supporters "of" a place or a person
    # are people nobody named, not the place or the person.
    # Since attribution 24, supporters are a generic group, the rest anonymous sources.
    for text, speaker, kind in (
        ("Residents of Elmtown said the water had run out.", "Residents of Elmtown", "anonymous"),
        ("The dockers of Halvern said they would stay out.", "the dockers of Halvern", "anonymous"),
        ('"We will stay out," said the dockers of Halvern.', "the dockers of Halvern", "anonymous"),
        ("Supporters of Ann Lowe said the vote was stolen.", "Supporters of Ann Lowe", "group"),
        (
            "Thousands of supporters of Ann Lowe said it was stolen.",
            "Thousands of supporters of Ann Lowe",
            "group",
        ),
    ):
        a = only(text)
        assert (a["speaker"], a["speaker_type"]) == (speaker, kind), text
    # A body or a place's office "of" a name is not a group of people.
    assert only("Bank of Elmtown said profits rose.")["speaker_type"] == "named_org"
    assert only("The government of Nordvale said the border was closed.")["speaker_type"] == (
        "named_org"
    )
    # The person named later is themself, not the group their supporters were (and,
    # since attribution 21, the surname is the one person named before with it).
    text = 'Supporters of Ann Lowe cheered. "We won," Lowe said.'
    assert attributions(text)[-1]["speaker"] == "Ann Lowe"


def test_a_text_that_speaks_is_a_document_not_an_anonymous_source():
    # Written for the tests (attribution 20): a report, a letter or a lawsuit says
    # something; nobody is hiding behind it, and it names nobody either.
    text = (
        "The report says the harbour lost money. "
        '"Our support is total," the letter reads. '
        "According to the lawsuit, the council ignored the warnings. "
        "Officials said the bridge would close."
    )
    assert speaker_types(text) == {
        "the report": "document",
        "the letter": "document",
        "the lawsuit": "document",
        "officials": "anonymous",
    }
    values = score_attribution(text).values
    assert values["anonymous_share"] == 0.25  # the officials alone
    assert values["named_source_count"] == 0


def test_a_person_described_after_the_is_not_an_anonymous_source():
    # Written for the tests (attribution 20): "the Republican nominee" and "the New York
    # businessman" describe one person the article has named; the words alone do not say
    # whom, so the speaker is unresolved (the words kept), not anonymous. An unnamed
    # source stays anonymous whether or not "the" opens it.
    text = (
        "Ann Lowe toured the harbour on Monday. "
        "The Republican nominee said taxes would fall. "
        "The New York businessman told reporters the port would grow. "
        "A source said the deal was off. "
        "The source added that talks would resume. "
        "A senator said the vote would wait."
    )
    found = attributions(text)
    assert [a["speaker_type"] for a in found] == [
        "unresolved",
        "unresolved",
        "anonymous",
        "anonymous",
        "anonymous",
    ]
    assert [a["speaker"] for a in found] == [
        "the Republican nominee",
        "the New York businessman",
        "a source",
        "the source",
        "a senator",
    ]
    assert score_attribution(text).values["named_source_count"] == 0


def test_the_president_whom_no_one_quoted_before_fits_is_unresolved_not_anonymous():
    # Written for the tests: a role after "the" with nobody quoted in it is someone the
    # reader knows, not an unnamed source; "the spokesman" speaks for someone and stays
    # anonymous when no spokesman was named.
    assert only("The president told voters the port would reopen.")["speaker_type"] == (
        "unresolved"
    )
    assert only("The spokesman said the port would reopen.")["speaker_type"] == "anonymous"


def test_a_speakers_head_noun_is_read_before_the_phrase_that_follows_it():
    # Written for the tests (attribution 20): "a survey of dockworkers" is a survey, "a
    # spokesman for the ministry" a person nobody named (not the ministry), "the head of
    # the agency" one office holder, "the office of the governor" a body.
    assert speaker_types("A survey of dockworkers says most back the strike.") == {
        "a survey of dockworkers": "document"
    }
    assert speaker_types("A spokesman for the ministry said the port was closed.") == {
        "a spokesman for the ministry": "anonymous"
    }
    assert speaker_types("The head of the agency said the port was closed.") == {
        "the head of the agency": "unresolved"
    }
    assert speaker_types("Officials familiar with the talks said no deal was near.") == {
        "officials familiar with the talks": "anonymous"
    }


def test_titled_people_joined_by_and_speak_together_each_without_their_title():
    # Written for the tests (attribution 21; fictional names): each part's title is its
    # own, and both people are the speaker, not the last one.
    (a,) = attributions("Sen. Orrin Vale and Rep. Cy Tan said the bill would pass.")
    assert (a["speaker"], a["speaker_type"]) == ("Orrin Vale and Cy Tan", "named_person")
    (a,) = attributions("Orrin Vale and Gov. Cy Tan said the bill would pass.")
    assert (a["speaker"], a["speaker_type"]) == ("Orrin Vale and Cy Tan", "named_person")
    result = score_attribution("Sen. Orrin Vale and Rep. Cy Tan said the bill would pass.")
    (source,) = result.evidence["sources"]
    assert "Sen." in source["role"] and "Rep." in source["role"]
    assert result.values["named_source_count"] == 1


def test_single_words_joined_by_and_are_people_where_the_text_names_them_so():
    # Written for the tests (attribution 21; fictional names): two capitalised words
    # joined by "and" are people where the text writes one after a given name ("Dara
    # Quill"), or gives a lone word the surname of the name after it ("Khizr and Ghazala
    # Khan" where "Khizr Khan" or "Mrs. Khan" is written); bodies or places otherwise.
    for text in (
        "The network's Dara Quill and Wes Brandt hosted the debate. "
        "Quill and Brandt said the debate was over.",
        "Khizr Khan spoke first. Khizr and Ghazala Khan said they were hurt.",
        "Mrs. Khan spoke first. Khizr and Ghazala Khan said they were hurt.",
    ):
        a = attributions(text)[-1]
        assert " and " in a["speaker"] and a["speaker_type"] == "named_person", text
    for text in (
        "Brunei and Taiwan said the talks had failed.",
        "Leader Visits Brunei. Brunei and Taiwan said the talks had failed.",
        "Lumeria and Vostra Aero said the merger would close in May.",
    ):
        (a,) = attributions(text)
        assert a["speaker_type"] == "named_org", text


def test_a_surname_alone_is_the_one_person_named_before_with_it():
    # Written for the tests (attribution 21; fictional names): "Hale said" after "Tom
    # Hale" named but never quoted is Tom Hale; not where two people of that surname were.
    text = "Tom Hale runs the port. The port is busy. Hale said the ships were late."
    assert speaker_types(text) == {"Tom Hale": "named_person"}
    text = "Rep. Wes Hale runs the port. Hale said the ships were late."
    assert speaker_types(text) == {"Wes Hale": "named_person"}
    text = "Tom Hale and Ann Hale run the port. Hale said the ships were late."
    assert speaker_types(text) == {"Hale": "named_person"}
    # Nobody named in full: the surname stays itself; a longer name is not the person's.
    text = "Hale said the ships were late."
    assert speaker_types(text) == {"Hale": "named_person"}
    text = "The Tom Hale Center opened. Hale said the ships were late."
    assert speaker_types(text) == {"Hale": "named_person"}


def test_what_was_warned_of_is_the_noun_and_its_clause_not_the_clauses_verb():
    # Written for the tests (attribution 21): "that" after "warned of floods" opens the
    # noun's clause; what was said holds the noun, not only "would come".
    text = "Lowe warned of floods that would come in May."
    a = only(text)
    assert content(text, a) == "of floods that would come in May."
    text = "Lowe warned of a storm that could close the port."
    assert content(text, only(text)) == "of a storm that could close the port."
    # "that" with a subject after it opens what was said, as before.
    text = "Lowe said in a speech that the port was safe."
    assert content(text, only(text)) == "the port was safe."
    text = "Lowe wrote of the strike that the port would close."
    assert content(text, only(text)) == "the port would close."


def test_a_document_named_with_its_participle_or_as_a_version_of_one_is_a_document():
    # Written for the tests (attribution 22; fictional names): "a report issued last
    # year", "audio provided by" a station, "an archived version of" a website, a printed
    # card speak as texts; the participle ends only a document's noun ("Lowe released a
    # statement" reads the statement, as before).
    text = (
        "A harbour board report issued last year reported cracks in the docks. "
        "The ferry was late, according to audio provided by Nordvale Radio. "
        "According to an archived version of the Lowe Trust website, the gift was small. "
        '"Vote for the slate," said the printed Lowe slate card.'
    )
    assert [a["speaker_type"] for a in attributions(text)] == ["document"] * 4
    text = "Lowe released a statement saying the port would close."
    assert only(text)["speaker_type"] == "document"
    text = "Officials familiar with the talks said no deal was near."
    assert only(text)["speaker_type"] == "anonymous"


def test_a_body_called_again_by_what_it_is_speaks_on_the_record():
    # Written for the tests (attribution 22; fictional names): "the group", "the online
    # retail giant" after the body's name call it again, an organisation; so does "the
    # party" with a word of time after it. "A group" and "the group of protesters" are
    # nobody named.
    text = "The Nordvale Harbour Trust counts the ships. Forty docks have closed, the group says."
    assert speaker_types(text) == {"the group": "named_org"}
    text = "Lumeria rose 2 percent. The online retail giant reported a profit of $2 a share."
    assert speaker_types(text) == {"the online retail giant": "named_org"}
    text = "The party today agrees only on its opposition to the port."
    assert only(text)["speaker_type"] == "named_org"
    assert only("A group said the port would close.")["speaker_type"] == "anonymous"
    text = "The group of protesters said the port would close."
    assert only(text)["speaker_type"] == "anonymous"


def test_a_pronoun_that_opens_the_words_before_a_cue_is_their_subject():
    # Written for the tests (attribution 22; fictional names): "he sounded a rare note",
    # "she quickly", "meaning he": the pronoun is the speaker, the person named before,
    # not an unnamed source whose words are the pronoun and its verb.
    text = (
        "Tom Hale spoke on Monday. Although he thanked the dockers, he sounded a rare note "
        'of doubt, saying, "I am not sure I deserve it."'
    )
    assert {a["speaker"] for a in attributions(text)} == {"Tom Hale"}
    text = "Ann Lowe spoke on Monday. She quickly declared that the port would close."
    assert only(text)["speaker"] == "Ann Lowe"
    assert text[only(text)["speaker_start"] : only(text)["speaker_end"]] == "She"
    text = (
        '"I never said no," Tom Hale wrote in an email on Monday, meaning he had not said '
        "that the port was closed."
    )
    assert {a["speaker"] for a in attributions(text)} == {"Tom Hale"}
    # An unnamed source's words are still its own.
    text = "Officials familiar with the talks said no deal was near."
    assert only(text)["speaker_type"] == "anonymous"


def test_a_name_before_a_verb_in_the_past_not_in_ed_is_the_speaker():
    # Written for the tests (attribution 22; fictional names): "Tom Hale began tweeting"
    # is said by Tom Hale, as "Tom Hale started tweeting" was.
    for verb in ("began", "started"):
        text = f"Tom Hale {verb} tweeting that the port would close."
        assert only(text)["speaker"] == "Tom Hale", text
        assert only(text)["speaker_type"] == "named_person", text


def test_a_capitalised_plural_for_people_at_a_sentences_head_is_nobody_named():
    # Written for the tests (attribution 22; fictional names): "Mourners say",
    # "Respondents are obliged" open a sentence or a headline with a plural noun for
    # people, a group; a surname that the text writes after another word is a person's.
    text = "The Latest: Mourners say the loss is hard."
    assert speaker_types(text) == {"Mourners": "group"}
    text = "Proponents said the port would reopen."
    assert speaker_types(text) == {"Proponents": "group"}
    text = "Dale Summers runs the port. Summers said it would reopen."
    assert speaker_types(text) == {"Dale Summers": "named_person"}
    text = "The port reopened, said Summers. Summers said it was safe."
    assert set(speaker_types(text).values()) == {"named_person"}


def test_a_conjunction_alone_before_a_cue_is_no_ones_name():
    # Written for the tests (attribution 22): "Whenever asked about it" names nobody.
    text = "Whenever asked about the port, they changed the subject."
    assert all(a["speaker_type"] != "named_person" for a in attributions(text))


def test_a_cue_in_ing_after_an_adverb_of_degree_is_an_adjective():
    # Written for the tests (attribution 22; fictional names): "the most telling promise"
    # is no one telling anything; "Lowe said, telling reporters" still reports.
    text = "The most telling promise Ann Lowe has made is that she will not overpromise."
    assert all(a["cue"] != "telling" for a in attributions(text))
    text = "Perhaps most telling, though, were the shows they liked."
    assert attributions(text) == []
    text = "Ann Lowe spoke on Monday, telling reporters that the port would close."
    assert only(text)["cue"] == "telling"


def test_an_office_of_a_place_is_its_holder_not_a_person_called_by_the_place():
    # Written for the tests (attribution 23): "Vermont", "Texas" and "London" only place
    # the office; the holder speaks, found by role when quoted before, else unresolved.
    assert speaker_types("The senator from Vermont said the bill was dead.") == {
        "the senator from Vermont": "unresolved"
    }
    assert speaker_types("The mayor of London said the bridge would reopen.") == {
        "the mayor of London": "unresolved"
    }
    text = (
        '"We will hold the line," said Texas Gov. Ann Lowe. '
        "The governor of Texas said the wall would rise."
    )
    assert [a["speaker"] for a in attributions(text)] == ["Ann Lowe", "Ann Lowe"]
    # A body's name after "of" stays the body's ("the government of Nordvale").
    assert speaker_types("The government of Nordvale said the port would reopen.") == {
        "government of Nordvale": "named_org"
    }


def test_nobody_named_is_an_anonymous_source_or_a_generic_group():
    # Written for the tests (attribution 24; fictional places and people): particular
    # people the text does not identify are anonymous sources; a category of people
    # speaking as a class is a generic group; a party's members by its plural are a group,
    # the party by its name an organisation ("House Democrats" had been read as a person's
    # name). The anonymous share counts the first alone.
    text = (
        "Officials said the Halvern bridge would close in May. "
        "A senior aide said the mayor had not been told. "
        "People familiar with the talks said a deal was near. "
        "Some of his advisers said the plan was rushed. "
        "Critics say the closure will hurt shops. "
        "Many voters said they were tired of the works. "
        "Many of you said the same at the meeting. "
        "House Democrats said the money was wasted. "
        "The Republican Party said it would appeal. "
        "Ann Lowe, the council's engineer, said the bridge was unsafe."
    )
    assert speaker_types(text) == {
        "officials": "anonymous",
        "a senior aide": "anonymous",
        "People familiar with the talks": "anonymous",
        "Some of his advisers": "anonymous",
        "Critics": "group",
        "Many voters": "group",
        "Many of you": "group",
        "House Democrats": "group",
        "Republican Party": "named_org",
        "Ann Lowe": "named_person",
    }
    values = score_attribution(text).values
    assert values["anonymous_share"] == 0.4
    assert values["group_share"] == 0.4
    assert values["named_source_count"] == 2


def test_poll_shares_are_a_group_and_words_for_no_one_are_not_an_anonymous_source():
    # Written for the tests (attribution 25; fictional places and people): a share of
    # people as a poll gives it is the people polled, a generic group; words that name no
    # person, people referred to together and a relative by a possessive are no anonymous
    # source, which "officials" still is.
    text = (
        "Ann Lowe and Tom Hale met the press in Elmtown on Monday. "
        "52 percent of registered voters said the bridge should close. "
        "Six in 10 said the tolls were too high. "
        "Almost half of respondents said they drove every day. "
        "Both candidates said the plan was sound. "
        "His ex-wife said he never drove. "
        "Officials said the vote would be held in May."
    )
    types = speaker_types(text)
    assert types["52 percent of registered voters"] == "group"
    assert types["Six in 10"] == "group"
    assert types["Almost half of respondents"] == "group"
    assert types["Both candidates"] == "unresolved"
    assert types["his ex-wife"] == "unresolved"
    assert types["officials"] == "anonymous"
    values = score_attribution(text).values
    assert values["anonymous_share"] == round(1 / 6, 4)
    assert values["group_share"] == 0.5


def test_one_person_described_or_a_campaign_team_is_no_anonymous_source():
    # Written for the tests (attribution 26; fictional places and people): "the" or a
    # name's possessive before one person's office describes that person, who is left
    # unresolved; a campaign's team is an organisation; "a" before the office is still an
    # unnamed source, and protesters marching are a group, however their phrase ends.
    text = (
        "Ann Lowe and Tom Hale met in Elmtown on Monday. "
        "The Elmtown congressman said the bridge would reopen. "
        "Elmtown's tax commissioner said the tolls would stay. "
        "The Lowe team said the count was fair. "
        "A Democratic senator said the vote was close. "
        "Protesters marching through the streets said the count was rigged. "
        "A London-based shipping broker said the port was full."
    )
    types = speaker_types(text)
    assert types["the Elmtown congressman"] == "unresolved"
    assert types["Elmtown's tax commissioner"] == "unresolved"
    assert types["the Lowe team"] == "named_org"
    assert types["a Democratic senator"] == "anonymous"
    assert types["Protesters marching through the streets"] == "group"
    # An -ing word after a word that names no one is no participle's phrase.
    assert types["a London-based shipping broker"] == "anonymous"
