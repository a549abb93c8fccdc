"""Where a host's request threads are in a set of jstack dumps: each request thread (http-N) that is inside the
host's code is counted by its innermost frame of interest (the database driver, the pool, the store, the logger, or
the host's own code), with its state. Prints a Markdown table, most frequent first.
Usage: where_threads_are.py [--layers] DUMP...   (--layers counts by the part the frame is in instead: H2's store,
H2's SQL engine, PostgreSQL's driver, the pool, the logger, or the host's package.)"""
import collections
import re
import sys

INTEREST = ("org.h2.", "org.postgresql.", "com.zaxxer.hikari.", "org.slf4j.", "org.carrierhost.", "java.text.")
LAYERS = (("org.h2.mvstore.", "H2's store (MVStore: B-trees, pages, the commit)"), ("org.h2.", "H2's SQL engine"),
          ("org.postgresql.", "PostgreSQL's driver (a round trip: the database at work)"),
          ("com.zaxxer.hikari.", "the connection pool"), ("org.slf4j.", "the logger"), ("java.text.", "the logger"))


def layer(frame):
    named = next((name for prefix, name in LAYERS if frame.startswith(prefix)), None)
    return named or "the host: " + ".".join(frame.split(".")[:-2])


by_layer = sys.argv[1:2] == ["--layers"]
counts = collections.Counter()
threads = 0
for path in sys.argv[2 if by_layer else 1:]:
    for block in open(path).read().split("\n\n"):
        if not block.startswith('"http-') or "org.carrierhost." not in block:
            continue
        threads += 1
        state = re.search(r"java.lang.Thread.State: (\w+)", block)
        frames = re.findall(r"^\s+at ([\w.$]+)\.(\w+)\(", block, re.M)
        where = next((f"{c}.{m}" for c, m in frames if c.startswith(INTEREST)), frames[0][0] if frames else "?")
        counts[(layer(where), "") if by_layer else (where, state.group(1) if state else "?")] += 1
if by_layer:
    print("\n| part of the process (of the innermost frame of interest) | samples | share |\n|---|---|---|")
    for (where, _), n in counts.most_common(8):
        print(f"| {where} | {n} | {n / max(threads, 1):.0%} |")
    print(f"| all samples of request threads in the host's code | {threads} | 100% |")
else:
    print("\n| frame (innermost of the driver, pool, store, logger or host) | state | threads | share |\n|---|---|---|---|")
    for (where, state), n in counts.most_common(8):
        print(f"| {where} | {state} | {n} | {n / max(threads, 1):.0%} |")
    print(f"| all request threads in the host's code | | {threads} | 100% |")
