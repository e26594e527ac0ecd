"""The pipeline's rules done with Pillow (the original system's engine), one file after another: auto-orient, fit
inside 1024x1024 or 200x200 without enlarging (Image.thumbnail: draft decoding of JPEG, then Lanczos), or
grayscale (BT.601 luma) at full size; no metadata kept; JPEG q85, PNG zlib 3, WebP q85, as the pipeline encodes.
Each file is read into memory first and decoded from there, as a Lambda function gets an S3 object's body; the
outputs are encoded to memory and then written. Each file's CPU time (the whole process: every thread) goes to
stderr as "cpu-ms <name> <ms>".

  python3 pillow_batch.py <fit|thumb|grayscale> <in-dir> <out-dir>
"""
import io
import os
import sys
import time

from PIL import Image, ImageOps

from pillow_encoding import encode

rule, source, target = sys.argv[1:4]
box = {"fit": 1024, "thumb": 200}.get(rule)
os.makedirs(target, exist_ok=True)
for name in sorted(os.listdir(source)):
    start = time.process_time()
    with open(os.path.join(source, name), "rb") as upload:
        body = upload.read()
    with Image.open(io.BytesIO(body)) as image:
        if box:
            image.draft("RGB", (box, box))  # JPEG: let libjpeg scale the DCT, as thumbnail() does
            image = ImageOps.exif_transpose(image)
            image.thumbnail((box, box), Image.LANCZOS)
        else:
            image = ImageOps.exif_transpose(image).convert("L")
        extension = os.path.splitext(name)[1].lower()
        with open(os.path.join(target, name), "wb") as rendition:
            rendition.write(encode(image, extension))
    print(f"cpu-ms {name} {(time.process_time() - start) * 1000:.2f}", file=sys.stderr)
