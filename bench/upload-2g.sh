#!/usr/bin/env bash
# Uploads a 2 GiB file to the embedded Zenodo server with the client and with curl, in the same
# run, and records wall time, throughput and peak RSS in BENCHMARKS.md.
# Usage: bench/upload-2g.sh [size-in-MiB]   (default 2048)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB="${1:-2048}"
PORT="${PORT:-18765}"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# The 2 GiB file (and the server's two copies of it) go with the scratch folder however the run
# ends: Ctrl-C or kill exit through the EXIT trap too.
trap 'exit 130' INT
trap 'exit 143' TERM

echo "building..." >&2
./mvnw -q -o package -DskipTests
CP="target/casepress-cli.jar:target/test-classes"

echo "writing a ${SIZE_MIB} MiB random file..." >&2
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/payload.bin"
LOCAL_MD5="$(md5sum "$WORK/payload.bin" | cut -d' ' -f1)"

java -cp "$CP" org.casepress.zenodo.bench.BenchServer "$WORK/storage" "$PORT" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
API="http://127.0.0.1:$PORT/api"
for _ in $(seq 1 100); do
  curl -s -o /dev/null "$API/communities/the-turing-way-practitioners" && break
  sleep 0.2
done

echo "client upload..." >&2
/usr/bin/time -v java -cp "$CP" org.casepress.zenodo.bench.BenchUpload "$API" "$WORK/payload.bin" \
  > "$WORK/client.out" 2> "$WORK/client.time"
CLIENT_SECONDS="$(grep '^upload_seconds=' "$WORK/client.out" | cut -d= -f2)"
CLIENT_MIBS="$(grep '^throughput_mib_s=' "$WORK/client.out" | cut -d= -f2)"
CLIENT_MD5="$(grep '^md5=' "$WORK/client.out" | cut -d= -f2)"
CLIENT_RSS_KB="$(grep 'Maximum resident set size' "$WORK/client.time" | awk '{print $NF}')"
CLIENT_WALL="$(grep 'Elapsed (wall clock)' "$WORK/client.time" | awk '{print $NF}')"

echo "curl upload..." >&2
BUCKET="$(curl -s -X POST -H 'Content-Type: application/json' -d '{}' "$API/deposit/depositions" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["links"]["bucket"])')"
/usr/bin/time -v curl -s -o "$WORK/curl.json" -w '%{time_total} %{speed_upload}\n' \
  -H 'Content-Type: application/octet-stream' -T "$WORK/payload.bin" "$BUCKET/payload.bin" \
  > "$WORK/curl.out" 2> "$WORK/curl.time"
CURL_SECONDS="$(awk '{printf "%.2f", $1}' "$WORK/curl.out")"
CURL_MIBS="$(awk '{printf "%.1f", $2 / 1048576}' "$WORK/curl.out")"
CURL_MD5="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["checksum"][4:])' "$WORK/curl.json")"
CURL_RSS_KB="$(grep 'Maximum resident set size' "$WORK/curl.time" | awk '{print $NF}')"

[ "$CLIENT_MD5" = "$LOCAL_MD5" ] || { echo "client checksum mismatch" >&2; exit 1; }
[ "$CURL_MD5" = "$LOCAL_MD5" ] || { echo "curl checksum mismatch" >&2; exit 1; }

JAVA_VERSION="$(java -version 2>&1 | head -1)"
CPUS="$(nproc)"
MEM="$(free -h | awk '/^Mem:/ {print $2}')"
CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //' || echo unknown)"
DATE="$(date -u +%Y-%m-%dT%H:%MZ)"
LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"

SECTION="$WORK/section.md"
cat > "$SECTION" <<MD
## Upload to the embedded server

Recorded by \`bench/upload-2g.sh\` on ${DATE}: one ${SIZE_MIB} MiB file of random bytes uploaded to the
embedded server (\`LocalZenodo\`, separate JVM, loopback) into a deposition bucket, first with the
casepress client (\`ZenodoClient.upload\`: streamed from disk, MD5 computed while sending, checksum
verified against the server's), then with \`curl -T\` to the same server in the same run. Both
checksums matched the file's MD5 (\`${LOCAL_MD5}\`).

| | wall time of the upload | throughput | peak RSS |
|---|---|---|---|
| casepress client (JVM defaults) | ${CLIENT_SECONDS} s | ${CLIENT_MIBS} MiB/s | $((CLIENT_RSS_KB / 1024)) MiB |
| curl -T | ${CURL_SECONDS} s | ${CURL_MIBS} MiB/s | $((CURL_RSS_KB / 1024)) MiB |

Peak RSS is the whole client process (JVM start, create, upload) from \`/usr/bin/time -v\`; the
process took ${CLIENT_WALL} wall-clock in total. The server writes the upload to disk and hashes it,
so both figures include its work too.

Machine: ${CPUS} CPUs (${CPU_MODEL}), ${MEM} RAM, ${JAVA_VERSION}; load average at the end \`${LOAD}\`
(a load above the core count means other work shared the machine: compare the two rows, not runs).
MD

python3 - "$SECTION" <<'PY'
import pathlib, re, sys
section = pathlib.Path(sys.argv[1]).read_text()
path = pathlib.Path("BENCHMARKS.md")
text = path.read_text() if path.exists() else "# Benchmarks\n"
pattern = re.compile(r"## Upload to the embedded server\n.*?(?=\n## |\Z)", re.S)
if pattern.search(text):
    text = pattern.sub(section.rstrip("\n") + "\n", text)
else:
    text = text.rstrip("\n") + "\n\n" + section
path.write_text(text)
PY
cat "$SECTION"
