"""The intervals of bench/eval_language.py, on sentences written for the tests."""

import pytest

from bench import eval_language

# Written for the tests: one plain news sentence in each target language.
SENTENCES = {
    "en": "The city council approved the new budget for schools and roads on Tuesday evening.",
    "de": "Der Stadtrat hat am Dienstagabend den neuen Haushalt für Schulen und Straßen beschlossen.",
    "fr": "Le conseil municipal a approuvé mardi soir le nouveau budget pour les écoles et les routes.",
    "es": "El ayuntamiento aprobó el martes por la noche el nuevo presupuesto para escuelas y carreteras.",
    "ru": "Городской совет во вторник вечером утвердил новый бюджет для школ и дорог.",
}


def test_the_summed_counts_give_the_scripts_macro_figures():
    items = [("en", "a"), ("de", "b"), ("uk", "c"), ("ru", "d"), ("fr", "e")]
    guesses = {"a": "en", "b": "", "c": "ru", "d": "ru", "e": "es"}
    result = eval_language.evaluate(items, guesses.get)
    summed = tuple(map(sum, zip(*result["per_text"], strict=True)))
    assert eval_language.macro(summed) == pytest.approx(result["macro"])


def test_the_script_prints_the_interval_of_macro_f1(tmp_path, capsys):
    folder = tmp_path / "sentences"
    folder.mkdir()
    for lang, sentence in SENTENCES.items():
        (folder / f"{lang}.txt").write_text((sentence + "\n") * 40, encoding="utf-8")
    eval_language.main([str(tmp_path), "--kinds", "sentences", "--draws", "50"])
    out = capsys.readouterr().out
    # Every sentence recognised: with 40 of each language, every draw holds all five.
    assert "py3langid (newsdesk)   macro P 1.000 R 1.000 F1 1.000" in out
    assert "95 % intervals of macro F1 over 50 resamplings of the 200 texts:" in out
    assert "py3langid (newsdesk)   1.000–1.000" in out
    # The stopwords find these too: a tie on every draw counts half.
    assert (
        "baseline (stopwords)   1.000–1.000  (py3langid (newsdesk) higher in 50% of draws)" in out
    )
    eval_language.main([str(tmp_path), "--kinds", "sentences", "--draws", "0"])
    assert "resamplings" not in capsys.readouterr().out
