"""The WMT21 news test set converter on a tiny XML file written for the tests (invented
sentences in the task's layout: a document in its own language, reference translations,
a system's output)."""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bench.wmt_to_jsonl import rows

WRITTEN = """<?xml version='1.0' encoding='utf-8'?>
<dataset id="newstest2021">
  <doc origlang="ru" id="paper.1">
    <src lang="ru"><p>
      <seg id="1">Мост в Кессре открыт</seg>
      <seg id="2">Мэр  Ильза Варнхольт открыла мост.</seg>
    </p><p><seg id="3">Его строили 3 года.</seg></p></src>
    <ref lang="en" translator="B"><p><seg id="1">Not this one</seg><seg id="2">B.</seg></p></ref>
    <ref lang="en" translator="A"><p>
      <seg id="1">Bridge opens in Kessra</seg>
      <seg id="2">Mayor Ilse Varnholt opened the bridge.</seg>
    </p><p><seg id="3">It took 3 years to build.</seg></p></ref>
    <hyp system="Some-MT" lang="en"><p><seg id="1">A machine's bridge</seg></p></hyp>
  </doc>
  <doc origlang="ru" id="paper.2">
    <src lang="ru"><p><seg id="1">Отложено</seg><seg id="2">Не читать.</seg></p></src>
    <ref lang="en" translator="A"><p><seg id="1">Held out</seg><seg id="2">Never read.</seg></p></ref>
  </doc>
  <doc origlang="ru" id="tsuite-tedtalks-1">
    <src lang="ru"><p><seg id="1">Тест</seg><seg id="2">Не новость.</seg></p></src>
    <ref lang="en" translator="A"><p><seg id="1">Test</seg><seg id="2">Not news.</seg></p></ref>
  </doc>
  <doc origlang="ru" id="paper.4">
    <src lang="ru"><p><seg id="1">Отложено</seg><seg id="2">Не читать.</seg></p></src>
    <ref lang="en" translator="A"><p><seg id="1">Held out</seg><seg id="2">Never read.</seg></p></ref>
  </doc>
  <doc origlang="ru" id="paper.5">
    <src lang="ru"><p><seg id="1">Только заголовок</seg></p></src>
    <ref lang="en" translator="A"><p><seg id="1">A headline only</seg></p></ref>
  </doc>
</dataset>
"""


def test_a_document_and_its_reference_a_become_two_articles_of_one_event():
    source, reference = rows(ET.fromstring(WRITTEN))
    assert source["title"] == "Мост в Кессре открыт"
    assert source["text"] == "Мэр Ильза Варнхольт открыла мост.\n\nЕго строили 3 года."
    assert source["outlet"] == "WMT21 source (ru)" and source["language"] == "ru"
    assert reference["title"] == "Bridge opens in Kessra"
    assert (
        reference["text"] == "Mayor Ilse Varnholt opened the bridge.\n\nIt took 3 years to build."
    )
    assert reference["outlet"] == "WMT21 reference (en)"
    assert source["event"] == reference["event"] == "wmt21-paper.1"
    assert source["published"] == reference["published"]
    assert source["url"] != reference["url"]


def test_the_odd_documents_are_held_out_and_a_test_suite_or_an_empty_text_left_out(capsys):
    events = {row["event"] for row in rows(ET.fromstring(WRITTEN))}
    # paper.2 and paper.4 held out; a test suite's document is not news; paper.5 has a
    # headline only.
    assert events == {"wmt21-paper.1"}
    assert "paper.5" in capsys.readouterr().err
    with pytest.raises(ValueError):
        list(rows(ET.fromstring(WRITTEN), half="odd"))


def test_the_command_writes_json_lines_and_refuses_the_held_out_half(tmp_path):
    path = tmp_path / "newstest.xml"
    path.write_text(WRITTEN, encoding="utf-8")
    script = Path(__file__).resolve().parents[2] / "bench" / "wmt_to_jsonl.py"
    done = subprocess.run(
        [sys.executable, str(script), str(path)], capture_output=True, text=True, check=True
    )
    assert [json.loads(line)["language"] for line in done.stdout.splitlines()] == ["ru", "en"]
    refused = subprocess.run(
        [sys.executable, str(script), str(path), "--half", "odd"], capture_output=True, text=True
    )
    assert refused.returncode != 0 and "held out" in refused.stderr
