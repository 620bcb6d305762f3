"""Random texts for the tests that compare a cue scan with the regular expression it
replaces: written for the tests, from cue words and parts of them, separators, marks,
digits and letters outside ASCII, glued together or apart, cues at the start and end."""

SEPARATORS = [" "] * 3 + ["  ", "-", " - ", "--", "\n", "\n\n", "\t", "\xa0", "\u2009", ""]
SEPARATORS += ["\u202f", "\u2010", "\u2011"]
# Whitespace rarer in news text (a scan may leave a text holding it to the regex).
RARE_SPACES = ["\u3000", "\x1c", "\u2028"]
MARKS = [".", ",", "'", "’", "‘", "“", "«", "—", "–", "(", "[", "/", "_", '"', "?", "7", "20"]
MARKS += ["é", "ß", "İ", "\u212a", "ı", "Σ", "ΟΔΟΣ"]


def random_text(rng, pieces: list[str]) -> str:
    out = []
    for _ in range(rng.randint(1, 12)):
        roll = rng.random()
        if roll < 0.4:
            word = rng.choice(pieces)
        elif roll < 0.55:  # a phrase, its words apart by any separators
            first, *rest = rng.choice(pieces).replace("-", " ").split(" ")
            word = first + "".join(rng.choice(SEPARATORS) + w for w in rest)
        elif roll < 0.75:
            word = rng.choice(MARKS)
        else:
            word = rng.choice(pieces)[: rng.randint(1, 6)]
        if rng.random() < 0.15:
            word = word.upper() if rng.random() < 0.5 else word.title()
        if rng.random() < 0.2:
            word = word.replace("'", "’")
        out.append(word)
        out.append(rng.choice(SEPARATORS))
    if rng.random() < 0.03:
        out.insert(rng.randrange(len(out)), rng.choice(RARE_SPACES))
    return "".join(out[:-1] if rng.random() < 0.5 else out)
