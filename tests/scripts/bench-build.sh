#!/usr/bin/env bash
# Item 3 of docs/benchmarks.md: whole-process build times of a small consumer project (models, client and
# controllers from the EVS document) with EvsCodegen versus NSwag.MSBuild: a no-op rebuild and a rebuild after
# one schema description is edited. Median of RUNS runs each (hyperfine when installed, else a date +%s%N loop).
#
#   tests/scripts/bench-build.sh            # RUNS=5 by default; RUNS=10 tests/scripts/bench-build.sh for more
#
# The consumers are copied from tests/EvsCodegen.Benchmarks/consumers to a temporary folder (outside the repo, so
# no Directory.Build.props applies) and built with `dotnet build --no-restore`, build servers on, as a developer
# builds. Results go to stdout and to $OUT (default: a temporary folder, printed at the end).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"
RUNS="${RUNS:-5}"
OUT="${OUT:-$(mktemp -d /tmp/evs-bench-build.XXXXXX)}"
mkdir -p "$OUT"
work="$(mktemp -d /tmp/evs-bench-consumers.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The generator as the package ships it: built in Release, loaded from its output folder.
dotnet build -c Release generators/EvsCodegen.Generators/EvsCodegen.Generators.csproj -v quiet -nologo >/dev/null
export EVS_GENERATOR_DIR="$repo/generators/EvsCodegen.Generators/bin/Release/netstandard2.0"
export EVS_GENERATOR_PROPS="$repo/generators/EvsCodegen.Generators/build/EvsCodegen.Generators.props"

# name  source folder  extra build properties
variants=(
  "evscodegen evscodegen "
  "nswag nswag -p:NSwagIncremental=false"
  "nswag-incremental nswag -p:NSwagIncremental=true"
)

for variant in "${variants[@]}"; do
  read -r name source props <<<"$variant"
  mkdir -p "$work/$name"
  cp "tests/EvsCodegen.Benchmarks/consumers/$source/"* "$work/$name/"
  cp openapi/evs-snapshots.yaml "$work/$name/openapi.yaml"
  (cd "$work/$name" && dotnet restore -v quiet -nologo >/dev/null && dotnet build --no-restore -v quiet -nologo $props >/dev/null)
done

# One schema's description changes on every run (a new number each time, expanded when the command runs), so
# every "edit" build sees a new document: an edit that rewrote the same text would let NSwag skip the compiler.
edit_cmd() { printf '%s' "sed -i -E \"s#Fault details[^.]*[.]#Fault details rev \$(date +%N).#\" '$1/openapi.yaml'"; }

median_ms() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

measure() { # name scenario command prepare
  local name="$1" scenario="$2" command="$3" prepare="$4"
  if command -v hyperfine >/dev/null; then
    hyperfine --style basic --warmup 1 --runs "$RUNS" --prepare "${prepare:-true}" --export-json "$OUT/$name.$scenario.json" "$command" >"$OUT/$name.$scenario.txt"
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.0f %.0f %.0f" % (r["median"]*1000, min(r["times"])*1000, max(r["times"])*1000))' "$OUT/$name.$scenario.json"
  else
    bash -c "$command" >/dev/null
    local times=()
    for _ in $(seq "$RUNS"); do
      [ -n "$prepare" ] && bash -c "$prepare"
      local start end
      start=$(date +%s%N); bash -c "$command" >/dev/null; end=$(date +%s%N)
      times+=($(((end - start) / 1000000)))
    done
    local sorted; sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
    echo "$(printf '%s\n' "${times[@]}" | median_ms) $(head -1 <<<"$sorted") $(tail -1 <<<"$sorted")"
  fi
}

echo "| consumer | scenario | median ms | min ms | max ms |"
echo "| --- | --- | ---: | ---: | ---: |"
declare -A medians
for scenario in noop edit; do
  for variant in "${variants[@]}"; do
    read -r name source props <<<"$variant"
    command="cd '$work/$name' && dotnet build --no-restore -v quiet -nologo $props"
    prepare=""
    [ "$scenario" = edit ] && prepare="$(edit_cmd "$work/$name")"
    read -r median min max < <(measure "$name" "$scenario" "$command" "$prepare")
    medians[$name.$scenario]=$median
    echo "| $name | $scenario | $median | $min | $max |"
  done
done

echo
for scenario in noop edit; do
  awk -v e="${medians[evscodegen.$scenario]}" -v n="${medians[nswag.$scenario]}" -v i="${medians[nswag-incremental.$scenario]}" -v s="$scenario" \
    'BEGIN {printf "%s: EvsCodegen / NSwag = %.2f, EvsCodegen / NSwag with Inputs/Outputs = %.2f\n", s, e/n, e/i}'
done
echo "raw results: $OUT"
