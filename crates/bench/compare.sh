#!/usr/bin/env bash
# Times mht-guide's exports against the tools a user would otherwise pick, on the same content:
# pandoc for standalone HTML and EPUB, and pandoc + typst for a PDF. Prints mean times, the
# ratio to mht-guide in the same run, and output sizes. Run on demand, not in CI:
#
#   bash crates/bench/compare.sh
#
# It installs what is missing: hyperfine (Debian), pandoc (PyPI pypandoc-binary) and typst
# (PyPI typst, which compiles in-process from Python).
set -euo pipefail
cd "$(dirname "$0")/../.."

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
command -v hyperfine > /dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq hyperfine > /dev/null; }
python3 -c "import pypandoc" 2> /dev/null || python3 -m pip install -q --disable-pip-version-check pypandoc-binary
python3 -c "import typst" 2> /dev/null || python3 -m pip install -q --disable-pip-version-check typst
PANDOC=$(python3 -c "import pypandoc; print(pypandoc.get_pandoc_path())")

cargo build --release --quiet
BIN=$PWD/target/release/mht-guide
FIXTURES=$PWD/tests/fixtures
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
"$BIN" export --format md -o guide.md 2> /dev/null
"$PANDOC" guide.md -t typst -s -o guide.typ
cat > typst_compile.py << 'PY'
import sys, typst
# Further arguments are folders of fonts, as the script fixtures need.
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=sys.argv[3:])
PY

run() {
  hyperfine -N --warmup 3 --runs "${RUNS:-30}" --export-json "$1.json" "${@:2}" > /dev/null
}
run md "$BIN export --format md -o out.md"
run json "$BIN export --format json -o out.json"
run html "$BIN export --format html -o out.html" "$PANDOC guide.md -s -o pandoc.html"
run epub "$BIN export --format epub -o out.epub" "$PANDOC guide.md -o pandoc.epub"
run pdf "$BIN export --format pdf -o out.pdf" \
  "bash -c '$PANDOC guide.md -t typst -s -o p.typ && python3 typst_compile.py p.typ typst.pdf'" \
  "python3 typst_compile.py guide.typ typst-only.pdf" "python3 -c pass"
run all "$BIN export --format md,json,html,epub,pdf -o all"
# Chinese and Arabic: the script fixtures, and typst compiling the same text with the same
# installed Noto fonts (fonts-noto-cjk, fonts-noto-core).
for lang in zh-hans ar; do
  content="--content $FIXTURES/scripts/$lang --base-root $FIXTURES"
  "$BIN" export $content --format md -o "$lang.md" 2> /dev/null
  "$PANDOC" "$lang.md" -t typst -s -o "$lang.typ"
  run "pdf-$lang" "$BIN export $content --format pdf -o $lang.pdf" \
    "python3 typst_compile.py $lang.typ typst-$lang.pdf /usr/share/fonts" "python3 -c pass"
done
run pdf-en-fixture "$BIN export --content $FIXTURES/minimal --format pdf -o en-fixture.pdf"

python3 - << 'PY'
import json, os
def mean(name, i=0):
    return json.load(open(f"{name}.json"))["results"][i]["mean"] * 1000
def size(path):
    return os.path.getsize(path) if os.path.exists(path) else 0
py = mean("pdf", 3)
rows = [
    ("Markdown", mean("md"), None, None, size("out.md"), None),
    ("JSON", mean("json"), None, None, size("out.json"), None),
    ("HTML (pandoc -s)", mean("html"), mean("html", 1), "pandoc", size("out.html"), size("pandoc.html")),
    ("EPUB", mean("epub"), mean("epub", 1), "pandoc", size("out.epub"), size("pandoc.epub")),
    ("PDF (tagged, fonts embedded)", mean("pdf"), mean("pdf", 1), "pandoc + typst", size("out.pdf"), size("typst.pdf")),
    ("PDF, typst alone (in Python, less Python's start)", mean("pdf"), mean("pdf", 2) - py, "typst", size("out.pdf"), size("typst-only.pdf")),
    ("All five formats in one run", mean("all"), None, None, None, None),
]
for lang, name in (("zh-hans", "Chinese"), ("ar", "Arabic")):
    py_l = mean(f"pdf-{lang}", 2)
    rows.append((f"PDF, {name} fixture (typst alone, less Python's start)", mean(f"pdf-{lang}"),
                 mean(f"pdf-{lang}", 1) - py_l, "typst", size(f"{lang}.pdf"), size(f"typst-{lang}.pdf")))
print("| export | mht-guide | other tool | ratio | mht-guide size | other size |")
print("|---|---:|---:|---:|---:|---:|")
for name, ours, theirs, tool, s1, s2 in rows:
    other = f"{theirs:.1f} ms ({tool})" if theirs else ""
    ratio = f"{theirs / ours:.1f}× faster" if theirs else ""
    s1 = f"{s1 / 1024:.1f} KB" if s1 else ""
    s2 = f"{s2 / 1024:.1f} KB" if s2 else ""
    print(f"| {name} | {ours:.1f} ms | {other} | {ratio} | {s1} | {s2} |")
print(f"\n(Python starts in {py:.1f} ms; a process start costs about 1 ms.)")
en = mean("pdf-en-fixture")
for lang in ("zh-hans", "ar"):
    print(f"{lang} fixture PDF: {mean(f'pdf-{lang}') / en:.1f}× the time of the English minimal fixture ({en:.1f} ms)")
PY
