"""Writes the "Against Typst, mystmd and pandoc" section of BENCHMARKS.md from the raw lines
bench/anchors.sh collected: cold pairs per document, batch totals, start-up breakdown."""
import os, re, statistics, subprocess, sys, platform, datetime

work, versions, rounds, ndocs, load, java25 = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
med = lambda xs: statistics.median(xs) if xs else float("nan")

cold = {}  # (tool, doc) -> [(ms, kb)]
for line in open(f"{work}/cold.txt"):
    tool, doc, t, kb = line.split()
    cold.setdefault((tool, doc), []).append((float(t), int(kb)))
docs = sorted({d for _, d in cold})
def ratio(tool, base="casepress"):
    """Median over documents of the median pair-by-pair ratio casepress / tool."""
    per_doc = []
    for d in docs:
        a, b = cold.get((base, d), []), cold.get((tool, d), [])
        pairs = [x[0] / y[0] for x, y in zip(a, b) if y[0] > 0]
        if pairs:
            per_doc.append(med(pairs))
    return med(per_doc), per_doc
def times(tool):
    return [t for d in docs for t, _ in cold.get((tool, d), [])]
def rss(tool):
    return max([kb for d in docs for _, kb in cold.get((tool, d), [])] or [0]) / 1024

batch = {}
for line in open(f"{work}/batch.txt"):
    label, t, kb = line.split()
    batch.setdefault(label, []).append((float(t), int(kb)))
bt = {k: med([t for t, _ in v]) for k, v in batch.items()}
brss = {k: max(kb for _, kb in v) / 1024 for k, v in batch.items()}
startup = {}
for line in open(f"{work}/startup.txt"):
    label, t, kb = line.split()
    startup.setdefault(label, []).append(float(t))

def jv():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return out[1] if len(out) > 1 else out[0]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())

L = ["## Against Typst, mystmd and pandoc", ""]
L.append(f"Written by `bench/anchors.sh` (issue 15) on {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC; rerun it to refresh this section. "
         "Wall-clock milliseconds; ratios are casepress / anchor, the median over documents of the median of the pair-by-pair ratios "
         "(each casepress run is followed at once by the anchor's run on the same document), so a busy machine moves both sides of a pair alike.")
L.append("")
L.append(f"Machine: {cpu}, {os.cpu_count()} cores; {jv()}; load average at the end `{load}`. Versions: {versions}.")
L.append("")
L.append(f"Documents: {ndocs} ({', '.join(docs)}). casepress renders `--final` (tagged PDF/UA-1 and PDF/A-2a, title page, outline); "
         "pandoc 3 + Typst renders `--pdf-standard ua-1` from the same body with the same DejaVu fonts; mystmd (`myst build --pdf`, "
         "through the same Typst) and pandoc + WeasyPrint make untagged or UA-failing output, so they do less work.")
L.append("")
L.append("### Cold: one process per document")
L.append("")
L.append("| tool | median wall | peak RSS | casepress / tool | goal |")
L.append("|---|---:|---:|---:|---|")
L.append(f"| casepress `./casepress render SLUG --final` | {med(times('casepress')):.0f} ms | {rss('casepress'):.0f} MB | | |")
for tool, name, goal in (("typst", "pandoc 3 + Typst 0.14 (`-t typst`, then compile, UA-1)", "<= 1.0"),
                         ("myst", "mystmd `myst build --pdf`", ""),
                         ("weasy", "pandoc 3 + WeasyPrint", "")):
    if times(tool):
        r, per = ratio(tool)
        met = (" (met)" if r <= 1.0 else " (not met)") if goal else ""
        L.append(f"| {name} | {med(times(tool)):.0f} ms | {rss(tool):.0f} MB | {r:.2f} (per document {min(per):.2f}-{max(per):.2f}) | {goal}{met} |")
variants = (("casepress", "in-process, Java 17 (`CASEPRESS_WARM=off`)"),
            ("casepress-first", "first command, Java 17: no warm process yet, it starts one"),
            ("casepress-warm", "later commands, Java 17: the warm process running"),
            ("casepress-jdk25", "in-process, Java 25 with the AOT cache"),
            ("casepress-jdk25-first", "first command, Java 25 with the AOT cache"),
            ("casepress-jdk25-warm", "later commands, Java 25: the warm process running"))
if times("typst") and any(times(v) for v, _ in variants[1:]):
    L.append("")
    L.append("Each way of running a cold `./casepress render SLUG --final` against pandoc 3 + Typst on the same document in the same round "
             "(docs/warm.md; peak RSS is the command's own process, the client where a warm process runs it):")
    L.append("")
    L.append("| casepress | median wall | peak RSS | casepress / pandoc+Typst | goal <= 1.0 |")
    L.append("|---|---:|---:|---:|---|")
    for v, name in variants:
        if times(v):
            r, per = ratio("typst", v)
            L.append(f"| {name} | {med(times(v)):.0f} ms | {rss(v):.0f} MB | {r:.2f} (per document {min(per):.2f}-{max(per):.2f}) | {'met' if r <= 1.0 else 'not met'} |")
    if os.path.exists(f"{work}/warm-rss.txt"):
        wr = {}
        for line in open(f"{work}/warm-rss.txt"):
            fields = line.split()
            if len(fields) == 2 and fields[1].isdigit():  # a process already gone has no figure
                wr.setdefault(fields[0], []).append(int(fields[1]))
        names = {"warm-first": "after one first command (Java 17)", "warm-first-jdk25": "after one first command (Java 25)",
                 "warm-after-cold": "after every render of the cold rounds (one process per Java, the larger)", "warm-batch": "after the batches (Java 17)"}
        parts = [f"{names.get(k, k)} {max(v) / 1024:.0f} MB" for k, v in wr.items() if max(v) > 0]
        if parts:
            L.append("")
            L.append("Peak RSS of the warm process itself: " + "; ".join(parts) + ".")
L.append("")
L.append("### Batch: every document in one go")
L.append("")
L.append("| run | total | per document | peak RSS |")
L.append("|---|---:|---:|---:|")
names = {"casepress-all": "casepress `render --all --final` (one process)", "casepress-all-warm": "casepress `render --all --final` through the warm process already running (peak RSS: the client's)", "typst-one-process": "Typst, all documents in one process (already converted)", "typst-loop": "Typst, one process per document (already converted)"}
for k in ("casepress-all", "casepress-all-warm", "typst-one-process", "typst-loop"):
    if k in bt:
        rs = f"{brss[k]:.0f} MB" if brss.get(k) else ""
        L.append(f"| {names[k]} | {bt[k]:.0f} ms | {bt[k] / ndocs:.0f} ms | {rs} |")
warm = {}  # round -> (wall, cpu)
if os.path.exists(f"{work}/warmbatch.txt"):
    for line in open(f"{work}/warmbatch.txt"):
        _, rnd, wall, cpu, _n = line.split()
        warm[int(rnd)] = (float(wall), float(cpu))
later = [warm[k] for k in sorted(warm) if k >= 3]
if warm:
    first = warm[min(warm)]
    L.append(f"| casepress, the same call (`PdfJob`) in a fresh JVM with the launcher's flags, first round | {first[0]:.0f} ms | {first[0] / ndocs:.0f} ms ({first[1] / ndocs:.0f} ms of CPU) | |")
if later:
    lw, lc = med([w for w, _ in later]), med([c for _, c in later])
    L.append(f"| casepress, the same JVM once warm (median of rounds 3-{max(warm)}) | {lw:.0f} ms | {lw / ndocs:.0f} ms ({lc / ndocs:.0f} ms of CPU) | |")
if "casepress-all" in bt and "typst-one-process" in bt:
    r = bt["casepress-all"] / bt["typst-one-process"]
    L.append("")
    L.append(f"Batch per document, casepress / Typst in one process: **{r:.2f}** (goal <= 0.5: {'met' if r <= 0.5 else 'not met'}).")
    if "casepress-all-warm" in bt:
        L.append(f"Through the warm process already running: **{bt['casepress-all-warm'] / bt['typst-one-process']:.2f}**.")
    if later:
        L.append(f"In a warm JVM (what a long-running process would give): **{lw / bt['typst-one-process']:.2f}**.")
L.append("")
previews = {}
if os.path.exists(f"{work}/preview.txt"):
    for line in open(f"{work}/preview.txt"):
        f = line.split()
        if f[0] == "preview":
            previews[f[1]] = (int(f[2]), int(f[3]), int(f[4]))
        elif f[0] == "preview-all":
            previews["*"] = int(f[1])
if previews:
    L.append("### Live preview: an edit to a case study while `serve` runs")
    L.append("")
    L.append("From saving the edited case-study.md to the board serving the new draft PDF (`bench.PreviewLatency`: the board "
             "as `serve` starts it, its watcher every 100 ms, seen over HTTP; 5 untimed edits per study, then 11 timed, one at a time).")
    L.append("")
    L.append("| case study | median | min | max |")
    L.append("|---|---:|---:|---:|")
    for k, v in previews.items():
        if k != "*":
            L.append(f"| {k} | {v[0]} ms | {v[1]} ms | {v[2]} ms |")
    if "*" in previews:
        L.append("")
        L.append(f"Median over all edits: **{previews['*']} ms** (goal < 300 ms: {'met' if previews['*'] < 300 else 'not met'}).")
    L.append("")
L.append("### Where a cold command spends its time")
L.append("")
L.append("| command (through the launcher) | median wall |")
L.append("|---|---:|")
labels = {"help": "`--help` (JVM start, CLI)", "check": "`check SLUG` (workspace load and check of one study)", "check-all": "`check` (whole workspace)", "status": "`status`", "render": "`render SLUG --final`",
          "render-no-archive": "`render SLUG --final`, `java -jar` without the launcher's archive (the JDK's own class-data only)",
          "help-jdk25-aot": f"`--help` on Java 25 with the launcher's AOT cache ({java25})",
          "render-jdk25-aot": "`render SLUG --final` on Java 25 with the launcher's AOT cache"}
for k in ("help", "check", "check-all", "status", "render", "render-no-archive", "help-jdk25-aot", "render-jdk25-aot"):
    if k in startup:
        L.append(f"| {labels[k]} | {med(startup[k]):.0f} ms |")
L.append("")
steps = {}
if os.path.exists(f"{work}/breakdown.txt"):
    for line in open(f"{work}/breakdown.txt"):
        k, v = line.split()
        steps.setdefault(k, []).append(float(v))
if steps:
    L.append("Inside one cold JVM (`bench.ColdBreakdown`, the launcher's flags and archive), medians:")
    L.append("")
    L.append("| step | ms |")
    L.append("|---|---:|")
    for k in ("jvm-to-main", "workspace-load-and-check", "renderer-setup", "render-1", "render-2", "render-3", "render-4"):
        if k in steps:
            L.append(f"| {k} | {med(steps[k]):.0f} |")
    if "render-1" in steps and "render-4" in steps:
        L.append("")
        L.append(f"The first render costs {med(steps['render-1']) - med(steps['render-4']):.0f} ms more than a warm one: that is warm-up (class loading and initialisation, interpreted code, JIT), not typesetting.")
    L.append("")
section = "\n".join(L) + "\n"
path = "BENCHMARKS.md"
text = open(path).read()
m = re.search(r"^## Against Typst, mystmd and pandoc\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
text = text[:m.start()] + section + "\n" + text[m.end():] if m else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text.rstrip("\n") + "\n")
print(section)
