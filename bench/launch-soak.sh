#!/usr/bin/env bash
# Launch-day soak with real process kills (issue 10, FAULTS.md): the whole launch as users run it.
# For each seed:
#   - an embedded Zenodo server in its own process (casepress local-zenodo) that fails 25 % of the
#     requests the way Zenodo can and shows a new draft in search only 20 s after it was made;
#   - a scratch repository holding this repository's example workspace, and two git clones of it
#     (the writer's and the coordinator's: neither has the other's ledger);
#   - two `casepress release --launch winter-2026` at once, one per clone, against that server;
#     one of them is killed with kill -9 at a random moment;
#   - then both are run again, both at once, until both finish (at most 3 reruns).
# Counted per seed from the server's own state (not through its faulty API): depositions per case
# study version (published and drafts), reruns needed, published versions.
#   bench/launch-soak.sh [SECONDS] [FIRST_SEED]   (default 900 s of seeds, from seed 1)
# Prints one line per seed and a summary; appends nothing by itself (the figures go into
# FAULTS.md by hand, with the machine and its load).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
budget="${1:-900}"
seed="${2:-1}"
rate=0.25
lag=20
max_reruns=3
launch=winter-2026

if [ ! -f target/casepress-cli.jar ] || [ -n "$(find pom.xml src/main -newer target/casepress-cli.jar -print -quit)" ]; then
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
fi
jar="$repo/target/casepress-cli.jar"
# The short JIT tier: these are short commands, and two cores are shared.
java_opts=(-XX:TieredStopAtLevel=1 -jar "$jar")

work=$(mktemp -d "${TMPDIR:-/tmp}/launch-soak.XXXXXX")
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The scratch repository: the examples as they stand in this repository (two approved case
# studies in the launch), committed, so that each clone starts from the same commit.
origin="$work/origin"
mkdir -p "$origin"
cp -r case-studies metadata "$origin/"
git -C "$origin" init -q
git -C "$origin" -c user.name=soak -c user.email=soak@example.org add -A
git -C "$origin" -c user.name=soak -c user.email=soak@example.org commit -qm "examples"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Depositions per case study version in the server's state file: "published drafts" per identifier.
count() {
  python3 - "$1" <<'EOF'
import json, sys, collections
state = json.load(open(sys.argv[1]))
published, drafts = collections.Counter(), collections.Counter()
for d in state["deposits"].values():
    meta = d.get("published") or d.get("draft") or {}
    ids = [r.get("identifier", "") for r in meta.get("related_identifiers", [])]
    for i in ids:
        if i.startswith("urn:casepress:"):
            (published if d.get("published") else drafts)[i] += 1
for i in sorted(set(published) | set(drafts)):
    print(i, published[i], drafts[i])
EOF
}

# Runs release in one clone, output to its log. Started with &, the exec makes $! the JVM itself,
# so that kill -9 of that id kills the release and nothing else.
release() {
  local clone=$1
  exec nice java "${java_opts[@]}" release --launch "$launch" --workspace "$work/$clone" \
    --target local --zenodo-url "http://127.0.0.1:$port/api" >>"$work/$clone.log" 2>&1
}

start=$(date +%s)
seeds=0
all_done=0
total_dups=0
total_reruns=0
echo "launch-soak: $rate faults, ${lag} s search lag, kill -9 once per seed, at most $max_reruns reruns; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
while [ $(( $(date +%s) - start )) -lt "$budget" ]; do
  rm -rf "$work/a" "$work/b" "$work/server" "$work"/*.log
  git clone -q "$origin" "$work/a"
  git clone -q "$origin" "$work/b"
  git clone -q "$origin" "$work/server"
  port=$(free_port)
  nice java "${java_opts[@]}" local-zenodo --workspace "$work/server" --port "$port" --fault-rate "$rate" \
    --fault-seed "$seed" --search-lag "$lag" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    grep -q "listening" "$work/server.log" 2>/dev/null && break
    sleep 0.2
  done

  # Round 0: both at once, and one of them killed with kill -9 at a random moment.
  RANDOM=$seed
  victim=$([ $((RANDOM % 2)) -eq 0 ] && echo a || echo b)
  kill_after=$(( 2 + RANDOM % 40 ))
  release a & pid_a=$!
  release b & pid_b=$!
  victim_pid=$([ "$victim" = a ] && echo $pid_a || echo $pid_b)
  killed=no
  for _ in $(seq 1 $((kill_after * 5))); do
    kill -0 "$victim_pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$victim_pid" 2>/dev/null; then
    kill -9 "$victim_pid" 2>/dev/null || true
    killed="at ${kill_after}s"
  fi
  rc_a=0; rc_b=0
  { wait $pid_a; } 2>/dev/null || rc_a=$?
  { wait $pid_b; } 2>/dev/null || rc_b=$?

  reruns=0
  while { [ $rc_a -ne 0 ] || [ $rc_b -ne 0 ]; } && [ $reruns -lt $max_reruns ]; do
    reruns=$((reruns + 1))
    release a & pid_a=$!
    release b & pid_b=$!
    rc_a=0; rc_b=0
    wait $pid_a || rc_a=$?
    wait $pid_b || rc_b=$?
  done
  done_now=$([ $rc_a -eq 0 ] && [ $rc_b -eq 0 ] && echo yes || echo no)

  kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true
  server_pid=""
  counts=$(count "$work/server/.casepress/local-zenodo/state.json")
  published=$(echo "$counts" | awk '$2 > 0 {n++} END {print n+0}')
  dups=$(echo "$counts" | awk '$2 > 1 {n += $2 - 1} END {print n+0}')
  orphans=$(echo "$counts" | awk '{n += $3} END {print n+0}')
  seeds=$((seeds + 1))
  total_dups=$((total_dups + dups))
  total_reruns=$((total_reruns + reruns))
  [ "$done_now" = yes ] && all_done=$((all_done + 1))
  echo "seed $seed: killed $victim $killed, reruns $reruns, done $done_now, published $published of 2, duplicates $dups, orphan drafts $orphans"
  if [ "$done_now" != yes ] || [ "$dups" -gt 0 ]; then
    mkdir -p target/launch-soak
    cp "$work"/*.log target/launch-soak/ 2>/dev/null || true
    for c in a b; do
      mkdir -p "target/launch-soak/seed-$seed-$c"
      cp -r "$work/$c/.casepress/ledgers" "target/launch-soak/seed-$seed-$c/" 2>/dev/null || true
      cp "$work/$c.log" "target/launch-soak/seed-$seed-$c/" 2>/dev/null || true
    done
    cp "$work/server/.casepress/local-zenodo/state.json" "target/launch-soak/seed-$seed-state.json"
  fi
  seed=$((seed + 1))
done
echo "$seeds seeds in $(( $(date +%s) - start )) s: $all_done done within $max_reruns reruns, $total_reruns reruns in all, $total_dups duplicates; load $(cut -d' ' -f1-3 /proc/loadavg)"
