"""Puts a run of benchmarks/registry.sh into BENCHMARKS.md: its results become the issue 28 section's "Latest run",
right after the section's marker line, and every run that was there before is kept below it, marked as history.
Usage: latest_run.py BENCHMARKS.md RESULTS.md COMMAND"""
import datetime
import sys

SECTION = "## Acquires, imports and local searches near the machine's limit (issue 28)"
MARKER = "<!-- benchmarks/registry.sh puts each run below this line; older runs become history. -->"
LATEST = "### Latest run ("

path, results, command = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
run = open(results).read().strip()
stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
block = f"{LATEST}{stamp})\n\n```sh\n{command}\n```\n\n{run}\n"
if MARKER not in text:
    text = text.rstrip("\n") + f"\n\n{SECTION}\n\n{MARKER}\n"
head, tail = text.split(MARKER, 1)
tail = tail.replace(LATEST, "### History: run of (")
open(path, "w").write(head + MARKER + "\n\n" + block + tail)
