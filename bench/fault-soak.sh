#!/usr/bin/env bash
# Fault-injection soak for exactly-once publishing: runs the ExactlyOnceTest with many seeds
# (each: random faults on every request type of the embedded Zenodo server, a simulated crash at
# a random step, reruns until done) and records the totals in FAULTS.md.
#   bench/fault-soak.sh [SEEDS]     (default 300; about 2 seconds a seed on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-300}"
start=$(date +%s)
./mvnw -q -B test -Dtest='ExactlyOnceTest#everySeed*' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcasepress.faultSeeds="$seeds"
elapsed=$(( $(date +%s) - start ))
summary=$(tail -n 1 target/fault-injection.txt)
{
  echo
  echo "## Run of $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- Command: \`bench/fault-soak.sh $seeds\` ($elapsed s)"
  echo "- Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, $(java -version 2>&1 | head -n 1)"
  echo "- Result: $summary"
  echo "- Per seed: faults injected, checkpoint of the simulated crash (0 = none), runs until done, duplicates"
  echo
  echo '```'
  head -n -1 target/fault-injection.txt | sort -t' ' -k2 -n | head -n 20
  echo "... ($seeds seeds in all)"
  echo '```'
} >> FAULTS.md
echo "$summary"
