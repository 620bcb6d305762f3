"""Greedy merging with one member per group, shared by the agreement units (one span per
analyst) and the comparison's facts (one claim per outlet)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable


def merge_greedily(
    count: int,
    pairs: Iterable[tuple[int, int]],
    *,
    group_of: Callable[[int], Hashable],
    accept: Callable[[list[int], list[int]], bool],
) -> list[list[int]]:
    """Cluster the items ``0 .. count-1`` by taking ``pairs`` in the order given (best
    first): the clusters of a pair's two items merge unless they hold items of the same
    group or ``accept(left, right)`` is false. Returns the clusters' items, each cluster
    where its first item stood; an item no pair joined is a cluster of its own."""
    cluster_of = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    for i, j in pairs:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        left, right = members[ci], members[cj]
        if {group_of(k) for k in left} & {group_of(k) for k in right}:
            continue
        if not accept(left, right):
            continue
        for k in right:
            cluster_of[k] = ci
        left.extend(right)
        del members[cj]
    return list(members.values())
