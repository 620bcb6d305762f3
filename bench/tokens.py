"""Text rebuilt from a corpus's tokens (PAC's and NewsWCL50's converters): the tokens
joined by spaces, then no space before closing punctuation and clitics ("n't", "'s") nor
after opening brackets, quotes and "$". Spacing is approximate, as the converters say."""

import re
from collections.abc import Iterable

_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}’”]|n't|'s|'re|'ve|'ll|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{“‘$]) ")


def join_tokens(tokens: Iterable[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)
