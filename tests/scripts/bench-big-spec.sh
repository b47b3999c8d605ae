#!/usr/bin/env bash
# Issue 15, big-spec scenario (docs/benchmarks.md): build cost of large descriptions, EvsCodegen versus NSwag.MSBuild's
# client, in the same run. For each document, four consumer projects (copied to a temporary folder outside the repo,
# so no Directory.Build.props applies; the generator and runtime as the packages ship them, built in Release):
#   evs-client    OpenApiEmit="models;client"
#   evs-server    OpenApiEmit="models;client;server"
#   evs-all       OpenApiEmit="models;client" OpenApiModels="all": every component schema, reached or not (optional variant)
#   evs-filtered  OpenApiEmit="models;client" with OpenApiInclude naming the document's first $FILTER_COUNT operations
#   nswag         NSwag.MSBuild 14.7.1 openapi2csclient before every compile (as NSwag's documentation shows the target);
#                 when its client fails only with CS0246 (GitHub's names 5 types it never declares), those names are
#                 declared as empty classes and the build retried (NSWAG_STUB_MISSING=0 turns this off)
# and for each: a full build (--no-incremental), a no-op build, a build after a one-line edit of a schema description
# (median of $RUNS), the peak resident memory of the build's largest process (/usr/bin/time -v, compiler out of process
# and no node reuse, so the compiler is a waited-for child), and where the time goes (-p:ReportAnalyzer=true: the
# compiler's analyzer and generator summary, with a binlog beside it).
#
#   tests/scripts/bench-big-spec.sh                 # the $LARGEST largest documents of ../shared/corpus/public + GitHub's
#   tests/scripts/bench-big-spec.sh doc.yaml ...    # these documents only (GITHUB=1 adds GitHub's)
#   env: RUNS=3 LARGEST=3 GITHUB=1|0 FILTER_COUNT=10 VARIANTS="evs-client evs-server evs-filtered nswag" OUT=<dir>
#
# GitHub's REST description (api.github.com.json, 13 MB, ~1,000 operations) comes from the npm package
# @octokit/openapi@23.0.2, packed in a scratch folder and kept in artifacts/big-spec/ (ignored by git).
# Heavy: run it alone on the machine (each full build of a big document takes a minute and several GB).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"
RUNS="${RUNS:-3}"
LARGEST="${LARGEST:-3}"
FILTER_COUNT="${FILTER_COUNT:-10}"
VARIANTS="${VARIANTS:-evs-client evs-server evs-filtered nswag}"
OUT="${OUT:-$(mktemp -d /tmp/evs-bench-big-spec.XXXXXX)}"
mkdir -p "$OUT"
: >"$OUT/build.log"
work="$(mktemp -d /tmp/evs-big-spec-consumers.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

documents=("$@")
if [ ${#documents[@]} -eq 0 ]; then
  GITHUB="${GITHUB:-1}"
  while IFS= read -r file; do documents+=("$file"); done < <(
    find "$repo/../shared/corpus/public" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -printf '%s %p\n' \
      | sort -rn | head -n "$LARGEST" | cut -d' ' -f2-)
else
  GITHUB="${GITHUB:-0}"
fi

if [ "$GITHUB" = 1 ]; then
  github="$repo/artifacts/big-spec/api.github.com.json"
  if [ ! -s "$github" ]; then
    scratch="$(mktemp -d /tmp/evs-octokit.XXXXXX)"
    (cd "$scratch" && npm pack @octokit/openapi@23.0.2 --silent >/dev/null && tar -xzf ./*.tgz package/generated/api.github.com.json)
    mkdir -p "$(dirname "$github")"
    cp "$scratch/package/generated/api.github.com.json" "$github"
    rm -rf "$scratch"
  fi
  documents+=("$github")
fi

# The generator and the runtimes as the packages ship them: built in Release, loaded from their output folders.
# EVS_GENERATOR_DIR and EVS_RUNTIME_DIR set by the caller (e.g. a copy of an earlier commit's output) are used as given.
if [ -z "${EVS_GENERATOR_DIR:-}" ]; then
  dotnet build -c Release generators/EvsCodegen.Generators/EvsCodegen.Generators.csproj -v quiet -nologo >/dev/null
  dotnet build -c Release generators/EvsCodegen.Runtime.AspNetCore/EvsCodegen.Runtime.AspNetCore.csproj -f net10.0 -v quiet -nologo >/dev/null
  export EVS_GENERATOR_DIR="$repo/generators/EvsCodegen.Generators/bin/Release/netstandard2.0"
  export EVS_RUNTIME_DIR="$repo/generators/EvsCodegen.Runtime.AspNetCore/bin/Release/net10.0"
fi
export EVS_GENERATOR_DIR EVS_RUNTIME_DIR
export EVS_GENERATOR_BUILD="${EVS_GENERATOR_BUILD:-$repo/generators/EvsCodegen.Generators/build}"

# The first N operations of a document as OpenApiInclude entries (path:METHOD /path, one operation each).
filter_for() {
  python3 - "$1" "$FILTER_COUNT" <<'PY'
import json, sys
path, count = sys.argv[1], int(sys.argv[2])
if path.endswith(".json"):
    doc = json.load(open(path, encoding="utf-8"))
else:
    import yaml
    doc = yaml.safe_load(open(path, encoding="utf-8"))
entries = []
for route, item in (doc.get("paths") or {}).items():
    for method in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
        if isinstance(item, dict) and method in item and len(entries) < count:
            entries.append(f"path:{method.upper()} {route}")
print(";".join(entries))
PY
}

# A one-line edit: a new word in the first description after the schemas (a schema's, so one model file changes),
# else in the first description of the document; a new number each run, so no build sees the same text twice.
edit_cmd() { printf '%s' "python3 '$repo/tests/scripts/bench-edit-description.py' '$1'"; }

make_consumer() { # dir variant document
  local dir="$1" variant="$2" document="$3" ext="${3##*.}"
  mkdir -p "$dir"
  cp "$document" "$dir/openapi.$ext"
  local emit="models;client" server="" include="" models=""
  if [ "$variant" = evs-server ]; then
    emit="models;client;server"
    server='<FrameworkReference Include="Microsoft.AspNetCore.App" />
    <Reference Include="$(EVS_RUNTIME_DIR)/EvsCodegen.Runtime.AspNetCore.dll" />'
  fi
  [ "$variant" = evs-filtered ] && include="$(filter_for "$document")"
  [ "$variant" = evs-all ] && models="all"
  if [ "$variant" = nswag ]; then
    cat >"$dir/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Consumer</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NSwag.MSBuild" Version="14.7.1" PrivateAssets="all" IncludeAssets="runtime; build; native; contentfiles; analyzers; buildtransitive" />
    <Compile Remove="Generated/**" />
    <Compile Include="Generated/Client.g.cs" />
    <Compile Include="Generated/Missing.g.cs" Condition="Exists('Generated/Missing.g.cs')" />
  </ItemGroup>
  <Target Name="NSwag" BeforeTargets="PrepareForBuild">
    <Exec Command="\$(NSwagExe_Net100) openapi2csclient /input:openapi.$ext /classname:ApiClient /namespace:Consumer.Api /output:Generated/Client.g.cs /JsonLibrary:SystemTextJson /UseBaseUrl:false" StandardOutputImportance="low" />
  </Target>
</Project>
EOF
  else
    cat >"$dir/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="\$(EVS_GENERATOR_BUILD)/EvsCodegen.Generators.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Consumer</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    $server
    <Analyzer Include="\$(EVS_GENERATOR_DIR)/EvsCodegen.Generators.dll" />
    <Analyzer Include="\$(EVS_GENERATOR_DIR)/YamlDotNet.dll" />
    <Reference Include="\$(EVS_RUNTIME_DIR)/EvsCodegen.Runtime.dll" />
    <AdditionalFiles Include="openapi.$ext" OpenApi="true" OpenApiEmit="$emit" OpenApiNamespace="Consumer.Api" OpenApiInclude="$include" OpenApiModels="$models" />
  </ItemGroup>
  <Import Project="\$(EVS_GENERATOR_BUILD)/EvsCodegen.Generators.targets" />
</Project>
EOF
  fi
  (cd "$dir" && dotnet restore -v quiet -nologo >>"$OUT/build.log" 2>&1) || { echo "restore failed in $dir (see $OUT/build.log)" >&2; exit 1; }
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

time_ms() { # command [prepare] -> milliseconds of command
  [ -n "${2:-}" ] && bash -c "$2"
  local start end
  start=$(date +%s%N)
  bash -c "$1" >>"$OUT/build.log" 2>&1 || { echo "build failed: $1 (see $OUT/build.log)" >&2; return 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

echo "| document | consumer | full build ms | no-op ms | edit ms | peak RSS MB | generated lines | EvsCodegen s | all generators s | analyzers s |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
declare -A full
for document in "${documents[@]}"; do
  doc="$(basename "$document")"
  for variant in $VARIANTS; do
    dir="$work/$doc/$variant"
    make_consumer "$dir" "$variant" "$document"
    build="cd '$dir' && dotnet build --no-restore -v quiet -nologo"
    # The first build warms the build servers and NuGet's caches; a consumer that does not build is reported and skipped.
    logged=$(wc -l <"$OUT/build.log")
    label="$variant" built=1
    time_ms "$build" >/dev/null || built=0
    if [ "$built" = 0 ] && [ "$variant" = nswag ] && [ "${NSWAG_STUB_MISSING:-1}" = 1 ]; then
      # NSwag's client for some documents names types it never declares (GitHub's: 5 names, CS0246). A client that does
      # not compile has no build time, so when CS0246 is the only error, the missing names are declared as empty classes
      # in Generated/Missing.g.cs and the build is retried; the table says how many were added.
      failed="$(tail -n +"$((logged + 1))" "$OUT/build.log")"
      if [ -z "$(printf '%s\n' "$failed" | grep -E 'error [A-Z]+[0-9]+:' | grep -v 'error CS0246:' || true)" ]; then
        mapfile -t missing < <(printf '%s\n' "$failed" | grep -oE "error CS0246: The type or namespace name '[A-Za-z_][A-Za-z0-9_]*'" | sed -E "s/.*name '//; s/'$//" | sort -u)
        { echo "namespace Consumer.Api;"; for name in "${missing[@]}"; do echo "public partial class $name { }"; done; } >"$dir/Generated/Missing.g.cs"
        label="nswag, ${#missing[@]} missing types stubbed"
        logged=$(wc -l <"$OUT/build.log")
        built=1
        time_ms "$build" >/dev/null || built=0
      fi
    fi
    if [ "$built" = 0 ]; then
      echo "| $doc | $label | does not build: $(tail -n +"$((logged + 1))" "$OUT/build.log" | grep -m1 -oE 'error [A-Z]+[0-9]+: [^[]{0,120}') | | | | | | | |"
      continue
    fi

    full_ms=$(time_ms "$build --no-incremental")
    noop=(); edit=()
    for _ in $(seq "$RUNS"); do
      noop+=("$(time_ms "$build")")
      edit+=("$(time_ms "$build" "$(edit_cmd "$dir/openapi.${document##*.}")")")
    done
    full[$doc.$variant]=$full_ms

    # Peak memory: the compiler out of process and no node reuse, so every process of the build is a waited-for child.
    (cd "$dir" && DOTNET_CLI_USE_MSBUILD_SERVER=0 /usr/bin/time -v -o "$OUT/$doc.$variant.time.txt" \
      dotnet build --no-restore --no-incremental -v quiet -nologo -nodeReuse:false -p:UseSharedCompilation=false >>"$OUT/build.log" 2>&1)
    rss_mb=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/$doc.$variant.time.txt")

    # Where the time goes: the compiler's own summary (generators and analyzers, each with its share), and a binlog.
    (cd "$dir" && dotnet build --no-restore --no-incremental -nologo -v:detailed -p:ReportAnalyzer=true \
      -p:EmitCompilerGeneratedFiles=true -bl:"$OUT/$doc.$variant.binlog" >"$OUT/$doc.$variant.analyzers.log" 2>&1)
    # The summary lists each generator and analyzer assembly with its time; the table takes ours, all generators and all
    # analyzers, and $OUT/<doc>.<variant>.summary.txt keeps the whole summary (which SDK analyzers cost most).
    summary="$OUT/$doc.$variant.summary.txt"
    awk '/Total (generator|analyzer) execution time/ {on = 1; print; next}
         on { if ($0 ~ /^[[:space:]]*$/ || $0 ~ /Time \(s\)/ || $0 ~ /^[[:space:]]*<?[0-9]/) print; else on = 0 }' \
      "$OUT/$doc.$variant.analyzers.log" | sed -E 's/^[[:space:]]+//' >"$summary" || true
    evs_s=$(grep -m1 -E '^[0-9.]+ +[0-9<]+ +EvsCodegen.Generators.OpenApiGenerator' "$summary" | awk '{print $1}' || true)
    generator_s=$(grep -m1 -E 'Total generator execution time' "$summary" | grep -oE '[0-9]+([.,][0-9]+)?' | head -1 || true)
    analyzers_s=$(grep -m1 -E 'Total analyzer execution time' "$summary" | grep -oE '[0-9]+([.,][0-9]+)?' | head -1 || true)
    if [ "$variant" = nswag ]; then
      lines=$(wc -l <"$dir/Generated/Client.g.cs")
    else
      lines=$(find "$dir/obj" -path '*generated*' -name '*.g.cs' -exec cat {} + 2>/dev/null | wc -l)
    fi

    echo "| $doc | $label | $full_ms | $(printf '%s\n' "${noop[@]}" | median) | $(printf '%s\n' "${edit[@]}" | median) | $rss_mb | $lines | ${evs_s:--} | ${generator_s:--} | ${analyzers_s:--} |"
  done
done

echo
for document in "${documents[@]}"; do
  doc="$(basename "$document")"
  n="${full[$doc.nswag]:-}" c="${full[$doc.evs-client]:-}" s="${full[$doc.evs-server]:-}" f="${full[$doc.evs-filtered]:-}" a="${full[$doc.evs-all]:-}"
  [ -n "$n" ] && [ -n "$c" ] && awk -v a="$c" -v b="$n" -v d="$doc" 'BEGIN {printf "%s: full build models;client / NSwag generation+build = %.2f (target <= 1.0)\n", d, a/b}'
  [ -n "$n" ] && [ -n "$s" ] && awk -v a="$s" -v b="$n" -v d="$doc" 'BEGIN {printf "%s: full build models;client;server / NSwag = %.2f (target <= 1.5)\n", d, a/b}'
  [ -n "$n" ] && [ -n "$a" ] && awk -v x="$a" -v b="$n" -v d="$doc" 'BEGIN {printf "%s: full build models;client with OpenApiModels=all / NSwag = %.2f\n", d, x/b}'
  [ -n "$c" ] && [ -n "$f" ] && awk -v a="$f" -v b="$c" -v d="$doc" -v k="$FILTER_COUNT" 'BEGIN {printf "%s: full build filtered to %d operations / unfiltered = %.2f (target <= 0.25)\n", d, k, a/b}'
done
echo "raw results (time -v output, analyzer summaries, binlogs, build log): $OUT"
