#!/usr/bin/env python3
"""A Terraform JSON stack of N aws resources for bench/offline: N/2 launch templates and N/2 autoscaling groups that
launch them (the shape of bench/scale), written as DslInfra writes a stack, with a manifest."""
import json, sys

n, out = int(sys.argv[1]) // 2, sys.argv[2]
templates, groups = {}, {}
for i in range(n):
    templates[f"lt_{i}"] = {"name": f"lt-{i}", "image_id": "ami-0123456789abcdef0", "instance_type": "t3.micro",
                            "tags": {"Name": f"app-{i}", "Team": "platform"}}
    groups[f"asg_{i}"] = {"name": f"asg-{i}", "min_size": 1, "max_size": 3,
                          "vpc_zone_identifier": ["subnet-a", "subnet-b"],
                          "launch_template": [{"id": f"${{aws_launch_template.lt_{i}.id}}",
                                               "version": f"${{aws_launch_template.lt_{i}.latest_version}}"}]}
config = {"terraform": {"required_providers": {"aws": {"source": "hashicorp/aws", "version": "~> 6.47"}}},
          "provider": {"aws": {"region": "eu-west-1"}},
          "resource": {"aws_launch_template": templates, "aws_autoscaling_group": groups}}
json.dump(config, open(out, "w"), indent=1, sort_keys=True)
