#!/usr/bin/env bash
# Whole-process timings of `aios-port check` and `scan`, compared with the cost of merely
# listing and reading the same files (the floor a pre-commit hook cannot beat).
# Needs hyperfine (Debian: apt-get install hyperfine). Results go to stdout as Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p aios-port-cli
bin=target/release/aios-port
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/gen-monorepo.py "$work/monorepo" >/dev/null
corpus=../shared/corpus/anthropics__claude-plugins-official
# The floor: list every file (skipping node_modules and .git like discovery does) and read it.
floor() { echo "find '$1' -path '*/node_modules' -prune -o -path '*/.git' -prune -o -type f -print0 | xargs -0 cat > /dev/null"; }
for ws in examples/demo-workspace "$corpus" "$work/monorepo"; do
  name=$(basename "$ws")
  hyperfine --style basic --warmup 5 --min-runs 30 -N --export-markdown "$work/$name.md" \
    -n "check $name" "$bin check $ws --exit-zero" \
    -n "scan $name" "$bin scan $ws --format json" >/dev/null
  hyperfine --style basic --warmup 5 --min-runs 30 --export-markdown "$work/$name-floor.md" \
    -n "read files $name" "$(floor "$ws")" >/dev/null
  cat "$work/$name.md"; tail -n 1 "$work/$name-floor.md"; echo
done
