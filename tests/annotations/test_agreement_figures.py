"""Agreement figures from stored annotations, checked against values computed by hand."""

import pytest

from annotations.selectors import agreement_report
from tests.annotations.factories import AnnotationFactory, label
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

# Four passages of ten characters each, far apart.
BODY = "".join(f"passage {i}." + " " * 40 for i in range(4))
SPANS = [(50 * i, 50 * i + 10) for i in range(4)]


def annotate(article, user, labels, verdicts=None):
    verdicts = verdicts or [""] * len(labels)
    for span, name, verdict in zip(SPANS, labels, verdicts, strict=True):
        if name:
            AnnotationFactory(
                article=article, creator=user, span=span, label=label(name), verdict=verdict
            )


def test_alpha_and_kappa_match_a_hand_computed_example(roles):
    """Two analysts, four passages, labels
         A: Claim  Claim    Framing  Loaded language
         B: Claim  Framing  Framing  Loaded language

    Cohen's kappa: p_o = 3/4; A's marginals Claim 2, Framing 1, Loaded 1; B's Claim 1,
    Framing 2, Loaded 1; p_e = (2*1 + 1*2 + 1*1) / 16 = 5/16;
    kappa = (3/4 - 5/16) / (1 - 5/16) = (7/16) / (11/16) = 7/11.

    Krippendorff's alpha (nominal): 8 values, Claim 3, Framing 3, Loaded 2. Only the
    second passage disagrees: observed coincidences off the diagonal 2, D_o = 2/8;
    D_e = (8^2 - (9 + 9 + 4)) / (8 * 7) = 42/56; alpha = 1 - (1/4) / (3/4) = 2/3.
    """
    article = ArticleFactory(body=BODY, raw=BODY)
    a, b = UserFactory(username="a", role="Analyst"), UserFactory(username="b", role="Analyst")
    annotate(article, a, ["Claim", "Claim", "Framing", "Loaded language"])
    annotate(article, b, ["Claim", "Framing", "Framing", "Loaded language"])

    report = agreement_report(articles=[article])

    assert report.annotators == ["a", "b"]
    assert (report.unit_count, report.shared_unit_count) == (4, 4)
    assert report.label_alpha == pytest.approx(2 / 3)
    assert report.pairs[0].label_kappa == pytest.approx(7 / 11)


def test_verdict_agreement_counts_only_passages_both_called_claims(roles):
    """Verdicts where both said Claim: (false, false), (accurate, misleading), (opinion,
    opinion); the fourth passage is a Claim for A only and drops out.

    kappa: p_o = 2/3; A: false 1, accurate 1, opinion 1; B: false 1, misleading 1,
    opinion 1; p_e = (1 + 0 + 1) / 9 = 2/9; kappa = (2/3 - 2/9) / (7/9) = 4/7.
    alpha: 6 values: false 2, opinion 2, accurate 1, misleading 1; D_o = 2/6;
    D_e = (36 - (4 + 4 + 1 + 1)) / 30 = 26/30; alpha = 1 - (1/3) / (13/15) = 8/13.
    """
    article = ArticleFactory(body=BODY, raw=BODY)
    a, b = UserFactory(username="a", role="Analyst"), UserFactory(username="b", role="Analyst")
    annotate(article, a, ["Claim"] * 4, ["false", "accurate", "opinion", "false"])
    annotate(
        article, b, ["Claim", "Claim", "Claim", "Framing"], ["false", "misleading", "opinion", ""]
    )

    report = agreement_report(articles=[article])

    assert report.pairs[0].verdict_kappa == pytest.approx(4 / 7)
    assert report.verdict_alpha == pytest.approx(8 / 13)


def test_event_agreement_never_matches_spans_of_different_articles(roles):
    """The same offsets in two articles are two passages, not one."""
    first = ArticleFactory(body=BODY, raw=BODY)
    other = BODY.replace("passage", "excerpt")
    second = ArticleFactory(body=other, raw=other)
    a, b = UserFactory(username="a", role="Analyst"), UserFactory(username="b", role="Analyst")
    AnnotationFactory(article=first, creator=a, span=SPANS[0], label=label("Claim"))
    AnnotationFactory(article=second, creator=b, span=SPANS[0], label=label("Claim"))

    report = agreement_report(articles=[first, second])

    assert (report.unit_count, report.shared_unit_count) == (2, 0)
    assert report.label_alpha is None  # no passage marked by two analysts
    # Each marked a passage the other did not: "Claim" against "none", twice.
    assert report.pairs[0].label_kappa == pytest.approx(-1.0)


def test_orphans_and_adjudications_are_left_out(roles):
    article = ArticleFactory(body=BODY, raw=BODY)
    a, b = UserFactory(username="a", role="Analyst"), UserFactory(username="b", role="Analyst")
    annotate(article, a, ["Claim", "Claim", "", ""])
    annotate(article, b, ["Claim", "Framing", "", ""])
    AnnotationFactory(
        article=article, creator=b, span=SPANS[2], label=label("Claim"), start=None, end=None
    )
    AnnotationFactory(
        article=article,
        creator=UserFactory(role="Editor"),
        span=SPANS[1],
        label=label("Claim"),
        is_adjudication=True,
    )

    report = agreement_report(articles=[article])

    assert report.annotators == ["a", "b"]
    assert report.annotation_count == 4


def test_alpha_per_pair_compares_only_those_two(roles):
    """Three analysts; c labels exactly as a does:
         a: Claim  Claim    Framing  Loaded language
         b: Claim  Framing  Framing  Loaded language
         c: Claim  Claim    Framing  Loaded language

    a·c agree everywhere: D_o = 0, alpha = 1. a·b and b·c are the two-analyst example
    above: alpha = 2/3 each.
    """
    article = ArticleFactory(body=BODY, raw=BODY)
    users = {n: UserFactory(username=n, role="Analyst") for n in "abc"}
    annotate(article, users["a"], ["Claim", "Claim", "Framing", "Loaded language"])
    annotate(article, users["b"], ["Claim", "Framing", "Framing", "Loaded language"])
    annotate(article, users["c"], ["Claim", "Claim", "Framing", "Loaded language"])

    pairs = {(p.a, p.b): p for p in agreement_report(articles=[article]).pairs}

    assert pairs["a", "c"].label_alpha == pytest.approx(1.0)
    assert pairs["a", "b"].label_alpha == pytest.approx(2 / 3)
    assert pairs["b", "c"].label_alpha == pytest.approx(2 / 3)
    assert pairs["a", "c"].verdict_alpha is None  # no verdicts given
