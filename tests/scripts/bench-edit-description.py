#!/usr/bin/env python3
"""One-line edit for tests/scripts/bench-big-spec.sh: a new number in the first one-line description after the
document's `schemas` key (a schema's description, so one model file changes), else in the first one-line description
of the document. YAML (`description: text`) and JSON (`"description": "text"`) alike; the text is read and written as
UTF-8 and nothing else moves."""
import re
import sys
import time

path = sys.argv[1]
text = open(path, encoding="utf-8").read()
stamp = f"rev{time.time_ns()}"
patterns = [
    re.compile(r'("description"\s*:\s*")(?:rev\d+ )?'),
    re.compile(r'(^[ \t]*description:[ \t]+)(?:rev\d+ )?(?=[A-Za-z])', re.MULTILINE),
]
schemas = re.search(r'"schemas"\s*:|^[ \t]*schemas:', text, re.MULTILINE)
for start in ([schemas.end()] if schemas else []) + [0]:
    matches = [m for m in (p.search(text, start) for p in patterns) if m]
    if matches:
        m = min(matches, key=lambda m: m.start())
        text = text[: m.end(1)] + stamp + " " + text[m.end():]
        open(path, "w", encoding="utf-8").write(text)
        sys.exit(0)
sys.exit(f"no one-line description to edit in {path}")
