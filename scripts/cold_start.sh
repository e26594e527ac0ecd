#!/usr/bin/env bash
# Cold-start proxy: wall time from process start to the first processed image (a 1600×1200 JPEG
# through the thumb rule, written to disk) for the function host published three ways:
# framework-dependent JIT (what the managed dotnet10 runtime runs), ReadyToRun, and Native AOT
# (if it publishes here: it needs clang and zlib1g-dev). hyperfine measures whole processes.
# Usage: scripts/cold_start.sh                (writes artifacts/perf/cold-start.md too)
set -euo pipefail
source "$(dirname "$0")/perf_common.sh"
perf_require hyperfine

perf_build
inputs="$PERF_WORK/inputs"
perf_generate generate "$inputs"
case_dir="$PERF_WORK/cold-case"
rm -rf "$case_dir" && mkdir -p "$case_dir"
cp "$inputs/jpeg-exif6-1600x1200.jpg" "$case_dir/photo_thumb.jpg"

rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
project="$REPO_ROOT/ImageProcessing.FunctionHost"
publish="$PERF_WORK/publish"
rm -rf "$publish"

declare -A commands
publish_variant() {
  local name="$1"
  shift
  echo "publishing $name..." >&2
  if dotnet publish "$project" -c Release -r "$rid" -nologo -v quiet -o "$publish/$name" "$@" >"$PERF_WORK/publish-$name.log" 2>&1; then
    commands[$name]="$publish/$name/ImageProcessing.FunctionHost"
    echo "  $(du -sh "$publish/$name" | cut -f1) on disk" >&2
  else
    echo "  $name did not publish; see $PERF_WORK/publish-$name.log" >&2
    tail -5 "$PERF_WORK/publish-$name.log" >&2
  fi
}

publish_variant jit --self-contained false
publish_variant r2r --self-contained false -p:PublishReadyToRun=true
# Trimming/AOT analysis warnings are reported, not fatal, so the experiment shows what AOT would need.
publish_variant aot -p:PublishAot=true -p:TreatWarningsAsErrors=false

if [[ -f "$PERF_WORK/publish-aot.log" ]]; then
  echo "AOT analysis warnings: $(grep -cE 'warning IL[0-9]+' "$PERF_WORK/publish-aot.log" || true)" >&2
fi

args=()
for name in jit r2r aot; do
  [[ -n "${commands[$name]:-}" ]] || continue
  out="$PERF_WORK/cold-out-$name"
  args+=(--command-name "$name" "rm -rf $out && ${commands[$name]} process $case_dir/photo_thumb.jpg --out $out --json")
done

report="$PERF_WORK/cold-start.md"
hyperfine --warmup 2 --runs "${COLD_RUNS:-15}" --export-markdown "$report.tmp" "${args[@]}" >&2
{
  echo "$(perf_machine), MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, $rid"
  echo
  cat "$report.tmp"
  echo
  for name in jit r2r aot; do
    [[ -n "${commands[$name]:-}" ]] || continue
    size=$(du -sh "$publish/$name" | cut -f1)
    image_ms=$(/usr/bin/time -f '%M' -o "$PERF_WORK/cold-rss.txt" "${commands[$name]}" process "$case_dir/photo_thumb.jpg" --out "$PERF_WORK/cold-rss" --json \
      | grep -o '"elapsedMs":[0-9.]*' | cut -d: -f2)
    echo "- $name: published size $size, peak RSS $(($(tail -1 "$PERF_WORK/cold-rss.txt") / 1024)) MB, of which the image itself took $image_ms ms (first call, in-process)"
  done
} >"$report"
rm -f "$report.tmp"
cat "$report"
