#!/usr/bin/env bash
# Each DslInfra analyzer's own time (ReportAnalyzer) on a scale project that bench/scale/run.sh made, over several
# builds after a one-literal edit, with the compiler server warm (as run.sh measures):
#   bash bench/scale/analyzer-times.sh /tmp/dslinfra-scale/proj/dslinfra-spread-10000 [runs]
# Prints one line per build and analyzer: seconds, then the analyzer. Compare two packages by pointing it at two
# projects (each run.sh work folder packs its own commit).
set -euo pipefail
dir=$1
runs=${2:-3}
export UseSharedCompilation=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset MSBUILDDISABLENODEREUSE
edit() { if grep -q 'eu-west-1x' "$1"; then sed -i '0,/eu-west-1x/s//eu-west-1a/' "$1"; else sed -i '0,/eu-west-1a/s//eu-west-1x/' "$1"; fi; }
cd "$dir"
dotnet build --no-restore -nologo -v:q >/dev/null   # warm the server
for run in $(seq "$runs"); do
  edit Stack.cs
  dotnet build --no-restore -nologo -v:detailed -p:ReportAnalyzer=true > report.log 2>&1 || true
  grep -E '^\s+[0-9.<]+\s+[<0-9]+\s+DslInfra\.(Analyzers\.Rules|Generators)\.' report.log | awk -v run="$run" '{ print "build " run ": " $1 " s  " $3 " " $4 }'
done
