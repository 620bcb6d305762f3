"""bench/train_target_tone.py on a tiny training file in NewsMTSC's format, written for
the tests (fictional people; one warm, one hostile and one plain sentence per article)."""

from __future__ import annotations

import json

import pytest

from analysis.scoring import target_tone
from bench import train_target_tone

PEOPLE = ["Ann Lee", "Tom Hale", "Dee Marsh", "Lars Brook", "Ida Fenn", "Oma Reyes"]
WARM = "{} was praised and thanked for her wonderful, brave work."
HOSTILE = "{} was accused of lying and blamed for the terrible failure."
PLAIN = "{} will speak in Denver on Tuesday."


def rows() -> list[dict]:
    found = []
    for number, person in enumerate(PEOPLE * 2):
        for polarity, pattern in ((1, WARM), (-1, HOSTILE), (0, PLAIN)):
            sentence = pattern.format(person)
            found.append(
                {
                    "sentence": sentence,
                    "mention": person,
                    "polarity": polarity,
                    "from": 0,
                    "to": len(person),
                    "id": f"allsides_{number}_1_{polarity}_{person}_0_{len(person)}",
                }
            )
    return found


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "train.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in rows()), encoding="utf-8"
    )
    return tmp_path


def test_it_fits_on_the_training_split_and_writes_a_model_the_scorer_reads(
    corpus, tmp_path, capsys, monkeypatch
):
    out = tmp_path / "model.json"
    assert train_target_tone.main([str(corpus), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "NewsMTSC rw train: 36 sentences" in printed
    assert "cross-validated macro F1" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["C"] in train_target_tone.GRID
    assert data["classes"] == ["negative", "neutral", "positive"]
    # The words of each kind of sentence carry its class.
    assert data["weights"]["u:praised"][2] > data["weights"]["u:praised"][0]
    assert data["weights"]["u:accused"][0] > data["weights"]["u:accused"][2]

    monkeypatch.setattr(target_tone, "MODEL_PATH", out)
    target_tone._model.cache_clear()
    try:
        sentence = "Kim Ode was praised for her brave work."
        assert target_tone.tone_toward(sentence, 0, 7)[1] == "positive"
        sentence = "Kim Ode was accused of lying."
        assert target_tone.tone_toward(sentence, 0, 7)[1] == "negative"
    finally:
        target_tone._model.cache_clear()


def test_it_reads_no_split_but_train(corpus):
    (corpus / "dev.jsonl").write_text("not json\n", encoding="utf-8")
    (corpus / "test.jsonl").write_text("not json\n", encoding="utf-8")
    # Neither file is opened: they would fail to parse.
    assert train_target_tone.main([str(corpus), "--out", str(corpus / "m.json")]) == 0
