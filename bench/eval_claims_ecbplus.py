"""How often the claims matrix ("who reported which fact") puts two outlets' sentences in
one row when they state the same fact, on real news: ECB+ (Cybulska and Vossen 2014).

Each ECB+ sub-topic (folder ``<T>ecb`` or ``<T>ecbplus``) is one happening reported by
several documents: here one event, each document one outlet's article. Read per
sub-topic: ``annotation/original/<T>ecb[plus].conll`` (every document's tokens, by
sentence) and ``annotation/original/event_mentions_<T>ecb[plus].json`` (the event
mentions: document, sentence, token ids and cross-document coreference chain). The
per-document JSON texts are not read: the conll tokens are what the mentions' ids point
into, so each article is rebuilt from them (tokens joined with light detokenizing, one
sentence per line, an ECB+ document's first line left out when it is its URL), and every
token's offsets in the rebuilt text are kept.

The claims and actors scorers run on each article as in the pipeline, and
``events.comparison.claims_matrix`` lines up the claim sentences of the sub-topic's
articles. Gold, for two claim sentences from different documents of one sub-topic: the
same fact when both hold an event mention (its first token inside the sentence) of one
cross-document coreference chain, leaving out

- chains with one mention (``is_singleton``): they never join two documents anyway;
- chains of reporting events (``ACTION_REPORTING`` and ``NEG_ACTION_REPORTING``): two
  sentences that both "said" or "told" something share no fact by that.

ECB+ annotated only some sentences of each document, so only claim sentences whose
annotation sentences (all of them, if the scorer's sentence spans more than one) hold at
least one event mention of any kind are paired; the others still go into the matrix (they
are in the articles) but no pair of theirs is counted. A document whose rebuilt text
repeats an earlier one's exactly is left out.

Printed: pairwise precision, recall and F1 of the matrix over those pairs (a row's
sentences are each cell's and the outlet's other sentences of the fact, ``ClaimCell.also``),
with 95 % intervals over resamplings of the sub-topics (``bench.resample.document_resamples``),
beside earlier matrices (one sentence per outlet, comparison report 7; words alone) and two
baselines: the old rule (one neighbour above a plain cosine of 0.25, as in
``bench/eval_claims.py``) and "every pair of claim sentences in the event is one fact";
how many annotated sentences the claims scorer picks as check-worthy (the matrix lines up
only those), how many claim sentences are left out as unannotated; and a few errors, a
few words of each sentence only (to read on the terminal, never to commit).

Held out: topics 36-45 (ECB+'s usual test topics) are never read: their paths are dropped
before any file is opened (``bench.ecbplus_to_jsonl.topic_allowed``) and asking for them
is refused. See docs/corpora/ecbplus.md.

Halves: ``--half odd`` keeps the odd topics of ``--topics`` (1, 3, ..., 35), the half a
change to the matrix is tuned on; ``--half even`` the even ones (2, 4, ..., 34), measured
only once a setting is chosen (session 21).

Run: python bench/eval_claims_ecbplus.py /work/.mirror/anastasia-zhukova+Diverse_CDCR_datasets/repo
     [--topics 1-35] [--half odd|even] [--errors 8] [--draws 1000] [--folder]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ecbplus_to_jsonl import (  # noqa: E402
    DEV_TOPICS,
    mirror_listing,
    parse_topics,
    topic_allowed,
)
from bench.resample import add_draws_option, document_resamples, interval  # noqa: E402

REPORTING = frozenset(("ACTION_REPORTING", "NEG_ACTION_REPORTING"))

# Detokenizing: no space before these tokens, none after those.
_ATTACH_LEFT = frozenset(",.;:!?)]}%") | {"''", "'", "’", "”", "...", "n't", "N'T"}
_ATTACH_RIGHT = frozenset(("(", "[", "{", "``", "“", "$", "#"))
_CLITIC = re.compile(r"^(?:['’](?:s|S|re|ve|ll|d|m|t)|n['’]t)$")
_CLITIC_TAILS = frozenset(("s", "t", "re", "ve", "ll", "d", "m"))
_QUOTES = {"``": '"', "''": '"'}
_SPLIT_NUMBER = re.compile(r"(?:^|[^\w])\d+[.,:]$")
_URL_LINE = re.compile(r"^(?:https?|www)\b", re.I)


# --- Reading ----------------------------------------------------------------------------


def _subtopic_files(paths: Iterable[str], topics: Iterable[int]) -> dict[str, dict[str, str]]:
    """{sub-topic: {"mentions": path, "conll": path}} for the allowed topics' annotation
    paths; held-out paths are dropped here, on their names alone."""
    topics = list(topics)
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for path in paths:
        if topic_allowed(path, topics, annotation=True) is None:
            continue
        name = path.rsplit("/", 1)[-1]
        subtopic = name.removeprefix("event_mentions_").rsplit(".", 1)[0]
        found[subtopic]["conll" if name.endswith(".conll") else "mentions"] = path
    return {s: f for s, f in sorted(found.items()) if len(f) == 2}


def git_subtopics(git_dir: Path, topics: Iterable[int]) -> Iterator[tuple[str, list, str]]:
    """(sub-topic, event mentions, conll text) of the allowed topics at HEAD of a git
    mirror of Diverse_CDCR_datasets; only allowed paths are ever asked of git."""
    for subtopic, files in _subtopic_files(mirror_listing(git_dir), topics).items():
        read = {}
        for kind, path in files.items():
            read[kind] = subprocess.run(
                ["git", f"--git-dir={git_dir}", "cat-file", "blob", f"HEAD:{path}"],
                check=True,
                capture_output=True,
            ).stdout.decode("utf-8")
        yield subtopic, json.loads(read["mentions"]), read["conll"]


def folder_subtopics(folder: Path, topics: Iterable[int]) -> Iterator[tuple[str, list, str]]:
    """The same from a folder that holds the ``<T>ecb[plus]`` folders."""
    paths = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    for subtopic, files in _subtopic_files(paths, topics).items():
        mentions = json.loads((folder / files["mentions"]).read_text(encoding="utf-8"))
        yield subtopic, mentions, (folder / files["conll"]).read_text(encoding="utf-8")


def document_name(key: str, subtopic: str, topics: Iterable[int] = DEV_TOPICS) -> str | None:
    """The document name ("1_10ecb") of a conll or mention document key ("1/1ecb/10") if
    the document belongs to ``subtopic`` and to an allowed topic, else None. Some of the
    conversion's conll files also hold other sub-topics' documents (``5ecb`` holds
    ``25ecb``, ``35ecb`` and the held-out ``45ecb``; ``6ecb`` to ``9ecb`` likewise hold
    ``36ecb`` to ``39ecb``, and so for ``ecbplus``): those lines are dropped on their key,
    before anything else of them is parsed, by the converter's own rule."""
    topic, _, rest = key.partition("/")
    folder, _, number = rest.partition("/")
    kind = folder.removeprefix(topic)
    path = f"{folder}/{topic}_{number}{kind}.json"
    if folder != subtopic or topic_allowed(path, topics) is None:
        return None
    return f"{topic}_{number}{kind}"


def parse_conll(
    text: str, subtopic: str, topics: Iterable[int] = DEV_TOPICS
) -> dict[str, dict[int, list[tuple[int, str]]]]:
    """{document key ("1/1ecb/10"): {sentence id: [(token id, token), ...]}} of the
    sub-topic's own documents (``document_name``); other lines are dropped unparsed."""
    docs: dict[str, dict[int, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
    allowed: dict[str, bool] = {}
    for line in text.split("\n"):
        if not line or line.startswith("#"):
            continue
        key = line.split("\t", 1)[0]
        if key not in allowed:
            allowed[key] = document_name(key, subtopic, topics) is not None
        if not allowed[key]:
            continue
        parts = line.split("\t")
        docs[key][int(parts[1])].append((int(parts[2]), parts[3]))
    return {key: {s: sorted(tokens) for s, tokens in sorted(sents.items())} for key, sents in docs.items()}  # fmt: skip


def rebuild(sentences: dict[int, list[tuple[int, str]]]) -> tuple[str, dict, dict]:
    """An article's text from its conll sentences, one sentence per line (the first left
    out when it is a URL): the text, each token's (start, end) by (sentence, token id),
    and each sentence's (start, end)."""
    text, tokens, spans = "", {}, {}
    for n, (sent, words) in enumerate(sentences.items()):
        if n == 0 and words and _URL_LINE.match(words[0][1]):
            continue
        if text:
            text += "\n"
        line_start = len(text)
        previous, quotes = None, 0
        for token_id, word in words:
            shown = _QUOTES.get(word, word)
            opening = word == '"' and quotes % 2 == 0  # plain quotes: open, close, open...
            quotes += word == '"'
            tight = (
                previous is None
                or word in _ATTACH_LEFT
                or (word == '"' and not opening)
                or _CLITIC.match(word)
                or previous in _ATTACH_RIGHT
                or (previous == '"' and quotes % 2 == 1)
                or "-" in (word, previous)  # "90 - day" was "90-day"
                or (previous in ("'", "’") and word.lower() in _CLITIC_TAILS)  # "Lohan ’ s"
                or (word[:1].isdigit() and _SPLIT_NUMBER.search(text))  # "120, 000", "6. 1"
            )
            if not tight:
                text += " "
            tokens[(sent, token_id)] = (len(text), len(text) + len(shown))
            text += shown
            previous = word
        spans[sent] = (line_start, len(text))
    return text, tokens, spans


# --- One sub-topic ----------------------------------------------------------------------


@dataclass
class Article:
    name: str  # "1_10ecb"
    text: str
    sentence_spans: dict[int, tuple[int, int]]
    annotated: set[int]  # sentences with at least one event mention of any kind
    # (start offset of the mention's first token, chain, the mention's words)
    mentions: list[tuple[int, str, str]] = field(default_factory=list)


def articles(
    mentions: list[dict],
    conll: str,
    subtopic: str,
    topics: Iterable[int] = DEV_TOPICS,
    seen: set[str] | None = None,
) -> list[Article]:
    """The sub-topic's documents as articles, with their gold mentions placed in the text;
    a text in ``seen`` (an earlier document's) is left out and new ones added to it."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        if document_name(m["conll_doc_key"], subtopic, topics) is not None:
            by_doc[m["conll_doc_key"]].append(m)
    out = []
    seen = set() if seen is None else seen
    for key, sentences in parse_conll(conll, subtopic, topics).items():
        text, tokens, spans = rebuild(sentences)
        if not text.strip() or text in seen:
            continue
        seen.add(text)
        article = Article(document_name(key, subtopic, topics), text, spans, set())
        for m in by_doc.get(key, []):
            places = [tokens.get((m["sent_id"], t)) for t in m["tokens_number"]]
            if not places or None in places:
                raise SystemExit(f"{m['mention_id']}: tokens not in the conll")
            article.annotated.add(m["sent_id"])
            if m["is_singleton"] or m["mention_full_type"] in REPORTING:
                continue
            article.mentions.append((min(p[0] for p in places), m["coref_chain"], m["tokens_str"]))
        out.append(article)
    return out


@dataclass
class Claim:
    article: str
    start: int
    text: str
    annotated: bool
    chains: dict[str, str]  # chain -> the mention's words


def claims_of(articles: list[Article]) -> tuple[dict[str, list], list[Claim], tuple[int, int]]:
    """The claim sentences of each article (claims and actors scorers, as in the pipeline),
    each with its gold; and (annotated sentences, of them holding a claim)."""
    from analysis.scoring import get_scorer
    from events.comparison import claim_sentences

    claims_scorer, actors_scorer = get_scorer("claims"), get_scorer("actors")
    by_outlet, gold = {}, []
    annotated = picked = 0
    for article in articles:
        found = claim_sentences(
            article.text,
            claims_scorer(article.text).evidence,
            actors_scorer(article.text).evidence,
        )
        by_outlet[article.name] = found
        order = sorted(article.sentence_spans.items(), key=lambda kv: kv[1])
        starts = [span[0] for _, span in order]
        covered = set()
        for c in found:
            first = max(0, bisect_right(starts, c.start) - 1)
            last = max(0, bisect_right(starts, max(c.start, c.end - 1)) - 1)
            sentences = {order[i][0] for i in range(first, last + 1)}
            covered |= sentences
            chains = {
                chain: words for pos, chain, words in article.mentions if c.start <= pos < c.end
            }
            ok = bool(sentences) and sentences <= article.annotated
            gold.append(Claim(article.name, c.start, c.text, ok, chains))
        annotated += len(article.annotated)
        picked += len(article.annotated & covered)
    return by_outlet, gold, (annotated, picked)


def _rows(rows: list) -> dict[tuple[str, int], int]:
    """(outlet, start) of each sentence a matrix lines up -> its row: each cell's sentence
    and the outlet's other sentences of the fact (``ClaimCell.also``, comparison report 8)."""
    return {
        (outlet, sentence.start): r
        for r, row in enumerate(rows)
        for outlet, cell in row.cells.items()
        if cell is not None
        for sentence in (cell, *getattr(cell, "also", ()))
    }


def now(by_outlet: dict) -> dict[tuple[str, int], int]:
    from events.comparison import claims_matrix

    return _rows(claims_matrix(by_outlet))


def one_per_outlet(by_outlet: dict) -> dict[tuple[str, int], int]:
    """The matrix of comparison report 7: one sentence per outlet in a fact."""
    from events.comparison import claims_matrix

    return _rows(claims_matrix(by_outlet, several=False))


def words_alone(by_outlet: dict) -> dict[tuple[str, int], int]:
    """The matrix before session 21: its words alone, no meaning vectors (and so
    one sentence per outlet)."""
    from events.comparison import claims_matrix

    return _rows(claims_matrix(by_outlet, meaning=False))


def old_rule(by_outlet: dict) -> dict[tuple[str, int], int]:
    """The rule before session 19's change, as ``bench/eval_claims.py`` has it."""
    from bench.eval_claims import old_rule as rule

    return _rows(rule(by_outlet))


def every_pair(by_outlet: dict) -> dict[tuple[str, int], int]:
    """Baseline: every claim sentence of the event states one fact."""
    return {(outlet, c.start): 0 for outlet, found in by_outlet.items() for c in found}


METHODS: dict[str, Callable] = {
    "claims matrix (now)": now,
    "one sentence per outlet": one_per_outlet,
    "matrix, words alone": words_alone,
    "old rule (cosine 0.25)": old_rule,
    "every pair one fact": every_pair,
}


def pair_counts(by_outlet: dict, gold: list[Claim], method: Callable) -> dict:
    """tp, fp, fn over pairs of annotated claim sentences from different documents, and
    the wrong and missed pairs."""
    row_of = method(by_outlet)
    kept = [g for g in gold if g.annotated]
    tp = fp = fn = 0
    wrong, missed = [], []
    for i, a in enumerate(kept):
        for b in kept[i + 1 :]:
            if a.article == b.article:
                continue
            shared = sorted(a.chains.keys() & b.chains.keys())
            ra, rb = row_of.get((a.article, a.start)), row_of.get((b.article, b.start))
            predicted = ra is not None and ra == rb
            tp += bool(shared) and predicted
            fp += predicted and not shared
            fn += bool(shared) and not predicted
            if predicted and not shared:
                wrong.append((a, b, []))
            elif shared and not predicted:
                missed.append((a, b, [(a.chains[s], b.chains[s]) for s in shared]))
    return {"tp": tp, "fp": fp, "fn": fn, "wrong": wrong, "missed": missed}


def prf(counts: tuple[float, ...]) -> tuple[float, float, float]:
    tp, fp, fn = counts[:3]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(
    subtopics: Iterable[tuple[str, list, str]], topics: Iterable[int] = DEV_TOPICS
) -> dict:
    """Per sub-topic and method, the pair counts; and the totals of sentences."""
    per_method: dict[str, list[tuple[int, int, int]]] = {name: [] for name in METHODS}
    errors: dict[str, list] = {"wrong": [], "missed": []}
    totals: Counter = Counter()
    seen: set[str] = set()
    names = []
    for subtopic, mentions, conll in subtopics:
        arts = articles(mentions, conll, subtopic, topics, seen)
        by_outlet, gold, (annotated, picked) = claims_of(arts)
        names.append(subtopic)
        totals["sub-topics"] += 1
        totals["documents"] += len(arts)
        totals["annotated sentences"] += annotated
        totals["annotated sentences picked"] += picked
        totals["claim sentences"] += len(gold)
        totals["claim sentences annotated"] += sum(g.annotated for g in gold)
        for name, method in METHODS.items():
            r = pair_counts(by_outlet, gold, method)
            per_method[name].append((r["tp"], r["fp"], r["fn"]))
            if name.endswith("(now)"):
                errors["wrong"] += [(subtopic, *e) for e in r["wrong"]]
                errors["missed"] += [(subtopic, *e) for e in r["missed"]]
    return {"counts": per_method, "errors": errors, "totals": totals, "subtopics": names}


def _few_words(text: str, n: int = 6) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" ..." if len(words) > n else "")


def report(result: dict, errors: int = 8, draws: int = 1000) -> None:
    t = result["totals"]
    print(
        f"{t['sub-topics']} sub-topics, {t['documents']} documents; claim sentences "
        f"{t['claim sentences']}, of them in annotated sentences {t['claim sentences annotated']}"
        f" ({t['claim sentences'] - t['claim sentences annotated']} left out as unannotated)"
    )
    print(
        f"annotated sentences {t['annotated sentences']}, picked as check-worthy (holding a "
        f"claim) {t['annotated sentences picked']}"
    )
    summed = {n: tuple(map(sum, zip(*rows, strict=True))) if rows else (0, 0, 0) for n, rows in result["counts"].items()}  # fmt: skip
    print("pairs of annotated claim sentences from different documents of one sub-topic:")
    resampled = (
        document_resamples(result["counts"], prf, draws=draws) if draws and result["subtopics"] else {}
    )  # fmt: skip
    for name, counts in summed.items():
        p, r, f = prf(counts)
        line = f"  {name:<24} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {counts[0]}, fp {counts[1]}, fn {counts[2]})"  # fmt: skip
        if name in resampled:
            low, high = interval([x[2] for x in resampled[name]])
            line += f"  F1 95 % {low:.3f}-{high:.3f}"
        print(line)
    if "claims matrix (now)" in resampled:
        draws_now = resampled["claims matrix (now)"]
        (pl, ph), (rl, rh) = (
            interval([x[0] for x in draws_now]),
            interval([x[1] for x in draws_now]),
        )
        print(f"  matrix P 95 % {pl:.3f}-{ph:.3f}, R 95 % {rl:.3f}-{rh:.3f} ({draws} resamplings of the sub-topics)")  # fmt: skip
    print("\nPut in one row, no shared chain (a few words of each):")
    for subtopic, a, b, _ in result["errors"]["wrong"][:errors]:
        print(f"  {subtopic} {a.article}: {_few_words(a.text)!r}\n      ~ {b.article}: {_few_words(b.text)!r}")  # fmt: skip
    print("\nSharing a chain, left apart (the chain's words in each):")
    for subtopic, a, b, shared in result["errors"]["missed"][:errors]:
        words = "; ".join(f"{x!r} ~ {y!r}" for x, y in shared[:2])
        print(f"  {subtopic} {a.article} ~ {b.article}: {words}")


def half(topics: list[int], which: str | None) -> list[int]:
    """The odd or the even topics of ``topics`` (all of them for None)."""
    if which is None:
        return topics
    return [t for t in topics if t % 2 == (1 if which == "odd" else 0)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a git mirror of Diverse_CDCR_datasets")
    parser.add_argument(
        "--folder", action="store_true", help="PATH is a folder of <T>ecb[plus] folders instead"
    )
    parser.add_argument("--topics", default="1-35", help="development topics, e.g. 1-35 or 1,3")
    parser.add_argument(
        "--half",
        choices=("odd", "even"),
        help="only the odd topics (tuning) or the even ones (measured once a setting is chosen)",
    )
    parser.add_argument("--errors", type=int, default=8)
    add_draws_option(parser, "sub-topics")
    args = parser.parse_args(argv)
    topics = half(parse_topics(args.topics), args.half)
    if args.folder:
        subtopics = folder_subtopics(args.path, topics)
    else:
        subtopics = git_subtopics(args.path, topics)
    report(evaluate(subtopics, topics), args.errors, args.draws)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
