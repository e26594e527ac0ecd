"""Runs a command and prints the CPU seconds (user + system, every thread and child) it took, and its peak RSS.

  python3 cpu_time.py <command> [args...]   -> "<cpu seconds> <peak rss kB>" on the last line of stderr
"""
import resource
import subprocess
import sys

completed = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{usage.ru_utime + usage.ru_stime:.4f} {usage.ru_maxrss}", file=sys.stderr)
sys.exit(completed.returncode)
