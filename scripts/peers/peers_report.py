"""The comparison table of scripts/compare_peers.sh: per-upload CPU (median of the rounds), the pipeline's ratio to
the fastest peer (sharp or Pillow; ImageSharp is shown beside them), output quality and size (Debian's python3 with
PIL).

Quality is the mean absolute difference, in levels of 0-255, of each output against a reference made from the fully
decoded, upright source: a Lanczos3 resize (Pillow's LANCZOS) to the output's size, or the BT.601 luma for grayscale.

  python3 peers_report.py <measurements.jsonl> <inputs-dir> <outputs-dir>
"""
import json
import os
import statistics
import sys

from PIL import Image, ImageChops, ImageOps, ImageStat

TOOLS = ["pipeline", "sharp", "pillow", "imagesharp"]
CHECKSUMMED = "pipeline-s3-sha256"  # the pipeline on uploads sent with a SHA-256 checksum: S3 hands it the digest
PEERS = ["sharp", "pillow"]
RULES = ["fit", "thumb", "grayscale"]
WARM_UP_PREFIX = "0-warm-"  # compare_peers.sh names the warm-up copies so that every tool takes them first
measurements_path, inputs_dir, outputs_dir = sys.argv[1:4]

cpu = {}
compiling = {}  # (input, rule, tool): copies during which the JIT compiled methods
warm_ups_added = []
for line in open(measurements_path):
    m = json.loads(line)
    if "warm_ups_added" in m:
        warm_ups_added.append(m["warm_ups_added"])
        continue
    cell = (m["input"], m["rule"], m["tool"])
    cpu.setdefault(cell, []).append(m["ms"])
    if m.get("compiled"):
        compiling[cell] = compiling.get(cell, 0) + 1

references = {}


def reference(source, rule, size):
    key = (source, rule, size)
    if key not in references:
        with Image.open(source) as image:
            upright = ImageOps.exif_transpose(image)
            references[key] = upright.convert("L") if rule == "grayscale" else upright.convert("RGB").resize(size, Image.LANCZOS)
    return references[key]


def quality(tool, name, rule):
    folder = os.path.join(outputs_dir, tool, name.rsplit(".", 1)[0], rule)
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(folder) for f in names if not f.startswith(WARM_UP_PREFIX))
    if not files:
        return None, None, None
    path = files[0]
    with Image.open(path) as output:
        mode = "L" if rule == "grayscale" else "RGB"
        ref = reference(os.path.join(inputs_dir, name), rule, output.size)
        mad = statistics.mean(ImageStat.Stat(ImageChops.difference(output.convert(mode), ref)).mean)
        return mad, os.path.getsize(path), output.size


ORDER = ["jpeg-4096.jpg", "jpeg-12mp.jpg", "jpeg-12mp-exif6.jpg", "png-4096.png", "webp-4096.webp"]
inputs = [n for n in ORDER if os.path.exists(os.path.join(inputs_dir, n))]
checksummed = any(tool == CHECKSUMMED for _, _, tool in cpu)
print("| input | rule | pipeline | " + ("pipeline, S3's SHA-256 | " if checksummed else "")
      + "sharp 0.35.5 | Pillow | ImageSharp 2.1.13 | pipeline ÷ fastest peer | " + ("with S3's SHA-256 | " if checksummed else "")
      + "quality (MAD: pipeline / sharp / Pillow / ImageSharp) | bytes (pipeline / sharp / Pillow / ImageSharp) |")
print("|---|---|" + "---:|" * (7 if checksummed else 5) + "---|---|")
for name in inputs:
    stem = name.rsplit(".", 1)[0]
    for rule in RULES:
        timed = TOOLS[:1] + [CHECKSUMMED] + TOOLS[1:] if checksummed else TOOLS
        medians = {t: statistics.median(cpu[(stem, rule, t)]) for t in timed if (stem, rule, t) in cpu}
        if len(medians) < len(timed):
            continue
        fastest_peer = min(medians[t] for t in PEERS)
        q = {t: quality(t, name, rule) for t in TOOLS}
        mads = " / ".join("–" if q[t][0] is None else f"{q[t][0]:.2f}" for t in TOOLS)
        sizes = " / ".join("–" if q[t][1] is None else f"{q[t][1]:,}" for t in TOOLS)
        times = " | ".join(f"{medians[t]:,.0f} ms" for t in timed)
        ratios = " | ".join(f"{medians[t] / fastest_peer:.2f}" for t in timed[:2 if checksummed else 1])
        print(f"| {stem} | {rule} | {times} | {ratios} | {mads} | {sizes} |")

print()
if warm_ups_added:
    print(f"The .NET tools went through their warm-ups again until their JIT was quiet: "
          f"{min(warm_ups_added)}–{max(warm_ups_added)} more uploads per batch.")
print("Copies during which .NET still compiled methods: " + (
    "; ".join(f"{i} {r} {t}: {n}" for (i, r, t), n in sorted(compiling.items())) if compiling else "none") + ".")
