#!/usr/bin/env bash
# Benchmark of hromada on a country's worth of surveys, side by side with R
# and with the floor of reading the surveys at all.
#
# It builds hromada and examples/national, generates the national project
# in XLSX and in CSV when missing, then for each:
#   check   hromada check DIR
#   run     hromada run DIR -o OUT          (check, assess, plan, budget)
#   R       Rscript national.R DIR          (readxl / read.csv + survey: the same need estimates)
#   floor   unzip -p of every survey's sheet XML to /dev/null (XLSX), cat of every survey (CSV)
# each under /usr/bin/time -v, and prints wall time and peak resident memory.
#
#   examples/national/bench/bench.sh
#
# Environment: COMMUNITIES (1469), HOUSEHOLDS (1000000), DATA (/tmp: the
# projects are DATA/national-xlsx and DATA/national-csv, outputs
# DATA/national-out-*), FORMATS ("xlsx csv"), STEPS ("check run R floor"),
# R_CORES (1: R in one process; N: parallel::mclapply over communities),
# GOMAXPROCS passes to hromada. Logs of each step are in DATA/bench-logs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
communities=${COMMUNITIES:-1469}
households=${HOUSEHOLDS:-1000000}
data=${DATA:-/tmp}
formats=${FORMATS:-xlsx csv}
steps=${STEPS:-check run R floor}
r_cores=${R_CORES:-1}
logs=$data/bench-logs
bin=$data/bench-bin
mkdir -p "$logs" "$bin"

command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time (GNU time) is needed" >&2; exit 2; }

echo "building hromada and the generator ($(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?'))"
(cd "$root" && go build -o "$bin/hromada" ./cmd/hromada && go build -o "$bin/national" ./examples/national)

rows=()

# measure NAME FORMAT CMD...: runs CMD under GNU time, keeps its output in
# the logs and adds a row of wall time and peak memory to the table.
measure() {
  local name=$1 format=$2
  shift 2
  local log=$logs/$name-$format
  local status=0
  /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>"$log.err" || status=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s}' "$log.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log.time")
  local note=""
  [ "$status" -eq 0 ] || note="exit $status, see $log.err"
  rows+=("$(printf '%-6s %-5s %9s %9s  %s' "$name" "$format" "$wall" "$rss" "$note")")
  printf '  %-6s %-5s %8s s %7s MB  %s\n' "$name" "$format" "$wall" "$rss" "$note"
}

for format in $formats; do
  dir=$data/national-$format
  if [ ! -f "$dir/project.xlsx" ] || [ ! -f "$dir/README.md" ]; then
    echo "generating $dir"
    rm -rf "$dir"
    measure gen "$format" "$bin/national" -communities "$communities" -households "$households" -format "$format" -o "$dir"
    cat "$logs/gen-$format.out"
  fi
  echo "$dir: $(ls "$dir/survey" | wc -l) survey files, $(du -sh "$dir/survey" | cut -f1)"
  for step in $steps; do
    case $step in
    check)
      measure check "$format" "$bin/hromada" check -q "$dir"
      ;;
    run)
      out=$data/national-out-$format
      rm -rf "$out"
      measure run "$format" "$bin/hromada" run -q "$dir" -o "$out"
      ;;
    R)
      measure R "$format" Rscript "$here/national.R" "$dir" --cores "$r_cores"
      sed 's/^/    /' "$logs/R-$format.out"
      ;;
    floor)
      if [ "$format" = xlsx ]; then
        measure floor "$format" sh -c 'for f in "$1"/survey/*.xlsx; do unzip -p "$f" "xl/worksheets/sheet*.xml"; done >/dev/null' sh "$dir"
      else
        measure floor "$format" sh -c 'cat "$1"/survey/*.csv >/dev/null' sh "$dir"
      fi
      ;;
    esac
  done
done

echo
echo "$communities communities, $households households; $(nproc) CPUs; R cores $r_cores"
printf '%-6s %-5s %9s %9s\n' step fmt "wall s" "peak MB"
printf '%s\n' "${rows[@]}"
