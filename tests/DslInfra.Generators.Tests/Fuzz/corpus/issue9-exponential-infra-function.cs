[Stack("s")] public static class S { public static readonly Output O = new("o") { Value = E(24) }; [InfraFunction] public static int E(int n) => n == 0 ? 1 : E(n - 1) + E(n - 1); }
