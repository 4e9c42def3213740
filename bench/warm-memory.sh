#!/usr/bin/env bash
# The warm process's memory and JIT tier (issue 15): what one warm process costs in resident memory
# and in time under a few sets of JVM options, on the documents bench/anchors.sh uses. Not a test;
# "The warm process's memory" in BENCHMARKS.md is written from its output by hand.
#
#   bench/warm-memory.sh [ROUNDS] NAME=OPTIONS ...
#
# For each round, for each NAME (in turn, so that the sets are interleaved), it starts a fresh warm
# process with OPTIONS added after its own (CASEPRESS_WARM_JAVA_OPTS: a later JVM option wins) and
# times, as a user of the launcher would see them:
#   c1        the first command, `render fernbank... --final` (the process starts and warms up)
#   c2-c10    nine single renders of the four example case studies, 1 s apart, 6 s after c1
#   b1 b2     `render --all --final` over every document (each four times over), twice
#   s1-s3     three single renders after the batches
# with the warm process's CPU time (user + system, all its threads: the collector's too) for c1,
# c2-c10 together and each batch, which a machine shared with other builds moves less than wall
# time; then prints the process's peak resident memory (VmHWM), its resident memory right after (VmRSS)
# and after IDLE seconds without a command (default 65; 0 skips the wait), and the load average.
# It runs a frozen copy of this tree's launcher and jars, so that editing the sources meanwhile
# does not rebuild the tool under it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
rounds=1
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then rounds=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: bench/warm-memory.sh [ROUNDS] NAME=OPTIONS ..." >&2; exit 2; }
idle=${IDLE:-65}

stop_all() {
  for p in "$work"/sock-*/*.pid; do
    [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null || true
  done
}
trap 'stop_all; rm -rf "$work"' EXIT

echo "== building" >&2
./mvnw -q -B -o -DskipTests package >/dev/null
install="$work/install"
mkdir -p "$install/target"
cp casepress "$install/"
cp target/casepress-cli.jar target/casepress-client.jar "$install/target/"
cp -r metadata case-studies "$install/"
ws="$work/ws"
bench/anchors/documents.sh "$ws" ../shared/corpus >/dev/null
# Each document four times over (28 with the corpus), as in issue 15's batch: more garbage between
# collections, as a workspace of a launch event's size would make.
for d in "$ws"/case-studies/*/; do
  for copy in 2 3 4; do cp -r "$d" "${d%/}-$copy" && rm -f "${d%/}-$copy/status.json"; done
done
examples=(fernbank-reproducible-forecasting glasswater-sensor-data-community
  kestrel-open-source-routing northmoor-code-review-tre)
echo "== $(ls "$ws/case-studies" | wc -l) documents; java: $(java -version 2>&1 | head -1)" >&2

# The start-up archives, made once as the launcher does on its first command.
mkdir -m 700 "$work/sock-prep"
(cd "$ws" && CASEPRESS_WARM=on CASEPRESS_WARM_DIR="$work/sock-prep" \
  "$install/casepress" render "${examples[0]}" --output "$work/prep.pdf" >/dev/null)
stop_all

millis() { # command...: runs it in the workspace, prints its wall time in ms
  local start end
  start=$(date +%s%N)
  (cd "$ws" && "$@" >/dev/null 2>>"$work/errors") || { echo "failed: $*" >&2; tail "$work/errors" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

cpu() { # pid: the process's CPU time so far, ms (utime + stime, fields 14 and 15 of stat)
  local stat
  stat=$(sed 's/^.*) //' "/proc/$1/stat")
  set -- $stat
  echo $(((${12} + ${13}) * 1000 / $(getconf CLK_TCK)))
}

kb() { sed -n "s/^$2:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$1/status"; }

run() { # name options round
  local dir="$work/sock-$1-$3" times=() pid i
  mkdir -m 700 "$dir"
  export CASEPRESS_WARM=on CASEPRESS_WARM_DIR="$dir" CASEPRESS_WARM_IDLE=600 CASEPRESS_WARM_JAVA_OPTS="$2"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  times+=("$(millis "$install/casepress" render "${examples[0]}" --final --output "$work/one.pdf")")
  pid=$(cat "$dir"/*.pid)
  local cpu1 cpu_singles cpu_b1 cpu_b2 mark
  cpu1=$(cpu "$pid")
  sleep 6
  mark=$(cpu "$pid")
  for i in 1 2 3 4 5 6 7 8 9; do
    times+=("$(millis "$install/casepress" render "${examples[$((i % 4))]}" --final --output "$work/one.pdf")")
    sleep 1
  done
  cpu_singles=$(($(cpu "$pid") - mark))
  local b1 b2
  mark=$(cpu "$pid")
  b1=$(millis "$install/casepress" render --all --final)
  cpu_b1=$(($(cpu "$pid") - mark))
  mark=$(cpu "$pid")
  b2=$(millis "$install/casepress" render --all --final)
  cpu_b2=$(($(cpu "$pid") - mark))
  for i in 1 2 3; do
    times+=("$(millis "$install/casepress" render "${examples[$((i % 4))]}" --final --output "$work/one.pdf")")
  done
  local hwm rss idle_rss=-
  hwm=$(kb "$pid" VmHWM)
  rss=$(kb "$pid" VmRSS)
  if [ "$idle" -gt 0 ]; then
    sleep "$idle"
    idle_rss=$(kb "$pid" VmRSS)
  fi
  kill "$pid"
  echo "$1 round $3 load $load-$(cut -d' ' -f1 /proc/loadavg): c1 ${times[0]} c2-c10 ${times[*]:1:9}" \
    "| b1 $b1 b2 $b2 | CPU c1 $cpu1 c2-c10 $cpu_singles b1 $cpu_b1 b2 $cpu_b2 | s1-s3 ${times[*]:10:3} | VmHWM $((hwm / 1024)) MB, RSS after $((rss / 1024)) MB," \
    "after ${idle}s idle $([ "$idle_rss" = - ] && echo - || echo $((idle_rss / 1024))) MB | options: $2"
  unset CASEPRESS_WARM_JAVA_OPTS
}

for round in $(seq 1 "$rounds"); do
  for config in "$@"; do
    run "${config%%=*}" "${config#*=}" "$round"
  done
done
