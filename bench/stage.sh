#!/usr/bin/env bash
# Stage of a whole launch (issue 15, item 3), one build against another: the first stage of the
# example case studies on the local target (every one new: creates, final renders, uploads), wall
# time of the whole command, each build in its own JVM (CASEPRESS_WARM=off, no warm process).
#
#   bench/stage.sh OLD_REF NEW_REF [ROUNDS]     ROUNDS per build (default 5)
#   DELAYS="0 1000" bench/stage.sh OLD_REF NEW_REF [ROUNDS]
#
# Builds each ref from `git archive` in a temporary folder (-DskipTests package). The workspace is
# this checkout's metadata and example case studies without their status.json, each then
# submitted by its first author and approved by a writer who did not write it (as `rehearse`
# prepares a launch), so every example is approved and none is staged yet. Every run stages a fresh
# copy of that workspace with `stage --target local` (the embedded server starts in the command,
# with empty storage). A warm-up run of each build first, then ROUNDS rounds, each running both
# builds one right after the other, the order swapped every round. Prints the load, every time and
# the medians (wall, and CPU = user + sys) as Markdown. Not a test: run it by hand, on a quiet
# machine. NICE=N runs everything under `nice -n N` (default 0).
#
# DELAYS (milliseconds, space-separated) makes each create wait as zenodo.org's do: every run then
# gets its own empty server in its own process (`local-zenodo` of the NEW build, the same server for
# both builds), behind bench/create-delay.py, which holds each create's answer that long, and stage
# reaches it with --zenodo-url. Each round runs both builds at every delay. The server's start is
# not timed, and its CPU is not in the CPU column.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
old=$(git rev-parse --verify "$1^{commit}")
new=$(git rev-parse --verify "$2^{commit}")
rounds=${3:-5}
niceness=${NICE:-0}
delays=${DELAYS:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/stage-bench.XXXXXX")
server_pid=""
proxy_pid=""
stop_server() {
  [ -z "$proxy_pid" ] || { kill "$proxy_pid" 2>/dev/null || true; wait "$proxy_pid" 2>/dev/null || true; }
  [ -z "$server_pid" ] || { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
  proxy_pid=""
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT
run() { nice -n "$niceness" "$@"; }

# Each build is kept under target/bench-jars/, named after the commit's src/ and pom.xml, so that a
# second run (at a quieter moment, or after a commit of docs only) builds nothing.
build() { # side, commit
  local side=$1 commit=$2
  local kept="target/bench-jars/$(git rev-parse "$2:src" | cut -c1-12)-$(git rev-parse "$2:pom.xml" | cut -c1-12).jar"
  if [ -f "$kept" ]; then
    cp "$kept" "$work/$side.jar"
    return
  fi
  echo "== building $side ($(git log -1 --format='%h %s' "$commit" | cut -c1-90))" >&2
  mkdir -p "$work/src-$side"
  git archive "$commit" | tar -x -C "$work/src-$side"
  # Offline first (the machine's repository usually has everything); online when a ref needs more.
  (cd "$work/src-$side" && { run ./mvnw -q -o -DskipTests -Dspotless.check.skip=true package \
    >/dev/null 2>&1 || run ./mvnw -q -DskipTests -Dspotless.check.skip=true package >/dev/null; })
  mkdir -p target/bench-jars
  cp "$work/src-$side/target/casepress-cli.jar" "$kept"
  cp "$kept" "$work/$side.jar"
  rm -rf "$work/src-$side"
}
build old "$old"
build new "$new"

casepress() { # jar, arguments...
  local jar=$1
  shift
  CASEPRESS_WARM=off java -XX:TieredStopAtLevel=1 -jar "$jar" "$@"
}

echo "== approving every example case study" >&2
approved="$work/approved"
mkdir -p "$approved"
cp -r metadata "$approved/"
cp -r case-studies "$approved/"
find "$approved/case-studies" -name status.json -delete
slugs=()
for d in "$approved"/case-studies/*/; do
  [ -f "$d/case-study.md" ] && slugs+=("$(basename "$d")")
done
# "SLUG AUTHOR WRITER" per case study: its first author with an id in people.yaml, and the first
# writer (by id) who is not one of its authors, as the rehearsal picks them.
python3 - "$approved" "${slugs[@]}" >"$work/reviewers.txt" <<'EOF'
import re, sys, yaml
ws, slugs = sys.argv[1], sys.argv[2:]
people = yaml.safe_load(open(f"{ws}/metadata/people.yaml"))["people"]
writers = sorted(p["id"] for p in people if "writer" in (p.get("roles") or []))
for slug in slugs:
    text = open(f"{ws}/case-studies/{slug}/case-study.md", encoding="utf-8").read()
    front = yaml.safe_load(re.match(r"---\n(.*?)\n---\n", text, re.S).group(1))
    authors = [a for a in front["authors"] if isinstance(a, str)]
    writer = next(w for w in writers if w not in authors)
    print(slug, authors[0], writer)
EOF
while read -r slug author writer; do
  casepress "$work/new.jar" submit "$slug" --as "$author" --comment "Ready." \
    --workspace "$approved" >/dev/null
  casepress "$work/new.jar" start-review "$slug" --as "$writer" --workspace "$approved" >/dev/null
  casepress "$work/new.jar" approve "$slug" --as "$writer" --comment "Approved." \
    --workspace "$approved" >/dev/null
done <"$work/reviewers.txt"

# The interpreter itself, not a version manager's shim that would run it as a child.
python=$(python3 -c 'import sys; print(sys.executable)')
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
listening() { # port
  python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$1" 2>/dev/null
}

# An empty server in its own process, behind the proxy that holds each create; sets $zenodo_url.
serve() { # delay in ms
  local storage="$work/server" server_port proxy_port
  rm -rf "$storage"
  mkdir -p "$storage"
  cp -r "$approved/metadata" "$storage/"
  server_port=$(free_port)
  proxy_port=$(free_port)
  # exec, so that $! is the process itself and stop_server's kill reaches it.
  (exec nice -n "$niceness" env CASEPRESS_WARM=off java -XX:TieredStopAtLevel=1 -jar "$work/new.jar" \
    local-zenodo --workspace "$storage" --port "$server_port" >"$work/server.log" 2>&1) &
  server_pid=$!
  (exec nice -n "$niceness" "$python" bench/create-delay.py "$proxy_port" "$server_port" "$1") &
  proxy_pid=$!
  for _ in $(seq 1 300); do
    listening "$server_port" && listening "$proxy_port" && break
    sleep 0.1
  done
  listening "$server_port" || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
  zenodo_url="http://127.0.0.1:$proxy_port/api"
}

times="$work/times.txt"
stage() { # side, round ('warm-up' is not recorded), create delay in ms ('-': the embedded server)
  local side=$1 round=$2 delay=$3 ws="$work/ws-$1-$2" where=()
  cp -r "$approved" "$ws"
  if [ "$delay" != - ]; then
    serve "$delay"
    where=(--zenodo-url "$zenodo_url")
  fi
  run env CASEPRESS_WARM=off /usr/bin/time -o "$work/time.txt" -f '%e %U %S' \
    java -XX:TieredStopAtLevel=1 -jar "$work/$side.jar" stage --target local "${where[@]}" \
    --workspace "$ws" >"$work/stage.log" 2>&1 || { echo "the $side build's stage failed:" >&2; cat "$work/stage.log" >&2; exit 1; }
  stop_server
  local staged
  staged=$(grep -c ': staged ' "$work/stage.log" || true)
  if [ "$staged" != "${#slugs[@]}" ]; then
    echo "the $side build staged $staged of ${#slugs[@]} case studies:" >&2
    cat "$work/stage.log" >&2
    exit 1
  fi
  [ "$round" = warm-up ] || echo "$side $delay $(tail -1 "$work/time.txt")" >>"$times"
  rm -rf "$ws"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== warm-up: one stage with each build" >&2
for delay in ${delays:--}; do
  stage old warm-up "$delay"
  stage new warm-up "$delay"
done
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds" >&2
  for delay in ${delays:--}; do
    if [ $((round % 2)) -eq 1 ]; then
      stage old "$round" "$delay"
      stage new "$round" "$delay"
    else
      stage new "$round" "$delay"
      stage old "$round" "$delay"
    fi
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "Old: $(git log -1 --format='%h %s' "$old" | cut -c1-100)"
echo "New: $(git log -1 --format='%h %s' "$new" | cut -c1-100)"
echo "stage --target local of ${#slugs[@]} new case studies, $rounds rounds after a warm-up, $(nproc)" \
  "cores, nice $niceness; load average (1, 5, 15 min) $load_before before, $load_after after."
[ -z "$delays" ] || echo "Each create's answer held ${delays// / or } ms (bench/create-delay.py); the server in its own process."
echo
python3 - "$times" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    side, delay, wall, user, sys_ = line.split()
    runs.setdefault(delay, {"old": [], "new": []})[side].append((float(wall), float(user) + float(sys_)))
delayed = list(runs) != ["-"]
print(("| create delay " if delayed else "") + "| build | wall, each run (s) | wall median (s) | CPU median (s) |")
print(("|---:" if delayed else "") + "|---|---|---:|---:|")
for delay, sides in runs.items():
    first = f"| {delay} ms " if delayed else ""
    med = {s: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r)) for s, r in sides.items()}
    for side in ("old", "new"):
        walls = ", ".join(f"{w:.2f}" for w, _ in sides[side])
        print(f"{first}| {side} | {walls} | {med[side][0]:.2f} | {med[side][1]:.2f} |")
    print(f"{first}| new/old | | {med['new'][0] / med['old'][0]:.3f} | {med['new'][1] / med['old'][1]:.3f} |")
EOF
