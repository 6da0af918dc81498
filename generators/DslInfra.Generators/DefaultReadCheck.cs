using System.Collections.Generic;
using System.Linq;
using DslInfra.Generators.Diagnostics;
using DslInfra.Generators.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Generators;

/// <summary>
/// DI3008: a stack that reads a variable's <c>Default</c> decides at build time what the variable was meant to decide
/// at deploy time (<c>Env.Default == "prod" ? …</c>, <c>Repeat.For(Subnets.Default, …)</c>): <c>-var</c> and tfvars are
/// then silently ignored there. The variable itself defers to Terraform.
/// </summary>
internal static class DefaultReadCheck
{
    public static void Report(SymbolAnalysisContext context, INamedTypeSymbol stack, DslSymbols dsl, System.Func<SyntaxTree, SemanticModel> models)
    {
        if (dsl.Variable is null)
            return;
        foreach (var reference in stack.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(context.CancellationToken);
            var model = models(declaration.SyntaxTree);
            foreach (var access in declaration.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            {
                if (access.Name.Identifier.ValueText != "Default"
                    || model.GetSymbolInfo(access, context.CancellationToken).Symbol is not IPropertySymbol { Name: "Default" } property
                    || !DslSymbols.Is(property.ContainingType, dsl.Variable))
                    continue;
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.VariableDefaultRead, access.GetLocation(), access.Expression.ToString()));
            }
        }
    }
}
