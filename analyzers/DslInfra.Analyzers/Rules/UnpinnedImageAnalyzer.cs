using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>DI3002: an AMI lookup that takes the most recent of a wildcard or regex match: the image changes under the stack.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnpinnedImageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.UnpinnedImage);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var ami = start.Compilation.GetTypeByMetadataName("DslInfra.Aws.AwsAmi");
            if (ami is not null)
                start.RegisterOperationAction(c => Analyze(c, ami), OperationKind.ObjectCreation, OperationKind.With);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol ami)
    {
        var (type, initializer) = context.Operation switch
        {
            IObjectCreationOperation creation => (creation.Type, creation.Initializer),
            IWithOperation with => (with.Type, with.Initializer),
            _ => (null, null),
        };
        if (!SymbolEqualityComparer.Default.Equals(type, ami) || initializer is null)
            return;
        var assignments = initializer.Initializers.OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Target is IPropertyReferenceOperation).ToDictionary(a => ((IPropertyReferenceOperation)a.Target).Property.Name);
        if (!assignments.TryGetValue("MostRecent", out var mostRecent) || Initializers.Unwrap(mostRecent.Value).ConstantValue.Value is not true)
            return;
        var byRegex = assignments.ContainsKey("NameRegex");
        var byWildcard = assignments.TryGetValue("Filter", out var filter) && filter.Value.Descendants()
            .Any(o => o.ConstantValue.Value is string value && (value.Contains("*") || value.Contains("?")));
        if (byRegex || byWildcard)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnpinnedImage, mostRecent.Syntax.GetLocation(),
                $"MostRecent = true over a {(byRegex ? "name regex" : "wildcard")}"));
    }
}
