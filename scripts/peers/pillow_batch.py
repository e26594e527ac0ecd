"""The pipeline's rules done with Pillow (the original system's engine), one file after another: auto-orient, fit
inside 1024x1024 or 200x200 without enlarging (Image.thumbnail: draft decoding of JPEG, then Lanczos), or
grayscale (BT.601 luma) at full size; no metadata kept; JPEG q85, PNG zlib 3, WebP q85, as the pipeline encodes.

  python3 pillow_batch.py <fit|thumb|grayscale> <in-dir> <out-dir>
"""
import os
import sys

from PIL import Image, ImageOps

rule, source, target = sys.argv[1:4]
box = {"fit": 1024, "thumb": 200}.get(rule)
os.makedirs(target, exist_ok=True)
for name in sorted(os.listdir(source)):
    with Image.open(os.path.join(source, name)) as image:
        if box:
            image.draft("RGB", (box, box))  # JPEG: let libjpeg scale the DCT, as thumbnail() does
            image = ImageOps.exif_transpose(image)
            image.thumbnail((box, box), Image.LANCZOS)
        else:
            image = ImageOps.exif_transpose(image).convert("L")
        extension = os.path.splitext(name)[1].lower()
        path = os.path.join(target, name)
        if extension == ".png":
            image.save(path, "PNG", compress_level=3)
        elif extension == ".webp":
            image.save(path, "WEBP", quality=85)
        else:
            image.convert("L" if image.mode == "L" else "RGB").save(path, "JPEG", quality=85)
