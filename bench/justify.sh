#!/usr/bin/env bash
# Justified, hyphenated body text against the ragged right of another checkout (issue 12, item
# 4), on the examples and the three corpus pages bench/anchors.sh uses. Prints, per study and
# checkout: pages, CPU time of a final render (median of ROUNDS, after a warm-up, one thread), the
# largest and 95th-percentile word space on full lines of body text as a multiple of the normal
# space, lines with a space over twice it, lines ending in a hyphen the typesetter drew and in any
# hyphen, and the longest run of consecutive hyphenated lines (JustifyFigures). Not a test: run it
# by hand on a quiet machine; docs/render.md and BENCHMARKS.md hold the figures.
#
#   bench/justify.sh [REF] [ROUNDS]     REF: the checkout to compare with (default main), ROUNDS 5
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
ref=${1:-main}
rounds=${2:-5}
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT   # KEEP=1 keeps the PDFs to look at

ws="$work/ws"
bench/anchors/documents.sh "$ws" ../shared/corpus >/dev/null

# The other checkout, measured by this checkout's JustifyFigures (it uses the public API only).
mkdir -p "$work/ref"
git archive "$ref" | tar -x -C "$work/ref"
bench=src/test/java/org/casepress/render/bench
mkdir -p "$work/ref/$bench"
cp "$bench/JustifyFigures.java" "$work/ref/$bench/"
for tree in "$work/ref" "$root"; do
  (cd "$tree" && ./mvnw -q -o -B test-compile -Dspotless.check.skip=true >/dev/null \
    && ./mvnw -q -o -B dependency:build-classpath -Dmdep.outputFile="$work/cp-$(basename "$tree")" >/dev/null)
done
run() { # tree, label
  java -cp "$1/target/test-classes:$1/target/classes:$(cat "$work/cp-$(basename "$1")")" \
    org.casepress.render.bench.JustifyFigures "$rounds" "$ws" "$work/pdf-$2" 2>/dev/null
}
echo "== $ref ($(git rev-parse --short "$ref"))"
run "$work/ref" ref
echo "== this checkout ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ', changed'))"
run "$root" this
