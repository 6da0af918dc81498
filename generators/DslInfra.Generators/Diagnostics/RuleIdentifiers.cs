namespace DslInfra.Generators.Diagnostics;

/// <summary>The IDs of the synthesis rules; each has a page docs/rules/{id}.md.</summary>
internal static class RuleIdentifiers
{
    public const string InternalError = "DI1000";
    public const string NotEvaluable = "DI1001";
    public const string DuplicateName = "DI1002";
    public const string InvalidIdentifier = "DI1003";
    public const string OutsideStack = "DI1004";
    public const string ReferenceCycle = "DI1005";
    public const string RequiredMissing = "DI1006";
    public const string WrongValueType = "DI1007";
    public const string MutableMember = "DI1008";
    public const string DuplicateStack = "DI1009";
    public const string UploadedFileMissing = "DI1010";
    public const string TemplateError = "DI1011";
    public const string NotSynthesized = "DI1012";
    public const string OverBudget = "DI1013";
    public const string StateBlockMismatch = "DI1014";
    public const string UnusedImage = "DI3003";
    public const string RenameDestroys = "DI2007";
    public const string ProviderVersionExcludesRecords = "DI3006";
    public const string TerraformVersionTooLow = "DI3007";
    public const string VariableDefaultRead = "DI3008";

    public static string HelpLink(string id) => $"https://github.com/dslinfra/dslinfra/blob/main/docs/rules/{id}.md";
}
