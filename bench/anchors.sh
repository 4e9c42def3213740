#!/usr/bin/env bash
# casepress against the tools an author would pick instead (issue 15): pandoc 3 + Typst 0.14
# (the anchor), mystmd, and pandoc + WeasyPrint, on the same inputs, cold and batch, pair by pair
# in one run, with peak RSS. Writes the "Against Typst, mystmd and pandoc" section of
# BENCHMARKS.md (other sections are left alone). Not a test: run it by hand on a quiet machine.
#
#   bench/anchors.sh [ROUNDS]     cold rounds per document and tool (default 5)
#
# The anchors are installed under bench/.anchors/ when missing (nothing system-wide but
# WeasyPrint, which comes from Debian's own release):
# - pandoc 3.1.11 from Debian 13 (trixie), with the C library it was built against, run through
#   that library's loader so that it works on Debian 12;
# - Typst 0.14 through its npm distribution (@myriaddreamin/typst-ts-node-compiler), driven by
#   bench/anchors/typst.mjs, which also stands in for the `typst` command that mystmd calls;
# - mystmd from npm, with a minimal local Typst template (its own templates are downloaded from
#   the internet, which this machine cannot reach).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${1:-5}
anchors="$root/bench/.anchors"
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT   # KEEP=1 keeps the scratch folder to look at
corpus=../shared/corpus
mkdir -p "$anchors"

# --- anchors ------------------------------------------------------------------------------
trixie_apt() { # apt-get/apt-cache against Debian 13 lists kept in bench/.anchors only
  local cmd=$1; shift
  "$cmd" -o Dir::Etc::sourcelist="$anchors/trixie.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$anchors/apt/lists" -o Dir::Cache="$anchors/apt/cache" "$@"
}
if [ ! -x "$anchors/root/usr/bin/pandoc" ]; then
  echo "== installing pandoc 3 from Debian 13 into bench/.anchors" >&2
  echo 'deb http://deb.debian.org/debian trixie main' >"$anchors/trixie.list"
  mkdir -p "$anchors/apt/lists/partial" "$anchors/apt/cache/archives/partial" "$anchors/debs"
  trixie_apt apt-get -q update >/dev/null
  (cd "$anchors/debs" && trixie_apt apt-get -q download pandoc pandoc-data libc6 libgmp10 \
    liblua5.4-0 libffi8 >/dev/null 2>&1)
  for d in "$anchors"/debs/*.deb; do dpkg-deb -x "$d" "$anchors/root"; done
fi
pandoc3() {
  local r="$anchors/root"
  "$r/usr/lib64/ld-linux-x86-64.so.2" --library-path "$r/usr/lib/x86_64-linux-gnu:$r/lib/x86_64-linux-gnu" \
    "$r/usr/bin/pandoc" --data-dir="$r/usr/share/pandoc/data" "$@"
}
if [ ! -d "$anchors/npm/node_modules/mystmd" ]; then
  echo "== installing Typst (npm) and mystmd into bench/.anchors" >&2
  mkdir -p "$anchors/npm"
  (cd "$anchors/npm" && npm install --silent --no-audit --no-fund --no-save \
    @myriaddreamin/typst-ts-node-compiler@0.7.0 mystmd@1.8.3 >/dev/null)
fi
export NODE_PATH="$anchors/npm/node_modules"
typst_js="$root/bench/anchors/typst.mjs"
mkdir -p "$anchors/bin"
# mystmd runs `typst compile IN OUT`; this is Typst 0.14 through the same npm compiler.
printf '#!/bin/sh\nexec node %s "$@"\n' "$typst_js" >"$anchors/bin/typst"
chmod +x "$anchors/bin/typst"
mkdir -p "$anchors/data/typst/packages/preview/tablex"
ln -sfn "$root/bench/anchors/tablex-0.0.9" "$anchors/data/typst/packages/preview/tablex/0.0.9"
myst="$anchors/npm/node_modules/.bin/myst"
if ! command -v weasyprint >/dev/null; then
  echo "== installing weasyprint from Debian" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  { $sudo_cmd apt-get update -q && $sudo_cmd apt-get install -y -q weasyprint; } >"$work/apt.log" 2>&1 || true
fi

# --- inputs -------------------------------------------------------------------------------
echo "== building casepress" >&2
./mvnw -q -B -DskipTests package >/dev/null
ws="$work/ws"
# The examples, and three large real pages (when the corpus is beside the clone) wrapped as case studies.
bench/anchors/documents.sh "$ws" "$corpus" >"$work/wrapped.txt"
slugs=()
for d in "$ws"/case-studies/*/; do slugs+=("$(basename "$d")"); done
echo "== ${#slugs[@]} documents: ${slugs[*]}" >&2

# Each document once more as a plain Markdown body in a folder of its own (with its images)
# for the anchors: front matter removed, title and language passed as metadata, as an author
# moving to pandoc or MyST would do.
for s in "${slugs[@]}"; do
  a="$work/anchor/$s"
  mkdir -p "$a"
  cp -r "$ws/case-studies/$s/." "$a/"
  python3 bench/anchors/body.py "$a/case-study.md" "$a"
done

ms() { echo $(( $(date +%s%N) / 1000000 )); }
# A command that fails stops the whole run: a row left without a time reads as a tool that
# was not measured, and hides that casepress (or the wrapped input) broke.
trap 'echo "bench/anchors.sh: stopped; BENCHMARKS.md is left as it was" >&2; exit 1' USR1
peak() { # command...: prints "wall_ms peak_kb" of the whole command
  local t0 t1
  t0=$(ms)
  if ! /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>"$work/last.err"; then
    { echo "bench/anchors.sh: FAILED: $*"; tail -20 "$work/last.err"; } >&2
    kill -USR1 $$ # from inside $(...): an exit here would leave only the subshell
    exit 1
  fi
  t1=$(ms)
  echo "$(( t1 - t0 )) $(tail -1 "$work/rss")"
}
pandoc_typst() { # folder: pandoc to .typ, then Typst to PDF/UA-1 (both timed)
  # Sections start at ## in a case study; Typst's PDF/UA-1 check wants the first heading at
  # level 1. pandoc 3.1 drops image alt text in Typst output, which PDF/UA-1 refuses: put a
  # placeholder back (an author would have to do the same).
  (cd "$1" && pandoc3 -f markdown -t typst -s --shift-heading-level-by=-1 --metadata-file=meta.yaml \
      body.md -o doc.typ \
    && sed -i -E 's/image\("([^"]+)"\)/image("\1", alt: "figure")/g' doc.typ \
    && node "$typst_js" compile doc.typ doc-typst.pdf --pdf-standard ua-1)
}
pandoc_weasy() {
  (cd "$1" && pandoc3 -f markdown -t html5 -s --metadata-file=meta.yaml body.md -o doc.html \
    && weasyprint doc.html doc-weasy.pdf)
}
myst_pdf() { # Typst packages from bench/.anchors/data only (the tablex stand-in)
  (cd "$1/myst" && rm -rf _build out.pdf && XDG_DATA_HOME="$anchors/data" PATH="$anchors/bin:$PATH" "$myst" build --pdf --ci)
}
export -f pandoc3 pandoc_typst pandoc_weasy myst_pdf
export anchors typst_js myst TYPST_FONT_PATHS="$root/src/main/resources/org/casepress/render/fonts"

# Every command runs in the launcher's own JVM (CASEPRESS_WARM=off) unless a row says it goes
# to the warm process (docs/warm.md): those rows use a socket folder of this run's own, and every
# warm process started here is stopped before the batch.
export CASEPRESS_WARM=off
java25=${CASEPRESS_JAVA25:-$(ls -d /usr/lib/jvm/*-25-*/bin/java /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
warm_dir="$work/warm"
: >"$work/warm-rss.txt"
warm_render() { # JAVA FOLDER SLUG OUT: render through the warm process of that Java and folder
  env CASEPRESS_WARM=on CASEPRESS_WARM_DIR="$2" CASEPRESS_WARM_IDLE=900 CASEPRESS_JAVA="$1" \
    ./casepress render "$3" --final --workspace "$ws" --output "$4"
}
export -f warm_render
export ws
stop_warm() { # LABEL FOLDER: note each warm process's peak RSS (kB), then stop it
  local f pid
  for f in "$2"/*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    echo "$1 $(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null || echo 0)" >>"$work/warm-rss.txt"
    kill "$pid" 2>/dev/null || true
  done
}
# A warm process renders its first case study again a few times once it has answered (docs/warm.md,
# "It warms itself"): wait for that to end, so that no timed run of any tool shares the cores with it.
wait_idle() { # FOLDER: until each of its warm processes has used at most one clock tick in 0.5 s
  local f pid before after i
  for f in "$1"/*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    for i in $(seq 120); do
      before=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
      sleep 0.5
      after=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
      [ $(( after - before )) -le 1 ] && break
    done
  done
}
java17=$(command -v java)
# Warm the file cache and the launcher's start-up archives once (the Java 25 AOT cache too); every
# tool gets one untimed run per document too, and the warm processes of the "later commands" rows
# are started by one untimed render each.
./casepress render "${slugs[0]}" --final --workspace "$ws" --output "$work/warm.pdf" >/dev/null 2>&1 || true
warm_render "$java17" "$warm_dir" "${slugs[0]}" "$work/warm.pdf" >/dev/null 2>&1 || true
if [ -n "$java25" ]; then
  CASEPRESS_JAVA="$java25" ./casepress --help >/dev/null 2>&1 || true
  warm_render "$java25" "$warm_dir" "${slugs[0]}" "$work/warm.pdf" >/dev/null 2>&1 || true
fi
for s in "${slugs[@]}"; do
  pandoc_typst "$work/anchor/$s" >/dev/null 2>&1 || true
done
wait_idle "$warm_dir"

# --- cold: one process per document, tools interleaved pair by pair -------------------------
echo "== cold: $rounds rounds x ${#slugs[@]} documents" >&2
: >"$work/cold.txt"
for r in $(seq "$rounds"); do
  for s in "${slugs[@]}"; do
    echo "casepress $s $(peak ./casepress render "$s" --final --workspace "$ws" --output "$work/$s.pdf")" >>"$work/cold.txt"
    echo "typst $s $(peak bash -c "pandoc_typst '$work/anchor/$s'")" >>"$work/cold.txt"
    # Later commands: the warm process is running (peak RSS is the client's).
    echo "casepress-warm $s $(peak bash -c 'warm_render "$@"' _ "$java17" "$warm_dir" "$s" "$work/$s.pdf")" >>"$work/cold.txt"
    if [ -n "$java25" ]; then
      echo "casepress-jdk25 $s $(peak env CASEPRESS_JAVA="$java25" ./casepress render "$s" --final --workspace "$ws" --output "$work/$s.pdf")" >>"$work/cold.txt"
      echo "casepress-jdk25-warm $s $(peak bash -c 'warm_render "$@"' _ "$java25" "$warm_dir" "$s" "$work/$s.pdf")" >>"$work/cold.txt"
    fi
    if [ "$r" -le 2 ]; then # the slow ones: two rounds are enough for a ratio
      # The first command: no warm process yet, so it starts one and renders in it, cold.
      fresh="$work/first-$r-$s"
      echo "casepress-first $s $(peak bash -c 'warm_render "$@"' _ "$java17" "$fresh" "$s" "$work/$s.pdf")" >>"$work/cold.txt"
      stop_warm warm-first "$fresh"
      if [ -n "$java25" ]; then
        echo "casepress-jdk25-first $s $(peak bash -c 'warm_render "$@"' _ "$java25" "$fresh-25" "$s" "$work/$s.pdf")" >>"$work/cold.txt"
        stop_warm warm-first-jdk25 "$fresh-25"
      fi
      if command -v weasyprint >/dev/null; then
        echo "weasy $s $(peak bash -c "pandoc_weasy '$work/anchor/$s'")" >>"$work/cold.txt"
      fi
      echo "myst $s $(peak bash -c "myst_pdf '$work/anchor/$s'")" >>"$work/cold.txt"
    fi
  done
done
# The warm processes of the "later commands" rows, after every render above (one per Java).
stop_warm warm-after-cold "$warm_dir"

# --- batch: every document in one go -------------------------------------------------------
echo "== batch" >&2
typ_args=()
for s in "${slugs[@]}"; do typ_args+=("$work/anchor/$s/doc.typ" "$work/anchor/$s/batch.pdf"); done
: >"$work/batch.txt"
# The batch through the warm process already running (Java 17): started and warmed by one untimed
# batch; peak RSS is the client's, the warm process's own is noted with the others.
batch_dir="$work/warm-batch"
warm_all() {
  env CASEPRESS_WARM=on CASEPRESS_WARM_DIR="$batch_dir" CASEPRESS_WARM_IDLE=900 CASEPRESS_JAVA="$java17" \
    ./casepress render --all --final --workspace "$ws"
}
export -f warm_all
export batch_dir java17
warm_all >/dev/null 2>&1 || true
wait_idle "$batch_dir"
for r in 1 2 3; do
  rm -rf "$ws/build"
  echo "casepress-all $(peak ./casepress render --all --final --workspace "$ws")" >>"$work/batch.txt"
  rm -rf "$ws/build"
  echo "casepress-all-warm $(peak bash -c warm_all)" >>"$work/batch.txt"
  echo "typst-one-process $(peak node "$typst_js" batch --pdf-standard ua-1 "${typ_args[@]}")" >>"$work/batch.txt"
  t0=$(ms)
  for s in "${slugs[@]}"; do
    node "$typst_js" compile "$work/anchor/$s/doc.typ" "$work/anchor/$s/loop.pdf" --pdf-standard ua-1 >/dev/null
  done
  echo "typst-loop $(( $(ms) - t0 )) 0" >>"$work/batch.txt"
done
stop_warm warm-batch "$batch_dir"

# --- in one warm process: the batch again and again, and the live preview -------------------
echo "== in-process batch and live preview" >&2
./mvnw -q -B -o test-compile >/dev/null
bench_cp="target/casepress-cli.jar:target/test-classes"
# The launcher's flags; the batch through PdfJob as render --all calls it, 6 rounds in one JVM.
java -XX:TieredStopAtLevel=1 -Xlog:disable -cp "$bench_cp" org.casepress.publish.bench.WarmBatch \
  "$ws" 6 >"$work/warmbatch.txt" || { echo "bench/anchors.sh: FAILED: WarmBatch" >&2; exit 1; }
# The preview of `serve` (the board and its watcher every 100 ms, ServeCommand.WATCH_EVERY), on the
# examples only: the wrapped corpus pages are not what an author edits while watching.
examples=()
for s in "${slugs[@]}"; do [[ "$s" == corpus-* ]] || examples+=("$s"); done
java -XX:TieredStopAtLevel=1 -Xlog:disable -cp "$bench_cp" org.casepress.board.bench.PreviewLatency \
  "$ws" 11 100 "${examples[@]}" >"$work/preview.txt" 2>/dev/null \
  || { echo "bench/anchors.sh: FAILED: PreviewLatency" >&2; exit 1; }

# --- start-up breakdown --------------------------------------------------------------------
echo "== start-up breakdown" >&2
./mvnw -q -B -o test-compile >/dev/null
first=fernbank-reproducible-forecasting
[ -d "$ws/case-studies/$first" ] || first=${slugs[0]}
# The Java 25 ahead-of-time cache, trained the way the launcher trains it.
if [ -n "$java25" ]; then
  CASEPRESS_JAVA="$java25" ./casepress --help >/dev/null 2>&1 || true
fi
: >"$work/startup.txt"
: >"$work/breakdown.txt"
for r in $(seq "$rounds"); do
  echo "help $(peak ./casepress --help)" >>"$work/startup.txt"
  echo "check $(peak ./casepress check "$first" --workspace "$ws")" >>"$work/startup.txt"
  echo "status $(peak ./casepress status --workspace "$ws")" >>"$work/startup.txt"
  echo "check-all $(peak ./casepress check --workspace "$ws")" >>"$work/startup.txt"
  echo "render $(peak ./casepress render "$first" --final --workspace "$ws" --output "$work/s.pdf")" >>"$work/startup.txt"
  echo "render-no-archive $(peak java -XX:TieredStopAtLevel=1 -Xshare:auto -jar target/casepress-cli.jar render "$first" --final --workspace "$ws" --output "$work/s.pdf")" >>"$work/startup.txt"
  if [ -n "$java25" ]; then
    echo "help-jdk25-aot $(peak env CASEPRESS_JAVA="$java25" ./casepress --help)" >>"$work/startup.txt"
    echo "render-jdk25-aot $(peak env CASEPRESS_JAVA="$java25" ./casepress render "$first" --final --workspace "$ws" --output "$work/s.pdf")" >>"$work/startup.txt"
  fi
  # Inside the JVM, with the launcher's flags and archive (the test classes appended to its jar).
  java -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=target/casepress.jsa -Xlog:disable \
    -cp target/casepress-cli.jar:target/test-classes org.casepress.render.bench.ColdBreakdown \
    "$ws" "$first" "$work" >>"$work/breakdown.txt" 2>/dev/null || true
done

# --- report --------------------------------------------------------------------------------
versions="pandoc $(pandoc3 --version | head -1 | cut -d' ' -f2); Typst $(node "$typst_js" version); mystmd $("$myst" --version 2>/dev/null | tail -1); $(weasyprint --version 2>/dev/null || echo 'WeasyPrint not available')"
python3 bench/anchors/report.py "$work" "$versions" "$rounds" "${#slugs[@]}" "$(cat /proc/loadavg)" "${java25:-none}"
