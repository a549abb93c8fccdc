#!/usr/bin/env python3
"""Where starts spent their time: reads the 'started in N ms ...: phase A ms, ...' line each host logs once it
listens (StartTimeline) from the logs given, and prints a markdown table of each phase's median over them.

    python3 benchmarks/start_phases.py LOG...
"""
import re
import statistics
import sys

phases = {}
order = []
notes = []
starts = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.search(r"started in (\d+) ms[^:]*: (.*)$", line)
            if not m:
                continue
            starts += 1
            body, _, note = m.group(2).partition("; ")
            phases.setdefault("total", []).append(int(m.group(1)))
            for part in body.split(", "):
                p = re.match(r"(.*) (\d+) ms$", part.strip())
                if p:
                    name = p.group(1)
                    if name not in order:
                        order.append(name)
                    phases.setdefault(name, []).append(int(p.group(2)))
            d = re.search(r"the database opened in (\d+) ms", note)
            if d:
                phases.setdefault("(the database's opening, on its own thread, migrations included)", []).append(int(d.group(1)))
            break
if starts == 0:
    sys.exit("no 'started in' line in " + " ".join(sys.argv[1:]))
print()
print(f"| phase of a start (StartTimeline's log line) | median ms of {starts} | share |")
print("|---|---|---|")
total = statistics.median(phases["total"])
for name in order + [n for n in phases if n.startswith("(")] + ["total"]:
    value = statistics.median(phases[name])
    share = "" if name.startswith("(") or name == "total" else f"{100 * value / total:.0f}%"
    print(f"| {name} | {value:.0f} | {share} |")
