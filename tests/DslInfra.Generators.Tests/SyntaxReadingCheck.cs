using System.Runtime.CompilerServices;

namespace DslInfra.Generators.Tests;

/// <summary>
/// Every test here doubles as a check of the evaluator's syntax reading: each member read from syntax is evaluated
/// again over the operation tree, and a difference is an internal error (DI1000) the test then sees.
/// </summary>
internal static class SyntaxReadingCheck
{
    [ModuleInitializer]
    internal static void Enable() => DslInfra.Generators.Evaluation.Evaluator.CheckSyntaxReading = true;
}
