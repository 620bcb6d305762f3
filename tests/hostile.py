"""Hostile input for the property-based tests, and a check that rendered HTML holds no
markup that a browser would run."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import strategies as st

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><body onload='alert(1)'>",
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(1)",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<base href=//evil.example/>",
    '<meta http-equiv="refresh" content="0;url=//evil.example">',
    "<style>body{display:none}</style>",
    "<div style=\"background:url('javascript:alert(1)')\">x</div>",
    "</textarea></title><script>alert(1)</script>",
    "<!--<script>alert(1)//-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "{{ 7|add:7 }} {% debug %} {% load static %}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;",
    "\u202eevil\u202c",
    "\u0000",
    "\x0b\x0c\x1b[31m",
    "\ufeff",
    "\r\n\r\n",
    "%3Cscript%3E",
    "' OR 1=1 --",
    "x" * 300,
]

SENTENCES = [
    "The council met on Monday and approved the new budget for schools.",
    "Officials said the bridge would reopen next week after repairs.",
    "Critics warned that the plan would hurt families across the region.",
    '"We will not back down," the minister told reporters in the capital.',
    "Police arrested three people after the protest turned violent.",
]

HOSTILE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")

# Text with words, hostile fragments and arbitrary unicode mixed.
fragments = st.one_of(
    st.sampled_from(PAYLOADS),
    st.sampled_from(SENTENCES),
    st.text(max_size=30),
)
hostile_text = st.lists(fragments, min_size=1, max_size=12).map(" ".join)
# Mostly enough words to be stored (and so rendered), with hostile pieces in between.
article_text = st.builds(
    lambda before, sentence, after: f"{before}\n\n{sentence} {after}",
    hostile_text,
    st.sampled_from(SENTENCES),
    hostile_text,
)


@st.composite
def html_documents(draw) -> str:
    title = draw(hostile_text)
    body = draw(st.lists(article_text, min_size=1, max_size=4))
    head_extra = draw(st.sampled_from(["", "<script>alert(1)</script>", '<meta charset="x">']))
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (
        f"<!doctype html><html><head><title>{title}</title>{head_extra}</head>"
        f"<body><h1>{draw(hostile_text)}</h1>{paragraphs}{draw(st.sampled_from(PAYLOADS))}"
        "</body></html>"
    )


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        if tag == "script":
            # Only our own static scripts, or JSON data blocks (json_script), which never run.
            is_data = values.get("type", "").lower() == "application/json" and "src" not in values
            if not values.get("src", "").startswith("/static/") and not is_data:
                self.problems.append(f"<script {values}>")
        elif tag in HOSTILE_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and "http-equiv" in values:
            self.problems.append("<meta http-equiv>")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("srcdoc", "style"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value.strip().lower().startswith(BAD_SCHEMES):
                self.problems.append(f"<{tag} {name}={value[:40]!r}>")


def executable_markup(html: str) -> list[str]:
    """Tags and attributes in the page that would run script (or restyle the page)."""
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.problems
