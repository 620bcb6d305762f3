"""How much a figure owes to the few documents or stories it was measured on: bootstraps
for the evaluation scripts. Pure Python.

``document_resamples`` draws documents (articles, sentences) with replacement and sums
each method's counts over them: the documents are the units the annotators worked on, so
the spans of one article, which share its writer and its topic, are drawn together. The
rest is for grouping, where the unit is a story.

A figure on 88 stories moves by several points if a handful of them are swapped for
others like them, so a difference of 0.01 between two methods may mean nothing. The
stories are not independent under a grouping that joins two of them: the unit drawn is a
block, the stories that a grouping's events tie together (the linked parts of the graph of
stories and predicted events; a story grouped right is a block of its own). Each draw
takes as many blocks as there are, with replacement, and a block drawn k times counts k
times, its wrong pairs with it. Every grouping compared is scored on the same stories:
the blocks are those of all the groupings at once.

The scores are the same pairwise and BCubed F1 as ``events.grouping.pairwise_scores`` and
``bcubed_scores``, summed by block (with every block drawn once they agree; a test holds
them together).
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

# Resamplings a script draws unless told otherwise (--draws).
DRAWS = 1000

Labels = Mapping[Hashable, Hashable]
# What a score gives: a figure, or several read from one resampling (precision, recall, F1);
# the draws depend on the seed and the number of documents alone.
Scored = TypeVar("Scored")


def add_draws_option(parser, unit: str) -> None:
    """The evaluation scripts' ``--draws``: how many resamplings of the ``unit`` (their
    articles, pages, stories...) the 95 % intervals are made of; 0 for none."""
    parser.add_argument(
        "--draws",
        type=int,
        default=DRAWS,
        help=f"resamplings of the {unit} for the 95 %% intervals (0: none)",
    )


# Sums over one block: pairs found in both, true pairs, pairs found, articles, and the
# sums of the articles' BCubed precision and recall.
Sums = tuple[float, float, float, float, float, float]


def blocks(truth: Labels, groupings: Mapping[str, Labels]) -> dict[Hashable, Hashable]:
    """Each story's block: stories that one grouping puts in one event share a block."""
    parent: dict[Hashable, Hashable] = {story: story for story in truth.values()}

    def root(story):
        while parent[story] != story:
            parent[story] = parent[parent[story]]
            story = parent[story]
        return story

    for labels in groupings.values():
        first: dict[Hashable, Hashable] = {}
        for item, story in truth.items():
            event = labels[item]
            if event in first:
                parent[root(story)] = root(first[event])
            else:
                first[event] = story
    return {story: root(story) for story in parent}


def block_sums(truth: Labels, predicted: Labels, block_of: Mapping) -> dict[Hashable, Sums]:
    story_size: Counter = Counter(truth.values())
    event_size: Counter = Counter(predicted[item] for item in truth)
    both: Counter = Counter((truth[item], predicted[item]) for item in truth)
    sums: dict[Hashable, list[float]] = defaultdict(lambda: [0.0] * 6)
    for story, size in story_size.items():
        sums[block_of[story]][1] += size * (size - 1) / 2
        sums[block_of[story]][3] += size
    for (story, event), n in both.items():
        block = sums[block_of[story]]
        block[0] += n * (n - 1) / 2
        block[4] += n * n / event_size[event]
        block[5] += n * n / story_size[story]
    # Every member of an event is in one block: that of any of its stories.
    story_in = {predicted[item]: story for item, story in truth.items()}
    for event, size in event_size.items():
        sums[block_of[story_in[event]]][2] += size * (size - 1) / 2
    return {block: tuple(values) for block, values in sums.items()}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def weighted_f1(
    sums: Mapping[Hashable, Sums], weights: Mapping[Hashable, int]
) -> tuple[float, float]:
    """Pairwise and BCubed F1 with each block counted ``weights[block]`` times."""
    hits, true_pairs, found_pairs, articles, precision_sum, recall_sum = (
        sum(weights.get(block, 0) * values[i] for block, values in sums.items()) for i in range(6)
    )
    precision = hits / found_pairs if found_pairs else 1.0
    recall = hits / true_pairs if true_pairs else 1.0
    return _f1(precision, recall), _f1(precision_sum / articles, recall_sum / articles)


def story_resamples(
    truth: Labels, groupings: Mapping[str, Labels], draws: int = DRAWS, seed: int = 0
) -> dict[str, dict[str, list[float]]]:
    """Each grouping's pairwise and BCubed F1 on ``draws`` resamplings of the blocks of
    stories of ``truth`` (item -> story): {name: {"pairwise": [...], "bcubed": [...]}}."""
    block_of = blocks(truth, groupings)
    sums = {name: block_sums(truth, labels, block_of) for name, labels in groupings.items()}
    units = sorted(set(block_of.values()), key=repr)
    rng = random.Random(seed)
    found = {name: {"pairwise": [], "bcubed": []} for name in groupings}
    for _ in range(draws):
        drawn = Counter(rng.choice(units) for _ in units)
        for name, own in sums.items():
            pairwise, bcubed = weighted_f1(own, drawn)
            found[name]["pairwise"].append(pairwise)
            found[name]["bcubed"].append(bcubed)
    return found


def document_resamples(
    counts: Mapping[str, list[tuple[float, ...]]],
    score: Callable[[tuple[float, ...]], Scored],
    draws: int = DRAWS,
    seed: int = 0,
) -> dict[str, list[Scored]]:
    """Each method's ``score`` of its summed counts on ``draws`` resamplings of the
    documents: ``counts[method][i]`` is document i's counts (true positives, gold,
    predicted... whatever ``score`` reads), the same documents for every method, each draw
    the same documents for all.

    Documents with the same counts are summed together (a draw adds up how often each
    kind of row was drawn, then each kind once): thousands of texts with a handful of
    kinds of counts, as in language detection, take no longer than a few hundred."""
    sizes = {len(rows) for rows in counts.values()}
    if len(sizes) != 1:
        raise ValueError("every method needs counts for the same documents")
    (size,) = sizes
    kinds: dict[str, list[tuple[float, ...]]] = {}
    kind_of: dict[str, list[int]] = {}
    for name, rows in counts.items():
        seen: dict[tuple[float, ...], int] = {}
        kind_of[name] = [seen.setdefault(tuple(row), len(seen)) for row in rows]
        kinds[name] = list(seen)
    rng = random.Random(seed)
    found: dict[str, list[float]] = {name: [] for name in counts}
    for _ in range(draws):
        drawn = Counter(rng.randrange(size) for _ in range(size))
        for name, rows in counts.items():
            weights = [0] * len(kinds[name])
            own = kind_of[name]
            for i, times in drawn.items():
                weights[own[i]] += times
            summed = [0.0] * len(rows[0]) if rows else []
            for weight, row in zip(weights, kinds[name], strict=True):
                if weight:
                    for j, value in enumerate(row):
                        summed[j] += weight * value
            found[name].append(score(tuple(summed)))
    return found


def class_counts(gold: list[str], guessed: list[str], classes: tuple[str, ...]) -> tuple[int, ...]:
    """Each class's true positives, false positives and false negatives, in ``classes``
    order: the counts a macro average is made of, summable over documents."""
    pairs = list(zip(gold, guessed, strict=True))
    out: list[int] = []
    for c in classes:
        out += [
            sum(g == p == c for g, p in pairs),
            sum(p == c != g for g, p in pairs),
            sum(g == c != p for g, p in pairs),
        ]
    return tuple(out)


def macro_figures(counts: tuple[float, ...], classes: int) -> tuple[float, float, float]:
    """Macro precision, recall and F1 from summed ``class_counts`` of ``classes`` classes
    (the first 3 × classes numbers); a class never guessed nor present scores 0."""
    figures = []
    for i in range(classes):
        tp, fp, fn = counts[3 * i : 3 * i + 3]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        figures.append((precision, recall, _f1(precision, recall)))
    return tuple(sum(f[k] for f in figures) / classes for k in range(3))


def interval(values: list[float], level: float = 0.95) -> tuple[float, float]:
    """The central ``level`` share of the values (percentile interval)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    last = len(ordered) - 1
    cut = int((1 - level) / 2 * last + 1e-9)  # as many left out below as above
    return ordered[cut], ordered[last - cut]


def share_ahead(mine: list[float], theirs: list[float]) -> float:
    """The share of draws in which ``mine`` scored above ``theirs`` (ties count half)."""
    if not mine or len(mine) != len(theirs):
        raise ValueError("two lists of the same draws are needed")
    wins = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a, b in zip(mine, theirs, strict=True))
    return wins / len(mine)
