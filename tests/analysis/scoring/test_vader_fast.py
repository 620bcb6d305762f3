"""vader_fast must give exactly vaderSentiment 3.3.2's scores, bit for bit."""

import random

import pytest
from vaderSentiment import vaderSentiment as library
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.scoring import vader_fast
from analysis.scoring.sentences import split, split_spans
from bench.corpus import demo_texts, distinct_articles

REFERENCE = SentimentIntensityAnalyzer()

TRICKY = [
    # Empty, blank, punctuation only, odd whitespace.
    "",
    "   ",
    "\n\t ",
    "...",
    "!!!",
    "???",
    "?!?!",
    "— , ; :",
    "good\tnews\nagain",
    # Negations, one, two and three words back, and n't.
    "The plan is not good.",
    "The plan is not very good.",
    "Not bad at all.",
    "It isn't good.",
    "It isnt good.",
    "It ain't bad, they didn't fail.",
    "He doesn't think it's a great idea.",
    "It isn’t good, with a curly apostrophe.",
    "Nothing good came of it.",
    "He was never happy there.",
    "She will seldom be happy, despite the good news.",
    "There was no victory nor glory.",
    "Without friends he was lonely.",
    "I cannot say it was not an honest, decent and fair deal.",
    "They couldn't have been happier.",
    "Uh-uh, that is not good.",
    "It mayn't help.",
    "It mayn't ever help.",
    "You couldn't've been that happy.",
    # "never so" / "never this" and the stray "so"/"this" of the library's precedence.
    "Sentiment analysis has never been good.",
    "Sentiment analysis has never been this good!",
    "It was never so good.",
    "It has never so much as helped.",
    "We found this crisis in the region.",
    "I think this is good.",
    "Love it this good.",
    "Is it so bad?",
    # "without doubt".
    "Without a doubt, an excellent idea.",
    "Without a doubt, excellent idea.",
    "Without doubt excellent.",
    "Without any doubt it is excellent.",
    "I have no doubt.",
    "They doubt it.",
    # "no".
    "There is no hope.",
    "No, it was fine.",
    "No good deed goes unpunished.",
    "no no good",
    "There were no problems or worries.",
    "He had no money nor hope.",
    "No.",
    "This is NO good.",
    # Boosters and dampeners, near and far, in capitals.
    "The food was very good.",
    "The food was VERY good.",
    "The food was VERY bad.",
    "The food was not VERY bad.",
    "The food was extremely, incredibly good.",
    "It was really very very bad.",
    "The results were slightly disappointing.",
    "It was kinda sad.",
    "Barely adequate, hardly inspiring, somewhat useful.",
    "The most beautiful and more hopeful day.",
    "A total disaster, an utter failure.",
    "A major flipping success.",
    "It was kind of good.",
    "It was kind of bad.",
    "She is the kind of person who is kind.",
    "It was sort of nice.",
    "We had just enough love.",
    "The kind-of good plan.",
    # ALL CAPS, only when the sentence mixes case.
    "The result was GREAT.",
    "THE RESULT WAS GREAT.",
    "GREAT",
    "I LOVE it but I HATE the ending.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "Today SUX!",
    # "but".
    "The food was good, but the service was terrible.",
    "Not good, but not bad either.",
    "It was good but.",
    "But it was great.",
    "It was great, BUT terrible, but fine.",
    "He was kind, but yeah.",
    "good bad but good bad",
    # "least".
    "This is the least good option.",
    "At least it isn't a horrible book.",
    "The very least good option.",
    "least good",
    "It was at least good.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    # Special cases and idioms, including the ones the library never applies.
    "With VADER, sentiment analysis is the shit!",
    "With this tool it is the bomb.",
    "Good is the shit.",
    "On the other hand, VADER is quite bad ass",
    "VADER is such a badass!",
    "Yeah right, that was great.",
    "The merger was the kiss of death.",
    "That cake is to die for.",
    "I could hear her beating heart.",
    "Wait at the bus stop.",
    "He is under the weather and in the red.",
    "She can cut the mustard.",
    # Punctuation emphasis.
    "Great!",
    "Great!!!",
    "Great!!!!!!!!",
    "Terrible??",
    "Is it good???",
    "Is it good????",
    "Good?",
    "Bad!?!?",
    # Emojis and emoticons.
    "I love it 😀",
    "😀",
    "😀😀 great",
    "x😀y",
    "Sad news 💔 today",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Party time 🎉🎉!",
    "Flags 🇺🇸 and families 👨‍👩‍👧 are sequences.",
    "Not happy ☹️ at all",
    "Done ✔ and ©",
    "Turn it ON 🔛!",
    "Make sure you :) or :D today!",
    ":)",
    ":-( that hurt",
    "<3 you",
    "That was :P and O.o and XD",
    "lol, that was funny haha",
    # Contractions and quotes.
    "I'm happy it's great, we'll see, they've won.",
    "“Good,” she said.",
    "'Bad', he said; (awful).",
    # Case mapping corners.
    "İstanbul is a great city.",
    "ΟΔΟΣ ΚΑΛΗ is good.",
    # Very long sentence.
    " ".join(["The very good and not so bad, but never this terrible plan"] * 60) + "!!",
]

# A seeded jumble of rule words, lexicon words and emphasis, to cross the rules.
# fmt: off
_RULE_WORDS = (
    "no", "not", "never", "so", "this", "without", "doubt", "least", "at", "very", "kind", "of",
    "sort", "just", "enough", "but", "BUT", "or", "nor", "the", "shit", "bomb", "bad", "ass",
    "yeah", "right", "kiss", "death", "to", "die", "for", "beating", "heart", "bus", "stop",
    "isn't", "don't", "extremely", "KINDA", "barely", "NO", "NEVER", "despite", "nothing",
    "!", "?", "!!", "???", ":)", ":(", "😀", "💔", ",", ".",
)
# fmt: on


def _fuzz_sentences(count: int, seed: int = 20240611) -> list[str]:
    rng = random.Random(seed)
    lexicon = sorted(vader_fast.LEXICON)
    sentences = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(0, 12)):
            word = rng.choice(_RULE_WORDS) if rng.random() < 0.6 else rng.choice(lexicon)
            if rng.random() < 0.15:
                word = word.upper()
            if rng.random() < 0.1:
                word += rng.choice(",.!?\"')")
            words.append(word)
        sentences.append(" ".join(words))
    return sentences


def assert_same_scores(sentences):
    for sentence in sentences:
        expected = REFERENCE.polarity_scores(sentence)
        got = vader_fast.polarity_scores(sentence)
        assert got == expected, f"{sentence!r}: {got} != library {expected}"
        # The same floats, bit for bit (repr round-trips a float exactly).
        assert repr(got) == repr(expected), f"{sentence!r}: {got!r} != library {expected!r}"
        compound = vader_fast.compound(sentence)
        assert repr(compound) == repr(expected["compound"]), (
            f"{sentence!r}: compound {compound!r} != library {expected['compound']!r}"
        )


def test_there_are_enough_tricky_sentences():
    assert len(set(TRICKY)) >= 60


@pytest.mark.parametrize("sentence", TRICKY)
def test_tricky_sentences_score_like_the_library(sentence):
    assert_same_scores([sentence])


def test_demo_corpus_scores_like_the_library():
    sentences = [s for text in demo_texts() for s in split(text)]
    assert sentences
    assert_same_scores(sentences)


def test_distinct_articles_score_like_the_library():
    sentences = [s for text in distinct_articles(300) for s in split(text)]
    assert len(sentences) > 5000
    assert_same_scores(sentences)


def test_fuzzed_rule_combinations_score_like_the_library():
    assert_same_scores(_fuzz_sentences(5000))


def test_word_lists_and_constants_are_the_librarys():
    assert set(library.NEGATE) == vader_fast.NEGATIONS
    assert library.BOOSTER_DICT == vader_fast.BOOSTERS
    assert library.SPECIAL_CASES == vader_fast.SPECIAL_CASES
    assert (library.B_INCR, library.B_DECR) == (vader_fast.B_INCR, vader_fast.B_DECR)
    assert (library.C_INCR, library.N_SCALAR) == (vader_fast.C_INCR, vader_fast.N_SCALAR)
    assert REFERENCE.lexicon == vader_fast.LEXICON
    single_characters = {e: d for e, d in REFERENCE.emojis.items() if len(e) == 1}
    assert single_characters == vader_fast.EMOJIS


def test_every_idiom_contains_a_marker_word():
    # The fast path skips the idiom check for sentences without any marker word.
    phrases = [k for k in (*library.SPECIAL_CASES, *library.BOOSTER_DICT) if " " in k]
    for phrase in phrases:
        assert vader_fast._IDIOM_MARKERS.intersection(phrase.split()), phrase


# Written for the tests: texts whose lower case is not one character for one ("İ"),
# depends on the characters around (the capital sigma), holds emojis, or whose
# whitespace is not all ASCII; the sentence tone takes each sentence's tokens and lower
# case from the whole text's, and must score as the sentences alone.
SHARED_TOKEN_TEXTS = [
    "The İstanbul talks went well. Nobody was happy about it.",
    "ΟΔΟΣ was great. The ΟΔΟΣ. Terrible news from ΣΣ today.",
    "What a lovely day 😀 for us. The storm 😡 ruined it! Nothing good.",
    "Prices rose\u00a0sharply. Good news\u2009for nobody.",
    "GREAT news, said the very happy mayor. It isn't bad at all. But it was awful.",
    "“Wonderful,” she said. ‘Dreadful’ — he replied… Fine.",
]


@pytest.mark.parametrize("text", SHARED_TOKEN_TEXTS)
def test_the_sentence_tone_scores_each_sentence_as_it_alone(text):
    from analysis.scoring.sentiment import sentence_compounds

    expected = [
        (s, e, REFERENCE.polarity_scores(text[s:e])["compound"]) for s, e in split_spans(text)
    ]
    assert sentence_compounds(text + " ") == expected  # a text no cache has seen
    assert [c for _, _, c in expected] == [vader_fast.compound(text[s:e]) for s, e, _ in expected]


def test_the_sentence_tone_of_fuzzed_texts_scores_each_sentence_as_it_alone():
    # Most sentences are scored in span_compounds' own loop, the others by compound:
    # texts of fuzzed sentences cross both ways.
    from analysis.scoring.sentiment import sentence_compounds

    sentences = [s for s in _fuzz_sentences(3000, seed=99) if not vader_fast.holds_emoji(s)]
    for first in range(0, len(sentences), 10):
        text = " ".join(f"Then {s}." for s in sentences[first : first + 10])
        expected = [(s, e, vader_fast.compound(text[s:e])) for s, e in split_spans(text)]
        assert repr(sentence_compounds(text)) == repr(expected), text
