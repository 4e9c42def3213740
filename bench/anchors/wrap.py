"""Wraps the three largest pages of the shared corpus as case studies in a scratch workspace,
for bench/anchors.sh: front matter made up from the page, body as written (MyST and all)."""
import os, re, sys

ws, corpus = sys.argv[1], sys.argv[2]
if not os.path.isdir(corpus):
    print("no corpus beside the clone: examples only", file=sys.stderr)
    sys.exit(0)
pages = []
for d, _, names in os.walk(corpus):
    for n in names:
        if n.endswith(".md") and n != "SOURCES.md" and "/translation/" not in d:
            p = os.path.join(d, n)
            pages.append((os.path.getsize(p), p))
for _, path in sorted(pages)[-3:]:
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    m = re.search(r"^# (.+)$", text, flags=re.M)
    title = (m.group(1).strip() if m else os.path.basename(path)).replace('"', "'")
    if m:
        text = text[: m.start()] + text[m.end():]
    text = re.sub(r"^#(?!#)", "##", text, flags=re.M)  # the title comes from front matter
    # A heading ending in a full stop gives pandoc 3.1 a Typst label ending in one, which Typst
    # refuses ("unclosed label"): the stop goes, for every tool alike.
    text = re.sub(r"^(#+ .*?)\.[ \t]*$", r"\1", text, flags=re.M)
    slug = re.sub(r"[^a-z0-9]+", "-", os.path.splitext(os.path.basename(path))[0].lower()).strip("-")[:60]
    folder = os.path.join(ws, "case-studies", "corpus-" + slug)
    os.makedirs(folder, exist_ok=True)
    front = (
        "---\n"
        f'title: "{title}"\n'
        "authors: [priya-nandakumar]\n"
        "organisation: fernbank-water\n"
        "description: >\n"
        "  A page of The Turing Way wrapped as a case study for the rendering benchmark. It is\n"
        "  real Markdown written by others, used here only to measure how long typesetting takes\n"
        "  against the tools an author might pick instead, on the same input. Each tool is given\n"
        "  the same text, with the references to other chapters of the book left as plain words.\n"
        "keywords: [benchmark]\n"
        "---\n\n"
    )
    # The pages' images live elsewhere in their books (or on the web): leave them out on every
    # side alike, keeping the alt text as a paragraph, so that each tool typesets the same text.
    text = re.sub(r"^(```|:::)\{(figure|image)\}.*?^\1\s*$", "", text, flags=re.S | re.M)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1), text)
    text = re.sub(r"<img[^>]*>", "", text)
    # A page stands alone here, out of its book: a {ref} to a label on another page, and a {term}
    # of the book's glossary, become their words (check refuses both). Done before body.py, so
    # every tool typesets the same words.
    # pandoc reads the "@name" in a bare address (https://hackmd.io/@team/notes) as a citation,
    # which Typst then refuses: such an address becomes an autolink, a link in every tool.
    text = re.sub(r"(?<![(<\w])(https?://[^\s<>()\[\]]*@[^\s<>()\[\]]*?)(?=[.,;:]?(?:\s|$))", r"<\1>", text)
    labels = set(re.findall(r"^\(([^)\s]+)\)=\s*$", text, flags=re.M))
    def role(m):
        name, inner = m.group(1), m.group(2)
        shown = re.match(r"(.*?)\s*<([^>]+)>\s*$", inner, flags=re.S)
        words, target = (shown.group(1), shown.group(2)) if shown else (inner, inner)
        return m.group(0) if name == "ref" and target in labels else words
    text = re.sub(r"\{(ref|term|numref|doc)\}`([^`]*)`", role, text)
    open(os.path.join(folder, "case-study.md"), "w", encoding="utf-8").write(front + text)
    print(path, folder)
