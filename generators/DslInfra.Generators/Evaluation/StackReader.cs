using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DslInfra.Generators.Diagnostics;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Evaluation;

/// <summary>Turns a [Stack] class into a <see cref="StackModel"/>: evaluates every member, sorts them into Terraform's blocks, and checks the whole.</summary>
internal static partial class StackReader
{
    /// <summary>
    /// The stack's model and diagnostics, from <see cref="StackCache"/> when none of its inputs changed. With
    /// <paramref name="keepMembers"/> (StackAnalyzer: the IDE's path), members are reused across edits through
    /// <see cref="MemberCache"/>; the generator evaluates afresh (a build has nothing to reuse, and the IDE does not
    /// run the generator's only output), so a build does not pay for keeping members.
    /// </summary>
    public static StackResult ReadCached(
        INamedTypeSymbol stack,
        AttributeData attribute,
        Compilation compilation,
        Func<SyntaxTree, SemanticModel> semanticModels,
        CancellationToken cancellation,
        bool keepMembers = false,
        string? environment = null)
    {
        return StackCache.GetOrRead(stack, compilation, () =>
        {
            var dependencies = new HashSet<SyntaxTree>();
            var members = keepMembers ? MemberCache.Open(stack, compilation, cancellation, environment) : null;
            var result = Read(stack, attribute, semanticModels, cancellation, dependencies, members, environment);
            return (result, dependencies);
        }, environment);
    }

    /// <summary>The environments a stack declares with [Environments(…)], in deployment order; empty for a stack without.</summary>
    public static IReadOnlyList<string> EnvironmentsOf(INamedTypeSymbol stack)
    {
        foreach (var attribute in stack.GetAttributes())
            if (attribute.AttributeClass is { Name: "EnvironmentsAttribute", ContainingNamespace.Name: "DslInfra" }
                && attribute.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array } names)
                return names.Values.Select(v => v.Value as string).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
        return Array.Empty<string>();
    }

    public static StackResult Read(
        INamedTypeSymbol stack,
        AttributeData attribute,
        Func<SyntaxTree, SemanticModel> semanticModels,
        CancellationToken cancellation,
        HashSet<SyntaxTree>? dependencies = null,
        MemberCache.Session? members = null,
        string? environment = null)
    {
        var name = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
        var version = attribute.NamedArguments.FirstOrDefault(a => a.Key == "TerraformVersion").Value.Value as string;
        var dsl = attribute.AttributeClass?.ContainingAssembly is { } assembly
            ? DslSymbols.From(assembly)
            : DslSymbols.From(semanticModels(stack.DeclaringSyntaxReferences[0].SyntaxTree).Compilation);
        var environments = EnvironmentsOf(stack);
        var evaluator = new Evaluator(stack, name, dsl, semanticModels, cancellation) { Environment = environment, Environments = environments };
        if (members is not null)
            evaluator.UseMemberCache(members);
        var attributeSpan = SourceSpan.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellation));
        try
        {
            var builder = new StackBuilder(name, evaluator, () => BundledTypes.Of(semanticModels(stack.DeclaringSyntaxReferences[0].SyntaxTree).Compilation));
            if (!TerraformNames.IsIdentifier(name))
                evaluator.Report(RuleIdentifiers.InvalidIdentifier, attributeSpan, name, "a stack", TerraformNames.IdentifierRule);
            foreach (var member in Members(stack))
                builder.Add(member);
            var compilation = semanticModels(stack.DeclaringSyntaxReferences[0].SyntaxTree).Compilation;
            if (environment is not null && !TerraformNames.IsIdentifier(environment))
                evaluator.Report(RuleIdentifiers.InvalidIdentifier, attributeSpan, environment, "an environment", TerraformNames.IdentifierRule);
            var model = builder.Build(stack.Name, version, ProviderSchemas.Of(compilation)) with
            {
                Environment = environment,
                Environments = environments.ToEquatableArray(),
            };
            if (dependencies is not null)
            {
                dependencies.UnionWith(evaluator.Dependencies);
                foreach (var reference in stack.DeclaringSyntaxReferences)
                    dependencies.Add(reference.SyntaxTree);
            }
            members?.Commit();
            return new StackResult(model, evaluator.Diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The compiler must never see an exception from us: report it where the stack is declared, unless the
            // stack's code does not even parse, which the compiler already reports.
            var diagnostics = evaluator.Diagnostics.ToList();
            if (!stack.DeclaringSyntaxReferences.Any(r => r.SyntaxTree.GetDiagnostics(cancellation).Any(d => d.Severity == DiagnosticSeverity.Error)))
                diagnostics.Add(new DiagnosticInfo(RuleIdentifiers.InternalError, attributeSpan,
                    new[] { name, exception.GetType().Name + ": " + exception.Message }.ToEquatableArray()));
            var empty = new StackModel(name, stack.Name, version, default, null, default, default, default, default, HasErrors: true, Environment: environment);
            return new StackResult(empty, diagnostics.ToEquatableArray());
        }
    }

    private static IEnumerable<ISymbol> Members(INamedTypeSymbol stack) =>
        stack.GetMembers().Where(m => !m.IsImplicitlyDeclared && m is IFieldSymbol or IPropertySymbol);

    /// <summary>Collects evaluated members into Terraform's top-level blocks and checks names across them.</summary>
    private sealed partial class StackBuilder(string stackName, Evaluator evaluator, Func<Dictionary<string, BundledTypes.Shape>> bundledTypes)
    {
        private readonly List<ResourceSpec> resources = new();
        private readonly List<ProviderSpec> providers = new();
        private readonly List<VariableSpec> variables = new();
        private readonly List<OutputSpec> outputs = new();
        private readonly List<ImageSpec> images = new();
        private readonly Dictionary<string, string> declaredBy = new(StringComparer.Ordinal);
        private BackendSpec? backend;

        public void Add(ISymbol member)
        {
            var span = SourceSpan.From(member.Locations.FirstOrDefault() ?? Location.None);
            if (member is IPropertySymbol { IsStatic: true })
            {
                evaluator.Report(RuleIdentifiers.MutableMember, span, member.Name, "a property");
                return;
            }
            if (member is not IFieldSymbol field || field.IsConst || !field.IsStatic)
                return;
            if (!field.IsReadOnly)
            {
                evaluator.Report(RuleIdentifiers.MutableMember, span, member.Name, "a field that can be reassigned");
                return;
            }
            var value = evaluator.Member(field);
            if (value is ListValue list)
            {
                for (var i = 0; i < list.Items.Count; i++)
                    if (list.Items[i] is ObjectValue { Type.Kind: DslKind.Resource or DslKind.DataSource or DslKind.EphemeralResource } element)
                        AddObject($"{member.Name}[{i}]", span, element);
            }
            else if (value is ObjectValue obj)
            {
                AddObject(member.Name, span, obj);
            }
        }

        private void AddObject(string member, SourceSpan? memberSpan, ObjectValue obj)
        {
            var where = obj.Span ?? memberSpan;
            CheckConditions(obj, member);
            if (obj.IsInstance)
            {
                evaluator.Report(RuleIdentifiers.WrongValueType, where, member,
                    $"{obj.Address} is one instance of a resource declared elsewhere; read its attributes (At(…).Id) instead of declaring it again");
                return;
            }
            CheckRequired(obj, obj.Address ?? obj.Type.Name);
            switch (obj.Type.Kind)
            {
                case DslKind.Resource or DslKind.DataSource or DslKind.EphemeralResource:
                    AddResource(member, memberSpan, obj, where);
                    break;
                case DslKind.Provider:
                    var alias = Literal(obj, "Alias", where, required: false);
                    if (alias is not null && !TerraformNames.IsIdentifier(alias))
                        evaluator.Report(RuleIdentifiers.InvalidIdentifier, where, alias, "a provider alias", TerraformNames.IdentifierRule);
                    var key = obj.Type.ProviderName + (alias is null ? "" : "." + alias);
                    if (Claim("provider configuration", key, member, where))
                        providers.Add(new ProviderSpec(obj.Type.ProviderName ?? "", obj.Type.ProviderSource ?? "", Literal(obj, "Version", where, false), alias, obj));
                    break;
                case DslKind.Backend:
                    if (Claim("backend", "terraform.backend", member, where))
                        backend = new BackendSpec(obj.Type.TerraformType ?? "", obj);
                    CheckKnown(obj, where, "a backend is read before any variable exists; write its settings as literals");
                    break;
                case DslKind.Variable:
                    AddVariable(member, obj, where);
                    break;
                case DslKind.Image:
                    AddImage(member, memberSpan, obj, where);
                    break;
                case DslKind.Output:
                    var output = Name(obj, where, "an output");
                    if (output is not null && Claim("output", "output." + output, member, where))
                        outputs.Add(SpecReader.Output(output, obj));
                    if (obj.Get("Value") is { } shown && EphemeralIn(shown) is { } ephemeral)
                        evaluator.Report(RuleIdentifiers.WrongValueType, where, member,
                            $"an output cannot show the ephemeral value {ephemeral}: Terraform never stores it");
                    if (obj.Get("Value") is null or NullValue)
                        evaluator.Report(RuleIdentifiers.RequiredMissing, where, "output." + output, "Value", "value");
                    break;
                case DslKind.Local:
                    AddLocal(member, obj, where);
                    break;
                case DslKind.Check:
                    AddCheck(member, obj, where);
                    break;
                case DslKind.Moved or DslKind.Import or DslKind.Removed:
                    AddStateBlock(member, obj, where);
                    break;
                case DslKind.Module:
                    AddModule(member, obj, where);
                    break;
            }
        }

        private void AddResource(string member, SourceSpan? memberSpan, ObjectValue obj, SourceSpan? where)
        {
            var isData = obj.Type.Kind == DslKind.DataSource;
            var isEphemeral = obj.Type.Kind == DslKind.EphemeralResource;
            var type = obj.Type.TerraformType ?? obj.GetString("Type");
            if (type is null || !TerraformNames.IsIdentifier(type))
            {
                evaluator.Report(RuleIdentifiers.InvalidIdentifier, where, type ?? "(none)", "a resource type", TerraformNames.IdentifierRule);
                return;
            }
            var name = Name(obj, where, isData ? "a data source" : isEphemeral ? "an ephemeral resource" : "a resource");
            if (name is null)
                return;
            var address = (isData ? "data." : isEphemeral ? "ephemeral." : "") + type + "." + name;
            if (!Claim(isData ? "Data source" : isEphemeral ? "Ephemeral resource" : "Resource", address, member, where))
                return;
            var meta = SpecReader.Meta(obj);
            var customArguments = SpecReader.CustomArguments(obj);
            var customBlocks = SpecReader.CustomBlocks(obj);
            if (!isEphemeral)
                CheckNoEphemeral(obj, where, member);
            CheckIteration(obj, meta, where, member);
            CheckIgnoreChanges(obj, meta.Lifecycle, type, member);
            CheckLabelledBlocks(customBlocks, obj.Span, member);
            CheckAgainstBundledType(obj, customArguments, customBlocks, (isData ? "data." : "") + type, member);
            // Replace-only by the record's [ReplaceOnly], the custom resource's flag, or the catalog (so a CustomResource
            // or a generated record of a server type is replace-only too).
            var replaceOnly = !isEphemeral && (obj.Type.ReplaceOnly || obj.Get("ReplaceOnly") is BoolValue { Flag: true } || (!isData && Catalog.TypeCatalog.ReplaceOnly.Contains(type)));
            resources.Add(new ResourceSpec(address, isData, type, name, member, memberSpan, replaceOnly, obj, Dependencies(obj),
                meta, customArguments, customBlocks, isEphemeral));
        }

        /// <summary>
        /// DI1007 for an output that shows a sensitive variable without being sensitive itself: Terraform refuses the
        /// whole configuration at plan ("Output refers to sensitive values").
        /// </summary>
        private void CheckSensitiveOutputs()
        {
            var sensitive = new HashSet<string>(variables.Where(v => v.Sensitive).Select(v => "var." + v.Name), StringComparer.Ordinal);
            if (sensitive.Count == 0)
                return;
            foreach (var output in outputs)
                if (!output.Sensitive && output.Value is { } shown
                    && References(shown).FirstOrDefault(sensitive.Contains) is { } secret)
                    evaluator.Report(RuleIdentifiers.WrongValueType, output.Span, "output." + output.Name,
                        $"it shows the sensitive {secret}, which Terraform refuses in an output that is not sensitive: set Sensitive = true, or show something else");
        }

        private static IEnumerable<string> References(Value value) => value switch
        {
            ReferenceValue reference => new[] { reference.Target },
            TemplateValue template => template.Parts.SelectMany(References),
            FunctionValue function => function.Arguments.SelectMany(References),
            BinaryValue binary => References(binary.Left).Concat(References(binary.Right)),
            UnaryValue unary => References(unary.Operand),
            ConditionalValue conditional => References(conditional.Condition).Concat(References(conditional.WhenTrue)).Concat(References(conditional.WhenFalse)),
            ListValue list => list.Items.SelectMany(References),
            MapValue map => map.Entries.SelectMany(e => References(e.Value)),
            _ => Enumerable.Empty<string>(),
        };

        /// <summary>
        /// DI1007 for a custom <c>provisioner</c> block without its type label: Terraform reads the first level of a
        /// provisioner as the label (<c>provisioner "local-exec" { … }</c>) and rejects one without ("Missing block label").
        /// </summary>
        private void CheckLabelledBlocks(EquatableArray<CustomBlockSpec> blocks, SourceSpan? span, string member)
        {
            foreach (var block in blocks)
                if (block.Type == "provisioner" && (block.Blocks.Count == 0 || block.Arguments.Count > 0))
                    evaluator.Report(RuleIdentifiers.WrongValueType, block.Span ?? span, member + ".Blocks",
                        "a provisioner block takes its type as a label: new(\"provisioner\") { Blocks = [new(\"local-exec\") { Arguments = … }] }");
        }

        /// <summary>
        /// DI1007 for a CustomResource (or data source) of a type whose record ships with a provider package, or a record
        /// of your own for such a type, that writes an argument or block the provider's schema does not have: Terraform
        /// would reject it at validate ("Unsupported argument", "Unsupported block type").
        /// </summary>
        private void CheckAgainstBundledType(ObjectValue obj, EquatableArray<MapEntry> customArguments, EquatableArray<CustomBlockSpec> customBlocks, string key, string member)
        {
            if (obj.Type.IsComplete || obj.Type.Kind == DslKind.EphemeralResource)
                return;
            var custom = obj.Type.Name is "CustomResource" or "CustomDataSource";
            var written = custom
                ? customArguments.Select(e => (Name: e.Key, IsBlock: false, Span: obj.Span))
                    .Concat(customBlocks.Select(b => (Name: b.Type, IsBlock: true, Span: b.Span ?? obj.Span)))
                : obj.Fields.Where(f => !f.IsMeta).Select(f => (Name: f.TerraformName, f.IsBlock, Span: obj.Span));
            var list = written.ToList();
            if (list.Count == 0 || !bundledTypes().TryGetValue(key, out var shape))
                return;
            foreach (var (name, isBlock, span) in list)
            {
                // JSON writes a block and an object argument the same way, so Terraform takes either under either name.
                if (name is "lifecycle" or "provisioner" or "connection" or "dynamic" || shape.Arguments.Contains(name) || shape.Blocks.Contains(name))
                    continue;
                var known = isBlock ? shape.Blocks : shape.Arguments;
                evaluator.Report(RuleIdentifiers.WrongValueType, span, member + (isBlock ? ".Blocks" : ".Arguments"),
                    $"{key} has no {(isBlock ? "block" : "argument")} '{name}' in the {shape.Release} schema (Terraform: \"Unsupported {(isBlock ? "block type" : "argument")}\"); "
                    + (known.Count == 0 ? $"it has no {(isBlock ? "blocks" : "arguments")}" : $"its {(isBlock ? "blocks" : "arguments")}: {string.Join(", ", known.OrderBy(k => k, StringComparer.Ordinal).Take(12))}{(known.Count > 12 ? ", …" : "")}")
                    + $" — or use the typed record {shape.RecordName}");
            }
        }

        /// <summary>
        /// DI1007 for a lifecycle ignore_changes entry that names no argument of a record generated from the provider's
        /// schema (a typo Terraform would reject at plan: "Unsupported attribute"); "all" and paths into an argument are fine.
        /// </summary>
        private void CheckIgnoreChanges(ObjectValue obj, LifecycleSpec? lifecycle, string type, string member)
        {
            if (!obj.Type.IsComplete || lifecycle is null)
                return;
            foreach (var entry in lifecycle.IgnoreChanges)
            {
                if (entry.Text is not { } text)
                    continue;
                var root = text.Split('.', '[')[0];
                if (text != "all" && !obj.Type.Arguments.Contains(root))
                    evaluator.Report(RuleIdentifiers.WrongValueType, lifecycle.Span ?? obj.Span, member + ".Lifecycle.IgnoreChanges",
                        $"'{entry.Text}' is not an argument of {type} ({obj.Type.SchemaRelease} schema): ignore_changes names arguments, e.g. '{obj.Type.Arguments.FirstOrDefault()}'");
            }
        }

        /// <summary>
        /// Terraform never stores an ephemeral value, so it may flow only into write-only arguments (and provider
        /// configurations and other ephemeral resources, which are not checked here): anywhere else is DI1007.
        /// </summary>
        private void CheckNoEphemeral(ObjectValue obj, SourceSpan? where, string member)
        {
            foreach (var field in obj.Fields)
            {
                if (field.IsMeta || field.IsWriteOnly)
                    continue;
                if (field.Value is ObjectValue nested && nested.Type.Kind == DslKind.Block)
                    CheckNoEphemeral(nested, where, member);
                else if (EphemeralIn(field.Value) is { } reference)
                    evaluator.Report(RuleIdentifiers.WrongValueType, where, member + "." + field.Property,
                        $"it takes the ephemeral value {reference}, which Terraform never stores: only a write-only argument, a provider's configuration or another ephemeral resource may take one");
            }
        }

        private static string? EphemeralIn(Value value) => value switch
        {
            ReferenceValue reference when reference.Target.StartsWith("ephemeral.", StringComparison.Ordinal) => reference.Expression,
            TemplateValue template => template.Parts.Select(EphemeralIn).FirstOrDefault(r => r is not null),
            FunctionValue function => function.Arguments.Select(EphemeralIn).FirstOrDefault(r => r is not null),
            ListValue list => list.Items.Select(EphemeralIn).FirstOrDefault(r => r is not null),
            MapValue map => map.Entries.Select(e => EphemeralIn(e.Value)).FirstOrDefault(r => r is not null),
            ObjectValue nested => nested.Fields.Where(f => !f.IsWriteOnly).Select(f => EphemeralIn(f.Value)).FirstOrDefault(r => r is not null),
            _ => null,
        };

        /// <summary>An image to bake, and the data source through which the stack finds it by its exact published name.</summary>
        private void AddImage(string member, SourceSpan? memberSpan, ObjectValue obj, SourceSpan? where)
        {
            var name = Name(obj, where, "an image");
            if (name is null || !Claim("Image", "image." + name, member, where))
                return;
            CheckKnown(obj, where, "an image is baked before anything exists; write its settings as literals");
            var container = obj.Type.IsContainerImage ? SpecReader.ContainerImage(obj) : null;
            var machine = container is null ? SpecReader.MachineImage(obj) : null;
            // The project files it uploads: their contents are part of the image's hash.
            var files = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var copy in container?.Files ?? EquatableArray<FileCopySpec>.Empty)
                files.Add(copy.Source);
            foreach (var step in machine?.Provisioners ?? EquatableArray<ProvisionerSpec>.Empty)
                foreach (var file in new[] { step.Script, step.IsFileUpload ? step.Source : null })
                    if (file is not null)
                        files.Add(file);
            files.Remove(""); // a copy without a source, already reported as missing
            var spec = new ImageSpec(name, member, memberSpan, machine, container, files.ToEquatableArray());
            images.Add(spec);
            if (container is not null)
            {
                CheckDockerfileValues(container, obj.Type.Name, where);
                return;
            }

            var dataName = ImageSpec.DataSourceName(name);
            var address = "data.aws_ami." + dataName;
            if (!Claim("Data source", address, member, where))
                return;
            var lookup = new ObjectValue(BakedImageLookup, new[]
            {
                new Field("Name", "name", false, true, new StringValue(dataName)),
                new Field("Owners", "owners", false, false, new ListValue(new Value[] { new StringValue("self") }.ToEquatableArray())),
                new Field("Filter", "filter", true, false, new ListValue(new Value[]
                {
                    new ObjectValue(LookupFilter, new[]
                    {
                        new Field("Name", "name", false, false, new StringValue("name")),
                        new Field("Values", "values", false, false, new ListValue(new Value[] { new ImageNameValue(name) }.ToEquatableArray())),
                    }.ToEquatableArray(), where),
                }.ToEquatableArray())),
            }.ToEquatableArray(), where);
            resources.Add(new ResourceSpec(address, true, "aws_ami", dataName, member, memberSpan, false, lookup, EquatableArray<string>.Empty,
                MetaArguments.None, EquatableArray<MapEntry>.Empty, EquatableArray<CustomBlockSpec>.Empty));
        }

        /// <summary>Values that a Dockerfile line cannot quote: they must not break the line.</summary>
        private void CheckDockerfileValues(ContainerImageBuild image, string record, SourceSpan? where)
        {
            foreach (var (property, value) in new[] { ("User", image.User), ("WorkDir", image.WorkDir), ("BaseImage", image.BaseImage) })
                if (value is not null && (value.Length == 0 || value.Any(char.IsWhiteSpace)))
                    evaluator.Report(RuleIdentifiers.WrongValueType, where, record + "." + property, "it goes on a Dockerfile line of its own and cannot hold spaces or line breaks");
            foreach (var entry in image.Environment ?? EquatableArray<TextEntry>.Empty)
                if (entry.Value.Any(IsControl) || !TerraformNames.IsIdentifier(entry.Key) || entry.Key.Contains("-"))
                    evaluator.Report(RuleIdentifiers.WrongValueType, where, "Environment[\"" + entry.Key + "\"]",
                        "an environment variable needs a name of letters, digits and underscores, and a value without line breaks or other control characters (a tab is fine)");
        }

        /// <summary>A character no quoting on a Dockerfile line can carry: C0 controls but the tab, and DEL.</summary>
        private static bool IsControl(char c) => c is < ' ' and not '\t' or '\u007f';

        private static readonly DslType BakedImageLookup = new("AwsAmi", DslKind.DataSource, "aws_ami", false, false,
            EquatableArray<string>.Empty, EquatableArray<RequiredArgument>.Empty, null, null, null);

        private static readonly DslType LookupFilter = new("AmiFilter", DslKind.Block, null, false, false,
            EquatableArray<string>.Empty, EquatableArray<RequiredArgument>.Empty, null, null, null);

        private void AddVariable(string member, ObjectValue obj, SourceSpan? where)
        {
            var name = Name(obj, where, "a variable");
            if (name is null)
                return;
            if (TerraformNames.IsReservedVariableName(name))
            {
                evaluator.Report(RuleIdentifiers.InvalidIdentifier, where, name, "a variable",
                    "Terraform reserves it for a module call's meta-arguments; choose another name");
                return;
            }
            if (obj.Type.VariableType is null)
            {
                evaluator.Report(RuleIdentifiers.WrongValueType, where, obj.Type.Name,
                    "Terraform variables are strings, numbers, bools, ImmutableArray<T> or Map<T> of those");
                return;
            }
            CheckKnown(obj, where, "a variable's settings must be literals (Terraform reads them before anything exists)");
            if (Claim("Variable", "var." + name, member, where))
                variables.Add(SpecReader.Variable(name, obj.Type.VariableType, obj));
        }

        private string? Name(ObjectValue obj, SourceSpan? where, string what)
        {
            var name = obj.Get("Name");
            switch (name)
            {
                case ErrorValue:
                    return null;
                case StringValue text when TerraformNames.IsIdentifier(text.Text):
                    return text.Text;
                case StringValue text:
                    evaluator.Report(RuleIdentifiers.InvalidIdentifier, where, text.Text, what, TerraformNames.IdentifierRule);
                    return null;
                default:
                    evaluator.Report(RuleIdentifiers.WrongValueType, where, obj.Type.Name,
                        $"the name of {what} must be known at compile time (a literal, a const, or built from them)");
                    return null;
            }
        }

        private string? Literal(ObjectValue obj, string property, SourceSpan? where, bool required)
        {
            var value = obj.Get(property);
            if (value is StringValue text)
                return text.Text;
            if (value is ExpressionValue)
                evaluator.Report(RuleIdentifiers.WrongValueType, where, obj.Type.Name + "." + property, "it must be known at compile time");
            return null;
        }

        /// <summary>Records that <paramref name="member"/> declares <paramref name="key"/>; false when another member did first.</summary>
        private bool Claim(string what, string key, string member, SourceSpan? where)
        {
            if (declaredBy.TryGetValue(key, out var first))
            {
                evaluator.Report(RuleIdentifiers.DuplicateName, where, what, key, stackName, first);
                return false;
            }
            declaredBy[key] = member;
            return true;
        }

        private void CheckRequired(ObjectValue obj, string what)
        {
            foreach (var required in obj.Type.Required)
            {
                var value = obj.Fields.FirstOrDefault(f => f.TerraformName == required.TerraformName)?.Value;
                if (value is null or NullValue || value is ListValue { Items.Count: 0 } && obj.Get(required.Property) is null)
                    evaluator.Report(RuleIdentifiers.RequiredMissing, obj.Span, what, required.Property, required.TerraformName);
            }
            foreach (var field in obj.Fields)
                foreach (var nested in Blocks(field.Value))
                    CheckRequired(nested, what + "." + field.TerraformName);
        }

        private static IEnumerable<ObjectValue> Blocks(Value value) => value switch
        {
            ObjectValue { Type.Kind: DslKind.Block or DslKind.Lifecycle or DslKind.Validation or DslKind.Condition } block => new[] { block },
            DynamicValue dynamic => new[] { dynamic.Content },
            ListValue list => list.Items.SelectMany(Blocks),
            _ => Enumerable.Empty<ObjectValue>(),
        };

        private void CheckKnown(ObjectValue obj, SourceSpan? where, string why)
        {
            foreach (var field in obj.Fields)
                if (field.Property != "Validations" && ContainsExpression(field.Value))
                    evaluator.Report(RuleIdentifiers.WrongValueType, where, obj.Type.Name + "." + field.Property, why);
        }

        private static bool ContainsExpression(Value value) => value switch
        {
            ExpressionValue => true,
            ListValue list => list.Items.Any(ContainsExpression),
            MapValue map => map.Entries.Any(e => ContainsExpression(e.Value)),
            ObjectValue obj => obj.Fields.Any(f => ContainsExpression(f.Value)),
            _ => false,
        };

        private static EquatableArray<string> Dependencies(ObjectValue resource)
        {
            var found = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var field in resource.Fields)
                if (field.Property != "Provider")
                    Collect(field.Value, found);
            return found.ToEquatableArray();
        }

        private static void Collect(Value value, SortedSet<string> found)
        {
            switch (value)
            {
                // A reference without a dot is no resource: self, each, count, a dynamic block's iterator.
                case ReferenceValue reference when !reference.Target.StartsWith("var.", StringComparison.Ordinal) && reference.Target.IndexOf('.') > 0:
                    found.Add(WithoutInstanceKey(reference.Target));
                    break;
                case ObjectValue { Type.Kind: DslKind.Resource or DslKind.DataSource or DslKind.EphemeralResource, Address: { } address }:
                    found.Add(WithoutInstanceKey(address)); // depends_on and replace_triggered_by name whole resources
                    break;
                case ImageNameValue image:
                    found.Add("image." + image.Image);
                    break;
                case ObjectValue obj:
                    foreach (var field in obj.Fields)
                        if (field.Property != "Provider")
                            Collect(field.Value, found);
                    break;
                case ListValue list:
                    foreach (var item in list.Items)
                        Collect(item, found);
                    break;
                case MapValue map:
                    foreach (var entry in map.Entries)
                        Collect(entry.Value, found);
                    break;
                case TemplateValue template:
                    foreach (var part in template.Parts)
                        Collect(part, found);
                    break;
                case BinaryValue binary:
                    Collect(binary.Left, found);
                    Collect(binary.Right, found);
                    break;
                case UnaryValue unary:
                    Collect(unary.Operand, found);
                    break;
                case ConditionalValue conditional:
                    Collect(conditional.Condition, found);
                    Collect(conditional.WhenTrue, found);
                    Collect(conditional.WhenFalse, found);
                    break;
                case FunctionValue function:
                    foreach (var argument in function.Arguments)
                        Collect(argument, found);
                    break;
                case DynamicValue dynamic:
                    Collect(dynamic.ForEach, found);
                    Collect(dynamic.Content, found);
                    break;
                case ForValue loop:
                    // The iterator (dvo) has no dot: only the collection and what the body reads beside it are edges.
                    foreach (var part in new[] { loop.Collection, loop.Key, loop.Result, loop.Where })
                        if (part is not null)
                            Collect(part, found);
                    break;
            }
        }

        public StackModel Build(string className, string? terraformVersion, IReadOnlyDictionary<string, (string Source, string Version)> schemas)
        {
            static int ByOrdinal(string a, string b) => string.CompareOrdinal(a, b);
            AddRemoteStates();
            CheckStateBlocks();
            CheckSensitiveOutputs();
            resources.Sort((a, b) => ByOrdinal(a.Address, b.Address));
            providers.Sort((a, b) => ByOrdinal(a.LocalName + "." + a.Alias, b.LocalName + "." + b.Alias));
            variables.Sort((a, b) => ByOrdinal(a.Name, b.Name));
            outputs.Sort((a, b) => ByOrdinal(a.Name, b.Name));
            images.Sort((a, b) => ByOrdinal(a.Name, b.Name));
            locals.Sort((a, b) => ByOrdinal(a.Name, b.Name));
            checks.Sort((a, b) => ByOrdinal(a.Name, b.Name));
            stateBlocks.Sort((a, b) => ByOrdinal(a.Kind + " " + a.Address, b.Kind + " " + b.Address));
            modules.Sort((a, b) => ByOrdinal(a.Name, b.Name));
            var hasErrors = evaluator.Diagnostics.Count > 0;
            return new StackModel(stackName, className, terraformVersion, providers.ToEquatableArray(), backend,
                variables.ToEquatableArray(), ExpandLocals(resources).ToEquatableArray(), outputs.ToEquatableArray(), images.ToEquatableArray(), hasErrors,
                locals.ToEquatableArray(), checks.ToEquatableArray(), stateBlocks.ToEquatableArray(), modules.ToEquatableArray(),
                evaluator.StacksRead.Keys.ToEquatableArray(), RequiredProviders(schemas).ToEquatableArray());
        }

        /// <summary>
        /// Every provider the stack declares or whose records it uses, by local name (sorted): a resource of a provider
        /// whose schema release is known needs that provider even without a configuration member.
        /// </summary>
        private List<RequiredProvider> RequiredProviders(IReadOnlyDictionary<string, (string Source, string Version)> schemas)
        {
            var required = new SortedDictionary<string, RequiredProvider>(StringComparer.Ordinal);
            string? SchemaVersion(string name, string source) =>
                schemas.TryGetValue(name, out var schema) && ProviderSchemas.Normalize(schema.Source) == ProviderSchemas.Normalize(source) ? schema.Version : null;
            foreach (var provider in providers)
            {
                // The first configuration that states a version speaks for the provider, as Terraform has one requirement per name.
                if (required.TryGetValue(provider.LocalName, out var existing) && existing.Version is not null)
                    continue;
                required[provider.LocalName] = new RequiredProvider(provider.LocalName, provider.Source, provider.Version,
                    SchemaVersion(provider.LocalName, provider.Source), provider.Version is null ? null : provider.Body.Span);
            }
            foreach (var resource in resources)
            {
                var end = resource.Type.IndexOf('_');
                var name = end > 0 ? resource.Type.Substring(0, end) : resource.Type;
                if (!required.ContainsKey(name) && schemas.TryGetValue(name, out var schema))
                    required[name] = new RequiredProvider(name, ProviderSchemas.Normalize(schema.Source), null, schema.Version, null);
            }
            return required.Values.ToList();
        }
    }
}
