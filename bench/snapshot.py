"""Every scorer's output on a fixed set of texts, as JSON, to check that a change meant
only for speed leaves the outputs identical.

The texts: the demo corpus, the seed article, `--articles` synthetic articles from
bench/corpus.py (two seeds), a few edge cases (empty, non-ASCII only), and the demo
corpus again with curated actors in the context.

Run: .venv/bin/python bench/snapshot.py OUT.json      (before the change)
     .venv/bin/python bench/snapshot.py NEW.json --compare OUT.json   (after it)
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.scoring import ScoringContext, all_scorers, compiled, score_texts  # noqa: E402
from analysis.scoring.actors import CuratedActor  # noqa: E402
from bench.corpus import demo_texts, distinct_articles  # noqa: E402

SEED = Path("/work/shared/corpus/seed-sputnik-afghan-soldiers.txt")
# Written for this check: names that occur in the demo corpus and others that do not.
CURATED = ScoringContext(
    curated_actors=(
        CuratedActor(name="European Union", kind="organization", aliases=("EU", "Brussels")),
        CuratedActor(name="Joe Biden", kind="person", aliases=("Biden",)),
        CuratedActor(name="Nowhere Institute", kind="organization"),
    )
)


def texts(articles: int) -> list[str]:
    found = demo_texts()
    if SEED.exists():
        found.append(SEED.read_text(encoding="utf-8"))
    found += distinct_articles(articles // 2, seed=31)
    found += distinct_articles(articles - articles // 2, seed=32, min_words=50, max_words=1500)
    found += ["", "Ünïcödé only. Ещё строка.", "“Quoted,” he said. ‘Yes’ — she said…"]
    return found


def outputs(articles: int) -> dict:
    scorers = all_scorers()
    names = [f"{s.name} v{s.version}" for s in scorers]
    plain = texts(articles)
    demo = demo_texts()

    def rows(results):
        return [
            repr(r) if isinstance(r, Exception) else [[x.values, x.evidence] for x in r]
            for r in results
        ]

    return {
        "scorers": names,
        "compiled": compiled.compiled_modules("analysis.scoring"),
        "plain": rows(score_texts(plain, scorers)),
        # Each text scored once more on its own, caches warm from the batch.
        "again": rows([[s(t) for s in scorers] for t in plain[:50]]),
        "curated": rows(score_texts(demo, scorers, context=CURATED)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--compare", help="an earlier snapshot that this one must equal")
    args = parser.parse_args()
    data = json.loads(json.dumps(outputs(args.articles), sort_keys=True))
    Path(args.out).write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    print(f"{len(data['plain'])} + {len(data['curated'])} texts, compiled: {data['compiled']}")
    if args.compare:
        before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        differ = False
        for key in ("scorers", "plain", "again", "curated"):
            if before[key] != data[key]:
                differ = True
                if isinstance(data[key], list) and key != "scorers":
                    bad = [
                        i
                        for i, (a, b) in enumerate(zip(before[key], data[key], strict=False))
                        if a != b
                    ]
                    print(f"{key}: {len(bad)} texts differ, first {bad[:10]}")
                else:
                    print(f"{key} differ: {before[key]} -> {data[key]}")
        print("DIFFERENT" if differ else "identical")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    main()
