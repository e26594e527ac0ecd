"""Turns a batch tool's timing lines into scripts/compare_peers.sh's measurement records (JSON lines on stdout).

  cpu-ms <file> <ms> [methods-compiled <n>]   -> {"round", "input", "rule", "tool", "file", "ms"[, "compiled"]}
  warm-ups-added <n>                          -> {"round", "input", "rule", "tool", "warm_ups_added"}

Warm-up files (0-warm-…) are left out: only the copies are measured.

  python3 record_timings.py <round> <input> <rule> <tool> < timings
"""
import json
import sys

WARM_UP_PREFIX = "0-warm-"
round_, input_, rule, tool = sys.argv[1:5]
for line in sys.stdin:
    fields = line.split()
    record = {"round": int(round_), "input": input_, "rule": rule, "tool": tool}
    if fields[0] == "warm-ups-added":
        record["warm_ups_added"] = int(fields[1])
    elif fields[0] == "cpu-ms" and not fields[1].startswith(WARM_UP_PREFIX):
        record.update(file=fields[1], ms=float(fields[2]))
        if len(fields) >= 5 and fields[3] == "methods-compiled":
            record["compiled"] = int(fields[4])
    else:
        continue
    print(json.dumps(record))
