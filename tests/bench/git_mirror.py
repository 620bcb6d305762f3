"""A git repository made of a folder written for the tests, for the bench scripts that
read a corpus from a git mirror (bench/ecbplus_to_jsonl.py, bench/eval_claims_ecbplus.py)."""

import subprocess
from pathlib import Path


def committed(work: Path) -> Path:
    """Commit everything in ``work`` as a new repository; its git directory."""
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t.example"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "written for the tests"], check=True)
    return work / ".git"
