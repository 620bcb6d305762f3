"""Learn the persuasion scorer's weights from the PTC even half's training part.

Run: .venv/bin/python bench/train_persuasion.py PATH   (PATH as for bench/eval_ptc.py)
Writes analysis/lexicons/persuasion_learned.json; rerun after a lexicon change, bump the
lexicon's version, then check the figures with bench/eval_framing.py --ptc PATH.

Only the training part (even article numbers with number // 2 % 3 != 0) is read for
learning; the development part is left for the figures and the odd half is never opened.

What is learned, all by the task's own partial-credit span measure (see eval_ptc.py):
1. Each hand-written cue's precision: over its matches in the training part, the mean
   share of the matched cue (the word or words of the cue, not the phrase the scorer
   shows around loaded language and names) that lies inside a gold span of its family's
   technique (hedges and intensifiers: of any technique). Smoothed with a weight of PRIOR_WEIGHT matches towards
   the precision that cues of the family seen in one half of the training articles and
   never in the other had there (the "unseen prior", also the confidence of a cue never
   matched in training), it is the cue's confidence; under THRESHOLD it is a hint.
2. Promoted candidates: the lexicon's "candidates" are vocabulary from outside the
   corpus, no cue until the training part promotes them: the words of vaderSentiment's
   own lexicon (MIT, shipped in the package) whose valence is at least min_valence
   either way, and the written lists (name-calling labels), less the hand-written cues.
   Each candidate is matched as the scorer would match it, and for each family it is
   tried for, its precision there (on the word, as in 1), smoothed towards what all the
   family's candidates had (CANDIDATE_PRIOR_WEIGHT matches), must reach the threshold;
   those that do are written to "promoted" with that confidence. With 119 training
   articles few do: a candidate must be seen three or more times, nearly always inside
   the technique's spans.
3. Added cues (only with --add-phrases; off by default, so the committed file adds none):
   word sequences of one to three words (letters, apostrophes and hyphens
   only) seen at least MIN_SEEN times in at least MIN_ARTICLES articles whose precision
   for one technique, smoothed towards ADDED_PRIOR with PRIOR_WEIGHT matches, reaches the
   threshold. Each is assigned to the family of that technique (the task merges
   exaggeration and minimisation; added ones count as exaggeration). On the 119 training
   articles the phrases that pass are artefacts of a few stories ("hunt" and "witch" from
   "witch hunt", "kick", "righteous"), which would fire out of context in a newsroom's
   own articles, so they stay out until the training part is larger.

A second corpus (--semeval2023 PATH, the data/en/ folder of SemEval-2023 Task 3, even
article numbers only; see docs/corpora/semeval2023-task3.md): its English subtask-3
training articles are PTC's own articles (the same numbers, the texts re-wrapped into
paragraphs) with the spans re-labelled in the newer taxonomy, plus PTC's SemEval-2020
development articles. semeval2023_extra() keeps only the articles that are no PTC
article of the even half (by number or by text): those of the PTC development part would
leak into the figures, and those of the training part are already there with PTC's own
labels (the two annotations agree on 96 % of the six techniques' spans). What is left
(39 articles) joins the training part. With --cv, each fold is measured on PTC training
articles only, learned once without and once with those articles, so the two figures
compare like with like; --curve prints the same figure for a quarter, a half, three
quarters and all of each fold's training articles.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval_ptc import (  # noqa: E402
    ANY,
    FAMILY_TECHNIQUE,
    TECHNIQUES,
    Article,
    load_even,
    load_semeval2023_even,
    merged,
    overlap,
    semeval2023_extra,
    split,
)

OUT = ROOT / "analysis" / "lexicons" / "persuasion_learned.json"
THRESHOLD = 0.5
PRIOR_WEIGHT = 3.0
CANDIDATE_PRIOR_WEIGHT = 3.0
ADDED_PRIOR = 0.1
MIN_SEEN = 3
MIN_ARTICLES = 3
MAX_WORDS = 3
TECHNIQUE_FAMILY = {
    "Loaded_Language": "loaded_language",
    "Name_Calling,Labeling": "name_calling",
    "Exaggeration,Minimisation": "exaggeration",
    "Doubt": "doubt",
    "Appeal_to_fear-prejudice": "appeal_to_fear",
    "Flag-Waving": "flag_waving",
}

# A word as the scorer's cue pattern sees one: letters, inner apostrophes and hyphens.
_WORD = re.compile(r"[^\W\d_]+(?:['’\-‐‑][^\W\d_]+)*")
_OPENS_CUE = set(" \t\n\r\f\v\u00a0\u2009\u202f\"'“‘«‹([{/—–")


def _unions(article: Article) -> dict[str, list[tuple[int, int]]]:
    return {label: merged(article.gold.get(label, [])) for label in (*TECHNIQUES, ANY)}


def _share(span: tuple[int, int], union: list[tuple[int, int]]) -> float:
    return overlap(span, union) / (span[1] - span[0])


def hand_cue_precision(articles: list[Article]) -> dict[tuple[str, str], list[float]]:
    """(cue, family) -> [credit, matches] for every hand-written cue's matches."""
    from analysis.scoring.persuasion import find_cues

    stats: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0])
    for article in articles:
        unions = _unions(article)
        for cue in find_cues(article.text, hints=True, learned=False):
            technique = FAMILY_TECHNIQUE.get(cue["family"], ANY)
            entry = stats[(cue["cue"], cue["family"])]
            entry[0] += _share((cue["cue_start"], cue["cue_end"]), unions[technique])
            entry[1] += 1
    return stats


def candidate_precision(articles: list[Article]) -> dict[str, dict]:
    """word sequence -> {seen, articles, credit per technique} over the articles."""
    stats: dict[str, dict] = {}
    for article in articles:
        unions = _unions(article)
        text = article.text
        words = [
            m for m in _WORD.finditer(text) if m.start() == 0 or text[m.start() - 1] in _OPENS_CUE
        ]
        for i, first in enumerate(words):
            for n in range(1, MAX_WORDS + 1):
                if i + n > len(words):
                    break
                last = words[i + n - 1]
                if n > 1 and not text[words[i + n - 2].end() : last.start()].isspace():
                    break  # only whitespace between the words of a cue
                if last.end() < len(text) and (
                    text[last.end()].isalnum() or text[last.end()] == "_"
                ):
                    break
                key = " ".join(w.group().lower().replace("’", "'") for w in words[i : i + n])
                span = (first.start(), last.end())
                entry = stats.setdefault(
                    key, {"seen": 0, "articles": set(), "credit": dict.fromkeys(TECHNIQUES, 0.0)}
                )
                entry["seen"] += 1
                entry["articles"].add(article.number)
                for technique in TECHNIQUES:
                    if unions[technique]:
                        entry["credit"][technique] += _share(span, unions[technique])
    return stats


def training_articles(
    ptc_path: Path, semeval_path: Path | None = None
) -> tuple[list[Article], list[Article]]:
    """PTC's training part, and the SemEval-2023 articles that join it (none without a
    path), each in article-number order."""
    ptc_even = load_even(ptc_path)
    train = sorted(split(ptc_even)["train"], key=lambda a: a.number)
    if semeval_path is None:
        return train, []
    extra, counts = semeval2023_extra(load_semeval2023_even(semeval_path), ptc_even)
    print(
        f"SemEval-2023 even articles: {counts['new']} new (training), "
        f"{counts['PTC training part']} already in PTC's training part (PTC's labels kept), "
        f"{counts['PTC development part']} in PTC's development part (left out)"
    )
    return train, sorted(extra, key=lambda a: a.number)


def smoothed(credit: float, seen: float, prior: float, weight: float | None = None) -> float:
    weight = PRIOR_WEIGHT if weight is None else weight
    return (credit + weight * prior) / (seen + weight)


# --- Candidates: vocabulary from outside the corpus, weighed on the training part --------


def vader_words(min_valence: float) -> dict[str, float]:
    """vaderSentiment's own lexicon (MIT, shipped in the package): word -> valence, for the
    words of letters (inner hyphens and apostrophes allowed) at least this strongly valenced."""
    import vaderSentiment

    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"[a-z](?:[a-z'\-]*[a-z])?", parts[0]):
            continue
        if len(parts[0]) > 2 and abs(float(parts[1])) >= min_valence:
            words[parts[0]] = float(parts[1])
    return words


def candidate_cues() -> dict[str, list[str]]:
    """The lexicon's candidates (its "candidates": VADER's strongly valenced words, and
    written lists) -> the families each is tried for, less any hand-written cue: a
    candidate equal to one, or that a hand-written prefix cue already matches, is left out
    (the hand-written cue keeps its place and its own measured confidence)."""
    from analysis.scoring.persuasion import _HAND_CUE_FAMILIES, _LEXICON, _key

    spec = _LEXICON["candidates"]
    hand_exact = {_key(cue) for cue in _HAND_CUE_FAMILIES if not cue.endswith("*")}
    hand_prefixes = tuple(_key(cue[:-1]) for cue in _HAND_CUE_FAMILIES if cue.endswith("*"))
    cues: dict[str, list[str]] = {}
    for word in vader_words(spec["vader"]["min_valence"]):
        cues[word] = list(spec["vader"]["families"])
    for family, written in spec["written"].items():
        for cue in written:
            cues.setdefault(cue, [])
            if family not in cues[cue]:
                cues[cue].append(family)
    return {
        cue: families
        for cue, families in sorted(cues.items())
        if _key(cue) not in hand_exact and not _key(cue).startswith(hand_prefixes)
    }


class CandidateMatcher:
    """Where the candidates match, as the scorer would match them once promoted: one
    pattern over the hand-written cues and the candidates (the longest cue wins), with the
    scorer's phrase spans for the families that take them."""

    def __init__(self, candidates: dict[str, list[str]]) -> None:
        from analysis.scoring.persuasion import _HAND_CUE_FAMILIES, _key, compile_cues

        self.candidates = candidates
        self.by_key = {_key(cue): cue for cue in candidates}
        self.pattern = compile_cues([*_HAND_CUE_FAMILIES, *candidates])

    def __call__(self, text: str):
        """(candidate, family, start, end, cue_start, cue_end) for every family the
        candidate is tried for: start and end take in the phrase, as the scorer shows it."""
        from analysis.scoring.persuasion import _key, _lower_same_length, phrase_span

        for match in self.pattern.finditer(" " + _lower_same_length(text)):
            cue = self.by_key.get(_key(match.group()[1:]))
            if cue is None:
                continue  # a hand-written cue
            start, end = match.start(), match.end() - 1
            for family in self.candidates[cue]:
                span = phrase_span(text, start, end, family)
                yield cue, family, span[0], span[1], start, end


def promote(articles: list[Article], matcher: CandidateMatcher, threshold: float) -> dict:
    """Candidates whose precision on these articles, smoothed towards what all candidates
    of the family had there (CANDIDATE_PRIOR_WEIGHT matches), reaches the threshold:
    candidate -> family -> [confidence, matches]; and the family priors."""
    stats: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0])
    for article in articles:
        unions = _unions(article)
        for cue, family, _start, _end, cue_start, cue_end in matcher(article.text):
            entry = stats[(cue, family)]
            entry[0] += _share((cue_start, cue_end), unions[FAMILY_TECHNIQUE[family]])
            entry[1] += 1
    pooled: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for (_cue, family), (credit, seen) in stats.items():
        pooled[family][0] += credit
        pooled[family][1] += seen
    prior = {f: round(c / n, 3) if n else 0.0 for f, (c, n) in sorted(pooled.items())}
    promoted: dict[str, dict[str, list]] = defaultdict(dict)
    for (cue, family), (credit, seen) in sorted(stats.items()):
        value = smoothed(credit, seen, prior[family], CANDIDATE_PRIOR_WEIGHT)
        if value >= threshold:
            promoted[cue][family] = [round(value, 3), int(seen)]
    return {"candidate_prior": prior, "promoted": dict(promoted)}


def learn(
    articles: list[Article],
    threshold: float = THRESHOLD,
    add_phrases: bool = False,
    matcher: CandidateMatcher | None = None,
) -> dict:
    from analysis.scoring.persuasion import _HAND_CUE_FAMILIES, VERSION, _key

    matcher = matcher or CandidateMatcher(candidate_cues())
    candidates = promote(articles, matcher, threshold)
    hand = hand_cue_precision(articles)
    family_credit: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for (_cue, family), (credit, seen) in hand.items():
        family_credit[family][0] += credit
        family_credit[family][1] += seen
    family_prior = {
        family: round(credit / seen, 3) if seen else 0.0
        for family, (credit, seen) in sorted(family_credit.items())
    }
    # A cue never matched in training: how right were cues matched in one half of the
    # articles and never in the other? That, not the family's mean, is its expected
    # precision (the family's mean is carried by its frequent, well-measured cues).
    halves = [articles[0::2], articles[1::2]]
    seen_in = [hand_cue_precision(half) for half in halves]
    unseen_credit: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for k in (0, 1):
        for (cue, family), (credit, seen) in seen_in[k].items():
            if (cue, family) not in seen_in[1 - k]:
                unseen_credit[family][0] += credit
                unseen_credit[family][1] += seen
    unseen_prior = {
        family: round(
            smoothed(*unseen_credit[family], family_prior[family])
            if family in unseen_credit
            else family_prior[family],
            3,
        )
        for family in family_prior
    }
    confidence: dict[str, dict[str, list]] = defaultdict(dict)
    for (cue, family), (credit, seen) in sorted(hand.items()):
        value = smoothed(credit, seen, unseen_prior.get(family, 0.0))
        confidence[cue][family] = [round(value, 3), int(seen)]

    hand_keys = {_key(cue.rstrip("*")) for cue in _HAND_CUE_FAMILIES}
    added = {}
    for key, entry in (candidate_precision(articles) if add_phrases else {}).items():
        if entry["seen"] < MIN_SEEN or len(entry["articles"]) < MIN_ARTICLES:
            continue
        if _key(key) in hand_keys:
            continue  # a hand-written cue: its confidence is learned above
        technique = max(TECHNIQUES, key=entry["credit"].__getitem__)
        value = smoothed(entry["credit"][technique], entry["seen"], ADDED_PRIOR)
        if value >= threshold:
            added[key] = [TECHNIQUE_FAMILY[technique], round(value, 3), entry["seen"]]
    return {
        "about": (
            "Learned by bench/train_persuasion.py from the training part of the even half "
            "of the SemEval-2020 Task 11 propaganda corpus (see docs/corpora/ptc.md). "
            "confidence: hand-written cue -> family -> [smoothed precision, matches]; "
            "family_prior: each family's precision over its hand-written cues' matches; "
            "unseen_prior: the confidence of a hand-written cue never matched in training "
            "(and the prior its own precision is smoothed towards); "
            "added: word sequence -> [family, smoothed precision, matches]; "
            "candidate_prior: each family's precision over all its candidates' matches "
            "(the lexicon's candidates: VADER's strongly valenced words and written lists, "
            "none taken from the corpus); promoted: candidate -> family -> [smoothed "
            "precision, matches], the candidates whose precision, smoothed towards "
            "candidate_prior, reached threshold (the others are no cue). A cue under "
            "threshold is a hint."
        ),
        "lexicon_version": VERSION,
        "articles": len(articles),
        "threshold": threshold,
        "prior_weight": PRIOR_WEIGHT,
        "added_prior": ADDED_PRIOR,
        "min_seen": MIN_SEEN,
        "min_articles": MIN_ARTICLES,
        "candidate_prior_weight": CANDIDATE_PRIOR_WEIGHT,
        "family_prior": family_prior,
        "unseen_prior": unseen_prior,
        "confidence": dict(confidence),
        "added": dict(sorted(added.items())),
        "candidate_prior": candidates["candidate_prior"],
        "promoted": candidates["promoted"],
    }


def simulated_predictor(
    weights: dict, hint_families: frozenset = frozenset(), matcher: CandidateMatcher | None = None
):
    """The scorer's findings under these weights, approximately (for cross-validation).

    Hand-written cues as the scorer matches them, kept when their confidence reaches the
    threshold and their family is not in hint_families; added cues wherever their words
    occur (no longest-match rule).
    """
    from analysis.scoring.persuasion import find_cues

    HINT_FAMILIES = hint_families  # noqa: N806
    threshold, prior = weights["threshold"], weights["unseen_prior"]
    added, promoted = weights["added"], weights["promoted"]

    def predict(text: str):
        out = []
        for cue in find_cues(text, hints=True, learned=False):
            family = cue["family"]
            value = weights["confidence"].get(cue["cue"], {}).get(family, [prior.get(family, 0)])[0]
            if family in FAMILY_TECHNIQUE and family not in HINT_FAMILIES and value >= threshold:
                out.append((cue["start"], cue["end"], FAMILY_TECHNIQUE[family]))
        for cue, family, start, end, _cue_start, _cue_end in matcher(text) if matcher else ():
            value = promoted.get(cue, {}).get(family, [0.0])[0]
            if family not in HINT_FAMILIES and value >= threshold:
                out.append((start, end, FAMILY_TECHNIQUE[family]))
        words = [
            m for m in _WORD.finditer(text) if m.start() == 0 or text[m.start() - 1] in _OPENS_CUE
        ]
        for i in range(len(words)):
            for n in range(MAX_WORDS, 0, -1):
                if i + n > len(words):
                    continue
                key = " ".join(w.group().lower().replace("’", "'") for w in words[i : i + n])
                if key in added and added[key][0] not in HINT_FAMILIES:
                    out.append(
                        (words[i].start(), words[i + n - 1].end(), FAMILY_TECHNIQUE[added[key][0]])
                    )
                    break
        return out

    return predict


def cross_validate(
    train: list[Article], grid: bool, add_phrases: bool, extra: list[Article] | None = None
) -> None:
    """Two folds of the training part (number // 2 % 3 is 1 or 2): micro figures for a few
    settings (grid), or per-family figures for the chosen ones (used to pick the hint
    families without looking at the development part). Per family, every family's cues
    that pass the confidence threshold count; the micro figure leaves the lexicon's hint
    families out, as the scorer does. With extra articles (SemEval-2023's), each setting
    is learned twice, without and with them added to each fold's training articles, and
    measured on the same PTC fold."""
    from analysis.scoring.persuasion import HINT_FAMILIES
    from bench.eval_ptc import Credit, evaluate

    global PRIOR_WEIGHT, CANDIDATE_PRIOR_WEIGHT
    folds = [[a for a in train if a.number // 2 % 3 == k] for k in (1, 2)]
    matcher = CandidateMatcher(candidate_cues())
    settings = (
        [(t, w, c) for t in (0.4, 0.45, 0.5, 0.6) for w in (1.0, 3.0) for c in (1.5, 3.0)]
        if grid
        else [(THRESHOLD, PRIOR_WEIGHT, CANDIDATE_PRIOR_WEIGHT)]
    )
    for threshold, prior_weight, candidate_weight in settings:
        PRIOR_WEIGHT, CANDIDATE_PRIOR_WEIGHT = prior_weight, candidate_weight
        for added in ([], extra) if extra else ([],):
            total, per_label = Credit(), {t: Credit() for t in TECHNIQUES}
            every_cue = {t: Credit() for t in TECHNIQUES}
            for k in (0, 1):
                learned_from = sorted([*folds[k], *added], key=lambda a: a.number)
                weights = learn(learned_from, threshold, add_phrases, matcher)
                total.add(
                    evaluate(
                        folds[1 - k], simulated_predictor(weights, HINT_FAMILIES, matcher)
                    ).micro
                )
                result = evaluate(folds[1 - k], simulated_predictor(weights, matcher=matcher))
                for label, credit in result.per_label.items():
                    per_label[label].add(credit)
                result = evaluate(folds[1 - k], simulated_predictor({**weights, "threshold": 0.0}))
                for label, credit in result.per_label.items():
                    every_cue[label].add(credit)
            source = f" + {len(added)} SemEval-2023 articles" if added else ""
            print(
                f"threshold {threshold} prior weight {prior_weight} "
                f"candidate prior weight {candidate_weight}{source}: "
                f"P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f} "
                f"({total.predicted} cues)"
            )
            if not grid:
                print(f"  {'':<28} {'cues passing the threshold':>28}   every cue of the family")
                for label, c in per_label.items():
                    e = every_cue[label]
                    print(
                        f"  {label:<28} {c.predicted:>6} P {c.precision:.3f} R {c.recall:.3f}"
                        f"   {e.predicted:>6} P {e.precision:.3f} R {e.recall:.3f}"
                    )


def learning_curve(train: list[Article], extra: list[Article]) -> None:
    """The two folds' findings (as in cross_validate) learned from a quarter, a half,
    three quarters and all of each fold's training articles (PTC's and any SemEval-2023
    ones, every fourth by number): how much a larger training set moves the figures."""
    from analysis.scoring.persuasion import HINT_FAMILIES
    from bench.eval_ptc import Credit, evaluate

    folds = [[a for a in train if a.number // 2 % 3 == k] for k in (1, 2)]
    matcher = CandidateMatcher(candidate_cues())
    for quarters in (1, 2, 3, 4):
        total, sizes = Credit(), []
        for k in (0, 1):
            pool = sorted([*folds[k], *extra], key=lambda a: a.number)
            learned_from = [a for i, a in enumerate(pool) if i % 4 < quarters]
            sizes.append(len(learned_from))
            weights = learn(learned_from, matcher=matcher)
            total.add(
                evaluate(folds[1 - k], simulated_predictor(weights, HINT_FAMILIES, matcher)).micro
            )
        print(
            f"learned from {' and '.join(map(str, sizes))} articles: P {total.precision:.3f} "
            f"R {total.recall:.3f} F1 {total.f1:.3f} ({total.predicted} cues)"
        )


def main(argv: list[str] | None = None) -> None:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="the PTC datasets/ folder (or its even half)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--cv", action="store_true", help="cross-validate, per family; write nothing"
    )
    parser.add_argument("--add-phrases", action="store_true", help="learn added phrases too")
    parser.add_argument("--grid", action="store_true", help="with --cv: try a few settings")
    parser.add_argument(
        "--semeval2023",
        type=Path,
        help="SemEval-2023 Task 3's data/en/ folder (or its even half): its articles that are "
        "no PTC article join the training part",
    )
    parser.add_argument(
        "--curve",
        action="store_true",
        help="cross-validated figures by training size; write nothing",
    )
    args = parser.parse_args(argv)
    ptc_train, extra = training_articles(args.path, args.semeval2023)
    if args.cv:
        cross_validate(ptc_train, args.grid, args.add_phrases, extra)
        return
    if args.curve:
        learning_curve(ptc_train, extra)
        return
    train = sorted([*ptc_train, *extra], key=lambda a: a.number)
    weights = learn(train, add_phrases=args.add_phrases)
    if extra:
        weights["semeval2023_articles"] = len(extra)
        weights["about"] += (
            f" Also learned from {len(extra)} even-numbered articles of SemEval-2023 Task 3 "
            "(English, subtask 3) that are no PTC article (docs/corpora/semeval2023-task3.md)."
        )
    args.out.write_text(json.dumps(weights, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    hints = sum(
        1
        for by_family in weights["confidence"].values()
        for c, _ in by_family.values()
        if c < THRESHOLD
    )
    print(
        f"{len(train)} training articles; {len(weights['confidence'])} hand cues seen "
        f"({hints} (cue, family) pairs under {THRESHOLD}: hints); "
        f"{len(weights['promoted'])} of {len(candidate_cues())} candidates promoted "
        f"({', '.join(sorted(weights['promoted']))}); "
        f"{len(weights['added'])} cues added; written to {args.out}"
    )


if __name__ == "__main__":
    main()
