from common.clustering import merge_greedily

# Items 0..3 stand for spans or claims; their groups are the analysts or outlets.
GROUPS = ["ann", "bea", "ann", "cem"]


def test_pairs_merge_best_first_and_never_two_items_of_one_group():
    clusters = merge_greedily(
        4, [(0, 1), (1, 2), (2, 3)], group_of=GROUPS.__getitem__, accept=lambda a, b: True
    )

    # (1, 2) would put ann twice in one cluster; 2 and 3 merge on their own.
    assert clusters == [[0, 1], [2, 3]]


def test_a_merge_the_test_refuses_leaves_both_clusters_apart():
    refused = {frozenset({1, 3})}

    clusters = merge_greedily(
        4,
        [(0, 1), (0, 3)],
        group_of=GROUPS.__getitem__,
        accept=lambda a, b: not any(frozenset({x, y}) in refused for x in a for y in b),
    )

    assert clusters == [[0, 1], [2], [3]]
