"""Compares the arm64 run of the package test with the x64 run of the same source (Debian's python3 with PIL):
the same verdicts, reasons, output keys, formats and dimensions, and pixels within a small tolerance, because the
two architectures' SIMD code (NEON, AVX2) may round differently.

  compare_runs.py <arm64-results-dir> <x64-results-dir>
"""
import json
import os
import sys

from PIL import Image, ImageChops, ImageStat

# Mean absolute difference per channel, in levels of 0-255: encoders and resamplers that differ only in rounding
# stay far below it; a wrong orientation, colour or crop is tens of levels.
MEAN_TOLERANCE = 1.5

arm64, x64 = sys.argv[1:3]
left, right = (json.load(open(os.path.join(d, "results.json"))) for d in (arm64, x64))
problems = []
if left != right:
    problems.append(f"the verdicts or outputs differ:\n  arm64 {json.dumps(left, sort_keys=True)}\n  x64   {json.dumps(right, sort_keys=True)}")
for name in sorted(os.listdir(os.path.join(x64, "outputs"))):
    a, b = (Image.open(os.path.join(d, "outputs", name)) for d in (arm64, x64))
    if (a.mode, a.size, a.format) != (b.mode, b.size, b.format):
        problems.append(f"{name}: arm64 {a.format} {a.mode} {a.size}, x64 {b.format} {b.mode} {b.size}")
        continue
    difference = ImageStat.Stat(ImageChops.difference(a.convert("RGBA"), b.convert("RGBA")))
    mean, largest = max(difference.mean), max(high for _, high in difference.extrema)
    print(f"{name}: {a.format} {a.size[0]}x{a.size[1]}, mean difference {mean:.3f} levels, largest {largest}")
    if mean > MEAN_TOLERANCE:
        problems.append(f"{name}: the pixels differ by {mean:.2f} levels on average (tolerance {MEAN_TOLERANCE})")
for problem in problems:
    print(f"FAIL {problem}")
if problems:
    sys.exit(1)
print("ok: arm64 and x64 give the same verdicts, keys, formats and dimensions, and pixels within tolerance")
