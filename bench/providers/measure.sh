#!/usr/bin/env bash
# What referencing a provider package costs a user's `dotnet build`, from the packed packages as a user gets them:
# for each provider, a project with DslInfra only, one that adds the provider package (no stack), and one with a
# 100-resource stack on the package's records. Each is built once, then rebuilt three times after touching its one
# source file (compiler server warm, as on a developer's machine), then once more with the compiler in-process
# (-p:UseSharedCompilation=false) so /usr/bin/time sees the compiler's peak memory.
# Usage: bash bench/providers/measure.sh [aws azurerm google kubernetes]   (the solution must be built in Debug first)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
providers=("${@:-aws azurerm google kubernetes}")
read -r -a providers <<< "${providers[*]}"
version=0.1.0-bench
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
dotnet pack "$root/DslInfra.sln" --no-build -c Debug -o "$feed" -p:Version=$version -nologo -v:q >/dev/null

declare -A package=([aws]=Aws [azurerm]=Azurerm [google]=Google [kubernetes]=Kubernetes)
# 100 resources on each provider's records: 50 pairs of a parent and a child that references it.
stack() {
  local i
  echo "using DslInfra;"
  case "$1" in
    aws) echo "using DslInfra.Aws;" ;;
    azurerm) echo "using DslInfra.Azurerm;" ;;
    google) echo "using DslInfra.Google;" ;;
    kubernetes) echo "using DslInfra.Kubernetes;" ;;
  esac
  echo '[Stack("s")] public static class S {'
  for i in $(seq 0 49); do
    case "$1" in
      aws) echo "public static readonly AwsVpc V$i = new(\"v$i\") { CidrBlock = \"10.$i.0.0/16\" };
public static readonly AwsSubnet S$i = new(\"s$i\") { VpcId = V$i.Id, CidrBlock = \"10.$i.1.0/24\" };" ;;
      azurerm) echo "public static readonly AzurermResourceGroup G$i = new(\"g$i\") { NameArgument = \"g$i\", Location = \"westeurope\" };
public static readonly AzurermVirtualNetwork N$i = new(\"n$i\") { NameArgument = \"n$i\", Location = \"westeurope\", ResourceGroupName = G$i.NameArgument, AddressSpace = [\"10.$i.0.0/16\"] };" ;;
      google) echo "public static readonly GoogleComputeNetwork N$i = new(\"n$i\") { NameArgument = \"n$i\", AutoCreateSubnetworks = false };
public static readonly GoogleComputeSubnetwork S$i = new(\"s$i\") { NameArgument = \"s$i\", Network = N$i.Id, IpCidrRange = \"10.$i.0.0/24\", Region = \"europe-west1\" };" ;;
      kubernetes) echo "public static readonly KubernetesNamespaceV1 N$i = new(\"n$i\") { Metadata = new() { Name = \"n$i\" } };
public static readonly KubernetesConfigMapV1 C$i = new(\"c$i\") { Metadata = new() { Name = \"c$i\", Namespace = N$i.Id }, Data = new() { [\"k\"] = \"v$i\" } };" ;;
    esac
  done
  echo '}'
}

project() { # name, extra package reference
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="DslInfra" Version="$version" />
    $2
  </ItemGroup>
</Project>
XML
  dotnet restore "$work/$1" --source "$feed" --packages "$work/packages" -nologo -v:q >"$work/restore.log" || { cat "$work/restore.log"; exit 1; }
  dotnet build "$work/$1" --no-restore -nologo -v:q >/dev/null
}

measure() { # name
  local runs=() i start end peak
  for i in 1 2 3; do
    touch "$work/$1/Code.cs"
    start=$(date +%s%N)
    dotnet build "$work/$1" --no-restore -nologo -v:q >/dev/null
    end=$(date +%s%N)
    runs+=("$(( (end - start) / 1000000 ))")
  done
  touch "$work/$1/Code.cs"
  peak=$(/usr/bin/time -f %M dotnet build "$work/$1" --no-restore -nologo -v:q -p:UseSharedCompilation=false -nodeReuse:false 2>&1 >/dev/null | tail -1)
  echo "$1: dotnet build ${runs[*]} ms (server warm); in-process compiler peak RSS $((peak / 1024)) MB"
}

project Baseline ""
echo 'public static class Code { }' > "$work/Baseline/Code.cs"
measure Baseline
for p in "${providers[@]}"; do
  v=$(sed -n "s#.*<DslInfra${package[$p]}ProviderVersion>\(.*\)</.*#\1#p" "$root/src/DslInfra.Providers/ProviderVersions.props")
  ref="<PackageReference Include=\"DslInfra.Providers.${package[$p]}\" Version=\"$v\" />"
  mkdir -p "$work/${p}Empty" "$work/${p}Stack"
  echo 'public static class Code { }' > "$work/${p}Empty/Code.cs"
  stack "$p" > "$work/${p}Stack/Code.cs"
  project "${p}Empty" "$ref"
  project "${p}Stack" "$ref"
  measure "${p}Empty"
  measure "${p}Stack"
  test -f "$work/${p}Stack/bin/Debug/net10.0/infra/s/main.tf.json" || { echo "${p}Stack wrote no artifacts"; exit 1; }
done
