#!/usr/bin/env bash
# The documents every render benchmark uses, in a workspace of their own: this repository's
# metadata and example case studies, and three large corpus pages wrapped as case studies by
# wrap.py (when the corpus is there). Run from the repository root; prints what wrap.py prints.
#
#   bench/anchors/documents.sh WORKSPACE CORPUS
set -euo pipefail
ws=$1
corpus=$2
mkdir -p "$ws/case-studies"
cp -r metadata "$ws/"
for d in case-studies/*/; do
  [ -f "$d/case-study.md" ] && cp -r "$d" "$ws/case-studies/"
done
python3 bench/anchors/wrap.py "$ws" "$corpus"
