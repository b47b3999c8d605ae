#!/usr/bin/env bash
# Compile cost of generated code for very large enums and objects (docs/benchmarks.md, "Compile cost of large schemas").
# Each size runs in its own process (so the peak working set is that size's), one after another.
# Usage: tests/scripts/bench-compile-cost.sh [sizes...]   (default: 1000 5000 20000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
sizes=("${@:-1000 5000 20000}")
dotnet build -c Release "$root/tests/EvsCodegen.Benchmarks" -v q -nologo >/dev/null
dll="$root/tests/EvsCodegen.Benchmarks/bin/Release/net10.0/EvsCodegen.Benchmarks.dll"
for kind in enum object; do
  for size in ${sizes[@]}; do
    dotnet "$dll" compile-cost "$kind" "$size" || true
  done
done
