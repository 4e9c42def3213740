#!/usr/bin/env bash
# Hostile and damaged input (issue 14): makes each crafted input in a fresh copy of a small
# workspace, runs the command a user would run on it, and prints one Markdown table row per run:
# exit code, wall time and peak RSS (from /usr/bin/time -v). The rows go into FAULTS.md by hand.
# Not a test, and slow on a shared machine: run it once, by hand.
#
#   bench/hostile.sh [JAR]      JAR defaults to target/casepress-cli.jar (built when missing)
#
# Every run is cut off at 300 s (exit 124), as in the issue's own measurements.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar=${1:-target/casepress-cli.jar}
[ -f "$jar" ] || ./mvnw -q -o -DskipTests package >/dev/null
jar=$(realpath "$jar")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
base=src/test/resources/checks/base
md=case-studies/base-study/case-study.md
png=case-studies/base-study/figures/chart.png

fresh() { # a copy of the small valid workspace
  rm -rf "$work/ws"
  cp -r "$base" "$work/ws"
}

examples() { # a copy of the example workspace, with approved case studies
  rm -rf "$work/ws"
  mkdir -p "$work/ws"
  cp -r case-studies metadata "$work/ws/"
}

measure() { # label, command words...: one table row
  local label=$1; shift
  local code=0
  /usr/bin/time -v -o "$work/time.txt" timeout 300 java ${JAVA_OPTS:-} -jar "$jar" "$@" \
    --workspace "$work/ws" >"$work/out.txt" 2>"$work/err.txt" || code=$?
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" \
    | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$work/time.txt")
  local said
  said=$(cat "$work/err.txt" "$work/out.txt" | grep -m1 -E 'error|Not |refused|nests|limit|could not|cannot' \
    | cut -c1-110 | sed 's/|/\\|/g' || true)
  printf '| %s | `%s` | %s | %.1f s | %s MB | %s |\n' "$label" "$*" "$code" "$secs" "$rss" "$said"
}

python_png() { # width, height, file: a gradient PNG (valid, compresses well)
  python3 - "$@" <<'EOF'
import struct, sys, zlib
w, h, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
row = bytes([0]) + bytes((x * 255 // max(1, w - 1)) for x in range(w)) * 1
raw = zlib.compressobj(9)
data = b''.join(raw.compress(row) for _ in range(h)) + raw.flush()
with open(out, 'wb') as f:
    f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
            + chunk(b'IDAT', data) + chunk(b'IEND', b''))
EOF
}

echo "| input | command | exit | time | peak RSS | first line said |"
echo "|---|---|---|---|---|---|"

fresh; { printf '\n'; printf '> %.0s' $(seq 5000); printf 'deep\n'; } >>"$work/ws/$md"
measure "5,000-deep blockquote, one line" check
measure "5,000-deep blockquote, one line" render base-study
measure "5,000-deep blockquote, one line" status

fresh; for i in $(seq 0 1999); do printf '%*s- level %d\n' $((i * 2)) '' "$i"; done >>"$work/ws/$md"
measure "2,000-level indented list" check

fresh; python3 -c "
import sys
sys.stdout.write(('A sentence that is repeated until the file is thirty megabytes long. ' * 14 + '\n\n') * 30000)
" >>"$work/ws/$md"
measure "30 MB case-study.md" check
measure "30 MB case-study.md" render base-study

fresh; python3 -c "import sys; sys.stdout.write('x' * 20_000_000 + '\n')" >>"$work/ws/$md"
measure "one-line 20 MB paragraph" render base-study

fresh; python3 - "$work/ws/$md" <<'EOF'
import sys
p = sys.argv[1]
s = open(p).read().replace('keywords: [version control, flood forecasting]',
    'keywords: [' + ', '.join('keyword %d' % i for i in range(100000)) + ']')
open(p, 'w').write(s)
EOF
measure "100,000 keywords" check
measure "100,000 keywords" render base-study

fresh; python_png 30000 30000 "$work/ws/$png"
measure "PNG of 30,000 x 30,000 pixels ($(( $(stat -c %s "$work/ws/$png") / 1024 )) KB)" check
measure "PNG of 30,000 x 30,000 pixels" render base-study

fresh; head -c 700 "$base/$png" >"$work/ws/$png"
measure "truncated PNG" check
measure "truncated PNG" render base-study --final

fresh; cp "$base/$png" "$work/ws/$png"
python3 - "$work/ws/$png" <<'EOF'
import sys
p = sys.argv[1]; b = bytearray(open(p, 'rb').read()); b[100] ^= 0xff; open(p, 'wb').write(b)
EOF
measure "CRC-corrupt PNG" check

fresh; sed -i 's/^title: .*/title: "Opening the flood model \xe2\x80\xaeyduts esac"/' "$work/ws/$md"
measure "U+202E in the title" check

fresh; cp "$work/ws/metadata/people.yaml" "$work/people.before"
measure "render --output metadata/people.yaml" render base-study --output "$work/ws/metadata/people.yaml"
cmp -s "$work/people.before" "$work/ws/metadata/people.yaml" && echo "|  | (people.yaml unchanged) | | | | |" \
  || echo "|  | (people.yaml REPLACED) | | | | |"

examples
slug=fernbank-reproducible-forecasting
python3 - "$work/ws/case-studies/$slug/status.json" <<'EOF'
import json, sys
p = sys.argv[1]; s = json.load(open(p))
h = s['history'][0]
h.update(actor='mallory', action='approve', to='approved', version=7)
s.update(state='approved', version=7, history=[h])
open(p, 'w').write(json.dumps(s, indent=2) + '\n')
EOF
measure "forged status.json (draft to approved by mallory, v7)" release "$slug"

# The largest input check accepts: a case-study.md just under the size limit, in lines under the
# line-length limit, and images at the pixel limit, rendered with the heap the resource test uses.
fresh
python3 - "$work/ws/$md" <<'EOF'
import sys
p = sys.argv[1]
para = ('Flood models are shared as code, data and documents, and each of them needs a review. ' * 8).strip()
parts, size = [], len(open(p).read())
i = 0
while size < 250_000:
    block = ['\n## Section %d\n' % i, para + '\n', '- a point about it\n- another point\n',
             '| year | releases |\n|---|---|\n| 2024 | %d |\n' % i, '> ' + para[:200] + '\n']
    text = '\n'.join(block)
    parts.append(text); size += len(text.encode()); i += 1
open(p, 'a').write(''.join(parts) + '\n![The largest image allowed](figures/big.png)\n')
EOF
python_png 5000 5000 "$work/ws/case-studies/base-study/figures/big.png"
measure "largest accepted input (250 KB, 5000 x 5000 PNG), default heap" check
measure "largest accepted input (250 KB, 5000 x 5000 PNG), default heap" render base-study
JAVA_OPTS=-Xmx512m measure "largest accepted input, -Xmx512m" render base-study
