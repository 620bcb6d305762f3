"""The actors scorer (analysis/scoring/actors.py) against the entity annotations of the
NewsReader MEANTIME corpus (Minard et al. 2016), English, development folders only, or of
NewsWCL50 (Hamborg et al. 2019), its actors development topics only.

Run: python bench/eval_actors.py GIT_DIR [--corpus meantime|newswcl50] [--errors 8]
     python bench/eval_actors.py --conll PATH --entities PATH
     python bench/eval_actors.py --corpus newswcl50 --conll PATH

NewsWCL50 (``--corpus newswcl50``): the CoNLL file ``NewsWCL50-prep/output_data/
NewsWCL50.conll`` of the same repository, whose coreference column holds the concept
annotations, each chain id ending in the concept's type ("0_USA_Trump_ACTOR"). Only the
topics with an even number are read (``NEWSWCL50_DEV_TOPICS``); the lines of the others
are dropped by document id before their fields are split, and asking for them is refused.
The text is the body (every paragraph but the first, the title), all of it scored, as the
whole article is annotated. Types: ACTOR and ACTOR-I -> person, COUNTRY -> place, GROUP ->
organisation (``NEWSWCL50_TYPES``); OBJECT, EVENT, ACTION and MISC are no actors. A mention
is named when its head (the last word before "of", a comma, "who"...) is capitalised, is
not a title ("the President"), and, when it opens its sentence, is a word the dev texts
never write in lower case. NewsWCL50 codes the concepts of each event, not every entity:
an actor outside them (a newspaper quoted, a think tank) counts as a false actor, so
precision is a lower bound; a chain of ACTOR-I gathers a country's minor individuals, so
document-level figures count them as one actor. The baseline types its runs as people
(NewsWCL50's commonest type). The MEANTIME part follows.

GIT_DIR is the git directory of the Diverse CDCR datasets (Zhukova et al.), which hold
MEANTIME converted: ``MEANTIME-prep/output_data/en/meantime.conll`` (document id, sentence,
token number, token) and ``.../en/entities_mentions.json`` (each entity mention: document,
sentence, token numbers, the instance it refers to, whose id opens with its class PER, ORG,
LOC, PRO or FIN, and the head word with its part of speech, which the conversion took from
spaCy). Only corpus_airbus and corpus_apple are read: corpus_gm and corpus_stock are held
out (bench/meantime_to_jsonl.py's DEV_FOLDERS and HELD_OUT); their records are dropped by
document id before they are parsed. See docs/corpora/meantime.md.

What is compared:
- The text is the article's body as bench/meantime_to_jsonl.py writes it (sentences from
  the third on; the title and the dateline are not scored by Newsdesk either), run
  through ``score_actors`` with no curated actors. Its evidence gives each actor's kind
  and its mentions as character offsets.
- MEANTIME annotated every entity mention in the title, the dateline and the first four
  sentences of the body (sentences 0-5); after that only the mentions of instances linked
  across documents. So only sentences 2-5 count: gold mentions there, scorer mentions
  that start there (the scorer still reads the whole body, as in the product).
- Types: PER -> person; ORG -> organisation (the scorer's "group", armed and political
  groups, is an organisation here); LOC -> place, which the scorer reports only for
  countries (kind "country", names and demonyms; cities and regions it leaves out by
  design). PRO (products) and FIN (sums) are no actors: a scorer mention inside one is
  wrong.
- Named mentions: MEANTIME's own mention kind (name, common noun, pronoun) is not in the
  conversion, so a mention counts as named when its head word is a proper noun (spaCy, as
  stored), or is a capitalised noun or adjective that does not open its sentence and is
  not a role abbreviation ("CEO"). Pronouns and common nouns ("the company") are not named.

Mention level: a scorer mention and a gold mention match when their character spans
overlap (typed: and the types agree), each used once (a maximum matching). Recall: named
gold mentions matched. Precision: scorer mentions matched to a named gold mention, or
else to a gold mention that is not named (a common noun for a company named before: the
mention is found, only not by name), over all scorer mentions.

Document level ("who an outlet names"): per document, the distinct named actors: gold
instances (by their MEANTIME instance id) with at least one named mention in sentences
2-5, against the scorer's merged actors with a mention there. An actor matches an
instance when one of its mentions overlaps one of the instance's mentions (typed: and the
types agree), one to one: an entity the scorer splits in two gives a false actor, two
entities it merges a missed one. Counts are summed over documents (micro).

Baseline: every maximal run of capitalised tokens, less a sentence's first token, is one
entity of the commonest gold type (ORG); the same surface is the same entity.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.meantime_to_jsonl import (  # noqa: E402
    DEV_FOLDERS,
    HELD_OUT,
    detokenize_spans,
    documents,
    refuse_held_out,
)

ENTITIES_IN_GIT = "HEAD:MEANTIME-prep/output_data/en/entities_mentions.json"
CONLL_IN_GIT = "HEAD:MEANTIME-prep/output_data/en/meantime.conll"
FIRST_BODY_SENTENCE = 2  # 0 is the title, 1 the dateline
LAST_ANNOTATED_SENTENCE = 5  # every entity mention is annotated up to here
TYPES = ("person", "organisation", "place")
GOLD_TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place"}
SCORER_TYPES = {
    "person": "person",
    "organisation": "organisation",
    "group": "organisation",
    "country": "place",
}
BASELINE_TYPE = "organisation"  # the commonest type of named gold mentions (checked at run)
ROLE_ABBREVIATIONS = frozenset({"CEO", "CFO", "COO", "CTO", "VP"})
# One record of entities_mentions.json: flat objects (a list of numbers inside, no object).
_RECORD = re.compile(r"\{[^{}]*\}")
_DOC_KEY = re.compile(r'"conll_doc_key":\s*"([^"]*)"')


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str  # one of TYPES, or another gold class ("PRO", "FIN") that is no actor
    entity: str  # the gold instance id, the scorer's actor name, the baseline's surface
    named: bool = True
    text: str = ""


# --- Reading ---------------------------------------------------------------------------


def dev_records(raw: str, folders: Iterable[str] = DEV_FOLDERS) -> list[dict]:
    """The records of entities_mentions.json in the given folders, each dropped by its
    document id before it is parsed when it is in another folder."""
    wanted = tuple(folders)
    for folder in wanted:
        if folder in HELD_OUT:
            raise ValueError(f"{folder} is held out")
    records = []
    for found in _RECORD.finditer(raw):
        key = _DOC_KEY.search(found.group())
        if key is None or key.group(1).split("/")[0] not in wanted:
            continue
        try:
            record = json.loads(found.group())
        except json.JSONDecodeError as exc:
            raise ValueError(f"a record of {key.group(1)} was cut (a brace in a string?)") from exc
        refuse_held_out(record["conll_doc_key"])
        records.append(record)
    keys = [k for k in _DOC_KEY.findall(raw) if k.split("/")[0] in wanted]
    if len(keys) != len(records):  # a brace inside a string cut a record
        raise ValueError(
            f"records were cut: {len(keys)} of {', '.join(wanted)}, {len(records)} read"
        )
    return records


def instance_id(chain: str) -> str:
    """The MEANTIME instance of a chain id: "cross_intra_ORG123" and "intra_ORG123" are
    both ORG123 (annotated within the document, and linked across documents or not)."""
    return chain.rsplit("_", 1)[-1]


def is_named(record: dict, sentence: list[str]) -> bool:
    """Whether a gold mention names its entity (see the module's docstring)."""
    pos, head = record["mention_head_pos"], record["mention_head"]
    if pos == "PROPN":
        return True
    if pos in ("PRON", "DET") or not head[:1].isupper() or head in ROLE_ABBREVIATIONS:
        return False
    at = [i for i in record["tokens_number"] if i < len(sentence) and sentence[i] == head]
    return bool(at) and at[0] != 0


def body(sentences: list[list[str]]) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    """The body text as bench/meantime_to_jsonl.py writes it, and each token's span in it
    by (sentence, token number)."""
    parts: list[str] = []
    where: dict[tuple[int, int], tuple[int, int]] = {}
    size = 0
    for s in range(FIRST_BODY_SENTENCE, len(sentences)):
        text, spans = detokenize_spans(sentences[s])
        if parts:
            parts.append(" ")
            size += 1
        for t, (start, end) in enumerate(spans):
            where[(s, t)] = (size + start, size + end)
        parts.append(text)
        size += len(text)
    return "".join(parts), where


def gold_mentions(records: list[dict], sentences: list[list[str]], where: dict) -> list[Mention]:
    """A document's gold entity mentions in the annotated body sentences, each once."""
    found: dict[tuple, Mention] = {}
    for r in records:
        s = r["sent_id"]
        if not FIRST_BODY_SENTENCE <= s <= LAST_ANNOTATED_SENTENCE:
            continue
        spans = [where[(s, t)] for t in r["tokens_number"] if (s, t) in where]
        if not spans:
            continue
        start, end = min(a for a, _ in spans), max(b for _, b in spans)
        kind = GOLD_TYPES.get(r["mention_type"], r["mention_type"])
        entity = instance_id(r["coref_chain"])
        named = kind in TYPES and is_named(r, sentences[s])
        found.setdefault((start, end, entity), Mention(start, end, kind, entity, named))
    return merge_nested(found.values())


def merge_nested(mentions: Iterable[Mention]) -> list[Mention]:
    """Overlapping mentions of one instance as one mention over them all, named if one of
    them is: MEANTIME marks a name with its apposition (as in "Lumeria's chief, Ann Lee",
    written for this comment) and, inside it, the role and the name, all of her; a scorer
    that finds her name has found her once."""
    merged: list[Mention] = []
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_entity[m.entity].append(m)
    for group in by_entity.values():
        group.sort(key=lambda m: (m.start, m.end))
        current = group[0]
        for m in group[1:]:
            if m.start < current.end:
                current = Mention(
                    current.start,
                    max(current.end, m.end),
                    current.type,
                    current.entity,
                    current.named or m.named,
                )
            else:
                merged.append(current)
                current = m
        merged.append(current)
    return sorted(merged, key=lambda m: (m.start, m.end, m.entity))


def region_end(sentences: list[list[str]], where: dict) -> int:
    """Where the last fully annotated sentence ends in the body."""
    last = min(LAST_ANNOTATED_SENTENCE, len(sentences) - 1)
    ends = [e for (s, _), (_, e) in where.items() if s <= last]
    return max(ends, default=0)


# --- NewsWCL50 --------------------------------------------------------------------------

NEWSWCL50_CONLL_IN_GIT = "HEAD:NewsWCL50-prep/output_data/NewsWCL50.conll"
# The actors split of NewsWCL50 (docs/corpora/newswcl50.md), fixed before any annotation
# was read: the topics with an even number are the dev part, the others held out.
NEWSWCL50_DEV_TOPICS = ("0", "2", "4", "6", "8")
NEWSWCL50_HELD_OUT = ("1", "3", "5", "7", "9")
# NewsWCL50's concept types that are actors, as this benchmark's types: its main actors
# (ACTOR) and the other individuals it codes under a country (ACTOR-I) are people; a
# COUNTRY is a place (the corpus also codes a country's officials and bodies under it:
# a type error here when the scorer calls them people or organisations); a GROUP (the
# migrants, their supporters, an organising group) an organisation. OBJECT, EVENT, ACTION
# and MISC are no actors.
NEWSWCL50_TYPES = {
    "ACTOR": "person",
    "ACTOR-I": "person",
    "COUNTRY": "place",
    "GROUP": "organisation",
}
NEWLINE = "\\n"  # the CoNLL file's token for a line break
# The words after which the head of a mention stops ("the leader of X": "leader").
_HEAD_STOP_WORDS = ", ( of for who whom which that in on at from with to by as than like – —"
_HEAD_STOPS = frozenset(_HEAD_STOP_WORDS.split()) | {'"', "''", "``"}
# Capitalised words that are no name when they head a mention ("the President").
_TITLE_HEAD_WORDS = (
    "President Mr. Mr Mrs. Mrs Ms. Ms Dr. Sen. Rep. Gov. Secretary Director Chairman Minister "
    "Leader Chief General Attorney Ambassador Administration Congressman Senator Governor "
    "Speaker Justice Judge Officer"
)
_TITLE_HEADS = frozenset(_TITLE_HEAD_WORDS.split())


def newswcl50_refuse_held_out(doc_id: str) -> None:
    if doc_id.split("/")[0] in NEWSWCL50_HELD_OUT:
        raise ValueError(f"{doc_id} is in a topic held out for actors")


def newswcl50_rows(lines: Iterable[str], topics: Iterable[str] = NEWSWCL50_DEV_TOPICS) -> dict:
    """Each document's (sentence, token number, token, coreference field) rows, for the
    given topics only: a line of any other topic is dropped by its document id before its
    fields are split."""
    wanted = tuple(topics)
    for topic in wanted:
        if topic in NEWSWCL50_HELD_OUT:
            raise ValueError(f"topic {topic} is held out for actors")
    rows: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for line in lines:
        doc_id, _, rest = line.partition("\t")
        if doc_id.split("/")[0] not in wanted:
            continue  # held out, or a comment line
        newswcl50_refuse_held_out(doc_id)
        fields = rest.rstrip("\n").split("\t")
        if len(fields) < 4:
            continue
        rows[doc_id].append((int(fields[0]), int(fields[1]), fields[2], fields[3]))
    return dict(rows)


def chain_spans(rows: list[tuple[int, int, str, str]]) -> list[tuple[str, list[int]]]:
    """The mentions of a document's coreference field: (chain, row indexes), "(chain"
    opening one, "chain)" closing it, "(chain)" both; fields joined by "|"."""
    found: list[tuple[str, list[int]]] = []
    open_at: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, _, field_) in enumerate(rows):
        for part in field_.split("|"):
            part = part.strip()
            if not part or part == "-":
                continue
            chain = part.strip("()")
            if part.startswith("("):
                open_at[chain].append(i)
            if part.endswith(")") and open_at[chain]:
                start = open_at[chain].pop()
                found.append((chain, list(range(start, i + 1))))
    return found


def chain_type(chain: str) -> str:
    """NewsWCL50's concept type, the chain id's last part ("0_USA_Trump_ACTOR": ACTOR)."""
    return chain.rsplit("_", 1)[-1]


def newswcl50_text(
    rows: list[tuple[int, int, str, str]],
) -> tuple[str, dict[int, tuple[int, int]], list[list[str]], dict]:
    """The body (every paragraph but the first, the title, joined by blank lines as
    bench/newswcl50_to_jsonl.py joins them), each body row's span in it, the sentences'
    tokens, and each body token's span by (sentence, token number)."""
    paragraphs: list[list[int]] = [[]]
    for i, row in enumerate(rows):
        if row[2] == NEWLINE:
            paragraphs.append([])
        else:
            paragraphs[-1].append(i)
    paragraphs = [p for p in paragraphs if p][1:]
    spans: dict[int, tuple[int, int]] = {}
    parts: list[str] = []
    size = 0
    for paragraph in paragraphs:
        units = hyphen_units([rows[i][2] for i in paragraph])
        text, unit_spans = detokenize_spans(
            ["".join(rows[paragraph[k]][2] for k in u) for u in units]
        )
        if parts:
            parts.append("\n\n")
            size += 2
        for unit, (a, _) in zip(units, unit_spans, strict=True):
            for k in unit:
                token = rows[paragraph[k]][2]
                spans[paragraph[k]] = (size + a, size + a + len(token))
                a += len(token)
        parts.append(text)
        size += len(text)
    sentences: dict[int, list[str]] = defaultdict(list)
    where: dict[tuple[int, int], tuple[int, int]] = {}
    for i, (s, t, token, _) in enumerate(rows):
        sentences[s].append(token)
        if i in spans:
            where[(s, t)] = spans[i]
    by_number = [sentences.get(s, []) for s in range(max(sentences, default=-1) + 1)]
    return "".join(parts), spans, by_number, where


def hyphen_units(tokens: list[str]) -> list[list[int]]:
    """The tokens grouped into the words they were: spaCy split a word at its hyphens
    ("Kim Jong - un", "Mar - a - Lago"), written back without spaces ("Jong-un")."""
    units: list[list[int]] = []
    for k, token in enumerate(tokens):
        if (
            (
                units
                and k + 1 < len(tokens)
                and token == "-"
                and tokens[k - 1][-1:].isalnum()
                and tokens[k + 1][:1].isalnum()
            )
            or units
            and len(units[-1]) > 1
            and units[-1][-1] == k - 1
            and tokens[k - 1] == "-"
        ):
            units[-1].append(k)
        else:
            units.append([k])
    return units


def head_index(tokens: list[str]) -> int:
    """The mention's head, roughly: the last word before the first word that ends a noun
    phrase's head ("of", a comma, "who"...); of hyphenated words the first ("Jong - un":
    "Jong")."""
    end = next((i for i, t in enumerate(tokens) if i and t in _HEAD_STOPS), len(tokens))
    head = end - 1
    while head >= 2 and tokens[head - 1] == "-":
        head -= 2
    return head


def newswcl50_named(tokens: list[str], head: int, opens: bool, lower_words: set[str]) -> bool:
    """Whether a mention names its concept: its head is capitalised and is not a title
    ("the President"); at the start of a sentence it must also be a word the texts never
    write in lower case ("Officials" is no name, "Trump" is)."""
    word = tokens[head]
    if not word[:1].isupper() or word in _TITLE_HEADS:
        return False
    return not opens or word.lower() not in lower_words


def newswcl50_gold(
    rows: list[tuple[int, int, str, str]], spans: dict[int, tuple[int, int]], lower_words: set[str]
) -> list[Mention]:
    """A document's gold mentions in the body: actor types mapped (NEWSWCL50_TYPES), the
    others kept by their own name; named by newswcl50_named."""
    found: dict[tuple, Mention] = {}
    for chain, indexes in chain_spans(rows):
        inside = [i for i in indexes if i in spans]
        if not inside:
            continue  # in the title
        start, end = spans[inside[0]][0], spans[inside[-1]][1]
        kind = NEWSWCL50_TYPES.get(chain_type(chain), chain_type(chain))
        tokens = [rows[i][2] for i in indexes]
        head = head_index(tokens)
        first = indexes[head]
        # Whether the head opens its sentence: only quotes and line breaks before it.
        before = [r[2] for r in rows[:first] if r[0] == rows[first][0]]
        opens = all(t in (NEWLINE, '"', "``", "'", "“", "‘", "(") for t in before)
        named = kind in TYPES and newswcl50_named(tokens, head, opens, lower_words)
        found.setdefault((start, end, chain), Mention(start, end, kind, chain, named))
    return merge_nested(found.values())


def lower_case_words(docs: dict[str, list[tuple[int, int, str, str]]]) -> set[str]:
    """The words the texts write in lower case."""
    return {r[2] for rows in docs.values() for r in rows if r[2][:1].islower()}


# --- Predictions -----------------------------------------------------------------------


def scorer_mentions(text: str, evidence: list[dict]) -> list[Mention]:
    """The scorer's actors' mentions (its evidence), typed."""
    return sorted(
        (
            Mention(
                s, e, SCORER_TYPES.get(actor["kind"], actor["kind"]), actor["name"], True, text[s:e]
            )
            for actor in evidence
            for s, e in actor["mentions"]
        ),
        key=lambda m: (m.start, m.end),
    )


def baseline_mentions(
    sentences: list[list[str]], where: dict, kind: str = BASELINE_TYPE
) -> list[Mention]:
    """Maximal runs of capitalised tokens, a sentence's first token left out (only the
    tokens that have a span in the text: the body's)."""
    found = []
    for s in sorted({s for s, _ in where}):
        run: list[int] = []
        first = min(t for u, t in where if u == s)  # its first token in the text
        for t, token in enumerate([*sentences[s], ""]):
            if t > first and (s, t) in where and token[:1].isupper():
                run.append(t)
                continue
            if run:
                start, end = where[(s, run[0])][0], where[(s, run[-1])][1]
                surface = " ".join(sentences[s][i] for i in run)
                found.append(Mention(start, end, kind, surface, True, surface))
                run = []
    return found


# --- Matching --------------------------------------------------------------------------


def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def max_matching(edges: list[list[int]]) -> dict[int, int]:
    """A maximum matching of left items to right items (Kuhn's augmenting paths): left i
    may take any right item in edges[i], each right item once; {left: right}."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(edges)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _fits(system: Mention, gold: Mention, typed: bool) -> bool:
    return overlaps(system, gold) and (not typed or system.type == gold.type)


def match_mentions(
    system: list[Mention], gold: list[Mention], typed: bool
) -> tuple[dict[int, int], dict[int, int]]:
    """System mentions matched to named gold mentions of an actor type, and those left
    matched to the gold actor mentions that are not named: two {system: gold} maps."""
    named = [i for i, g in enumerate(gold) if g.named and g.type in TYPES]
    other = [i for i, g in enumerate(gold) if not g.named and g.type in TYPES]
    first = max_matching(
        [[k for k, j in enumerate(named) if _fits(s, gold[j], typed)] for s in system]
    )
    first = {i: named[k] for i, k in first.items()}
    rest = [i for i in range(len(system)) if i not in first]
    second = max_matching(
        [[k for k, j in enumerate(other) if _fits(system[i], gold[j], typed)] for i in rest]
    )
    return first, {rest[i]: other[k] for i, k in second.items()}


@dataclass
class Counts:
    """True positives on each side and the totals, per type."""

    found: Counter  # system items matched (precision's numerator)
    system: Counter
    recalled: Counter  # gold items matched (recall's numerator)
    gold: Counter
    # Document level: (the actor's mentions, the instance's named mentions) of each
    # matched pair, in the annotated sentences: "how often" it is named.
    tallies: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def empty(cls) -> Counts:
        return cls(Counter(), Counter(), Counter(), Counter())

    def add(self, other: Counts) -> None:
        self.tallies += other.tallies
        for mine, theirs in (
            (self.found, other.found),
            (self.system, other.system),
            (self.recalled, other.recalled),
            (self.gold, other.gold),
        ):
            mine.update(theirs)

    def micro(self) -> tuple[int, int, int, int]:
        """The totals over every type: found, system, recalled, gold."""
        return tuple(sum(c.values()) for c in (self.found, self.system, self.recalled, self.gold))

    def prf(self, kind: str | None = None) -> tuple[float | None, float | None, float | None]:
        def total(c: Counter) -> int:
            return c[kind] if kind else sum(c.values())

        n_sys, n_gold = total(self.system), total(self.gold)
        p = total(self.found) / n_sys if n_sys else None
        r = total(self.recalled) / n_gold if n_gold else None
        f = (
            2 * p * r / (p + r)
            if p is not None and r is not None and p + r
            else (0.0 if p is not None and r is not None else None)
        )
        return p, r, f


def micro_f1(counts: tuple[float, ...]) -> float:
    """The F1 of summed micro counts (found, system, recalled, gold); 0 where either side
    is empty."""
    found, system, recalled, gold = counts
    p, r = (found / system if system else 0.0), (recalled / gold if gold else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def print_intervals(per_document: dict, documents: int, draws: int) -> None:
    """The typed micro F1's 95 % interval at each level, the scorer's and the baseline's
    on the same resamplings of the documents (bench/resample.py)."""
    from bench.resample import document_resamples, interval, share_ahead

    print(
        f"\n95 % intervals of the typed micro F1 over {draws} resamplings of the {documents} "
        "documents:"
    )
    for level in ("mention", "document"):
        f1s = document_resamples(
            {who: per_document[(level, who)] for who in ("scorer", "baseline")}, micro_f1, draws
        )
        (low, high), (b_low, b_high) = interval(f1s["scorer"]), interval(f1s["baseline"])
        print(
            f"  {level} level: actors scorer {low:.3f}–{high:.3f}, baseline {b_low:.3f}–{b_high:.3f};"
            f" the scorer higher in {share_ahead(f1s['scorer'], f1s['baseline']):.0%} of draws"
        )


def mention_counts(system: list[Mention], gold: list[Mention], typed: bool) -> Counts:
    first, second = match_mentions(system, gold, typed)
    counts = Counts.empty()
    for i, s in enumerate(system):
        counts.system[s.type] += 1
        if i in first or i in second:
            counts.found[s.type] += 1
    recalled = set(first.values())
    for j, g in enumerate(gold):
        if g.named and g.type in TYPES:
            counts.gold[g.type] += 1
            if j in recalled:
                counts.recalled[g.type] += 1
    return counts


def entities(mentions: list[Mention]) -> dict[str, list[Mention]]:
    by: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by[m.entity].append(m)
    return dict(by)


def document_counts(system: list[Mention], gold: list[Mention], typed: bool) -> Counts:
    """Distinct actors of one document: the system's (by name) against the gold
    instances with a named mention (see the module's docstring)."""
    actors = entities(system)
    names = sorted(actors)
    by_instance = entities([g for g in gold if g.type in TYPES])
    named = sorted(e for e, ms in by_instance.items() if any(m.named for m in ms))
    other = sorted(e for e in by_instance if e not in set(named))

    def kind(ms: list[Mention]) -> str:
        return Counter(m.type for m in ms).most_common(1)[0][0]

    def fits(a: str, e: str) -> bool:
        return any(_fits(s, g, typed) for s in actors[a] for g in by_instance[e])

    first = max_matching([[k for k, e in enumerate(named) if fits(a, e)] for a in names])
    rest = [i for i in range(len(names)) if i not in first]
    second = max_matching([[k for k, e in enumerate(other) if fits(names[i], e)] for i in rest])
    matched = set(first) | {rest[k] for k in second}
    counts = Counts.empty()
    for i, a in enumerate(names):
        counts.system[kind(actors[a])] += 1
        if i in matched:
            counts.found[kind(actors[a])] += 1
    for i, k in first.items():
        counts.tallies.append((len(actors[names[i]]), sum(m.named for m in by_instance[named[k]])))
    recalled = set(first.values())
    for k, e in enumerate(named):
        counts.gold[kind(by_instance[e])] += 1
        if k in recalled:
            counts.recalled[kind(by_instance[e])] += 1
    return counts


def tally_agreement(tallies: list[tuple[int, int]]) -> tuple[float, float]:
    """Of matched actors: the share whose mention count equals the gold count of named
    mentions, and the mean absolute difference."""
    if not tallies:
        return 0.0, 0.0
    same = sum(a == b for a, b in tallies) / len(tallies)
    return same, sum(abs(a - b) for a, b in tallies) / len(tallies)


# --- Errors ----------------------------------------------------------------------------


def error_classes(system: list[Mention], gold: list[Mention]) -> list[tuple[str, str, Mention]]:
    """Why each scorer mention not matched (typed) is wrong ("false"), and why each named
    gold mention not matched was missed ("missed"): (side, reason, mention) triples."""
    first, second = match_mentions(system, gold, typed=True)
    found: list[tuple[str, str, Mention]] = []
    for i, s in enumerate(system):
        if i in first or i in second:
            continue
        hit = [g for g in gold if overlaps(s, g)]
        actors = Counter(g.type for g in hit if g.type in TYPES)
        if s.type in actors:
            why = "a second mention inside one gold mention (a name split)"
        elif actors:
            why = f"gold says {actors.most_common(1)[0][0]}"
        elif hit:
            why = f"inside a {hit[0].type} mention (no actor)"
        else:
            why = "no gold mention there"
        found.append(("false", f"{s.type}: {why}", s))
    recalled = set(first.values())
    for j, g in enumerate(gold):
        if not g.named or g.type not in TYPES or j in recalled:
            continue
        kinds = [s.type for s in system if overlaps(s, g)]
        if not kinds:
            why = "nothing found there"
        elif g.type in kinds:
            why = "its scorer mention went to another gold mention"
        else:
            why = f"found as {kinds[0]}"
        found.append(("missed", f"{g.type}: {why}", g))
    return found


# --- Running ---------------------------------------------------------------------------


def _git_show(git_dir: Path, spec: str) -> str:
    shown = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", spec], capture_output=True, text=True, check=True
    )
    return shown.stdout


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _line(name: str, counts: Counts, kind: str | None = None) -> str:
    p, r, f = counts.prf(kind)
    n_sys = counts.system[kind] if kind else sum(counts.system.values())
    n_gold = counts.gold[kind] if kind else sum(counts.gold.values())
    return f"  {name:<34} P {_fmt(p)}  R {_fmt(r)}  F1 {_fmt(f)}   (system {n_sys}, gold {n_gold})"


@dataclass
class Document:
    """One document to score: its text, its gold mentions, the tokens and their spans (for
    the baseline), and where the scored region ends (scorer mentions after it are not
    scored)."""

    doc_id: str
    text: str
    gold: list[Mention]
    sentences: list[list[str]]
    where: dict
    end: int


def meantime_documents(conll: str, raw: str) -> tuple[list[Document], str]:
    """MEANTIME's dev documents, and a line on the reading."""
    docs = documents(conll.splitlines())
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in dev_records(raw):
        by_doc[r["conll_doc_key"]].append(r)
    found, disagree = [], 0
    for doc_id in sorted(docs):
        refuse_held_out(doc_id)
        sentences = docs[doc_id]
        text, where = body(sentences)
        for r in by_doc.get(doc_id, []):
            s = r["sent_id"]
            if s < len(sentences):
                tokens = [sentences[s][t] for t in r["tokens_number"] if t < len(sentences[s])]
                disagree += " ".join(tokens) != r["tokens_str"]
        gold = gold_mentions(by_doc.get(doc_id, []), sentences, where)
        found.append(Document(doc_id, text, gold, sentences, where, region_end(sentences, where)))
    note = (
        f"MEANTIME English, {', '.join(DEV_FOLDERS)}: {len(found)} documents, body sentences "
        f"{FIRST_BODY_SENTENCE}-{LAST_ANNOTATED_SENTENCE} (every entity annotated there); "
        f"gold records whose tokens differ from the CoNLL file: {disagree}"
    )
    return found, note


def newswcl50_documents(conll: str) -> tuple[list[Document], str]:
    """NewsWCL50's actors dev documents (even topics), and a line on the reading."""
    docs = newswcl50_rows(conll.splitlines())
    lower_words = lower_case_words(docs)
    found = []
    for doc_id in sorted(docs, key=lambda d: (int(d.split("/")[0]), d)):
        newswcl50_refuse_held_out(doc_id)
        rows = docs[doc_id]
        text, spans, sentences, where = newswcl50_text(rows)
        gold = newswcl50_gold(rows, spans, lower_words)
        found.append(Document(doc_id, text, gold, sentences, where, len(text)))
    note = (
        f"NewsWCL50, actors dev topics {', '.join(NEWSWCL50_DEV_TOPICS)}: {len(found)} "
        f"documents, the body (title left out); types {NEWSWCL50_TYPES}"
    )
    return found, note


CORPORA = {
    # corpus: its CoNLL file in the Diverse CDCR repository, the baseline's type
    "meantime": (CONLL_IN_GIT, "organisation"),
    "newswcl50": (NEWSWCL50_CONLL_IN_GIT, "person"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir", nargs="?", type=Path, help="the Diverse CDCR git directory")
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="meantime")
    parser.add_argument("--conll", type=Path, help="the corpus's CoNLL file")
    parser.add_argument("--entities", type=Path, help="MEANTIME's en/entities_mentions.json")
    parser.add_argument("--errors", type=int, default=8, help="error examples to print")
    from bench.resample import add_draws_option

    add_draws_option(parser, "documents")
    args = parser.parse_args(argv)
    in_git, baseline_type = CORPORA[args.corpus]
    needs_entities = args.corpus == "meantime"
    if args.conll and (args.entities or not needs_entities):
        conll = args.conll.read_text(encoding="utf-8")
        raw = args.entities.read_text(encoding="utf-8") if needs_entities else ""
    elif args.git_dir:
        conll = _git_show(args.git_dir, in_git)
        raw = _git_show(args.git_dir, ENTITIES_IN_GIT) if needs_entities else ""
    else:
        parser.error("give GIT_DIR, or --conll (and for MEANTIME --entities)")

    from analysis.scoring.actors import score_actors  # the scorer, after the arguments

    if args.corpus == "meantime":
        docs, note = meantime_documents(conll, raw)
    else:
        docs, note = newswcl50_documents(conll)

    totals = {
        (level, who, typed): Counts.empty()
        for level in ("mention", "document")
        for who in ("scorer", "baseline")
        for typed in (True, False)
    }
    # Each document's typed micro counts, by level and method, for the intervals.
    per_document: dict[tuple[str, str], list[tuple[int, int, int, int]]] = defaultdict(list)
    wrong, missed = Counter(), Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    gold_types: Counter = Counter()
    for doc in docs:
        text, gold, end = doc.text, doc.gold, doc.end
        gold_types.update(g.type for g in gold if g.named and g.type in TYPES)
        result = score_actors(text)
        system = [m for m in scorer_mentions(text, result.evidence["actors"]) if m.start < end]
        baseline = [
            m for m in baseline_mentions(doc.sentences, doc.where, baseline_type) if m.start < end
        ]
        for typed in (True, False):
            for who, predicted in (("scorer", system), ("baseline", baseline)):
                for level, counted in (
                    ("mention", mention_counts(predicted, gold, typed)),
                    ("document", document_counts(predicted, gold, typed)),
                ):
                    totals[(level, who, typed)].add(counted)
                    if typed:
                        per_document[(level, who)].append(counted.micro())
        for side, why, m in error_classes(system, gold):
            (wrong if side == "false" else missed)[why] += 1
            if len(examples[(side, why)]) < args.errors:
                examples[(side, why)].append(repr(" ".join(text[m.start : m.end].split()[:6])))

    print(note)
    print(f"named gold mentions by type: {dict(gold_types)}")
    if gold_types and gold_types.most_common(1)[0][0] != baseline_type:
        print(f"  (the commonest type is {gold_types.most_common(1)[0][0]}, not {baseline_type})")
    baseline_name = f"baseline (capitalised runs, {baseline_type[:3].upper()})"
    for level in ("mention", "document"):
        for typed in (True, False):
            title = "typed" if typed else "untyped (any actor type)"
            print(f"\n{level} level, {title}:")
            for who, label in (("scorer", "actors scorer"), ("baseline", baseline_name)):
                counts = totals[(level, who, typed)]
                print(_line(f"{label}, micro", counts))
                if typed:
                    for kind in TYPES:
                        print(_line(f"    {kind}", counts, kind))
    if args.draws:
        print_intervals(per_document, len(docs), args.draws)
    tallies = totals[("document", "scorer", True)].tallies
    same, off = tally_agreement(tallies)
    print(
        f"\nhow often, {len(tallies)} actors matched (typed): mention count equal to the "
        f"gold's named mentions {same:.3f}, mean absolute difference {off:.2f}"
    )
    for side, title, counter in (
        ("false", "Scorer mentions not matched (typed), by why", wrong),
        ("missed", "Named gold mentions missed (typed), by why", missed),
    ):
        print(f"\n{title} (examples: a few words each, printed only):")
        for label, n in counter.most_common():
            print(f"  {n:4d}  {label}" + (": " if args.errors else ""))
            if args.errors:
                print("          " + ", ".join(examples[(side, label)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
