#!/usr/bin/env bash
# What DslInfra's analyzers add to a real `dotnet build` of a 500-file project that calls cloud SDKs:
# the same project built with and without them (the SDK's own analyzers on in both), each twice,
# and -p:ReportAnalyzer=true for each analyzer's own time.
# Usage: bash bench/analyzers/measure.sh [files]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
files="${1:-500}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/Ops.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NoWarn>\$(NoWarn);DI2003;DI2004</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="AWSSDK.EC2" Version="4.0.132.2" />
    <ProjectReference Include="$root/src/DslInfra/DslInfra.csproj" />
    <ProjectReference Include="$root/src/DslInfra.Providers/Aws/DslInfra.Providers.Aws.csproj" />
    <!-- The analyzer assembly as a package delivers it: an Analyzer item, no project reference to resolve. -->
    <Analyzer Include="$root/analyzers/DslInfra.Analyzers/bin/Release/netstandard2.0/DslInfra.Analyzers.dll" Condition="'\$(WithDslInfra)' == 'true'" />
  </ItemGroup>
</Project>
XML
for i in $(seq 0 $((files - 1))); do
  cat > "$work/Ops$i.cs" <<CS
using Amazon.EC2;
using Amazon.EC2.Model;
using DslInfra;
using DslInfra.Aws;

public static class Ops$i
{
    public static async System.Threading.Tasks.Task<int> Run(IAmazonEC2 ec2)
    {
        var instances = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
        var count = 0;
        foreach (var reservation in instances.Reservations) count += reservation.Instances.Count;
        $( [ $((i % 10)) -eq 0 ] && echo 'await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = "i-1" });' )
        return count;
    }
}

public static class Stack$i
{
    public static readonly AwsVpc Vpc = new("vpc_$i") { CidrBlock = "10.0.0.0/16", Tags = new() { ["Name"] = "vpc-$i" } };
    public static readonly AwsInstance Box = new("box_$i") { Ami = "ami-1", InstanceType = "t3.micro", UserData = "#!/bin/sh\necho ok\n" };
}
CS
done

dotnet build "$root/analyzers/DslInfra.Analyzers" -c Release -nologo -v:q >/dev/null
cd "$work"
dotnet restore -nologo -v:q >/dev/null
dotnet build -nologo -v:q -p:WithDslInfra=true >/dev/null   # builds the referenced projects once
time_build() {
  local start end
  start=$(date +%s%N)
  dotnet build --no-restore --no-dependencies --no-incremental -nologo -v:q "$@" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
for round in 1 2; do
  without=$(time_build -p:WithDslInfra=false)
  with=$(time_build -p:WithDslInfra=true)
  echo "round $round: $files files: build without DslInfra analyzers ${without} ms, with ${with} ms"
done
echo "Per-analyzer times (ReportAnalyzer):"
dotnet build --no-restore --no-dependencies --no-incremental -nologo -v:d -p:WithDslInfra=true -p:ReportAnalyzer=true 2>&1 \
  | grep -A40 'Total analyzer execution time' | grep -E 'Total analyzer|DslInfra|NetAnalyzers,' | head -30
