"""The pipeline's encoder settings in Pillow, shared by pillow_batch.py and pillow_floor.py: JPEG q85, PNG zlib 3,
WebP q85, no metadata kept."""
import io


def encode(image, extension):
    """The image encoded for a file with the extension (.png, .webp, or else JPEG), as bytes."""
    encoded = io.BytesIO()
    if extension == ".png":
        image.save(encoded, "PNG", compress_level=3)
    elif extension == ".webp":
        image.save(encoded, "WEBP", quality=85)
    else:
        image.convert("L" if image.mode == "L" else "RGB").save(encoded, "JPEG", quality=85)
    return encoded.getvalue()
