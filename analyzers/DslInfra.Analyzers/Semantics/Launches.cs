using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Semantics;

/// <summary>A process the code starts: where, the program, and the parts of its command line.</summary>
internal sealed record Launch(SyntaxNode Site, IOperation? Program, IReadOnlyList<IOperation> Arguments, Binding? Binding)
{
    /// <summary>The program's text and its arguments' text, each with unknown parts marked.</summary>
    public (string Program, string Arguments) Text() =>
        (CommandText.Of(Program, Binding), string.Join(" ", Arguments.Select(a => CommandText.Items(a, Binding) is { } items ? string.Join(" ", items) : CommandText.Of(a, Binding))));
}

/// <summary>
/// Finds where code starts a process, however the command line is put together: Process.Start, a ProcessStartInfo
/// (constructor, initializer, properties and ArgumentList set later in the same member), CliWrap, SimpleExec and
/// Medallion.Shell, and a team's own helper that forwards its parameters into one of these.
/// </summary>
internal sealed class Launches(Compilation compilation)
{
    private const int MaxHelperDepth = 3;

    // Per compilation: the launches inside each helper method whose command line depends on the helper's parameters.
    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<(Launch Launch, IMethodSymbol Helper)>> helpers = new(SymbolEqualityComparer.Default);

    /// <summary>The launches <paramref name="operation"/> makes, with the call site's own arguments bound into any helper.</summary>
    public IEnumerable<Launch> Find(IOperation operation, Binding? binding = null, int depth = 0)
    {
        switch (operation)
        {
            case IInvocationOperation call:
                if (Direct(call, binding) is { } launch)
                    return [launch];
                return depth < MaxHelperDepth ? ThroughHelper(call, binding, depth) : [];
            case IObjectCreationOperation creation when IsStartInfo(creation.Type) && creation.Arguments.Length > 0:
                return [new Launch(creation.Syntax, creation.Arguments[0].Value, StartInfoArguments(creation, creation.Arguments.Length > 1 ? creation.Arguments[1].Value : null), binding)];
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "FileName" } target } assignment when IsStartInfo(target.Property.ContainingType):
                return [new Launch(assignment.Syntax, assignment.Value, FileNameArguments(assignment, target), binding)];
            default:
                return [];
        }
    }

    private static Launch? Direct(IInvocationOperation call, Binding? binding)
    {
        var method = call.TargetMethod;
        var type = method.ContainingType;
        if (type is null || call.Arguments.Length == 0)
            return null;
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        var first = Argument(call, 0);
        if (ns == "System.Diagnostics" && type.Name == "Process" && method.Name == "Start" && first?.Type?.SpecialType == SpecialType.System_String)
            return new Launch(call.Syntax, first, Rest(call), binding);
        if (ns == "CliWrap" && type.Name == "Cli" && method.Name == "Wrap")
            return new Launch(call.Syntax, first, ChainedArguments(call), binding);
        if ((ns == "SimpleExec" || ns == "Medallion.Shell") && type.Name == "Command" && method.Name.StartsWith("Run", StringComparison.Ordinal) | method.Name.StartsWith("Read", StringComparison.Ordinal))
            return new Launch(call.Syntax, first, Rest(call), binding);
        return null;
    }

    private static IOperation? Argument(IInvocationOperation call, int ordinal) =>
        call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Value;

    private static IReadOnlyList<IOperation> Rest(IInvocationOperation call) =>
        call.Arguments.Where(a => a.Parameter?.Ordinal == 1 && a.ArgumentKind != ArgumentKind.DefaultValue).Select(a => a.Value).ToList();

    // Cli.Wrap("kubectl").WithArguments(…): the arguments are set further along the chain.
    private static IReadOnlyList<IOperation> ChainedArguments(IInvocationOperation wrap)
    {
        var found = new List<IOperation>();
        for (var current = wrap.Parent; current is not null; current = current.Parent)
            if (current is IInvocationOperation { TargetMethod.Name: "WithArguments" } with && with.Arguments.Length > 0)
                found.Add(with.Arguments[0].Value);
            else if (current is not (IInvocationOperation or IArgumentOperation or IConversionOperation or IAwaitOperation))
                break;
        return found;
    }

    private static bool IsStartInfo(ITypeSymbol? type) =>
        type is { Name: "ProcessStartInfo", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace.Name: "System" } };

    /// <summary>new ProcessStartInfo(file, args) or { Arguments = …, ArgumentList = { … } }, and ArgumentList.Add / Arguments = … later on the same variable.</summary>
    private static IReadOnlyList<IOperation> StartInfoArguments(IObjectCreationOperation creation, IOperation? constructorArguments)
    {
        var found = new List<IOperation>();
        if (constructorArguments is not null)
            found.Add(constructorArguments);
        if (creation.Initializer is { } initializer)
            found.AddRange(InitializerArguments(initializer));
        if (AssignedTo(creation) is { } variable)
            found.AddRange(LaterArguments(creation, variable));
        return found;
    }

    private static IReadOnlyList<IOperation> FileNameArguments(ISimpleAssignmentOperation assignment, IPropertyReferenceOperation target)
    {
        if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer)
        {
            var found = InitializerArguments(initializer).ToList();
            if (initializer.Parent is IObjectCreationOperation creation && AssignedTo(creation) is { } variable)
                found.AddRange(LaterArguments(creation, variable));
            return found;
        }
        return Symbol(target.Instance) is { } receiver ? LaterArguments(assignment, receiver).ToList() : [];
    }

    private static IEnumerable<IOperation> InitializerArguments(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var member in initializer.Initializers)
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Arguments" } } arguments)
                yield return arguments.Value;
            else if (member is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "ArgumentList" }, Initializer: { } list })
                foreach (var add in list.Initializers.OfType<IInvocationOperation>())
                    foreach (var argument in add.Arguments)
                        yield return argument.Value;
    }

    /// <summary>The local, field or property a creation is stored in.</summary>
    private static ISymbol? AssignedTo(IOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
            parent = parent.Parent;
        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment => Symbol(assignment.Target),
            _ => null,
        };
    }

    private static ISymbol? Symbol(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Property.Name: "StartInfo" } startInfo => Symbol(startInfo.Instance),
        IPropertyReferenceOperation property => property.Property,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary><c>psi.Arguments = …</c> and <c>psi.ArgumentList.Add(…)</c> (also in a loop) on the same variable, in the same member.</summary>
    private static IEnumerable<IOperation> LaterArguments(IOperation anchor, ISymbol variable)
    {
        if (anchor.SemanticModel is not { } model || Liveness.Enclosing(anchor.Syntax) is not { } member)
            yield break;
        foreach (var node in member.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Arguments" } } assign
                && model.GetOperation(assign) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } set
                && IsStartInfo(target.Property.ContainingType) && SymbolEqualityComparer.Default.Equals(Symbol(target.Instance), variable))
                yield return set.Value;
            else if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddRange" } }
                && model.GetOperation(node) is IInvocationOperation { Instance: IPropertyReferenceOperation { Property.Name: "ArgumentList" } list } add
                && SymbolEqualityComparer.Default.Equals(Symbol(list.Instance), variable))
                foreach (var argument in add.Arguments)
                    yield return argument.Value;
        }
    }

    /// <summary>
    /// A call to a team's own helper (<c>Kubectl($"patch deployment {name} …")</c>, <c>executor.Run("az", $"vm update …")</c>):
    /// the helper's launches with this call's arguments bound to its parameters. A helper with no body here (an
    /// interface, another assembly) is read by its shape: a first argument that names an ops CLI, given to a parameter
    /// whose name says it is the program.
    /// </summary>
    private IEnumerable<Launch> ThroughHelper(IInvocationOperation call, Binding? binding, int depth)
    {
        var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
        if (!method.Parameters.Any(p => IsText(p.Type)))
            yield break;
        var values = new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);
        foreach (var argument in call.Arguments)
            if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                values[parameter.OriginalDefinition] = argument.Value;
        if (call.TargetMethod.ReducedFrom is not null && call.Instance is { } receiver && method.Parameters.Length > 0)
            values[method.Parameters[0].OriginalDefinition] = receiver;
        var bound = new Binding(values, binding);

        var inside = HelperLaunches(method.OriginalDefinition);
        if (inside.Count == 0 && method.DeclaringSyntaxReferences.Length == 0 | method.IsAbstract)
        {
            // No body to read: the shape of the call.
            var program = method.Parameters.FirstOrDefault();
            if (program is not null && IsText(program.Type) && OpsCommands.IsProgramParameter(program.Name)
                && Argument(call, 0) is { } value && OpsCommands.IsKnownProgram(CommandText.Of(value, binding)))
                yield return new Launch(call.Syntax, value, call.Arguments.Where(a => a.Parameter is { Ordinal: > 0 } p && IsText(p.Type) && a.ArgumentKind != ArgumentKind.DefaultValue).Select(a => a.Value).ToList(), binding);
            yield break;
        }
        foreach (var (launch, _) in inside)
            yield return launch with { Site = call.Syntax, Binding = bound };
    }

    private IReadOnlyList<(Launch, IMethodSymbol)> HelperLaunches(IMethodSymbol method) => helpers.GetOrAdd(method, m =>
    {
        var found = new List<(Launch, IMethodSymbol)>();
        foreach (var reference in m.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            // Only members whose text can start a process are read; the rest of a project's calls cost one lookup.
            var text = syntax.ToString();
            if (syntax.DescendantNodes().Count() > 4000 || (text.IndexOf("Process", StringComparison.Ordinal) < 0
                && text.IndexOf("Wrap(", StringComparison.Ordinal) < 0 && text.IndexOf("Command.", StringComparison.Ordinal) < 0))
                continue;
#pragma warning disable RS1030 // A helper may sit in another file; its model is read once per helper and cached.
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            foreach (var node in syntax.DescendantNodes())
            {
                if (node is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax))
                    continue;
                if (model.GetOperation(node) is not { } operation)
                    continue;
                foreach (var launch in Find(operation, null, MaxHelperDepth))
                    if (DependsOnParameters(launch, m) && !Determined(launch))
                        found.Add((launch, m));
            }
        }
        return found;
    });

    private static bool DependsOnParameters(Launch launch, IMethodSymbol helper) =>
        new[] { launch.Program }.Concat(launch.Arguments).Where(o => o is not null)
            .Any(o => o!.DescendantsAndSelf().OfType<IParameterReferenceOperation>().Any(p => SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol.OriginalDefinition, helper))
                || o.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(l => CommandText.Initializer(l) is { } init && init.DescendantsAndSelf().OfType<IParameterReferenceOperation>().Any()));

    // A launch whose verdict is already clear inside the helper is reported there, once, not at every caller.
    private static bool Determined(Launch launch)
    {
        var (program, arguments) = launch.Text();
        return OpsCommands.Classify(program, arguments) is not null;
    }

    private static bool IsText(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String
        || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String or SpecialType.System_Object }
        || type is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Length == 1 && generic.TypeArguments[0].SpecialType == SpecialType.System_String;
}
