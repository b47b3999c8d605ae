#!/usr/bin/env bash
# A longer run of the PUT fuzz test (tests/Evs.EndToEnd.Tests/Load/PutFuzzTests.cs) than the one `dotnet test` does.
#
#   tests/scripts/fuzz-long.sh                 # 200,000 generated bodies
#   tests/scripts/fuzz-long.sh 1000000         # a million
#   EVS_FUZZ_SECONDS=600 tests/scripts/fuzz-long.sh   # ten minutes, however many that is
#   EVS_FUZZ_SEED=<seed printed by a failure> tests/scripts/fuzz-long.sh   # replay a failure (then shrinks it)
#
# It prints the number of PUTs, how many answered 200 and 400, and the time taken; a failure prints the smallest
# failing body CsCheck could shrink to and the seed that reproduces it.
set -euo pipefail
cd "$(dirname "$0")/../.."

export EVS_FUZZ_ITERATIONS="${1:-${EVS_FUZZ_ITERATIONS:-200000}}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# grep hides the build chatter; the exit status is dotnet test's.
set +e
dotnet test tests/Evs.EndToEnd.Tests -c Release \
  --filter "FullyQualifiedName~PutFuzzTests.GeneratedBodies" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "fuzz:|Passed|Failed|CsCheck|answered|expected|^\s+\"|bytes "
exit "${PIPESTATUS[0]}"
