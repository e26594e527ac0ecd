"""Pillow's codec floor for each cell of compare_peers.sh, beside the benchmark's codec-floor mode for the pipeline:
the source decoded at the size Pillow asks libjpeg for (draft mode, as pillow_batch.py and Image.thumbnail use it;
other formats in full) and the rendition's pixels encoded with the settings of pillow_encoding.py. CPU time, the median of
the repetitions, in one process.

  python3 pillow_floor.py <inputs-dir> [repetitions, default 9]
"""
import io
import os
import statistics
import sys
import time

from PIL import Image, ImageOps

from pillow_encoding import encode

inputs_dir = sys.argv[1]
repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 9
RULES = {"fit": 1024, "thumb": 200, "grayscale": None}
ORDER = ["jpeg-4096.jpg", "jpeg-12mp.jpg", "jpeg-12mp-exif6.jpg", "png-4096.png", "webp-4096.webp"]


def median_cpu(operation):
    operation()
    samples = []
    for _ in range(repetitions):
        start = time.process_time()
        operation()
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def decode(body, box):
    image = Image.open(io.BytesIO(body))
    if box:
        image.draft("RGB", (box, box))
    image.load()
    return image


print("| input | rule | decoded at | decode | encode | floor |")
print("|---|---|---|---:|---:|---:|")
for name in ORDER:
    path = os.path.join(inputs_dir, name)
    if not os.path.exists(path):
        continue
    body = open(path, "rb").read()
    extension = os.path.splitext(name)[1]
    full_size = Image.open(io.BytesIO(body)).size
    for rule, box in RULES.items():
        decoded = decode(body, box)
        at = "full size" if decoded.size == full_size else f"{decoded.size[0]}×{decoded.size[1]}"
        rendition = ImageOps.exif_transpose(decoded)
        if box:
            rendition.thumbnail((box, box), Image.LANCZOS)
        else:
            rendition = rendition.convert("L")
        rendition.load()
        decode_ms = median_cpu(lambda: decode(body, box))
        encode_ms = median_cpu(lambda: encode(rendition, extension))
        print(f"| {name.rsplit('.', 1)[0]} | {rule} | {at} | {decode_ms:.0f} ms | {encode_ms:.0f} ms | {decode_ms + encode_ms:.0f} ms |")
