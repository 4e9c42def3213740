#!/usr/bin/env bash
# What loading and checking the workspace costs (issue 15): every command starts with it. On the
# documents of bench/anchors/documents.sh (the example case studies and the three largest corpus
# pages), it prints
#  - warm: thread CPU per WorkspaceLoader.load, per in-process `check` and per in-process `status`
#    (bench.LoadProfile, one JVM with the warm process's flags, median over the rounds after the
#    warm-up), and
#  - cold: wall time of `./casepress check`, `./casepress check SLUG` and `./casepress status` with
#    CASEPRESS_WARM=off (one JVM per command, the launcher's archive and flags).
# The "Workspace load and check" section of BENCHMARKS.md is written from it by hand. Not a test.
#
#   bench/load.sh [PAIRS]                 this tree's build alone (default 5 runs of each)
#   bench/load.sh --against REV [PAIRS]   REV's build and this tree's, pair by pair in one run:
#                                         each pair runs both, the order swapped every pair
#
# REV is built in a scratch git worktree. The warm figures run this tree's harness on REV's
# classes, so only the loading code differs; the cold ones run REV's own launcher and jar. Both
# builds must say the same (the SHA-256 of what load, check and status report, and the output
# of every cold command): else the run stops, since a faster load that says something else is
# not the same load. Thread CPU moves far less than wall time on a machine shared with other
# builds; run it at a quiet moment all the same, and note the load average it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
cleanup() {
  [ -d "$work/base" ] && git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
corpus=../shared/corpus

rev=""
if [ "${1:-}" = --against ]; then
  rev=$2
  shift 2
fi
pairs=${1:-5}
rounds=40
warmup=20

echo "== building" >&2
./mvnw -q -B -o -DskipTests package >/dev/null
./mvnw -q -B -o test-compile -Dspotless.check.skip=true >/dev/null
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
deps=$(cat "$work/cp.txt")
sides=(this)
if [ -n "$rev" ]; then
  echo "== building $rev" >&2
  git worktree add --detach "$work/base" "$rev" >/dev/null 2>&1
  (cd "$work/base" && ./mvnw -q -B -o -DskipTests -Dspotless.check.skip=true package >/dev/null)
  sides=(base this)
fi
dir_of() { [ "$1" = base ] && echo "$work/base" || echo "$root"; }

ws="$work/ws"
bench/anchors/documents.sh "$ws" "$corpus" >/dev/null
slug=fernbank-reproducible-forecasting
echo "== $(ls "$ws/case-studies" | wc -l) case studies; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# The launcher makes its class-data archive on its first run: not part of any measured run.
for side in "${sides[@]}"; do
  CASEPRESS_WARM=off "$(dir_of "$side")/casepress" --help >/dev/null 2>&1
done

ms() { echo $(($(date +%s%N) / 1000000)); }
cold() { # side, name, command...: appends "name side ms" to cold.txt, the output to name-side.out
  local side=$1 name=$2 t0 t1 code=0
  shift 2
  t0=$(ms)
  CASEPRESS_WARM=off "$(dir_of "$side")/casepress" "$@" --workspace "$ws" >"$work/$name-$side.out" 2>&1 || code=$?
  t1=$(ms)
  echo "exit $code" >>"$work/$name-$side.out"
  echo "$name $side $((t1 - t0))" >>"$work/cold.txt"
}
warm() { # side: appends the harness's figures to warm-SIDE.txt
  java -XX:TieredStopAtLevel=1 -Xlog:disable -cp "$(dir_of "$1")/target/classes:target/test-classes:$deps" \
    org.casepress.source.bench.LoadProfile "$ws" "$rounds" "$warmup" >"$work/warm-$1.last" 2>/dev/null
  cat "$work/warm-$1.last" >>"$work/warm-$1.txt"
}

: >"$work/cold.txt"
for i in $(seq 1 "$pairs"); do
  order=("${sides[@]}")
  if [ $((i % 2)) -eq 0 ] && [ ${#sides[@]} -eq 2 ]; then order=(this base); fi
  for side in "${order[@]}"; do
    warm "$side"
  done
  for side in "${order[@]}"; do cold "$side" check-all check; done
  for side in "${order[@]}"; do cold "$side" check-one check "$slug"; done
  for side in "${order[@]}"; do cold "$side" status status; done
  echo "pair $i done; load $(cut -d' ' -f1 /proc/loadavg)" >&2
  if [ ${#sides[@]} -eq 2 ]; then
    if ! diff <(grep '^sha256' "$work/warm-base.last") <(grep '^sha256' "$work/warm-this.last") >&2; then
      echo "bench/load.sh: the two builds report different problems or standings (above)" >&2
      exit 1
    fi
    for name in check-all check-one status; do
      if ! diff "$work/$name-base.out" "$work/$name-this.out" >&2; then
        echo "bench/load.sh: the two builds printed different output for $name (above)" >&2
        exit 1
      fi
    done
  fi
done

python3 - "$work" "$rev" "${sides[@]}" <<'EOF'
import re, statistics, sys
work, rev, sides = sys.argv[1], sys.argv[2], sys.argv[3:]
label = {"base": rev or "base", "this": "this tree"}
def ratio_row(name, values):
    cells = [f"{statistics.median(values[s]):.1f}" for s in sides]
    if len(sides) == 2:
        pairs = [t / b for b, t in zip(values["base"], values["this"])]
        cells.append(f"{statistics.median(pairs):.2f}")
    print(f"| {name} | " + " | ".join(cells) + " |")
header = " | ".join(label[s] for s in sides) + (" | this / base, median of pairs" if len(sides) == 2 else "")
print(f"\n| warm, thread CPU per (ms, median of {len(open(f'{work}/warm-this.txt').read().split('rounds ')) - 1} runs) | {header} |")
print("|---|" + "---:|" * (len(sides) + (1 if len(sides) == 2 else 0)))
for step in ("load", "check", "status"):
    values = {s: [float(m) for m in re.findall(rf"median thread CPU per {step}: ([\d.]+) ms", open(f"{work}/warm-{s}.txt").read())] for s in sides}
    ratio_row(f"`{step}`" if step != "load" else "`WorkspaceLoader.load`", values)
cold = {}
for line in open(f"{work}/cold.txt"):
    name, side, t = line.split()
    cold.setdefault(name, {}).setdefault(side, []).append(float(t))
print(f"\n| cold, wall (ms, median) | {header} |")
print("|---|" + "---:|" * (len(sides) + (1 if len(sides) == 2 else 0)))
names = {"check-all": "`check`", "check-one": "`check SLUG`", "status": "`status`"}
for name in ("check-all", "check-one", "status"):
    ratio_row(names[name], cold[name])
EOF
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
