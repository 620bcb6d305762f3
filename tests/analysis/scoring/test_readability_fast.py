"""readability_fast gives textstat's readability numbers bit for bit.

The reference is what ``score_readability`` computed with textstat 0.7.13 before it
switched to ``readability_fast``: textstat's module-level functions, with the offline
CMUdict that ``analysis.scoring.readability`` installs into textstat.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest
import textstat

# Importing the scorer also installs the offline CMUdict into textstat.
from analysis.scoring.readability import score_readability
from analysis.scoring.readability_fast import analyse, difficult_words, readability
from bench.corpus import demo_texts, distinct_articles
from newsdesk.ingest.text import clean_text

SEED = (
    Path(__file__).resolve().parents[4] / "shared" / "corpus" / "seed-sputnik-afghan-soldiers.txt"
)


def reference_values(text: str) -> dict:
    """``score_readability(text).values`` as computed with textstat."""
    if not text.strip():
        return {"word_count": 0}
    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "word_count": textstat.lexicon_count(text),
        "sentence_count": textstat.sentence_count(text),
        "syllable_count": textstat.syllable_count(text),
    }


def reference_difficult_words(text: str) -> list[str]:
    return sorted(textstat.difficult_words_list(text))


def mismatches(text: str, label: str) -> list[str]:
    """Every difference between readability_fast and textstat on ``text``, described."""
    expected, got = reference_values(text), readability(text)
    problems = []
    if list(got) != list(expected):
        problems.append(f"{label}: keys {list(got)}, textstat gives {list(expected)}")
    for key, want in expected.items():
        have = got.get(key)
        # repr() of a float round-trips, so equal reprs mean identical bits (0.0 vs -0.0 too).
        if type(have) is not type(want) or repr(have) != repr(want):
            problems.append(
                f"{label}: {key} = {have!r} ({type(have).__name__}), "
                f"textstat gives {want!r} ({type(want).__name__})"
            )
    want_words, have_words = reference_difficult_words(text), difficult_words(text)
    if have_words != want_words:
        problems.append(
            f"{label}: difficult words differ: only ours {sorted(set(have_words) - set(want_words))}, "
            f"only textstat's {sorted(set(want_words) - set(have_words))}, "
            f"{len(have_words)} vs {len(want_words)}"
        )
    return problems


def assert_same(texts: list[str], label: str) -> None:
    problems = [p for i, text in enumerate(texts) for p in mismatches(text, f"{label} #{i}")]
    assert not problems, f"{len(problems)} differences, first ones:\n" + "\n".join(problems[:10])


EDGE_CASES = {
    "empty": "",
    "whitespace only": "  \n\t \u00a0 ",
    "one word": "Hello",
    "one word with period": "Hello.",
    "one long word": "Pneumonoultramicroscopicsilicovolcanoconiosis",
    "two words no punctuation": "Hello world",
    "no sentence punctuation": "the committee met on tuesday and agreed on a new budget for schools",
    "headline lines without periods": "Afghan Soldiers Escape To Tajikistan\nEnvoy Says Border Is Calm\n",
    "punctuation only": "... ?! -- ;:",
    "short sentences ignored": "Yes. No. Maybe so. I do not know what to say.",
    "multiple marks and ellipsis": "Wait... what?! Really!!! Yes, they said it again today.",
    "leading and trailing punctuation": "...and then there were none. --- !!",
    "numbers": "About 1,500 soldiers crossed 910 kilometers (560 miles) on July 5, 2021.",
    "decimals split sentences": "Growth was 3.5 per cent. Inflation hit 12.75 per cent in 2022.",
    "numbers only": "1 2 3 4 5. 6 7 8. 9 10 11 12.",
    "percent and currency": "Prices rose 70% to $1,037.50 or €900 within £5 of last year.",
    "hyphens": "A well-known state-of-the-art co-operation between long-term partners.",
    "dashes": "He left — quickly – and the door - slammed -- behind him.",
    "contractions": "Don't worry, it's fine: they're here, we've won, I'll stay, he'd go.",
    "upper-case contractions": "DON'T PANIC. IT'S FINE. THEY'RE HERE AND WE'VE WON.",
    "non-contraction apostrophes": "'Tis the dogs' bones and rock'n'roll, the boss' car, 'quoted'.",
    "lonely apostrophes": "' s 's ''s ' t 'll x'' the end of it.",
    "curly apostrophes": "Don\u2019t say it\u2019s over; they\u2019re \u2018quoted\u2019 here.",
    "smart quotes": "\u201cOver the past two weeks,\u201d he said. \u201cWe left.\u201d",
    "abbreviations": "The U.S. and U.K. met in Washington D.C. on Monday, e.g. Mr. Smith.",
    "mixed-case difficult words": "Government government GOVERNMENT administration Administration.",
    "accented latin": "The café served a naïve résumé with façade in Zürich.",
    "decomposed accents": "The cafe\u0301 served a re\u0301sume\u0301 to everyone today.",
    "german": "Die Straße in München ist sehr schön. STRASSE und Straße.",
    "russian": "Москва — столица России. Президент заявил, что переговоры продолжатся "
    "на следующей неделе.",
    "russian with english": "МИД России said the CSTO council would meet in Москва on Wednesday.",
    "greek final sigma": "ΟΔΟΣ ΣΟΦΟΣ. Η Ελλάδα είναι όμορφη χώρα.",
    # "İ".lower() is "i" + U+0307; textstat drops the dot again for hard-word syllables only.
    "turkish dotted capital I": "İstanbul and İzmir, DİYARBAKIR İNSAN. "
    "İdea of İowa and İTALY, İon İris. İt is big.",
    "chinese": "北京是中国的首都。东京是日本的首都。",
    "arabic": "هذا نص عربي قصير جدا.",
    "devanagari": "नमस्ते दुनिया यह एक परीक्षण है।",
    "emoji": "Great news \U0001f389 everyone! \U0001f44d We won the final match today.",
    "underscores and identifiers": "snake_case var_1 __init__ 42 _ __ are tokens here.",
    "urls and emails": "See https://example.com/a-b?x=1 or mail me@example.org right now.",
    "acronyms": "NATO, CSTO, the UN and the EU met. The USA and UAE did not attend.",
    "unusual whitespace": "word\u00a0word\u2009word\u3000word. Next\x1csentence here\u2028now it is.",
    "paragraphs": "First paragraph has words.\n\nSecond paragraph has more words here.\r\n\tThird.",
    "ligatures and symbols": "\ufb01nance \ufb02ow of \u212a and x\u00b2 m\u00b3 \u00bd are odd ones.",
    "hard words": "Notwithstanding considerable institutional opposition, the administration "
    "implemented comprehensive regulatory modifications affecting telecommunications.",
    "easy words": "We ran. The dog ran too. It was fun. We sat down.",
    # 1 hard word in 20: exactly 5 %, where Dale–Chall does not add its 3.6365 yet.
    "dale-chall at 5 per cent": "The dog ran to the big red barn and sat down by the old tree "
    "in the sun with Tajikistan.",
    "repeated sentence": "The cat sat on the mat. " * 40,
}


@pytest.mark.parametrize("text", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_edge_cases_match_textstat(text):
    problems = mismatches(text, "edge case")
    assert not problems, "\n".join(problems)


def test_demo_corpus_matches_textstat():
    texts = demo_texts()
    assert texts
    assert_same(texts, "demo article")


def test_distinct_synthetic_articles_match_textstat():
    texts = distinct_articles(300)
    assert len(set(texts)) == 300
    assert_same(texts, "synthetic article")


# Pieces that hit textstat's rules: apostrophes, sentence marks inside tokens, case
# changes that lengthen words, non-word characters, odd whitespace.
PIECES_TEXT = (
    "the cat Don't DON'T it's 's ' '' rock'n'roll U.S. 3.5 1,500 well-known — - ... ?! ! . ,"
    ' " “ ” ’ İdea İstanbul Σοφός ΟΔΟΣ Σ. Москва café cafe\u0301 naïve x² ½ ﬁnance \u212a _'
    " __init__ \U0001f389 北京。 administration Government idea Iowa a.b.c e.g. 'tis dogs'"
    " we've I'll x'T 'll (560 miles) Straße DİYARBAKIR Ελλάδα. I a"
)
PIECES = PIECES_TEXT.split(" ")
SEPARATORS = [" ", " ", " ", "", "\n", ". ", "! ", "? ", "\u00a0", "\t"]


def test_random_mixtures_of_tricky_pieces_match_textstat():
    rng = random.Random(20240607)
    texts = [
        "".join(rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(0, 30)))
        for _ in range(1000)
    ]
    assert_same(texts, "random mixture")


@cache
def seed_body() -> str:
    return clean_text(SEED.read_text(encoding="utf-8")).body


def test_seed_article_matches_textstat():
    body = seed_body()
    assert body.strip()
    assert_same([body], "seed article")


def test_difficult_words_are_unique_sorted_and_as_written():
    words = difficult_words("Legislature legislature administration. The LEGISLATURE met.")
    assert words == ["LEGISLATURE", "Legislature", "administration", "legislature"]


def test_analyse_returns_values_and_difficult_words_together():
    text = seed_body()
    assert analyse(text) == (readability(text), difficult_words(text))


def test_readability_scorer_stores_the_textstat_numbers():
    for text in [*EDGE_CASES.values(), seed_body(), *demo_texts()[:5]]:
        result, expected = score_readability(text), reference_values(text)
        assert list(result.values) == list(expected), f"keys differ for {text[:40]!r}"
        for key, want in expected.items():
            have = result.values[key]
            assert (type(have), repr(have)) == (type(want), repr(want)), (
                f"{key} = {have!r} for {text[:40]!r}, textstat gives {want!r}"
            )
        if text.strip():
            assert result.evidence["difficult_words"] == reference_difficult_words(text)[:20]
        else:
            assert result.evidence == {}


def test_numbers_count_one_syllable_as_pyphen_hyphenates_them():
    # Numbers skip Pyphen (none of its patterns holds a digit); compare with Pyphen itself.
    import pyphen

    from analysis.scoring.readability_fast import LANG, word_syllables

    hyphenator = pyphen.Pyphen(lang=LANG)
    numbers = [str(n) for n in range(0, 20000, 7)] + ["0001", "31415926535", "٣٤"]
    assert [word_syllables(n) for n in numbers] == [
        len(hyphenator.positions(n)) + 1 for n in numbers
    ]
    assert_same([" ".join(numbers[:200]) + ". The 1,500 soldiers and 910 km."], "numbers")


def test_the_longest_sentences_are_those_a_full_count_gives_ties_to_the_earlier():
    from analysis.scoring.readability import _longest_sentences
    from analysis.scoring.sentences import split_spans

    rng = random.Random(5)
    words = ["a", "to", "the", "extraordinarily", "x", "administration", "—", "1,500"]
    texts = [
        " ".join(
            " ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) + "."
            for _ in range(rng.randint(1, 9))
        )
        for _ in range(400)
    ] + [seed_body(), *demo_texts()[:5]]
    for text in texts:
        spans = split_spans(text)
        by_words = sorted(spans, key=lambda s: len(text[s[0] : s[1]].split()), reverse=True)
        expected = [(s, e, len(text[s:e].split())) for s, e in sorted(by_words[:3])]
        assert _longest_sentences(text, 3) == expected, text


def test_hyphenation_points_are_pyphens_whatever_the_word():
    import pyphen

    from analysis.scoring.readability_fast import _SYLLABLES, _hyphenation_points

    reference = pyphen.Pyphen(lang="en_US")
    rng = random.Random(3)
    # Written for the tests: dictionary words, made-up names, capitals, apostrophes,
    # hyphens, digits and letters outside ASCII.
    words = rng.sample(sorted(_SYLLABLES), 3000)
    letters = "abcdefghijklmnopqrstuvwxyzéüßİ'-0"
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 18))) for _ in range(3000)]
    words += ["Merapur", "Sultonov", "utility-scale", "don't", "İstanbul", "a", ""]
    for word in words:
        assert _hyphenation_points(word) == len(reference.positions(word)), word


def test_sentence_count_from_pieces_is_the_count_of_sentence_matches():
    # _sentence_count splits the text at [.!?] instead of finding textstat's matches.
    from analysis.scoring.readability_fast import _SENTENCE, _THREE_WORDS, _sentence_count

    def by_matches(text: str) -> int:
        matches = _SENTENCE.findall(text)
        return max(1, sum(1 for m in matches if _THREE_WORDS.match(m))) if text else 0

    pieces = ["a", "b", "é", "1", "_", " ", "\n", ".", "!", "?", "'", '"', "“", "—", "-", ","]
    pieces += ["\u00a0", "İ", "ß", "…", "U.S.", " so ", "!!", "?!", " 3.5 "]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(25)))
        assert _sentence_count(text) == by_matches(text), repr(text)
