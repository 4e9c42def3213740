#!/usr/bin/env bash
# Where a warm render's CPU goes (issue 15), on the documents bench/anchors.sh uses: the example
# case studies and the three largest corpus pages, wrapped by bench/anchors/wrap.py. Prints what
# bench.WarmProfile measures (thread CPU per render, JFR samples by part and by library); the
# "Inside a warm render" section of BENCHMARKS.md is written from it by hand. Not a test.
#
#   bench/warm-profile.sh [ROUNDS [WARMUP]]       profile this tree's build (default 12 rounds, 4 warm-up)
#   bench/warm-profile.sh --rev REV [ROUNDS [WARMUP]]  the same of REV's build
#   bench/warm-profile.sh --against REV [PAIRS]   CPU per warm render of REV's build and of this
#                                                tree's, PAIRS times each, one JVM after the other
#
# CHANGED_PDFS=1 lets --against compare builds whose PDFs differ (a change to what is drawn).
# PROFILE_OPTS adds JVM options (a system property to switch a pass off, say) to the profiled JVM,
# after the warm process's own: the JVM takes the last of an option given twice, so
# PROFILE_OPTS=-XX:TieredStopAtLevel=4 profiles the full JIT (-XX:+PrintFlagsFinal shows it).
#
# REV is built in a scratch git worktree; it runs this tree's harness on the same documents with
# the warm process's flags, so only the rendering code differs. The
# figures are CPU time of the rendering thread, which a machine shared with other builds moves
# far less than wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"; git -C "$root" worktree remove --force "$work/base" 2>/dev/null || true' EXIT
corpus=../shared/corpus

echo "== building" >&2
./mvnw -q -B -o -DskipTests package >/dev/null
./mvnw -q -B -o test-compile -Dspotless.check.skip=true >/dev/null
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
deps=$(cat "$work/cp.txt")

ws="$work/ws"
bench/anchors/documents.sh "$ws" "$corpus" >/dev/null
echo "== $(ls "$ws/case-studies" | wc -l) documents; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# The launcher's and the warm process's JIT setting (docs/warm.md).
profile() { # classes rounds warmup outdir
  java -XX:TieredStopAtLevel=1 ${PROFILE_OPTS:-} -Xlog:disable -cp "$1:target/test-classes:$deps" \
    org.casepress.render.bench.WarmProfile "$ws" "$4" "$2" "$3" 2>/dev/null
}

build_rev() {
  echo "== building $1" >&2
  git worktree add --detach "$work/base" "$1" >/dev/null 2>&1
  (cd "$work/base" && ./mvnw -q -B -o -DskipTests -Dspotless.check.skip=true compile >/dev/null)
}

case "${1:-}" in
  --rev)
    build_rev "$2"
    profile "$work/base/target/classes" "${3:-12}" "${4:-4}" "$work/out"
    exit 0 ;;
  --against) ;;
  *)
    profile target/classes "${1:-12}" "${2:-4}" "$work/out"
    exit 0 ;;
esac

rev=$2
pairs=${3:-5}
build_rev "$rev"
for i in $(seq 1 "$pairs"); do
  for side in base this; do
    classes=target/classes
    [ "$side" = base ] && classes="$work/base/target/classes"
    profile "$classes" 8 4 "$work/out-$side" >"$work/$side.txt"
    echo "pair $i $side ($([ "$side" = base ] && echo "$rev" || echo "working tree")):" \
      "$(grep '^mean per document' "$work/$side.txt"); load $(cut -d' ' -f1 /proc/loadavg)"
  done
  # The PDFs must not change (the same bytes from both builds), unless the change is meant to
  # change them: CHANGED_PDFS=1 then only says so.
  if [ -n "${CHANGED_PDFS:-}" ]; then
    diff -q <(grep '^sha256' "$work/base.txt") <(grep '^sha256' "$work/this.txt") >/dev/null \
      || echo "(the two builds wrote different PDFs, as CHANGED_PDFS says they may)"
  elif ! diff <(grep '^sha256' "$work/base.txt") <(grep '^sha256' "$work/this.txt") >/dev/null; then
    echo "the two builds wrote different PDFs:" >&2
    diff <(grep '^sha256' "$work/base.txt") <(grep '^sha256' "$work/this.txt") >&2 || true
    exit 1
  fi
done
[ -n "${CHANGED_PDFS:-}" ] || echo "same PDFs from both builds (sha256 of every document)"
