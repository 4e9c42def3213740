#!/usr/bin/env bash
# Two builds of casepress, one against the other, on the same documents: builds OLD_REF and NEW_REF
# in temporary git worktrees (-DskipTests package), then renders each example case study with
# `render SLUG --final` through each jar in its own JVM, in process (CASEPRESS_WARM=off, no warm
# process), pair by pair: every round renders each document with both jars, one right after the
# other, the order swapped every round so that neither jar always runs second. Prints, per document,
# the median CPU time (user + sys from /usr/bin/time: less sensitive to other load than wall time),
# the median wall time and the ratio new/old, as a Markdown table. Not a test: run it by hand.
#
#   bench/compare-jars.sh OLD_REF NEW_REF [ROUNDS]     ROUNDS per document and jar (default 3)
#
# WORKSPACE=DIR renders DIR's case studies instead of this checkout's (they are copied first);
# NICE=N runs everything under `nice -n N` (default 10: the machine is usually shared).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
[ $# -ge 2 ] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
old_ref=$1
new_ref=$2
rounds=${3:-3}
niceness=${NICE:-10}
old=$(git rev-parse --verify "$old_ref^{commit}")
new=$(git rev-parse --verify "$new_ref^{commit}")
work=$(mktemp -d)
cleanup() {
  for side in old new; do
    [ -d "$work/$side" ] && git worktree remove --force "$work/$side" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
run() { nice -n "$niceness" "$@"; }

build() { # side, commit
  local side=$1 commit=$2
  echo "== building $side ($(git log -1 --format='%h %s' "$commit" | cut -c1-90))" >&2
  git worktree add --detach "$work/$side" "$commit" >/dev/null 2>&1
  # Offline first (the machine's repository usually has everything); online when a ref needs more.
  (cd "$work/$side" && { run ./mvnw -q -o -DskipTests package >/dev/null 2>&1 \
    || run ./mvnw -q -DskipTests package >/dev/null; })
  cp "$work/$side/target/casepress-cli.jar" "$work/$side.jar"
  git worktree remove --force "$work/$side" >/dev/null 2>&1
}
build old "$old"
build new "$new"

ws="$work/ws"
mkdir -p "$ws"
src=${WORKSPACE:-$root}
cp -r "$src/metadata" "$ws/"
cp -r "$src/case-studies" "$ws/"
slugs=()
for d in "$ws"/case-studies/*/; do
  [ -f "$d/case-study.md" ] && slugs+=("$(basename "$d")")
done
[ ${#slugs[@]} -gt 0 ] || { echo "no case studies under $src/case-studies" >&2; exit 1; }

times="$work/times.txt"
render() { # side, slug, round ('warm-up' is not recorded)
  local side=$1 slug=$2 round=$3
  rm -f "$work/out/$side-$slug.pdf" "$work/time.txt" # --output replaces no file (older builds have no --force)
  run env CASEPRESS_WARM=off /usr/bin/time -o "$work/time.txt" -f '%U %S %e' \
    java -XX:TieredStopAtLevel=1 -jar "$work/$side.jar" render "$slug" --workspace "$ws" \
    --final --date 2026-11-25 --output "$work/out/$side-$slug.pdf" >"$work/render.log" 2>&1 || true
  local t
  t=$(tail -1 "$work/time.txt" 2>/dev/null || true)
  if [ ! -s "$work/out/$side-$slug.pdf" ] || ! [[ $t =~ ^[0-9.]+\ [0-9.]+\ [0-9.]+$ ]]; then
    echo "the $side jar did not render $slug (time: '$t'):" >&2
    cat "$work/render.log" >&2
    exit 1
  fi
  [ "$round" = warm-up ] || echo "$side $slug $t" >>"$times"
}
mkdir -p "$work/out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== warm-up: one render of each document with each jar" >&2
for slug in "${slugs[@]}"; do
  render old "$slug" warm-up
  render new "$slug" warm-up
done
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds" >&2
  for slug in "${slugs[@]}"; do
    if [ $((round % 2)) -eq 1 ]; then
      render old "$slug" "$round"
      render new "$slug" "$round"
    else
      render new "$slug" "$round"
      render old "$slug" "$round"
    fi
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "Old: $(git log -1 --format='%h %s' "$old" | cut -c1-100)"
echo "New: $(git log -1 --format='%h %s' "$new" | cut -c1-100)"
echo "$rounds rounds after a warm-up, $(nproc) cores, nice $niceness;" \
  "load average (1, 5, 15 min) $load_before before, $load_after after."
echo
awk -v rounds="$rounds" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { cpu[$1, $2] = cpu[$1, $2] " " ($3 + $4); wall[$1, $2] = wall[$1, $2] " " $5
    if (!($2 in seen)) { seen[$2] = 1; order[++docs] = $2 } }
  END {
    print "| document | CPU old (s) | CPU new (s) | CPU new/old | wall old (s) | wall new (s) | wall new/old |"
    print "|---|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= docs; i++) {
      d = order[i]
      co = median(cpu["old", d]); cn = median(cpu["new", d])
      wo = median(wall["old", d]); wn = median(wall["new", d])
      sco += co; scn += cn; swo += wo; swn += wn
      printf "| %s | %.2f | %.2f | %.3f | %.2f | %.2f | %.3f |\n", d, co, cn, cn / co, wo, wn, wn / wo
    }
    printf "| all %d (sum of medians) | %.2f | %.2f | %.3f | %.2f | %.2f | %.3f |\n", docs, sco, scn, scn / sco, swo, swn, swn / swo
  }' "$times"
