#!/usr/bin/env bash
# The side-by-side of issue 13, in one run on this machine: a real `dotnet build` of a stack with the packed DslInfra
# packages, the same C# against plain records with no generator (the compiler's floor), and CDK for Terraform
# synthesizing the same stack (installed from npm here). Each build or synth follows a one-literal edit, with the
# compiler server and MSBuild nodes warm, as a developer's next build would be. Peak memory comes from a separate
# build with the compiler in-process, so the whole build's largest process is measured.
#
#   bash bench/scale/run.sh                  # 2,000 and 10,000 resources, 3 timed runs each
#   SIZES="2000" RUNS=5 bash bench/scale/run.sh
#   CASES="dslinfra:fields plain:fields" bash bench/scale/run.sh   # some of the five cases
#   COMPILER=process bash bench/scale/run.sh # every build in a fresh compiler process (UseSharedCompilation=false)
#
# COMPILER=server (the default) is how a developer's machine builds: the compiler server (VBCSCompiler) keeps the
# compiler and the generator loaded and compiled to native code between builds. WARMUP edit-and-build rounds (default 4)
# run before the timed ones, because the server's code gets faster over its first few builds (tiered JIT). Machines that
# set UseSharedCompilation=false (this one does, in its environment) or -nodeReuse:false build with a fresh compiler
# process every time: COMPILER=process measures that.
#
# Everything it makes goes to $DSLINFRA_SCALE_WORK (default /tmp/dslinfra-scale), never into the repository; the
# results table is printed and appended to bench/scale/RESULTS.md.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
here="$repo/bench/scale"
work=${DSLINFRA_SCALE_WORK:-/tmp/dslinfra-scale}
sizes=${SIZES:-"2000 10000"}
runs=${RUNS:-3}
cases=${CASES:-"dslinfra:fields plain:fields cdktf:fields dslinfra:loop cdktf:loop"}
compiler=${COMPILER:-server}
warmup=${WARMUP:-4}
if [ "$compiler" = server ]; then
  export UseSharedCompilation=true; unset MSBUILDDISABLENODEREUSE
else
  export UseSharedCompilation=false; warmup=1
fi
version=0.1.0-scale$(date +%s)   # a version no NuGet cache has seen: never a stale package of the same number
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mkdir -p "$work"
echo "packing DslInfra $version and its aws provider package..." >&2
rm -rf "$work/feed" "$work/packages" "$work/proj"
dotnet build "$repo/src/DslInfra.Build" -c Release -p:Version="$version" -nologo -v:q >/dev/null   # the package takes the task from its bin
dotnet pack "$repo/src/DslInfra" -c Release -o "$work/feed" -p:Version="$version" -nologo -v:q >/dev/null
dotnet pack "$repo/src/DslInfra.Providers/Aws" -c Release -o "$work/feed" -p:Version="$version" -nologo -v:q >/dev/null
cat > "$work/nuget.config" <<XML
<configuration><packageSources><add key="scale-feed" value="$work/feed" /></packageSources></configuration>
XML

if [ ! -d "$work/cdktf/node_modules/@cdktf/provider-aws" ]; then
  echo "installing CDK for Terraform from npm..." >&2
  mkdir -p "$work/cdktf" && cp "$here/cdktf-package.json" "$work/cdktf/package.json"
  (cd "$work/cdktf" && npm install --no-audit --no-fund --silent)
fi

# Seconds and peak RSS (MB) of one command: "12.34 456".
measure() { /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; return 1; }; awk '{ printf "%s %d\n", $1, $2 / 1024 }' "$work/time.txt"; }

# Flips the first 'eu-west-1a' <-> 'eu-west-1x' in a file: a one-literal edit.
edit() { if grep -q 'eu-west-1x' "$1"; then sed -i '0,/eu-west-1x/s//eu-west-1a/' "$1"; else sed -i '0,/eu-west-1a/s//eu-west-1x/' "$1"; fi; }

project() { # kind shape size -> folder
  local dir="$work/proj/$1-$2-$3"
  mkdir -p "$dir"
  if [ "$1" = cdktf ]; then
    python3 "$here/make_stacks.py" cdktf "$2" "$3" "$dir/main.js"
    ln -sfn "$work/cdktf/node_modules" "$dir/node_modules"
  else
    python3 "$here/make_stacks.py" "$1" "$2" "$3" "$dir/Stack.cs"
    local reference='<PackageReference Include="DslInfra.Providers.Aws" Version="'"$version"'" /><PackageReference Include="DslInfra" Version="'"$version"'" />'
    [ "$1" = plain ] && { reference=""; cp "$here/PlainRecords.cs" "$dir/"; }
    cat > "$dir/Scale.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>
    <RestorePackagesPath>$work/packages</RestorePackagesPath><RestoreConfigFile>$work/nuget.config</RestoreConfigFile></PropertyGroup>
  <ItemGroup>$reference</ItemGroup>
</Project>
XML
    (cd "$dir" && dotnet restore -nologo -v:q >/dev/null)
  fi
  echo "$dir"
}

results=()
row() { results+=("$1"); echo "$1" >&2; }

for size in $sizes; do
  for case in $cases; do
    set -- ${case/:/ }
    dir=$(project "$1" "$2" "$size")
    times=()
    if [ "$1" = cdktf ]; then
      measure node "$dir/main.js" "$dir/cdktf.out" >/dev/null   # warm the disk cache
      for _ in $(seq "$runs"); do edit "$dir/main.js"; times+=("$(measure node "$dir/main.js" "$dir/cdktf.out")"); done
      peak=$(echo "${times[-1]}" | cut -d' ' -f2)
      generator="—"
    else
      (cd "$dir" && measure dotnet build --no-restore -nologo >/dev/null)   # first build: starts the compiler server
      for _ in $(seq "$warmup"); do edit "$dir/Stack.cs"; (cd "$dir" && measure dotnet build --no-restore -nologo >/dev/null); done
      for _ in $(seq "$runs"); do edit "$dir/Stack.cs"; times+=("$(cd "$dir" && measure dotnet build --no-restore -nologo)"); done
      edit "$dir/Stack.cs"
      peak=$(cd "$dir" && measure dotnet build --no-restore -nologo -p:UseSharedCompilation=false -nodeReuse:false | cut -d' ' -f2)
      generator="—"
      if [ "$1" = dslinfra ]; then
        edit "$dir/Stack.cs"
        (cd "$dir" && dotnet build --no-restore -nologo -v:detailed -p:ReportAnalyzer=true > "$work/report.log" 2>&1) || true
        generator=$(grep -m1 -E '^\s+[0-9.]+\s+[0-9]+\s+DslInfra\.Generators\.StackGenerator' "$work/report.log" | awk '{ print $1 " s" }' || true)
        [ -n "$generator" ] || generator="(not reported)"
      fi
    fi
    seconds=$(printf '%s\n' "${times[@]}" | cut -d' ' -f1 | sort -n | paste -sd' ' | awk '{ printf "%s–%s s", $1, $NF }')
    row "| $size | $1 | $2 | $seconds | $generator | $peak MB |"
  done
done
dotnet build-server shutdown >/dev/null 2>&1 || true

{
  echo
  echo "## $(date -u +%Y-%m-%d) — $(nproc) cores, .NET SDK $(dotnet --version), Node $(node --version), $runs runs each after a one-literal edit, compiler: $compiler (warm-up builds: $warmup)"
  echo
  echo "| resources | tool | shape | build/synth (min–max) | StackGenerator (ReportAnalyzer) | peak RSS |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${results[@]}"
} | tee -a "$here/RESULTS.md"
