import pytest

from annotations.anchoring import Anchor, Selector, reanchor, selector_for
from bench.anchoring import sample_selectors, synthetic_text, variants

ARTICLE = (
    "DUSHANBE — Afghan government soldiers retreated across the Panj River into "
    "Tajikistan on Monday. Border officials said 1,500 soldiers crossed the river "
    "overnight, most of them without their weapons. The Taliban denied that its "
    "fighters had fired on the retreating troops. A spokesman for the Tajik border "
    "service said the men would be housed in tents near the crossing."
)


def select(text: str, quote: str, occurrence: int = 0) -> Selector:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return selector_for(text, start, start + len(quote))


def found(anchor: Anchor, text: str) -> str:
    assert anchor.start is not None and anchor.end is not None
    return text[anchor.start : anchor.end]


# selector_for


def test_selector_keeps_up_to_32_characters_of_context_each_side():
    sel = select(ARTICLE, "1,500 soldiers crossed the river")
    assert sel.exact == "1,500 soldiers crossed the river"
    assert len(sel.prefix) == len(sel.suffix) == 32
    assert ARTICLE[sel.start - 32 : sel.start] == sel.prefix
    assert ARTICLE[sel.end : sel.end + 32] == sel.suffix


def test_selector_at_the_start_of_the_text_has_an_empty_prefix():
    sel = selector_for(ARTICLE, 0, 8)
    assert (sel.exact, sel.prefix, sel.start, sel.end) == ("DUSHANBE", "", 0, 8)
    assert sel.suffix == ARTICLE[8:40]


def test_selector_at_the_end_of_the_text_has_an_empty_suffix():
    end = len(ARTICLE)
    sel = selector_for(ARTICLE, end - 12, end)
    assert (sel.exact, sel.suffix) == ("he crossing.", "")
    assert sel.prefix == ARTICLE[end - 44 : end - 12]


def test_selector_context_can_be_shorter_than_32():
    sel = selector_for("abcdefghij", 4, 6, context=2)
    assert (sel.prefix, sel.exact, sel.suffix) == ("cd", "ef", "gh")


def test_selector_for_an_empty_text_is_empty():
    assert selector_for("", 0, 0) == Selector("", "", "", 0, 0)


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 4), (0, 999)])
def test_selector_for_a_span_outside_the_text_is_refused(start, end):
    with pytest.raises(ValueError):
        selector_for(ARTICLE, start, end)


# The four outcomes


def test_unchanged_text_anchors_by_position():
    sel = select(ARTICLE, "The Taliban denied")
    assert reanchor(sel, ARTICLE) == Anchor("position", sel.start, sel.end, 1.0)


def test_text_inserted_before_the_span_anchors_by_quote_at_the_new_offsets():
    sel = select(ARTICLE, "1,500 soldiers crossed the river")
    insert = "UPDATE: this story has been corrected. "
    anchor = reanchor(sel, insert + ARTICLE)
    assert anchor == Anchor("quote", sel.start + len(insert), sel.end + len(insert), 1.0)


def test_text_inserted_right_next_to_the_span_still_anchors_by_quote():
    sel = select(ARTICLE, "The Taliban denied that its fighters had fired")
    text = ARTICLE.replace("weapons. The", "weapons, the UN said. The")
    anchor = reanchor(sel, text)
    assert anchor.outcome == "quote"
    assert found(anchor, text) == sel.exact


def test_a_typo_fixed_inside_the_span_anchors_fuzzily():
    original = ARTICLE.replace("retreating troops", "retreatnig troops")
    sel = select(original, "its fighters had fired on the retreatnig troops")
    anchor = reanchor(sel, ARTICLE)
    assert anchor.outcome == "fuzzy"
    assert found(anchor, ARTICLE) == "its fighters had fired on the retreating troops"
    assert 0.9 <= anchor.score < 1.0


def test_a_word_changed_inside_a_long_span_anchors_fuzzily_after_a_shift():
    sel = select(ARTICLE, "A spokesman for the Tajik border service said the men would be housed")
    text = "Correction appended. " + ARTICLE.replace("service said", "service stated")
    anchor = reanchor(sel, text)
    assert anchor.outcome == "fuzzy"
    assert found(anchor, text) == (
        "A spokesman for the Tajik border service stated the men would be housed"
    )


def test_changed_first_and_last_characters_stay_inside_the_fuzzy_span():
    original = "Dockers said they backed the Strikers at the port of Dover, they said."
    sel = select(original, "Strikers at the port of Dover")
    edited = original.replace("Strikers", "strikers").replace("Dover", "Dovet")
    anchor = reanchor(sel, edited)
    assert anchor.outcome == "fuzzy"
    assert found(anchor, edited) == "strikers at the port of Dovet"


def test_a_deleted_passage_is_orphaned():
    sel = select(
        ARTICLE, "The Taliban denied that its fighters had fired on the retreating troops."
    )
    text = ARTICLE.replace(sel.exact + " ", "")
    assert reanchor(sel, text) == Anchor("orphaned", None, None, 0.0)


def test_an_orphan_keeps_its_original_quote():
    sel = select(ARTICLE, "The Taliban denied")
    reanchor(sel, "Completely different text.")
    assert sel.exact == "The Taliban denied"  # selectors are immutable; nothing is moved


def test_a_rewritten_passage_below_the_threshold_is_orphaned():
    sel = select(ARTICLE, "The Taliban denied that its fighters had fired")
    text = ARTICLE.replace(sel.exact, "The Taliban rejected claims its men had shot")
    assert reanchor(sel, text).outcome == "orphaned"


# Look-alikes are never taken


def test_a_quote_occurring_twice_is_disambiguated_by_its_context():
    text = (
        "On Monday the minister said the army will withdraw by spring. "
        "On Friday the opposition leader said the army will withdraw by spring."
    )
    second = select(text, "the army will withdraw by spring", occurrence=1)
    first = select(text, "the army will withdraw by spring", occurrence=0)
    edited = "Analysis. " + text.replace("Friday", "Saturday")
    for sel, who in ((first, "minister"), (second, "leader")):
        anchor = reanchor(sel, edited)
        assert anchor.outcome == "quote"
        assert found(anchor, edited) == sel.exact
        assert who in edited[anchor.start - 20 : anchor.start]


def test_a_quote_occurring_twice_in_identical_contexts_is_orphaned():
    line = "Officials repeated: 1,500 soldiers crossed the border overnight. "
    text = line + "Other news in between. " + line
    # The old offsets fit neither copy better than the other.
    sel = Selector(
        exact="1,500 soldiers crossed the border",
        prefix="Officials repeated: ",
        suffix=" overnight. ",
        start=len(line) + 11 - 20,
        end=len(line) + 11 - 20 + 33,
    )
    assert reanchor(sel, text).outcome == "orphaned"


def test_a_block_duplicated_by_extraction_is_orphaned_not_put_on_the_first_copy():
    block = (
        "Reporting by our correspondent in Dushanbe. The ministry said: troops "
        "will stay. Officials declined to comment any further on Monday. "
    )
    intro = "Navigation menu and cookie banner text. " + "." * (len(block) // 2 - 40)
    sel = select(intro + block, "troops will stay")
    # The extractor dropped the intro and repeated the block: both copies have the
    # same 32 characters of context and lie equally far from the old offsets.
    text = block + block
    assert reanchor(sel, text).outcome == "orphaned"


def test_identical_contexts_far_from_the_old_offsets_are_orphaned():
    line = "The ministry said: troops will stay. "
    sel = select("Intro paragraph. " + line + "Outro.", "troops will stay")
    copies = "Breaking. " + line + "-" * 40 + " " + line
    far = Selector(sel.exact, "The ministry said: ", ". ", 10_000, 10_016)
    assert reanchor(far, copies).outcome == "orphaned"


def test_equally_good_occurrences_go_to_the_one_clearly_nearest_the_old_position():
    line = "Officials repeated: 1,500 soldiers crossed the border overnight. "
    text = line + "x" * 200 + " " + line
    sel = select(text, "1,500 soldiers crossed the border", occurrence=1)
    shifted = "Two words " + text
    anchor = reanchor(sel, shifted)
    assert anchor.outcome == "quote"
    assert anchor.start == sel.start + len("Two words ")


def test_a_look_alike_passage_elsewhere_is_not_taken():
    sel = select(ARTICLE, "1,500 soldiers crossed the river")
    text = (
        "Last year, 1,037 soldiers crossed the river in a similar retreat, "
        "according to archive reports from the region."
    )
    assert reanchor(sel, text).outcome == "orphaned"


def test_a_look_alike_without_numbers_in_another_context_is_not_taken():
    sel = select(ARTICLE, "the men would be housed in tents")
    text = (
        "In a separate statement, aid agencies warned that the men would be "
        "hosued in tents for months, which they called unacceptable."
    )
    assert reanchor(sel, text).outcome == "orphaned"


def test_a_changed_figure_in_place_is_orphaned_not_fuzzily_reattached():
    sel = select(ARTICLE, "1,500 soldiers crossed the river")
    text = ARTICLE.replace("1,500", "1,037")
    assert reanchor(sel, text).outcome == "orphaned"


def test_a_short_quote_found_only_in_an_unrelated_sentence_is_orphaned():
    sel = select(ARTICLE, "Tajikistan")
    text = "Trade between Uzbekistan and Tajikistan grew by a fifth last year."
    assert reanchor(sel, text).outcome == "orphaned"


def test_a_long_passage_moved_to_new_surroundings_is_found_by_quote():
    passage = (
        "The Taliban denied that its fighters had fired on the retreating troops, "
        "calling the reports propaganda spread by the government in Kabul."
    )
    sel = select("Earlier text here. " + passage + " Later text here.", passage)
    text = "A new lead paragraph about something else. " + passage + " A new ending."
    anchor = reanchor(sel, text)
    assert anchor.outcome == "quote"
    assert found(anchor, text) == passage


def test_the_same_text_at_the_old_offsets_in_a_new_context_is_not_trusted_blindly():
    sel = select(ARTICLE, "Tajikistan")
    text = " " * sel.start + "Tajikistan" + " was not mentioned in the original story at all."
    assert text[sel.start : sel.end] == sel.exact
    assert reanchor(sel, text).outcome == "orphaned"


# Edge cases


def test_an_empty_text_orphans_every_annotation():
    sel = select(ARTICLE, "The Taliban denied")
    assert reanchor(sel, "").outcome == "orphaned"


def test_an_empty_quote_is_orphaned():
    assert reanchor(selector_for("", 0, 0), "").outcome == "orphaned"
    assert reanchor(selector_for(ARTICLE, 5, 5), ARTICLE).outcome == "orphaned"


def test_old_offsets_beyond_the_new_text_are_harmless():
    sel = select(ARTICLE, "The Taliban denied")
    text = ARTICLE[sel.start - 40 : sel.end + 40]
    anchor = reanchor(sel, text)
    assert anchor.outcome == "quote"
    assert found(anchor, text) == sel.exact


def test_a_span_covering_the_whole_text_reanchors():
    text = "Short claim."
    sel = selector_for(text, 0, len(text))
    assert reanchor(sel, text).outcome == "position"
    assert reanchor(sel, "Intro. " + text).outcome == "quote"


def test_cyrillic_and_emoji_offsets_are_code_points():
    text = "Министр 👍🏽 заявил, что 1500 военных пересекли границу ночью. Остальное позже."
    sel = select(text, "1500 военных пересекли границу")
    assert text[sel.start : sel.end] == sel.exact
    assert "👍🏽" in sel.prefix

    shifted = "Срочно 🚨: " + text
    anchor = reanchor(sel, shifted)
    assert anchor.outcome == "quote"
    assert anchor.start == sel.start + len("Срочно 🚨: ")
    assert found(anchor, shifted) == sel.exact


def test_a_cyrillic_typo_fix_anchors_fuzzily():
    original = "Министр заявил, что военные пересекли гарницу ночью, и ушли на север."
    sel = select(original, "военные пересекли гарницу ночью")
    fixed = original.replace("гарницу", "границу")
    anchor = reanchor(sel, fixed)
    assert anchor.outcome == "fuzzy"
    assert found(anchor, fixed) == "военные пересекли границу ночью"


def test_an_invalid_threshold_is_refused():
    with pytest.raises(ValueError):
        reanchor(selector_for(ARTICLE, 0, 8), ARTICLE, fuzzy_threshold=0)


# Many annotations on a long text (bench/anchoring.py times the same work)


def test_200_annotations_on_a_5000_word_text_all_stay_anchored():
    text = synthetic_text(5000, seed=3)
    selectors = sample_selectors(text, 200, seed=4)
    for name, new in variants(text).items():
        anchors = [reanchor(sel, new) for sel in selectors]
        for sel, anchor in zip(selectors, anchors, strict=True):
            assert anchor.outcome != "orphaned", name
            if anchor.outcome != "fuzzy":
                assert found(anchor, new) == sel.exact
