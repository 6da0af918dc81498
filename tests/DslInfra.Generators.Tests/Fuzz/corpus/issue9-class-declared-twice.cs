[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" }; }
[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" }; }
