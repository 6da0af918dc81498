#!/usr/bin/env bash
# The README's test command: installs the parsers the tests read artifacts back with (tests/tools/install.sh),
# restores, builds the whole solution, runs every test and prints "N passed, N failed[, N skipped]". CI runs exactly this.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# A missing snapshot fails instead of being written (SNAPSHOOTER_STRICT_MODE=false writes new ones).
export SNAPSHOOTER_STRICT_MODE="${SNAPSHOOTER_STRICT_MODE:-true}"
export MSBUILDDISABLENODEREUSE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet (the .NET 10 SDK) is required and was not found on PATH" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

bash tests/tools/install.sh
export DSLINFRA_SARIF_SCHEMA="$(pwd)/.tools/sarif/package/lib/schemas/sarif-2.1.0-rtm.5.json"

results="$(pwd)/TestResults"
rm -rf "$results"
dotnet restore DslInfra.sln || { echo "0 passed, 1 failed"; exit 1; }
dotnet build DslInfra.sln --no-restore -c Debug || { echo "0 passed, 1 failed"; exit 1; }
dotnet test DslInfra.sln --no-build -c Debug --logger "trx" --results-directory "$results"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

# Every test project must have left its own results: a lost TRX must not pass as green.
projects=$(grep -c 'tests[\\/][^"]*\.csproj' DslInfra.sln)
reports=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$reports" -lt "$projects" ]; then
  echo "expected test results from $projects test projects, found $reports" >&2
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the test run itself failed (a crash, a missing TRX): never report it as green
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
