#!/usr/bin/env bash
# Issue 21's figures for `dslinfra plan` (real Terraform against DslInfra's offline provider server), on this machine:
#   - samples/WebService: the first plan after a fresh build of the CLI (cold: nothing of the CLI or terraform cached
#     in memory by a previous run) and RUNS more (warm);
#   - a generated stack of SIZE aws resources (launch templates and the groups that launch them), for how it scales.
# Peak memory is the dslinfra process's own (it hosts the provider servers; terraform runs beside it), as it reports.
#   bash bench/offline/measure.sh            # RUNS=3 SIZE=2000
# Needs the solution built (samples/WebService/bin/Debug/*/infra) and terraform on PATH.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-3}
size=${SIZE:-2000}
work=$(mktemp -d -t dslinfra-offline-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build "$repo/src/DslInfra.Cli" -c Release -nologo -v:q >/dev/null
cli=("dotnet" "$repo/src/DslInfra.Cli/bin/Release/net8.0/DslInfra.Cli.dll")
web=$(ls -d "$repo"/samples/WebService/bin/Debug/*/infra | head -1)
python3 "$repo/bench/offline/make_stack.py" "$size" "$work/scale/main.tf.json" 2>/dev/null || { mkdir -p "$work/scale"; python3 "$repo/bench/offline/make_stack.py" "$size" "$work/scale/main.tf.json"; }

# One plan: "seconds peak-MB verdict".
plan() {
  local start end
  start=$(date +%s.%N)
  "${cli[@]}" plan "$1" --format json > "$work/out.json" 2> "$work/err.txt" || true
  end=$(date +%s.%N)
  printf '%.2f %s %s\n' "$(echo "$end - $start" | bc)" "$(grep -o 'servers [0-9]* MB' "$work/err.txt" | grep -o '[0-9]*')" \
    "$(grep -o '"passed": [a-z]*' "$work/out.json" | head -1 | cut -d' ' -f2)"
}

echo "## $(date -u +%Y-%m-%d) — $(nproc) cores, terraform $(terraform version -json | grep -o '"terraform_version": *"[^"]*"' | grep -o '[0-9.]*'), .NET $(dotnet --version)"
echo
echo "| stack | run | seconds | peak MB (dslinfra + servers) | passed |"
echo "|---|---|---|---|---|"
echo "| WebService (13 resources) | cold | $(plan "$web" | awk '{ print $1 " | " $2 " | " $3 }') |"
for i in $(seq "$runs"); do echo "| WebService (13 resources) | warm $i | $(plan "$web" | awk '{ print $1 " | " $2 " | " $3 }') |"; done
for i in $(seq 2); do echo "| generated, $size resources | $i | $(plan "$work/scale" | awk '{ print $1 " | " $2 " | " $3 }') |"; done
