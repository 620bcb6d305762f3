"""Instructions the engine executes per article, counted by valgrind's callgrind.

On a shared machine the engine's time per article drifts by 20 % within minutes, so a
change of a tenth cannot be seen in bench/score.py. The number of instructions does not
drift: the same build, articles and hash seed give the same count. It is a proxy (an
instruction in the regex engine costs less than one in a dictionary lookup), so a speed
change is confirmed in time once the machine is quiet; but it says at once whether the
engine does less work.

Only the scoring is counted: the script runs itself under callgrind with instrumentation
off, and turns it on around `score_texts` through callgrind's client requests, made by a
three-line C helper compiled with the machine's C compiler into a temporary folder.

Run: .venv/bin/python bench/instructions.py [--articles 50] [--naive]
(needs valgrind and a C compiler; after `make compile`, it counts the compiled scorers).
--naive counts the naive pair of bench/score.py (vaderSentiment per sentence plus
textstat's five formulas) on the same articles as well, and prints the ratio of the two
counts: a deterministic companion to the timed ratio, not a substitute for it (an
interpreted instruction and a compiled one do not cost the same time).
"""

import argparse
import ctypes
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELPER = """#include <valgrind/callgrind.h>
void start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; }
void stop(void) { CALLGRIND_STOP_INSTRUMENTATION; CALLGRIND_DUMP_STATS; }
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--naive", action="store_true", help="count the naive pair too")
    parser.add_argument("--inner", help=argparse.SUPPRESS)  # the helper library, under valgrind
    parser.add_argument("--inner-naive", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        score(args.articles, args.inner, naive=args.inner_naive)
        return
    engine = count(args.articles, naive=False)
    print(f"{engine / 1e6:.2f} M instructions an article while scoring")
    if args.naive:
        baseline = count(args.articles, naive=True)
        print(f"{baseline / 1e6:.2f} M instructions an article for the naive pair")
        print(f"naive / engine: {baseline / engine:.2f}x")
    print(f"({args.articles} synthetic articles, bench/corpus.py seed 1, PYTHONHASHSEED=0)")


def count(articles: int, *, naive: bool) -> float:
    """Instructions per article, counted by callgrind around the scoring only."""
    for tool in ("valgrind", "cc"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (Debian: apt-get install valgrind gcc)")
    with tempfile.TemporaryDirectory() as tmp:
        source, library = Path(tmp) / "helper.c", Path(tmp) / "helper.so"
        source.write_text(HELPER)
        subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", library, source], check=True)
        out = Path(tmp) / "callgrind.out"
        env = {**os.environ, "PYTHONHASHSEED": "0", "DEBUG": os.environ.get("DEBUG", "1")}
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--articles",
                str(articles),
                "--inner",
                str(library),
                *(["--inner-naive"] if naive else []),
            ],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        totals = [
            int(m.group(1))
            for dump in Path(tmp).glob("callgrind.out*")
            for m in [re.search(r"^totals:\s+(\d+)", dump.read_text(), re.M)]
            if m
        ]
    if not totals:
        sys.exit("callgrind wrote no counts")
    return max(totals) / articles


def score(articles: int, library: str, *, naive: bool = False) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from analysis.scoring import all_scorers, score_texts
    from bench.corpus import distinct_articles
    from bench.score import naive as naive_pair

    helper = ctypes.CDLL(library)
    texts = distinct_articles(articles, seed=1)
    scorers = all_scorers()  # also installs the offline pronunciation data textstat needs
    warm_up = distinct_articles(20, seed=9)  # word caches and lazy loads warm
    if naive:
        naive_pair(warm_up)
        helper.start()
        naive_pair(texts)
    else:
        score_texts(warm_up, scorers)
        helper.start()
        score_texts(texts, scorers)
    helper.stop()


if __name__ == "__main__":
    main()
