"""Tests for newsdesk.ingest.text.clean_text.

The seed page is a real scrape kept in the shared corpus. Every other page in
this file was written for these tests in the style of a kind of site; the
people, places and events in them are made up.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from newsdesk.ingest.text import CleanedText, clean_text

REPO = Path(__file__).resolve().parents[3]
SEED_NAME = "seed-sputnik-afghan-soldiers.txt"


def _seed_path() -> Path:
    shared = Path(os.environ.get("NEWSDESK_SHARED_DIR") or REPO.parent / "shared")
    for path in (REPO / "demo" / "data" / SEED_NAME, shared / "corpus" / SEED_NAME):
        if path.is_file():
            return path
    pytest.fail(f"{SEED_NAME} is in neither demo/data/ nor {shared / 'corpus'}")


@pytest.fixture(scope="module")
def seed_raw() -> str:
    return _seed_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_raw: str) -> CleanedText:
    return clean_text(seed_raw)


# --- the seed page ---------------------------------------------------------


def test_it_finds_the_seed_headline(seed: CleanedText) -> None:
    assert seed.headline == (
        "Some 1,500 Afghan Soldiers Escaped Taliban to Tajikistan in Two Weeks, CSTO Envoy Says"
    )


def test_it_reads_the_seed_dateline(seed: CleanedText) -> None:
    assert seed.dateline == "MOSCOW (Sputnik)"


def test_it_dates_the_article_not_the_page(seed: CleanedText) -> None:
    assert seed.published == dt.date(2021, 7, 7)
    assert seed.published.strftime("%A") == "Wednesday"  # the body says "on Wednesday"


def test_it_keeps_captions_apart_from_the_body(seed: CleanedText) -> None:
    assert len(seed.captions) == 1
    assert seed.captions[0].startswith("In this handout photo released by Border Troops")
    assert seed.captions[0].endswith("next to Tajikistan-Afghanistan border in Tajikistan.")
    assert "handout photo" not in seed.body


def test_it_splits_a_credit_glued_to_its_caption(seed: CleanedText) -> None:
    assert seed.credits == [
        "© AP Photo / Border Troops of the State Committee for National Security "
        "of the Republic of Tajikistan"
    ]


def test_it_lists_the_page_chrome_as_removed(seed: CleanedText) -> None:
    chrome = [
        "Subscribe",
        "Newsfeed",
        "0",
        "To participate in the discussion",
        "log in or register",
        "loader",
        "Chats",
        "Заголовок открываемого материала",
    ]
    assert [line for line in seed.removed if line in chrome] == chrome
    for line in chrome:
        assert line not in seed.body.split("\n\n")


def test_it_drops_the_section_label_and_blurb(seed: CleanedText) -> None:
    assert "Asia" in seed.removed
    assert any(line.startswith("Find top stories and features") for line in seed.removed)
    assert "Find top stories" not in seed.body


def test_it_cuts_the_seed_body_at_the_article(seed: CleanedText) -> None:
    assert seed.body.startswith("About 1,500 Afghan soldiers have crossed")
    assert seed.body.endswith("trying to cross borders.")
    # The raw page holds six article paragraphs, one per line.
    assert len(seed.body.split("\n\n")) == 6
    assert "MOSCOW (Sputnik)" not in seed.body


def test_it_names_the_outlet_and_language_of_the_seed(seed: CleanedText) -> None:
    assert seed.outlet_hint == "Sputnik International"
    assert seed.language == "en"


def test_it_accounts_for_every_line_of_the_seed(seed_raw: str, seed: CleanedText) -> None:
    # Nothing vanishes silently: every raw line lands in some field. Whitespace and
    # dashes are ignored (the dateline dash is dropped) and a caption's stamp is cut.
    def squeeze(text: str) -> str:
        return re.sub(r"[\s\-–—]+", "", text)

    kept = squeeze("|".join([*seed.removed, "".join(seed.credits + seed.captions), seed.headline]))
    kept += squeeze(seed.dateline + seed.body.replace("\n\n", "|"))
    for line in seed_raw.splitlines():
        line = re.sub(r" - [^-]+, \d{1,4}, \d{2}\.\d{2}\.\d{4}$", "", line)
        assert squeeze(line) in kept, line


# --- pages written for these tests ------------------------------------------

# Written for these tests: a wire-service style page.
WIRE_PAGE = """\
Skip to main content
World
U.S. News
Politics
Advertisement
Senate Panel Advances Bill to Expand Rural Broadband Grants
By JANE ROWE and SAM ITO
Updated 3:45 PM EST, Tue March 5, 2024
Published 8:02 AM EST, Mon March 4, 2024
Share this article
Share on Facebook
Share on Twitter
A technician installs fiber-optic cable near Marion, Iowa, on Feb. 12, 2024. (AP Photo/Carl Brenner)
WASHINGTON (AP) — A Senate committee voted 14-9 on Monday to advance a bill that would \
double federal grants for broadband in rural counties.
Advertisement
Supporters said the money would reach about 2 million homes that still rely on slow \
satellite or phone-line connections.
Residents pictured at a county meeting about internet service in Ames, Iowa.
Getty Images
Opponents argued that earlier grant rounds had been poorly tracked and asked for an audit first.
The full Senate is not expected to take up the measure before April.
Copyright 2024 The Associated Press. All rights reserved.
Most read
Storm Knocks Out Power Across Three States
"""

# Written for these tests: a UK broadcaster style page.
UK_PAGE = """\
Skip to content
Home
News
Sport
England
Riverside footbridge reopens after two-year closure
12 June 2023
Share
Image source, Getty Images
Image caption, The footbridge was shut in 2021 after inspectors found corroded supports
A footbridge linking the two halves of Millbrook has reopened after repairs costing £1.2m.
The council said the crossing had been strengthened and fitted with new lighting.
"It has been a long wait, but it was worth doing properly," said one resident.
Related Topics
Bridges
Local government
More on this story
Bridge repair bill rises again
"""

# Written for these tests: a French news site page.
FRENCH_PAGE = """\
Accueil
International
Abonnez-vous
Le port de Marseille accueille un nombre record de navires de croisière
Par Claire Martin
Publié le 12 mars 2024 à 10h15
Mis à jour le 13 mars 2024 à 08h00
Partager
MARSEILLE (AFP) – Le port de Marseille a accueilli 640 escales de navires de croisière \
l'an dernier, un record selon la direction du port.
Lire aussi
Les ferries de la Méditerranée changent d'armateur
Les habitants du quartier de la Joliette se plaignent depuis des mois de la pollution \
liée aux moteurs des navires.
Publicité
La ville demande que les navires se branchent au réseau électrique pendant les escales.
Sur le même sujet
Les ports français misent sur le courant à quai
"""

# Written for these tests: a Russian-language page with English chrome.
RUSSIAN_PAGE = """\
Subscribe
Главная
Общество
В Новосибирске открыли новый пешеходный мост через реку
Поделиться
В Новосибирске в субботу открыли пешеходный мост длиной 300 метров.
По словам мэрии, строительство заняло два года и обошлось дешевле, чем планировалось.
Первыми по мосту прошли школьники и ветераны.
Читайте также
Ремонт набережной начнется весной
"""

PLAIN_PARAGRAPHS = [
    "The fishing boats left the harbour before dawn, as they have for generations.",
    "By noon the quay was quiet again, and the gulls had the place to themselves.",
    "Nobody in the village could remember a calmer summer.",
]


def test_it_reads_a_wire_page_dateline_and_agency() -> None:
    page = clean_text(WIRE_PAGE)
    assert page.headline == "Senate Panel Advances Bill to Expand Rural Broadband Grants"
    assert page.dateline == "WASHINGTON (AP)"
    assert page.outlet_hint == "AP"
    assert page.body.startswith("A Senate committee voted 14-9 on Monday")
    assert page.body.endswith("before April.")
    assert len(page.body.split("\n\n")) == 4


def test_an_updated_line_does_not_override_published() -> None:
    assert clean_text(WIRE_PAGE).published == dt.date(2024, 3, 4)


def test_it_collects_wire_captions_and_credits() -> None:
    page = clean_text(WIRE_PAGE)
    assert page.credits == ["AP Photo/Carl Brenner", "Getty Images"]
    assert page.captions == [
        "A technician installs fiber-optic cable near Marion, Iowa, on Feb. 12, 2024.",
        "Residents pictured at a county meeting about internet service in Ames, Iowa.",
    ]
    assert "Residents pictured" not in page.body


def test_it_removes_ads_share_buttons_and_footer_widgets() -> None:
    page = clean_text(WIRE_PAGE)
    assert page.removed.count("Advertisement") == 2
    for line in (
        "Share this article",
        "Share on Facebook",
        "By JANE ROWE and SAM ITO",
        "Most read",
    ):
        assert line in page.removed
    assert "All rights reserved" not in page.body
    assert "Storm Knocks Out Power" not in page.body


def test_it_reads_a_uk_style_page_without_dateline() -> None:
    page = clean_text(UK_PAGE)
    assert page.headline == "Riverside footbridge reopens after two-year closure"
    assert page.dateline == ""
    assert page.published == dt.date(2023, 6, 12)
    assert page.credits == ["Image source, Getty Images"]
    assert page.captions == [
        "The footbridge was shut in 2021 after inspectors found corroded supports"
    ]
    assert page.body.split("\n\n") == [
        "A footbridge linking the two halves of Millbrook has reopened after repairs costing £1.2m.",
        "The council said the crossing had been strengthened and fitted with new lighting.",
        '"It has been a long wait, but it was worth doing properly," said one resident.',
    ]
    for line in (
        "Related Topics",
        "More on this story",
        "Bridge repair bill rises again",
    ):
        assert line in page.removed


def test_it_cleans_a_french_page_and_keeps_its_body() -> None:
    page = clean_text(FRENCH_PAGE)
    assert (
        page.headline == "Le port de Marseille accueille un nombre record de navires de croisière"
    )
    assert page.dateline == "MARSEILLE (AFP)"
    assert page.outlet_hint == "AFP"
    assert page.published == dt.date(2024, 3, 12)
    assert page.language == "fr"
    paragraphs = page.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Le port de Marseille a accueilli 640 escales")
    assert paragraphs[-1].endswith("pendant les escales.")
    for line in (
        "Abonnez-vous",
        "Lire aussi",
        "Publicité",
        "Partager",
        "Sur le même sujet",
    ):
        assert line in page.removed
    assert "Les ferries de la Méditerranée changent d'armateur" in page.removed


def test_a_russian_article_keeps_its_russian_body() -> None:
    page = clean_text(RUSSIAN_PAGE)
    assert page.language == "ru"
    assert page.headline == "В Новосибирске открыли новый пешеходный мост через реку"
    assert page.body.split("\n\n") == [
        "В Новосибирске в субботу открыли пешеходный мост длиной 300 метров.",
        "По словам мэрии, строительство заняло два года и обошлось дешевле, чем планировалось.",
        "Первыми по мосту прошли школьники и ветераны.",
    ]
    assert "Subscribe" in page.removed
    assert "Читайте также" in page.removed


def test_plain_text_passes_through_unchanged() -> None:
    page = clean_text("\n".join(PLAIN_PARAGRAPHS))
    assert page.body == "\n\n".join(PLAIN_PARAGRAPHS)
    assert page.headline == PLAIN_PARAGRAPHS[0]
    assert page.removed == []
    assert page.captions == page.credits == []
    assert page.language == "en"


def test_a_title_line_above_plain_text_becomes_the_headline() -> None:
    page = clean_text("A Quiet Summer in the Harbour\n\n" + "\n\n".join(PLAIN_PARAGRAPHS))
    assert page.headline == "A Quiet Summer in the Harbour"
    assert page.body == "\n\n".join(PLAIN_PARAGRAPHS)


def test_empty_input_gives_an_empty_result() -> None:
    assert clean_text("") == CleanedText()


def test_whitespace_only_input_gives_an_empty_result() -> None:
    assert clean_text(" \n\t\u00a0\r\n  \u200b\n") == CleanedText()


def test_it_normalises_whitespace_but_not_the_words() -> None:
    raw = (
        "Night\u00a0Trains Return to the Northern Line\r\n\r\n\tThe first train  left at 23:10.\r\n"
    )
    page = clean_text(raw)
    assert page.headline == "Night Trains Return to the Northern Line"
    assert page.body == "The first train left at 23:10."


def test_one_giant_line_becomes_the_body_and_gives_a_headline() -> None:
    sentence = "Mr. Okafor said the new ferry would carry 400 passengers across the bay each day. "
    raw = (sentence + "Tickets go on sale in May. " * 60).strip()
    page = clean_text(raw)
    assert page.body == raw
    assert page.headline == sentence.strip()
    assert len(page.headline) <= 200


def test_a_bare_stamp_at_the_top_is_not_the_article_date() -> None:
    raw = (
        "- Example Daily, 1920, 24.01.2023\n"
        "Harbour Ferry Service Will Add an Evening Crossing\n"
        "The ferry company will add a crossing at 9 p.m. from next month.\n"
    )
    page = clean_text(raw)
    assert page.published is None
    assert page.outlet_hint == "Example Daily"
    assert page.removed == ["- Example Daily, 1920, 24.01.2023"]


def test_it_does_not_split_a_credit_inside_a_surname() -> None:
    raw = (
        "Rail Station Closes for Repairs After Flooding\n"
        "© Photo / Mark McDonaldA man walks past the closed station in the rain.\n"
        "LEEDS — The station will stay closed until Friday, the operator said.\n"
    )
    page = clean_text(raw)
    assert page.credits == ["© Photo / Mark McDonald"]
    assert page.captions == ["A man walks past the closed station in the rain."]
    assert page.dateline == "LEEDS"
    assert page.body == "The station will stay closed until Friday, the operator said."
    assert page.outlet_hint == ""


def test_a_sentence_that_merely_starts_like_chrome_stays_in_the_body() -> None:
    paragraphs = [
        "Shares of the ferry company rose 4% on Tuesday.",
        "Comments from the harbour master were not welcome.",
        "Related costs fell sharply last year.",
    ]
    assert clean_text("\n".join(paragraphs)).body == "\n\n".join(paragraphs)


def test_a_title_case_question_is_a_headline_not_a_paragraph() -> None:
    page = clean_text(
        "Is This the End of Cheap Ferry Tickets?\n"
        "Operators raised fares again this week, the figures show.\n"
        "What should travellers do now?\n"
    )
    assert page.headline == "Is This the End of Cheap Ferry Tickets?"
    assert page.body.split("\n\n") == [
        "Operators raised fares again this week, the figures show.",
        "What should travellers do now?",
    ]


def test_a_short_headline_right_above_the_body_is_the_headline():
    # Found in a usability pass: three words read as a section label, and the first
    # sentence became the headline (and the event's title).
    raw = (
        "Harbour strike continues\n\n"
        "Dockworkers at the port walked out again on Tuesday, the union said.\n\n"
        "The port authority said ships were waiting offshore."
    )
    cleaned = clean_text(raw)
    assert cleaned.headline == "Harbour strike continues"
    assert cleaned.body.startswith("Dockworkers at the port") and not cleaned.removed


def test_a_short_label_above_a_short_headline_stays_page_chrome():
    raw = "World News\nMarkets fall\nShares fell sharply on Wednesday after the bank raised rates."
    cleaned = clean_text(raw)
    assert cleaned.headline == "Markets fall"
    assert cleaned.removed == ["World News"]


def test_a_short_line_below_a_real_headline_is_not_taken_for_it():
    raw = (
        "Port workers stage a second walkout in a week\nLive updates\n"
        "Dockworkers at the port walked out again on Tuesday, the union said."
    )
    cleaned = clean_text(raw)
    assert cleaned.headline == "Port workers stage a second walkout in a week"
    assert "Live updates" in cleaned.removed


# Written for these tests: a paste whose photo caption carries its credit at its end
# (issue 17: the caption became the headline and the headline went to removed chrome).
CAPTIONED_PASTE = """\
Home
News
Harbour strike enters second week as talks stall
{caption}
NORTHBRIDGE (Northbridge Ledger) - Hundreds of dockworkers stayed away from the port \
for a second week on Monday, the union said.
Talks between the union and the port authority broke down on Friday night over pay.
"We are not going back until the offer changes," said union secretary Mary Hollis.
Share
"""


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Dockworkers outside the gates on Monday. Photo: Northbridge Ledger / staff",
         "Photo: Northbridge Ledger / staff"),
        ("Dockworkers outside the gates on Monday. Tom Reed / staff", "Tom Reed / staff"),
        ("Dockworkers outside the gates on Monday. (Reuters)", "Reuters"),
        ("Dockworkers outside the gates on Monday. Getty Images", "Getty Images"),
        ("Dockworkers outside the gates on Monday. Tom Reed/AFP via Getty Images",
         "Tom Reed/AFP via Getty Images"),
        ("Dockworkers outside the gates on Monday. AP Photo/Tom Reed", "AP Photo/Tom Reed"),
        ("Dockworkers outside the gates on Monday. Credit: Tom Reed", "Credit: Tom Reed"),
        ("Dockworkers outside the gates on Monday. Image: Northbridge Ledger",
         "Image: Northbridge Ledger"),
        ("Dockworkers outside the gates on Monday. Photograph by Tom Reed",
         "Photograph by Tom Reed"),
    ],
)  # fmt: skip
def test_a_caption_ending_in_a_credit_is_a_caption_not_the_headline(caption, credit):
    page = clean_text(CAPTIONED_PASTE.format(caption=caption))

    assert page.headline == "Harbour strike enters second week as talks stall"
    assert page.captions == ["Dockworkers outside the gates on Monday."]
    assert page.credits == [credit]
    assert page.removed == ["Home", "News", "Share"]
    assert page.body.startswith("Hundreds of dockworkers stayed away")


@pytest.mark.parametrize(
    "sentence",
    [
        # Written for these tests: body sentences that name an agency or a photo at their end.
        "The footage of the march was first published on Monday by Reuters.",
        "Officials said talks would resume on Friday. They declined to speak to the AP.",
        "Her picture of the protest was later sold to Getty Images for a small fee.",
        "The union posted one image: a line of empty cranes against a grey sky.",
    ],
)
def test_a_body_sentence_ending_in_an_agency_name_stays_in_the_body(sentence):
    page = clean_text(CAPTIONED_PASTE.format(caption="").replace("Share", sentence))

    assert sentence in page.body
    assert not page.credits


# Written for these tests: a Chinese and a Japanese article pasted as text, with a
# headline, a menu word and paragraphs that hold no space.
CHINESE_PAGE = """首页
港口修复后重新开放
港口在星期二修复后重新开放，港务局表示。这是一篇为测试而写的文章。
工人们说，他们对结果感到满意，但仍担心安全问题。
港务局局长说，下周将公布新的安全规则。
"""
JAPANESE_PAGE = """テスト用に書いた記事：港が再開
港は火曜日に修理を終えて再開したと港湾局が発表した。
労働者たちは結果に満足していると述べた。
"""


@pytest.mark.parametrize(
    ("page", "language", "headline", "paragraphs"),
    [(CHINESE_PAGE, "zh", 1, 3), (JAPANESE_PAGE, "ja", 0, 2)],
    ids=["chinese", "japanese"],
)
def test_an_article_written_without_spaces_keeps_its_headline_and_body(
    page, language, headline, paragraphs
) -> None:
    # A line of Chinese is one "word" to str.split, so every line read as a short label
    # and went to removed, and the paste was refused as too short.
    lines = page.splitlines()
    cleaned = clean_text(page)
    assert cleaned.language == language
    assert cleaned.headline == lines[headline]
    assert cleaned.body.split("\n\n") == lines[headline + 1 : headline + 1 + paragraphs]
    assert cleaned.removed == lines[:headline]


# Written for these tests (each says so in its own language): articles whose sentences
# end with a danda (Hindi, Bengali) or the Urdu full stop.
DANDA_PAGES = {
    "hi": "हाल्डेन बंदरगाह फिर से खुला\n"
    "मरम्मत के बाद मंगलवार को हाल्डेन बंदरगाह फिर से खुल गया। यह लेख परीक्षण के लिए लिखा गया है।\n"
    "कर्मचारियों ने कहा कि वे परिणाम से संतुष्ट हैं।\n",
    "bn": "হালডেন বন্দর আবার খুলেছে\n"
    "মেরামতের পর মঙ্গলবার হালডেন বন্দর আবার খুলেছে। এই লেখাটি পরীক্ষার জন্য লেখা।\n"
    "শ্রমিকরা বলেছেন তারা ফলাফলে সন্তুষ্ট।\n",
    "ur": "ہالڈن کی بندرگاہ دوبارہ کھل گئی\n"
    "مرمت کے بعد منگل کو ہالڈن کی بندرگاہ دوبارہ کھل گئی۔ یہ مضمون ٹیسٹ کے لیے لکھا گیا ہے۔\n"
    "مزدوروں نے کہا کہ وہ نتیجے سے مطمئن ہیں۔\n",
}


def assert_first_line_headline_rest_body(text: str) -> None:
    headline, *paragraphs = text.splitlines()
    cleaned = clean_text(text)
    assert cleaned.headline == headline
    assert cleaned.body.split("\n\n") == paragraphs
    assert cleaned.removed == []


@pytest.mark.parametrize("language", DANDA_PAGES)
def test_sentences_ending_with_a_danda_or_the_urdu_full_stop_are_the_body(language) -> None:
    # Only . ! ? … and the CJK marks ended a sentence: every line of these read as a
    # title, and the article was refused as "fewer than five words".
    assert clean_text(DANDA_PAGES[language]).language == language
    assert_first_line_headline_rest_body(DANDA_PAGES[language])


# Written for these tests: paragraphs that end inside a quotation, as German („…“),
# French (« … » with its space) and Japanese (「…。」) write it.
QUOTE_ENDINGS = {
    "de": "Hafen von Halden wieder geöffnet\n"
    "Der Hafen ist am Dienstag wieder geöffnet worden. Dieser Text wurde für die Tests geschrieben.\n"
    "Der Hafenmeister sagte: „Die neuen Regeln gelten ab Montag.“\n"
    "Die Gewerkschaft will die Lage weiter beobachten.\n",
    "fr": "Le port de Halden rouvre\n"
    "Le port a rouvert mardi, selon l’autorité portuaire. Ce texte a été écrit pour les tests.\n"
    "Le maire a déclaré : « Nous sommes satisfaits. »\n"
    "Le syndicat restera vigilant.\n",
    "ja": "港が再開\n"
    "港は火曜日に修理を終えて再開したと港湾局が発表した。これはテスト用に書いた記事だ。\n"
    "局長は「新しい規則は来週から。」\n"
    "組合は状況を注視するという。\n",
}


@pytest.mark.parametrize("language", QUOTE_ENDINGS)
def test_a_paragraph_ending_inside_a_quotation_stays_in_the_body(language) -> None:
    # „….“, « … » and 「…。」 did not end a sentence: the paragraph read as a title and
    # was removed (the French one even became the headline, and the body before it went).
    assert_first_line_headline_rest_body(QUOTE_ENDINGS[language])
