#!/usr/bin/env bash
# The pipeline's work done with Debian's libvips command-line tools, as a baseline: every file under
# <in>/fit, <in>/thumb and <in>/grayscale gets the rule its folder names, in its own format, with the
# pipeline's encoder settings and all metadata stripped. vipsthumbnail takes a folder's files in one
# process (shrink-on-load, EXIF auto-rotation); `vips colourspace` takes one file per process, read
# sequentially as the pipeline does.
# Usage: scripts/vips_cli_batch.sh <in> <out>
set -euo pipefail
in="$1"
out="$2"
rm -rf "$out" && mkdir -p "$out"
shopt -s nullglob

jpeg_options="Q=85,strip"
png_options="compression=6,strip"

thumbnail() {
  local folder="$1" size="$2" jpegs pngs
  jpegs=("$in/$folder"/*.jpg)
  pngs=("$in/$folder"/*.png)
  ((${#jpegs[@]} == 0)) || vipsthumbnail "${jpegs[@]}" --size "$size" -o "$out/%s.jpg[$jpeg_options]"
  ((${#pngs[@]} == 0)) || vipsthumbnail "${pngs[@]}" --size "$size" -o "$out/%s.png[$png_options]"
}

thumbnail fit '1024x1024>'
thumbnail thumb '200x200>'
for file in "$in"/grayscale/*; do
  name="$(basename "$file")"
  case "$name" in
    *.jpg) options="$jpeg_options" ;;
    *) options="$png_options" ;;
  esac
  vips colourspace "$file[access=sequential]" "$out/$name[$options]" b-w
done
