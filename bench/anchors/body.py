"""Turns a case study into what an author moving to pandoc or MyST would have, for
bench/anchors.sh: body.md (front matter removed), meta.yaml (title, author, language), and a
mystmd project under myst/ with a minimal local Typst template."""
import os, re, shutil, sys
import yaml  # PyYAML ships with Debian's python3; fall back to a regex when absent

src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
m = re.match(r"\A---\n(.*?)\n---\n", text, flags=re.S)
front = {}
if m:
    try:
        front = yaml.safe_load(m.group(1)) or {}
    except Exception:
        front = {}
    text = text[m.end():]
title = str(front.get("title", "Case study"))
lang = str(front.get("language", "en"))
open(os.path.join(out, "body.md"), "w", encoding="utf-8").write(text)
with open(os.path.join(out, "meta.yaml"), "w", encoding="utf-8") as f:
    yaml.safe_dump({"title": title, "lang": lang, "author": ["Benchmark Author"], "mainfont": "DejaVu Serif"}, f, allow_unicode=True)
myst = os.path.join(out, "myst")
os.makedirs(myst, exist_ok=True)
for name in os.listdir(out):
    p = os.path.join(out, name)
    if name not in ("myst", "case-study.md", "body.md", "meta.yaml", "status.json"):
        (shutil.copytree if os.path.isdir(p) else shutil.copy)(p, os.path.join(myst, name))
open(os.path.join(myst, "index.md"), "w", encoding="utf-8").write(
    "---\ntitle: " + yaml.safe_dump(title, allow_unicode=True).strip().removesuffix("...").strip() + "\n---\n\n" + text)
os.makedirs(os.path.join(myst, "tpl"), exist_ok=True)
open(os.path.join(myst, "tpl", "template.yml"), "w").write(
    "jtex: v1\ntitle: bench\ndescription: minimal local template for the benchmark\n"
    "version: 1.0.0\nlicense: CC-BY-4.0\nsource: https://example.org/casepress-bench-template\n"
    "parts: []\noptions: []\ndoc: []\nfiles: [template.typ]\n")
open(os.path.join(myst, "tpl", "template.typ"), "w").write(
    '#set document(title: "[-doc.title-]")\n#set text(lang: "' + lang + '")\n'
    '= [-doc.title-]\n\n[-IMPORTS-]\n\n[-CONTENT-]\n')
open(os.path.join(myst, "myst.yml"), "w").write(
    "version: 1\nproject:\n  title: bench\n  exports:\n    - format: typst\n      template: ./tpl\n"
    "      output: out.pdf\n      articles: [index.md]\nsite:\n  template: book-theme\n")
