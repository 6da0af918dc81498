#!/usr/bin/env python3
"""Writes the side-by-side stack of bench/scale/run.sh in each tool's language.

The stack (issue 13): N launch template + autoscaling group pairs (name prefix, image from one AMI data source,
instance type alternating, user data, a tag specification, create_before_destroy; the group with three subnets,
launch template id/version references, a tag, an instance refresh), plus a provider with default tags, an S3
backend and the AMI data source.

usage: make_stacks.py KIND SHAPE RESOURCES OUT   (RESOURCES / 2 pairs)
  KIND  dslinfra | plain (the same C# against plain records, no generator) | cdktf (JavaScript)
  SHAPE fields (one member, or statement, per resource) | loop (Repeat.For, or a for loop)
        | spread (fields, every group's subnets spread from one shared list: `VpcZoneIdentifier = [.. Subnets]`;
          the edited literal is then the first launch template's name prefix)
  EDIT  the literal 'eu-west-1a' in the first group's subnets is what run.sh edits between builds.
"""
import sys

kind, shape, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]) // 2, sys.argv[4]
USER_DATA = "IyEvYmluL2Jhc2gKZWNobyBoZWxsbwo="
AMI_NAME = "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240101"


def csharp_header():
    return f'''using System.Collections.Immutable;
using DslInfra;
using DslInfra.Aws;

namespace Scale;

[Stack("scale")]
public static class ScaleStack
{{
    public static readonly AwsProvider Aws = new() {{ Region = "eu-west-1", DefaultTags = new() {{ Tags = new() {{ ["team"] = "platform" }} }} }};
    public static readonly S3Backend State = new() {{ Bucket = "acme-tf", Key = "scale.tfstate", Region = "eu-west-1" }};
    public static readonly DataAwsAmi Ami = new("base") {{ Owners = ["099720109477"], Filter = [new() {{ Name = "name", Values = ["{AMI_NAME}"] }}] }};
'''


def csharp_pair(i, subnet, spread=False):
    subnets = "[.. Subnets]" if spread else f'["{subnet}", "eu-west-1b", "eu-west-1c"]'
    prefix = f"app-{i}-eu-west-1a-" if spread and i == 0 else f"app-{i}-"
    return f'''
    public static readonly AwsLaunchTemplate Lt{i} = new("lt_{i}")
    {{
        NamePrefix = "{prefix}",
        ImageId = Ami.Id,
        InstanceType = "{"t3.small" if i % 2 == 0 else "t3.medium"}",
        UserData = "{USER_DATA}",
        TagSpecifications = [new() {{ ResourceType = "instance", Tags = new() {{ ["Name"] = "app-{i}" }} }}],
        Lifecycle = new() {{ CreateBeforeDestroy = true }},
    }};

    public static readonly AwsAutoscalingGroup Asg{i} = new("asg_{i}")
    {{
        NamePrefix = "app-{i}-",
        MinSize = 1,
        MaxSize = 3,
        MaxInstanceLifetime = 604800,
        VpcZoneIdentifier = {subnets},
        LaunchTemplate = new() {{ Id = Lt{i}.Id, Version = $"{{Lt{i}.LatestVersion}}" }},
        Tag = [new() {{ Key = "Name", Value = "app-{i}", PropagateAtLaunch = true }}],
        InstanceRefresh = new() {{ Strategy = "Rolling" }},
    }};
'''


def csharp_loop():
    return f'''
    public static readonly ImmutableArray<AwsLaunchTemplate> Lts = Repeat.For({n}, i => new AwsLaunchTemplate($"lt_{{i}}")
    {{
        NamePrefix = $"app-{{i}}-",
        ImageId = Ami.Id,
        InstanceType = i % 2 == 0 ? "t3.small" : "t3.medium",
        UserData = "{USER_DATA}",
        TagSpecifications = [new() {{ ResourceType = "instance", Tags = new() {{ ["Name"] = $"app-{{i}}" }} }}],
        Lifecycle = new() {{ CreateBeforeDestroy = true }},
    }});

    public static readonly ImmutableArray<AwsAutoscalingGroup> Asgs = Repeat.For({n}, i => new AwsAutoscalingGroup($"asg_{{i}}")
    {{
        NamePrefix = $"app-{{i}}-",
        MinSize = 1,
        MaxSize = 3,
        MaxInstanceLifetime = 604800,
        VpcZoneIdentifier = [i == 0 ? "eu-west-1a" : "eu-west-1a", "eu-west-1b", "eu-west-1c"],
        LaunchTemplate = new() {{ Id = Lts[i].Id, Version = $"{{Lts[i].LatestVersion}}" }},
        Tag = [new() {{ Key = "Name", Value = $"app-{{i}}", PropagateAtLaunch = true }}],
        InstanceRefresh = new() {{ Strategy = "Rolling" }},
    }});
'''


def cdktf():
    body = [
        "const { App, TerraformStack, S3Backend } = require('cdktf');",
        "const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');",
        "const { DataAwsAmi } = require('@cdktf/provider-aws/lib/data-aws-ami');",
        "const { LaunchTemplate } = require('@cdktf/provider-aws/lib/launch-template');",
        "const { AutoscalingGroup } = require('@cdktf/provider-aws/lib/autoscaling-group');",
        "const app = new App({ outdir: process.argv[2] || 'cdktf.out' });",
        "const s = new TerraformStack(app, 'scale');",
        "new AwsProvider(s, 'aws', { region: 'eu-west-1', defaultTags: [{ tags: { team: 'platform' } }] });",
        "new S3Backend(s, { bucket: 'acme-tf', key: 'scale.tfstate', region: 'eu-west-1' });",
        f"const ami = new DataAwsAmi(s, 'base', {{ owners: ['099720109477'], filter: [{{ name: 'name', values: ['{AMI_NAME}'] }}] }});",
    ]

    def pair(i, subnet, index):
        return [
            f"{{ const lt = new LaunchTemplate(s, `lt_${{{index}}}`, {{ namePrefix: `app-${{{index}}}-`, imageId: ami.id, instanceType: ({index}) % 2 === 0 ? 't3.small' : 't3.medium', userData: '{USER_DATA}', tagSpecifications: [{{ resourceType: 'instance', tags: {{ Name: `app-${{{index}}}` }} }}], lifecycle: {{ createBeforeDestroy: true }} }});",
            f"  new AutoscalingGroup(s, `asg_${{{index}}}`, {{ namePrefix: `app-${{{index}}}-`, minSize: 1, maxSize: 3, maxInstanceLifetime: 604800, vpcZoneIdentifier: ['{subnet}', 'eu-west-1b', 'eu-west-1c'], launchTemplate: {{ id: lt.id, version: `${{lt.latestVersion}}` }}, tag: [{{ key: 'Name', value: `app-${{{index}}}`, propagateAtLaunch: true }}], instanceRefresh: {{ strategy: 'Rolling' }} }}); }}",
        ]

    if shape == "loop":
        body.append(f"for (let i = 0; i < {n}; i++)")
        body += pair(0, "eu-west-1a", "i")
    else:
        for i in range(n):
            body += pair(i, "eu-west-1a", str(i))
    body.append("app.synth();")
    return "\n".join(body) + "\n"


with open(out, "w", encoding="utf-8", newline="\n") as f:
    if kind == "cdktf":
        f.write(cdktf())
    else:
        f.write(csharp_header())
        if shape == "loop":
            f.write(csharp_loop())
        else:
            if shape == "spread":
                f.write('    public static readonly ImmutableArray<string> Subnets = ["eu-west-1b", "eu-west-1c", "eu-west-1d"];\n')
            for i in range(n):
                f.write(csharp_pair(i, "eu-west-1a", spread=shape == "spread"))
        f.write("}\n")
