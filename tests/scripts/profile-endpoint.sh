#!/usr/bin/env bash
# Where the EVS update's CPU goes, generated minimal-API endpoint against the hand-written one (issue 17): runs the
# in-process pair (`inproc … endpoint typed-length`) under Linux perf, with the JIT's symbol map, and prints, for each
# handler, the samples of each function it calls directly (inclusive), side by side; then, with DEPTH=2, one level below
# a chosen callee (CALLEE=<text in its name>).
#
#   tests/scripts/profile-endpoint.sh                     # 3,000 pairs of 100-request blocks
#   PAIRS=1000 CALLEE=ReadJsonBodyAsync tests/scripts/profile-endpoint.sh   # what the body read calls
#
# perf's own sampler (cpu-clock) is not limited to safepoints, unlike EventPipe's. R2R code is turned off so CoreLib's
# methods are jitted and named, and W^X so jitted code is not behind a double mapping perf cannot name.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v perf >/dev/null 2>&1 || { echo "profile-endpoint: perf is missing (Debian: apt-get install linux-perf)" >&2; exit 1; }
PAIRS="${PAIRS:-3000}"
OUT="${OUT:-$(mktemp -d /tmp/evs-profile.XXXXXX)}"
dotnet build -c Release -o "$OUT/bin" tests/EvsCodegen.Benchmarks >/dev/null
DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0 DOTNET_PerfMapEnabled=1 DOTNET_TieredCompilation=0 \
  perf record -e cpu-clock -F 10000 -g -o "$OUT/perf.data" -- \
  dotnet "$OUT/bin/EvsCodegen.Benchmarks.dll" inproc "$PAIRS" 100 generated-minimal,minimal-secured endpoint typed-length | grep '^| [gm]'
perf script -i "$OUT/perf.data" -F ip,sym 2>/dev/null > "$OUT/stacks.txt"
python3 - "$OUT/stacks.txt" "${CALLEE:-}" <<'PY'
import collections, sys
handlers = {"generated": "SnapshotsApiEndpoints+<UpdateSnapshotAsync>", "hand-written": "HandWrittenEndpoint+<UpdateSnapshotAsync>"}
callee = sys.argv[2]
totals = collections.Counter()
children = {name: collections.Counter() for name in handlers}
below = {name: collections.Counter() for name in handlers}
stack = []

def take():
    for name, frame in handlers.items():
        at = [i for i, symbol in enumerate(stack) if frame in symbol]
        if at:
            i = at[-1]  # the outermost frame of the handler; the stack is leaf first
            totals[name] += 1
            child = stack[i - 1] if i > 0 else "(the handler itself)"
            children[name][child] += 1
            if callee and callee in child:
                below[name][stack[i - 2] if i > 1 else "(itself)"] += 1
            return

for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.strip()
    if not line:
        if stack:
            take()
        stack = []
        continue
    parts = line.split(" ", 1)
    stack.append(parts[1] if len(parts) > 1 else "?")
if stack:
    take()

def table(counters, title):
    names = sorted(set(counters["generated"]) | set(counters["hand-written"]), key=lambda n: -(counters["generated"][n] + counters["hand-written"][n]))
    print(f"\n{title}\n| generated | hand-written | function |\n| ---: | ---: | --- |")
    for n in names[:30]:
        print(f"| {counters['generated'][n]} | {counters['hand-written'][n]} | `{n.replace('[Optimized]', '')[:150]}` |")

print(f"samples under each handler: generated {totals['generated']}, hand-written {totals['hand-written']}")
table(children, "direct callees (inclusive samples)")
if callee:
    table(below, f"one level below the callee matching '{callee}'")
PY
echo "profile-endpoint: data in $OUT"
