#!/usr/bin/env bash
# The EVS emulator published with Native AOT (issue 17): installs the C toolchain ILCompiler links with when it is
# missing, publishes with the README's command (failing on any trim/AOT warning), runs the emulator's conformance
# tests against the executable (one process per test, EVS_TEST_EXECUTABLE), then measures time to the first answered
# request and working set of the AOT executable against the JIT emulator, median of RUNS runs each.
#
#   tests/scripts/aot-emulator.sh                 # RUNS=7 by default
#   RUNS=15 SKIP_TESTS=1 tests/scripts/aot-emulator.sh
#
# Measured per run: a fresh process on a free 127.0.0.1 port, polled with GET of a snapshot every millisecond; the
# time from spawning the process to the first 200 answer, the resident set (VmRSS) right after it, and again after
# 2,000 more GET/PUT requests on one connection. Results go to stdout and to $OUT (default: a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"
RUNS="${RUNS:-7}"
OUT="${OUT:-$(mktemp -d /tmp/evs-aot.XXXXXX)}"
mkdir -p "$OUT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. The toolchain: ILCompiler links with clang (or gcc) and needs zlib; Debian packages.
if ! command -v clang >/dev/null 2>&1 || [ ! -e /usr/include/zlib.h ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "aot-emulator: clang and zlib1g-dev are missing; run as root or install them: apt-get install -y clang zlib1g-dev" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null
fi
command -v python3 >/dev/null 2>&1 || { echo "aot-emulator: python3 is needed for the measurements" >&2; exit 1; }

# 2. Publish: the README's command, then the JIT emulator beside it for the comparison.
start=$(date +%s)
dotnet publish src/Evs.Server -c Release -p:PublishAot=true -o artifacts/evs-aot -nologo 2>&1 | tee "$OUT/publish-aot.log"
aot_seconds=$(( $(date +%s) - start ))
if grep -Eq "warning (IL|NETSDK|CS)[0-9]+" "$OUT/publish-aot.log"; then
  echo "aot-emulator: the AOT publish has warnings:" >&2
  grep -E "warning (IL|NETSDK|CS)[0-9]+" "$OUT/publish-aot.log" | sort -u >&2
  exit 1
fi
dotnet publish src/Evs.Server -c Release -o artifacts/evs-jit -nologo -v quiet >/dev/null
echo "AOT publish: ${aot_seconds} s; executable $(du -h artifacts/evs-aot/Evs.Server | cut -f1)"

# 3. The conformance tests against the executable. Tests that replace the host's services in-process
#    (Category=InProcess: a failing backend, a manual clock) cannot run against a separate executable.
if [ "${SKIP_TESTS:-0}" != "1" ]; then
  classes="AuthTests BodySizeTests ContentTypeTests DocumentRulesTests ErrorEnvelopeTests HttpFramingTests KestrelErrorTests MalformedBodyTests NotFoundTests OrderOfChecksTests SchemaValidationTests UnexpectedErrorTests UpdateRulesTests UpdateSnapshotTests"
  filter="($(for c in $classes; do printf 'FullyQualifiedName~Evs.EndToEnd.Tests.%s.|' "$c"; done | sed 's/|$//'))&Category!=InProcess"
  dotnet build tests/Evs.EndToEnd.Tests -nologo -v quiet >/dev/null
  EVS_TEST_EXECUTABLE="$repo/artifacts/evs-aot/Evs.Server" dotnet test tests/Evs.EndToEnd.Tests --no-build --filter "$filter" 2>&1 | tee "$OUT/conformance-aot.log"
fi

# 4. Start-up and memory, median of RUNS runs of each variant.
python3 - "$RUNS" "$OUT" "$repo" <<'PY'
import http.client, os, socket, statistics, subprocess, sys, time
runs, out, repo = int(sys.argv[1]), sys.argv[2], sys.argv[3]
path = "/v3/0c2eba2c5af04d3f9e9d0d410b371fde/snapshots/f9faf7df-fdc1-4093-9ef3-5cba06eef995"
headers = {"X-Auth-Token": "demo-token"}
body = b'{"snapshot": {"name": "bench"}}'
variants = [
    ("JIT, controller (default)", ["dotnet", "Evs.Server.dll"], "artifacts/evs-jit"),
    ("JIT, minimal API", ["dotnet", "Evs.Server.dll", "--flavour", "minimal"], "artifacts/evs-jit"),
    ("Native AOT, minimal API", ["./Evs.Server"], "artifacts/evs-aot"),
]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

def one(command, folder):
    port = free_port()
    args = command + ["--urls", f"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"]
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=os.path.join(repo, folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = started + 60
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", path, headers=headers)
                if c.getresponse().status == 200:
                    first = time.perf_counter() - started
                    c.close()
                    break
            except OSError:
                pass
            if time.perf_counter() > deadline or process.poll() is not None:
                raise SystemExit(f"{command} did not answer")
            time.sleep(0.001)
        rss_first = rss_kib(process.pid)
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        for i in range(2000):
            if i % 2:
                c.request("PUT", path, body=body, headers={**headers, "Content-Type": "application/json"})
            else:
                c.request("GET", path, headers=headers)
            r = c.getresponse(); r.read()
            assert r.status == 200, r.status
        c.close()
        return first * 1000, rss_first / 1024, rss_kib(process.pid) / 1024
    finally:
        process.kill(); process.wait()

results = {}
for name, command, folder in variants:
    one(command, folder)  # warm the file cache
    samples = [one(command, folder) for _ in range(runs)]
    results[name] = [statistics.median(s[i] for s in samples) for i in range(3)]
    print(f"{name}: " + ", ".join(f"{x:.1f}" for x in results[name]), flush=True)

base = results[variants[0][0]]
lines = [f"| Emulator | First answered request (ms) | Working set after it (MiB) | Working set after 2,000 requests (MiB) | Start-up speed-up vs JIT controller |",
         "| --- | ---: | ---: | ---: | ---: |"]
for name, _, _ in variants:
    r = results[name]
    lines.append(f"| {name} | {r[0]:.0f} | {r[1]:.1f} | {r[2]:.1f} | {base[0] / r[0]:.1f}x |")
table = "\n".join(lines)
print(f"\nmedians of {runs} runs\n" + table)
open(os.path.join(out, "startup.md"), "w").write(table + "\n")
PY
echo "results in $OUT"
