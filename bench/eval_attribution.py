"""Attribution scorer against PolNeAR's hand annotations (Newell et al. 2018).

Run: python bench/eval_attribution.py /path/to/PolNeAR [--split train,dev] [--errors 8] [--draws N]

PATH is a checkout of github.com/networkdynamics/PolNeAR (or a copy of its data/ folder's
parent). Only the splits named are read: data/<split>/text/*.txt and
data/<split>/attributions/*.ann. Never pass "test": it is held out for an independent
check (the script refuses it). See docs/corpora/polnear.md for the corpus terms.

The annotations (standoff, one file per article and annotator): lines "T<n>\\t<Kind>
<start> <end>[;<start> <end>…]\\t<text>" give character spans of kind Source, Cue, Content
(and Discuss / Discard, spans the annotators left undecided or out); lines "E<n>\\t
Attribution:T<a> Content:T<b> Cue:T<c> Source:T<d>" (or Attribution-no-source) tie them into
one attribution. Offsets are character offsets into the .txt. An article annotated by
several annotators is scored against the first annotation file by name.

Gold subsets:
- direct: at least half of the content's characters lie inside quotation marks ("…",
  “…”, or ''…'' in the New York Times' style);
- reported speech: not direct, and the cue holds a verb of saying (say, tell, add,
  according to, write, …; see SPEECH_CUES);
- other attributions (beliefs, intentions, "found", "called for"…) are not in the recall
  figures, but a prediction that matches one counts as correct in precision.

Matching: a prediction matches a gold attribution when their content spans share at least
half of the shorter span's characters (whitespace and quote marks not counted). A gold
attribution is found when some prediction matches it; a prediction is correct when it
matches some gold attribution (its speaker is compared with the one it overlaps most).
Two predictions may thus find one gold attribution (a quote the scorer splits where the
annotators did not) and one prediction two (see content tightness for spans too long).
Precision is
over every prediction, less those whose content lies mostly in a Discuss or Discard span
(neither right nor wrong). Recall is per gold subset.

The `direct` flag: precision is the share of predictions flagged direct that match a gold
attribution; recall the share of gold direct quotes matched by a prediction flagged direct.

Speaker, on matched pairs whose gold has a Source span:
- loose: the span the scorer read as the speaker (speaker_start..speaker_end) overlaps the
  gold source span;
- full name: that span covers the name in the gold source (see head_of): the last run of
  capitalised words of its head, the source text up to its first comma, parenthesis, dash
  or relative pronoun ("Greg Raiff, chief executive…" -> "Greg Raiff"; "Presumptive
  Democrat nominee Hillary Clinton" -> "Hillary Clinton"), less an honorific; where a
  common noun ends the head and a name follows it between commas, that name ("The party
  chairman, Ann Lowe," -> "Ann Lowe"). A head with no name in it ("he", "top officials")
  must be covered whole. Lenient where a common noun heads the source: "Aides to Clinton"
  asks only for "Clinton".

Resolved name, on matched pairs whose gold source names a person or body in full (the
name of head_of, less a possessive owner: "NBC's Chuck Todd" -> "Chuck Todd", of two
capitalised words or more, not itself a possessive): the speaker the scorer names (after
resolving "he", a surname or "the senator" to someone named earlier) is that name, titles
taken off both ("Florida Sen. Marco Rubio" and "Sen. Marco Rubio" are "Marco Rubio"; "Gov.
Kasich" may be named "John Kasich"; but "Bush" is not "Jeb Bush"). This is what the pages list as named sources.
Its baseline is the text of the scorer's own speaker span, less an honorific and a
possessive owner, unresolved: what resolution adds or loses.

Content tightness: of all predicted content characters (whitespace and quote marks not
counted), the share inside some gold content span.

Baseline: every span in quotation marks (content: inside the marks, direct), plus every
sentence holding said/says/told/according to that no quote covers (content: the sentence).

Interval: the headline F1's 95 % interval over ``--draws`` resamplings of the articles
(bench/resample.py), the scorer's and the baseline's on the same draws.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SPEECH_CUES = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|according|add|adds|added|adding|"
    r"note|notes|noted|noting|state|states|stated|stating|explain\w*|announc\w*|wr[io]te|"
    r"writes|writing|written|tweet\w*|claim\w*|insist\w*|argu\w*|declar\w*|acknowledg\w*|"
    r"admit\w*|repl\w*|respond\w*|recall\w*|warn\w*|ask\w*|continu\w*|assert\w*|stress\w*|"
    r"emphasi[sz]\w*|contend\w*|maintain\w*|comment\w*|remark\w*|report\w*|quot\w*|"
    r"confirm\w*|deni\w*|deny\w*|conced\w*|complain\w*|boast\w*|predict\w*|suggest\w*|"
    r"mention\w*|describ\w*|declin\w*|told|pointed|putting)\b",
    re.I,
)
# Within one paragraph: a quote from an opening mark to the next closing one, or to the end
# of the paragraph (a quote that goes on in the next paragraph opens that one again).
QUOTE_SPANS = re.compile(r'"[^"\n]+(?:"|$)|“[^”\n]+(?:”|$)|\'\'.+?(?:\'\'|$)', re.M)
BASELINE_SENTENCE = re.compile(r"\b(?:said|says|told|according to)\b", re.I)
HEAD_END = re.compile(r",|\(|\s[-—–]+\s|—|\s(?:who|whose|which|that)\b")
HEAD_LEAD = re.compile(r"(?i:the|a|an|mr|mrs|ms|dr)\.?\s+")
# A name of two capitalised words or more after a comma, to another comma, a parenthesis
# or the source's end; and a head that a word in lower case ends ("spokesman").
APPOSED_NAME = re.compile(
    r"\s*(?P<name>[A-Z][\w’'\-]*(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]*))+)\s*(?:[,(]|\Z)"
)
NOUN_END = re.compile(r"(?<![\w’'\-])[a-z][\w’'\-]*\s*\Z")
IGNORED = frozenset(" \t\n\r\"“”'‘’«»")


@dataclass
class Gold:
    content: list[tuple[int, int]]
    cue: tuple[int, int]
    source: list[tuple[int, int]]
    kind: str = "other"  # direct, speech, other


@dataclass
class Article:
    name: str
    text: str
    golds: list[Gold]
    undecided: list[tuple[int, int]] = field(default_factory=list)


def read_ann(path: Path) -> tuple[list[Gold], list[tuple[int, int]]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    links = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, ranges = parts[1].partition(" ")
            segs = [tuple(map(int, r.split())) for r in ranges.split(";")]
            spans[parts[0]] = (kind, segs)
        elif line.startswith("E") and len(parts) >= 2:
            links.append(dict(p.split(":", 1) for p in parts[1].split()))
    golds = []
    for link in links:
        roles = {role.rstrip("0123456789"): [] for role in link}
        for role, tid in link.items():
            roles[role.rstrip("0123456789")] += spans.get(tid, ("", []))[1]
        if roles.get("Content") and roles.get("Cue"):
            cue = roles["Cue"]
            golds.append(Gold(roles["Content"], (cue[0][0], cue[-1][1]), roles.get("Source", [])))
    undecided = [s for kind, segs in spans.values() if kind in ("Discuss", "Discard") for s in segs]
    return golds, undecided


def load(root: Path, splits: list[str]) -> list[Article]:
    articles = []
    for split in splits:
        base = root / "data" / split
        by_article: dict[str, Path] = {}
        for ann in sorted((base / "attributions").glob("*.ann")):
            by_article.setdefault(ann.stem.rsplit("_", 1)[0], ann)
        for name, ann in sorted(by_article.items()):
            txt = base / "text" / f"{name}.txt"
            if not txt.exists():
                continue
            text = txt.read_text(encoding="utf-8")
            golds, undecided = read_ann(ann)
            quoted = quote_mask(text)
            for g in golds:
                chars = [i for s, e in g.content for i in range(s, e) if text[i] not in IGNORED]
                inside = sum(quoted[i] for i in chars)
                cue_text = text[g.cue[0] : g.cue[1]]
                if chars and inside * 2 >= len(chars):
                    g.kind = "direct"
                elif SPEECH_CUES.search(cue_text):
                    g.kind = "speech"
            articles.append(Article(name, text, golds, undecided))
    return articles


def quote_mask(text: str) -> bytearray:
    mask = bytearray(len(text))
    for m in QUOTE_SPANS.finditer(text):
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def counted(text: str, spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if text[i] not in IGNORED}


# --- Predictions ----------------------------------------------------------------------


@dataclass
class Pred:
    content: tuple[int, int]
    direct: bool
    speaker: tuple[int, int] | None = None
    name: str = ""


def scorer_predictions(text: str) -> list[Pred]:
    from analysis.scoring.attribution import score_attribution

    preds = []
    for a in score_attribution(text).evidence["attributions"]:
        spk = (a["speaker_start"], a["speaker_end"]) if a.get("speaker_start") is not None else None
        preds.append(
            Pred((a["content_start"], a["content_end"]), a["direct"], spk, a.get("speaker") or "")
        )
    return preds


def baseline_predictions(text: str) -> list[Pred]:
    from analysis.scoring.sentences import split_spans

    preds = []
    for m in QUOTE_SPANS.finditer(text):
        close = len(m.group()) - len(m.group().rstrip("\"”'"))
        preds.append(Pred((m.start() + 1 + m.group().startswith("''"), m.end() - close), True))
    quoted = quote_mask(text)
    for s, e in split_spans(text):
        if BASELINE_SENTENCE.search(text, s, e) and not any(quoted[s:e]):
            preds.append(Pred((s, e), False))
    return preds


# --- Scoring --------------------------------------------------------------------------


@dataclass
class Tally:
    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    predicted: int = 0
    correct: int = 0
    direct_predicted: int = 0
    direct_correct: int = 0
    direct_found: int = 0
    speaker_pairs: int = 0
    speaker_loose: int = 0
    speaker_full: int = 0
    name_pairs: int = 0
    name_resolved: int = 0
    name_span: int = 0
    content_chars: int = 0
    content_inside: int = 0
    misses: list = field(default_factory=list)
    false: list = field(default_factory=list)
    wrong_speaker: list = field(default_factory=list)


_PROPER = re.compile(r"[A-Z][\w.’'\-]*(?:\s+(?:(?:of|de|la|van|von|bin)\s+)?[A-Z][\w.’'\-]*)*")


def head_of(text: str, source: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name in a gold source: in its head (up to the first comma, parenthesis, dash or
    relative pronoun), the last run of capitalised words, less an honorific ("Mr. Trump"
    -> "Trump"; "FBI general counsel James Baker" -> "James Baker"); a head without a
    capitalised word past its first (a pronoun, "top officials") is taken whole. A head
    that a common noun ends, then a name of two words or more between commas (or to the
    source's end), names the person by that name ("The party chairman, Ann Lowe," -> "Ann
    Lowe"; "the White House spokesman, Bo Hale" -> "Bo Hale")."""
    s, e = source[0][0], source[-1][1]
    m = HEAD_END.search(text, s, e)
    if m:
        if m.group() == ",":
            apposed = APPOSED_NAME.match(text, m.end(), e)
            if apposed and NOUN_END.search(text, s, m.start()):
                return apposed.span("name")
        e = m.start()
    lead = HEAD_LEAD.match(text, s, e)
    if lead:
        s = lead.end()
    while e > s and not text[e - 1].isalnum():
        e -= 1
    names = [
        n
        for n in _PROPER.finditer(text, s, e)
        if n.start() > s or len(n.group().split()) > 1 or n.end() == e
    ]
    if names:
        s, e = names[-1].span()
        lead = HEAD_LEAD.match(text, s, e)
        if lead:
            s = lead.end()
        while e > s and not text[e - 1].isalnum():
            e -= 1
    return (s, e) if e > s else None


_OWNER = re.compile(r"^.*[\w.][’']s?\s+(?=[A-Z])")


def full_name(name: str) -> str:
    """A name less a leading honorific and a possessive owner ("Mr. Kerry" -> "Kerry",
    "NBC's Chuck Todd" -> "Chuck Todd"); "" unless two capitalised words or more remain."""
    name = " ".join(name.split())
    if lead := HEAD_LEAD.match(name):
        name = name[lead.end() :]
    name = _OWNER.sub("", name)
    words = name.split()
    if name.endswith(("’s", "'s", "s’", "s'")):
        return ""  # "Hillary Clinton's campaign": the campaign speaks
    return name if len(words) > 1 and all(w[:1].isupper() for w in words) else ""


_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))


def _after_titles(name: str) -> list[str]:
    """The words of a name after its last title ("Florida Sen. Marco Rubio" -> Marco
    Rubio, "Pope Francis" -> Francis), all of them if it has none; a generational suffix
    ("Jr.") left out."""
    from analysis.scoring.text import HONORIFICS, RANK_TITLES, TITLE_WORDS

    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".,") in _SUFFIXES:
        words.pop()  # "Harry B. Harris Jr." is the Harris of "Admiral Harris"
    for i in range(len(words) - 2, -1, -1):
        w = words[i]
        if w.endswith(".") or w in TITLE_WORDS or w in RANK_TITLES or w in HONORIFICS:
            return words[i + 1 :]
    return words


def same_source(gold: str, named: str) -> bool:
    """Whether a speaker's name is the gold source's: the same words once titles are taken
    off both ("Texas Sen. Ted Cruz" and "Ted Cruz"), or the full name where the gold gives
    a title and a surname ("Gov. Kasich" and "John Kasich"); a surname alone where the gold
    gives the full name is not ("Jeb Bush" and "Bush")."""
    g, n = _after_titles(gold), _after_titles(named)
    if not n:
        return False
    return g == n or (len(g) == 1 and len(gold.split()) > 1 and n[-1:] == g)


def snippet(text: str, pos: int, words: int = 6) -> str:
    """A few words from pos, for an error example (never a whole sentence)."""
    return " ".join(text[pos : pos + 200].split()[:words])


def match(
    pred_chars: list[set[int]], gold_chars: list[set[int]]
) -> tuple[dict[int, int], set[int]]:
    """Which gold attribution each prediction matches (the one whose content it overlaps
    most, sharing at least half of the shorter span's characters), and the golds matched."""
    pairs = []
    for i, chars in enumerate(pred_chars):
        for j, gc in enumerate(gold_chars):
            shared = len(chars & gc)
            if shared and shared * 2 >= min(len(chars), len(gc)):
                pairs.append((shared, i, j))
    used_p: dict[int, int] = {}  # prediction -> the gold it overlaps most
    used_g: set[int] = set()
    for _shared, i, j in sorted(pairs, reverse=True):
        used_p.setdefault(i, j)
        used_g.add(j)
    return used_p, used_g


def evaluate(articles: list[Article], predict, tally: Tally) -> None:
    for art in articles:
        text = art.text
        preds = predict(text)
        gold_chars = [counted(text, g.content) for g in art.golds]
        all_gold = set().union(*gold_chars) if gold_chars else set()
        undecided = counted(text, art.undecided)
        pred_chars = [counted(text, [p.content]) for p in preds]
        used_p, used_g = match(pred_chars, gold_chars)
        for g in art.golds:
            tally.gold[g.kind] += 1
        for j, g in enumerate(art.golds):
            if j in used_g:
                tally.found[g.kind] += 1
            elif g.kind != "other" and len(tally.misses) < 400:
                tally.misses.append(f"[{g.kind}] {snippet(text, min(g.cue[0], g.content[0][0]))}")
        direct_golds: set[int] = set()
        for i, p in enumerate(preds):
            chars = pred_chars[i]
            if i not in used_p and chars and len(chars & undecided) * 2 >= len(chars):
                continue
            tally.predicted += 1
            tally.content_chars += len(chars)
            tally.content_inside += len(chars & all_gold)
            if p.direct:
                tally.direct_predicted += 1
            if i in used_p:
                tally.correct += 1
                g = art.golds[used_p[i]]
                if p.direct:
                    tally.direct_correct += 1
                    direct_golds.add(used_p[i])
                if g.source:
                    tally.speaker_pairs += 1
                    sp = p.speaker or (0, 0)
                    gs, ge = g.source[0][0], g.source[-1][1]
                    if sp[0] < ge and gs < sp[1]:
                        tally.speaker_loose += 1
                    head = head_of(text, g.source)
                    if head and sp[0] <= head[0] and head[1] <= sp[1]:
                        tally.speaker_full += 1
                    elif len(tally.wrong_speaker) < 400:
                        tally.wrong_speaker.append(
                            f"gold {snippet(text, gs, 4)!r} got {text[sp[0] : sp[1]][:40]!r}"
                        )
                    name = full_name(text[head[0] : head[1]]) if head else ""
                    if name:
                        tally.name_pairs += 1
                        tally.name_resolved += same_source(name, p.name)
                        tally.name_span += same_source(name, full_name(text[sp[0] : sp[1]]))
            elif len(tally.false) < 400:
                tally.false.append(
                    f"[{'direct' if p.direct else 'speech'}] {snippet(text, p.content[0])}"
                )
        tally.direct_found += sum(art.golds[j].kind == "direct" for j in direct_golds)


def merge(into: Tally, other: Tally) -> None:
    for name, value in vars(other).items():
        setattr(into, name, getattr(into, name) + value)


def prf(found: int, gold: int, correct: int, predicted: int) -> tuple[float, float, float]:
    r = found / gold if gold else 0.0
    p = correct / predicted if predicted else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def figures(t: Tally) -> dict:
    main_found = t.found["direct"] + t.found["speech"]
    main_gold = t.gold["direct"] + t.gold["speech"]
    p, r, f = prf(main_found, main_gold, t.correct, t.predicted)
    out = {
        "direct quotes + reported speech": (p, r, f, main_gold),
        "direct quotes (recall)": (
            None,
            t.found["direct"] / max(t.gold["direct"], 1),
            None,
            t.gold["direct"],
        ),
        "reported speech (recall)": (
            None,
            t.found["speech"] / max(t.gold["speech"], 1),
            None,
            t.gold["speech"],
        ),
        "all attributions": (p,)
        + prf(sum(t.found.values()), sum(t.gold.values()), t.correct, t.predicted)[1:]
        + (sum(t.gold.values()),),
    }
    dp = t.direct_correct / t.direct_predicted if t.direct_predicted else 0.0
    dr = t.direct_found / max(t.gold["direct"], 1)
    out["flagged direct"] = (dp, dr, 2 * dp * dr / (dp + dr) if dp + dr else 0.0, t.gold["direct"])
    return out


def extras(t: Tally) -> dict:
    n = max(t.speaker_pairs, 1)
    return {
        "speaker loose": t.speaker_loose / n,
        "full source name in speaker": t.speaker_full / n,
        "resolved name is the source's": t.name_resolved / max(t.name_pairs, 1),
        "content chars inside gold content": t.content_inside / max(t.content_chars, 1),
        "predictions": t.predicted,
    }


def fmt(x) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def report(label: str, ours: Tally, base: Tally, errors: int) -> None:
    print(f"\n== {label} ==")
    print(f"{'subset':40} {'P':>6} {'R':>6} {'F1':>6} {'n':>6}   baseline P / R / F1")
    fo, fb = figures(ours), figures(base)
    for key, (p, r, f, n) in fo.items():
        bp, br, bf, _ = fb[key]
        print(
            f"{key:40} {fmt(p):>6} {fmt(r):>6} {fmt(f):>6} {n:>6}   {fmt(bp)} / {fmt(br)} / {fmt(bf)}"
        )
    eo, eb = extras(ours), extras(base)
    for key in eo:
        v, b = eo[key], eb[key]
        if key == "predictions":
            print(f"{key:40} {v:>6}   baseline {b}")
        elif key.startswith("resolved"):
            print(
                f"{key:40} {v:6.3f}   (pairs whose source is a full name: {ours.name_pairs};"
                f" baseline, the speaker span unresolved: {ours.name_span / max(ours.name_pairs, 1):.3f})"
            )
        elif key.startswith("speaker") or key.startswith("full"):
            print(
                f"{key:40} {v:6.3f}   (matched pairs with a gold source: {ours.speaker_pairs}; baseline names none)"
            )
        else:
            print(f"{key:40} {v:6.3f}   baseline {b:.3f}")
    if errors:
        for title, items in (
            ("missed", ours.misses),
            ("false", ours.false),
            ("speaker", ours.wrong_speaker),
        ):
            step = max(len(items) // errors, 1)
            print(f"-- {title} (a few words each):")
            for item in items[::step][:errors]:
                print("   ", item)


def main_counts(t: Tally) -> tuple[int, int, int, int]:
    """What the headline figure (direct quotes + reported speech) is made of: found,
    gold, correct, predicted."""
    found = t.found["direct"] + t.found["speech"]
    return found, t.gold["direct"] + t.gold["speech"], t.correct, t.predicted


def evaluate_by_article(
    articles: list[Article], predict, tally: Tally
) -> list[tuple[int, int, int, int]]:
    """evaluate, one article at a time: adds to ``tally`` and returns each article's
    main_counts (for the intervals)."""
    counts = []
    for article in articles:
        own = Tally()
        evaluate([article], predict, own)
        counts.append(main_counts(own))
        merge(tally, own)
    return counts


def print_interval(label: str, ours: list, base: list, draws: int) -> None:
    """The 95 % interval of the headline F1, ours and the baseline's, over ``draws``
    resamplings of the articles (bench/resample.py), and how often ours was higher."""
    from bench.resample import document_resamples, interval, share_ahead

    # Precision, recall and F1 of each, on the same draws.
    figures = document_resamples({"scorer": ours, "baseline": base}, lambda c: prf(*c), draws=draws)
    f1s = {name: [f for _, _, f in found] for name, found in figures.items()}
    (low, high), (b_low, b_high) = interval(f1s["scorer"]), interval(f1s["baseline"])
    print(
        f"{label}: F1 of direct quotes + reported speech, 95 % interval over {draws} "
        f"resamplings of the {len(ours)} articles: {low:.3f}–{high:.3f} (baseline "
        f"{b_low:.3f}–{b_high:.3f}; the scorer higher in "
        f"{share_ahead(f1s['scorer'], f1s['baseline']):.0%} of draws)"
    )
    for i, name in ((0, "precision"), (1, "recall")):
        low, high = interval([found[i] for found in figures["scorer"]])
        print(f"{label}: {name}, 95 % interval {low:.3f}–{high:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--split", default="train,dev")
    parser.add_argument("--errors", type=int, default=6)
    from bench.resample import add_draws_option

    add_draws_option(parser, "articles")
    args = parser.parse_args(argv)
    splits = [s for s in args.split.split(",") if s]
    if "test" in splits:
        parser.error("the test split is held out: evaluate on train and dev only")
    started = time.perf_counter()
    together_ours, together_base = Tally(), Tally()
    all_ours, all_base = [], []
    for split in splits:
        articles = load(args.corpus, [split])
        ours, base = Tally(), Tally()
        counts_ours = evaluate_by_article(articles, scorer_predictions, ours)
        counts_base = evaluate_by_article(articles, baseline_predictions, base)
        report(f"{split}: {len(articles)} articles", ours, base, args.errors)
        if args.draws:
            print_interval(split, counts_ours, counts_base, args.draws)
        merge(together_ours, ours)
        merge(together_base, base)
        all_ours += counts_ours
        all_base += counts_base
    if len(splits) > 1:
        report("+".join(splits), together_ours, together_base, 0)
        if args.draws:
            print_interval("+".join(splits), all_ours, all_base, args.draws)
    print(f"\n({time.perf_counter() - started:.1f}s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.exit(main())
