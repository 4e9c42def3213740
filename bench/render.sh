#!/usr/bin/env bash
# Rendering benchmark (issue 4): casepress (in-process batch, cold CLI with and without AppCDS)
# against pandoc + weasyprint on the same Markdown files, in one run. Writes the "Rendering"
# section of BENCHMARKS.md (other sections are left alone). Not a test: run it by hand.
#
#   bench/render.sh [ROUNDS]      ROUNDS of the in-process batch (default 3)
#
# Installs pandoc and weasyprint with apt-get when they are missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=../shared/corpus

echo "== building" >&2
./mvnw -q -o -DskipTests package >/dev/null
./mvnw -q -o test-compile >/dev/null
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$(cat "$work/cp.txt"):target/classes:target/test-classes"
jar=target/casepress-cli.jar

# The files: the shared corpus, the example case studies (when the repository has them) and our
# test fixture.
files=()
while IFS= read -r f; do files+=("$f"); done < <(find "$corpus" -name '*.md' | sort)
for f in case-studies/*/case-study.md src/test/resources/render/workspace/case-studies/*/case-study.md; do
  [ -f "$f" ] && files+=("$f")
done
echo "== ${#files[@]} Markdown files" >&2

# --- casepress, in-process batch ---------------------------------------------------------
echo "== casepress batch ($rounds rounds after a warm-up round)" >&2
java -cp "$cp" org.casepress.render.bench.BatchRender "$rounds" "$work/casepress" "${files[@]}" \
  2>"$work/batch.err" >"$work/casepress.txt"

# --- casepress, cold CLI -----------------------------------------------------------------
echo "== casepress cold CLI" >&2
cold_ws="$work/ws"
mkdir -p "$cold_ws"
cp -r src/test/resources/render/workspace/. "$cold_ws/"
slug=river-sensors
cold_md="$cold_ws/case-studies/$slug/case-study.md"
ms() { echo $(( $(date +%s%N) / 1000000 )); }
cold_runs() { # label, java options...
  local label=$1; shift
  for i in 1 2 3 4 5; do
    local t0; t0=$(ms)
    java "$@" -jar "$jar" render "$slug" --workspace "$cold_ws" --date 2026-11-25 >/dev/null 2>&1
    echo "$label $(( $(ms) - t0 ))"
  done
}
startup_runs() {
  local label=$1; shift
  for i in 1 2 3 4 5; do
    local t0; t0=$(ms)
    java "$@" -jar "$jar" --help >/dev/null 2>&1
    echo "$label $(( $(ms) - t0 ))"
  done
}
{
  startup_runs jvm-help
  cold_runs cold-default
  cold_runs cold-tiered -XX:TieredStopAtLevel=1
  # AppCDS on JDK 17: record the classes of one render, then map the archive on every start.
  java -XX:ArchiveClassesAtExit="$work/casepress.jsa" -jar "$jar" render "$slug" --workspace "$cold_ws" --date 2026-11-25 >/dev/null 2>&1 || true
  # The launcher as shipped: it keeps its own archive in target/ (made by its first render).
  rm -f target/casepress.jsa
  ./casepress render "$slug" --workspace "$cold_ws" --date 2026-11-25 >/dev/null 2>&1
  for i in 1 2 3 4 5; do
    t0=$(ms)
    ./casepress render "$slug" --workspace "$cold_ws" --date 2026-11-25 >/dev/null 2>&1
    echo "cold-launcher $(( $(ms) - t0 ))"
  done
  if [ -f "$work/casepress.jsa" ]; then
    startup_runs jvm-help-cds -XX:SharedArchiveFile="$work/casepress.jsa"
    cold_runs cold-cds -XX:SharedArchiveFile="$work/casepress.jsa"
    cold_runs cold-cds-tiered -XX:SharedArchiveFile="$work/casepress.jsa" -XX:TieredStopAtLevel=1
  fi
} >"$work/cold.txt"

# --- peak memory, largest corpus file ------------------------------------------------------
largest=$(find "$corpus" -name '*.md' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
echo "== peak memory on $largest" >&2
/usr/bin/time -v java -Xmx512m -cp "$cp" org.casepress.render.bench.BatchRender 1 "$work/mem" "$largest" \
  >/dev/null 2>"$work/mem.txt" || true

# --- pandoc + weasyprint -----------------------------------------------------------------
have_pw=yes
if ! command -v pandoc >/dev/null || ! command -v weasyprint >/dev/null; then
  echo "== installing pandoc and weasyprint" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  { $sudo_cmd apt-get update -q && $sudo_cmd apt-get install -y -q pandoc weasyprint; } >"$work/apt.log" 2>&1 || have_pw=no
fi
: >"$work/pw.txt"
if [ "$have_pw" = yes ]; then
  echo "== pandoc + weasyprint (one round)" >&2
  mkdir -p "$work/pw"
  for f in "${files[@]}"; do
    out="$work/pw/$(echo "$f" | tr '/' '_')"
    t0=$(ms)
    if pandoc "$f" -f markdown -s --metadata title=bench -o "$out.html" 2>/dev/null \
        && weasyprint "$out.html" "$out.pdf" >/dev/null 2>&1; then
      echo "$f $(( $(ms) - t0 ))" >>"$work/pw.txt"
    else
      echo "$f FAILED" >>"$work/pw.txt"
    fi
  done
  for i in 1 2 3 4 5; do
    t0=$(ms)
    pandoc "$cold_md" -f markdown -s --metadata title=bench -o "$work/cold.html" 2>/dev/null
    weasyprint "$work/cold.html" "$work/cold.pdf" >/dev/null 2>&1
    echo "cold-pw $(( $(ms) - t0 ))" >>"$work/cold.txt"
  done
fi

# --- report --------------------------------------------------------------------------------
python3 - "$work" "$have_pw" "$rounds" "$largest" <<'PY'
import os, re, statistics, subprocess, sys, platform
work, have_pw, rounds, largest = sys.argv[1], sys.argv[2] == "yes", sys.argv[3], sys.argv[4]
def table(path):
    rows = {}
    for line in open(path):
        parts = line.rsplit(" ", 1)
        if len(parts) == 2:
            rows[parts[0]] = parts[1].strip()
    return rows
cp = {k: float(v) for k, v in table(f"{work}/casepress.txt").items()}
pw = {k: v for k, v in table(f"{work}/pw.txt").items()} if have_pw else {}
cold = {}
for line in open(f"{work}/cold.txt"):
    label, v = line.split()
    cold.setdefault(label, []).append(float(v))
med = lambda xs: statistics.median(xs) if xs else float("nan")
both = [k for k in cp if k in pw and pw[k] != "FAILED"]
failed = [k for k, v in pw.items() if v == "FAILED"]
ratios = [float(pw[k]) / cp[k] for k in both if cp[k] > 0]
mem = open(f"{work}/mem.txt").read()
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", mem)
rss_mb = int(rss.group(1)) / 1024 if rss else float("nan")
mem_ok = "completed" if "Exception" not in mem and rss else "FAILED"
def jv():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return out[1] if len(out) > 1 else out[0]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
memtotal = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
tools = subprocess.run("pandoc --version | head -1; weasyprint --version", shell=True, capture_output=True, text=True).stdout.strip().replace("\n", ", ") if have_pw else "not available"
L = []
L.append("## Rendering")
L.append("")
L.append("Written by `bench/render.sh` (issue 4); rerun it to refresh this section. Times are wall-clock milliseconds.")
L.append("")
L.append(f"Machine: {cpu}, {os.cpu_count()} cores, {memtotal} MB RAM; {platform.system()} {platform.release()}; {jv()}; pandoc/weasyprint: {tools}.")
L.append("")
L.append(f"Files: {len(cp)} Markdown files (the shared corpus, the example case studies present, and the test fixture); {len(both)} rendered by both tools" + (f", {len(failed)} failed with pandoc+weasyprint" if failed else "") + ".")
L.append("")
L.append("| Measure | Median | Goal | Met |")
L.append("|---|---:|---|---|")
L.append(f"| casepress, in-process batch, per document (median over files of the median of {rounds} rounds) | {med(list(cp.values())):.0f} ms | | |")
if have_pw:
    L.append(f"| pandoc + weasyprint, per document | {med([float(pw[k]) for k in both]):.0f} ms | | |")
    r = med(ratios)
    L.append(f"| per-document ratio pandoc+weasyprint / casepress batch (median over files) | {r:.1f}x | at least 20x | {'yes' if r >= 20 else 'no'} |")
L.append(f"| JVM start-up only (`java -jar casepress-cli.jar --help`) | {med(cold.get('jvm-help', [])):.0f} ms | | |")
if cold.get("jvm-help-cds"):
    L.append(f"| JVM start-up with AppCDS archive | {med(cold['jvm-help-cds']):.0f} ms | | |")
L.append(f"| casepress cold `render` of the fixture case study (new JVM) | {med(cold.get('cold-default', [])):.0f} ms | | |")
L.append(f"| same, `-XX:TieredStopAtLevel=1` | {med(cold.get('cold-tiered', [])):.0f} ms | | |")
if cold.get("cold-cds"):
    L.append(f"| same, AppCDS (`-XX:SharedArchiveFile`) | {med(cold['cold-cds']):.0f} ms | | |")
    L.append(f"| same, AppCDS and `-XX:TieredStopAtLevel=1` | {med(cold['cold-cds-tiered']):.0f} ms | | |")
if cold.get("cold-launcher"):
    L.append(f"| same, through the `./casepress` launcher as shipped (AppCDS archive made by its first render, `-XX:TieredStopAtLevel=1`) | {med(cold['cold-launcher']):.0f} ms | | |")
if have_pw and cold.get("cold-pw"):
    best = min(med(v) for k, v in cold.items() if k.startswith("cold-") and k != "cold-pw")
    L.append(f"| pandoc + weasyprint on the same case study | {med(cold['cold-pw']):.0f} ms | | |")
    L.append(f"| fastest casepress cold render vs pandoc + weasyprint | {best:.0f} vs {med(cold['cold-pw']):.0f} ms | no slower | {'yes' if best <= med(cold['cold-pw']) else 'no'} |")
L.append(f"| peak resident memory, largest corpus file ({os.path.basename(largest)}), `-Xmx512m`, whole JVM | {rss_mb:.0f} MB ({mem_ok}) | under 512 MB | {'yes' if rss_mb < 512 and mem_ok == 'completed' else 'no'} |")
L.append("")
slow = sorted(cp.items(), key=lambda kv: -kv[1])[:5]
L.append("Slowest files in the casepress batch: " + "; ".join(f"{os.path.relpath(k)} {v:.0f} ms" for k, v in slow) + ".")
L.append("")
L.append("Notes: casepress saves PDFs without object streams (PDFBox's object-stream compression took about a quarter of a warm render; files are about half again as large, page content stays compressed). casepress renders tagged PDF/UA-1 + PDF/A-2a with embedded, subset fonts, a title page, outline and watermark; pandoc+weasyprint renders an untagged PDF from pandoc's default HTML template, so the comparison favours pandoc+weasyprint in output work. The cold figures include JVM start-up, loading the workspace, font loading and one render. The AppCDS archive is made with `-XX:ArchiveClassesAtExit` on one render (JDK 17 has no `-XX:+AutoCreateSharedArchive`).")
L.append("")
section = "\n".join(L)
path = "BENCHMARKS.md"
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n\n"
m = re.search(r"^## Rendering\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
text = text[:m.start()] + section + text[m.end():] if m else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
print(section)
PY
