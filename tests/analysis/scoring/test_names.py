"""Which capitalised words name someone in German, Russian, Spanish and French
(analysis.scoring.names), on words written for the tests."""

from analysis.scoring import names


def test_german_nouns_are_not_names_and_names_are():
    assert names.name_words(("Experten",), "de", sentence_start=True) == (False,)
    assert names.name_words(("Der", "Sprecher"), "de", sentence_start=True) == (False, False)
    assert names.name_words(("Merkel",), "de", sentence_start=False) == (True,)


def test_a_russian_word_inside_a_sentence_is_a_name_and_at_its_start_is_looked_up():
    assert names.name_words(("Эксперты",), "ru", sentence_start=True) == (False,)
    assert names.name_words(("Эксперты",), "ru", sentence_start=False) == (True,)
    assert names.name_words(("Лавров",), "ru", sentence_start=True) == (True,)
    assert names.name_words(("МИД",), "ru", sentence_start=True) == (True,)


def test_pronouns_are_never_names_and_other_words_stay_as_the_rules_read_them():
    assert names.name_words(("Il",), "fr", sentence_start=True) == (False,)
    assert names.name_words(("Вы",), "ru", sentence_start=False) == (False,)
    assert names.name_words(("Marie", "Dubois"), "fr", sentence_start=True) == (True, True)
    assert names.name_words(("Expertos",), "es", sentence_start=True, verb="dijeron") == (False,)
    assert names.name_words(("Sánchez",), "es", sentence_start=True, verb="dijo") == (True,)


def test_institutions_by_their_head_noun():
    assert names.is_institution(("Die", "Bundesregierung"), "de")
    assert not names.is_institution(("Experten",), "de")
    assert names.is_institution(("Правительство",), "ru")
    assert not names.is_institution(("Эксперты",), "ru")


def test_the_german_model_is_read_from_its_package_never_the_working_directory(
    tmp_path, monkeypatch
):
    # A file of the model's name where a worker runs is never unpickled.
    (tmp_path / "morphmodel_ger.pgz").write_bytes(b"not a model")
    monkeypatch.chdir(tmp_path)
    names._german_tagger.cache_clear()
    names._german_names.cache_clear()
    try:
        assert names.name_words(("Experten",), "de", sentence_start=True) == (False,)
    finally:
        names._german_tagger.cache_clear()
        names._german_names.cache_clear()


def test_a_german_sie_with_a_plural_verb_is_they():
    assert names.third_person("sie", "de", "sagte") == "she"
    assert names.third_person("sie", "de", "sagten") == "they"
    assert names.third_person("il", "fr") == "he"
    assert names.third_person("Merkel", "de") is None
