[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock $"{ }" = }; }
