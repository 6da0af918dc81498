using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DslInfra.Generators.Diagnostics;
using DslInfra.Generators.Model;

namespace DslInfra.Generators.Evaluation;

// Locals, checks, and the blocks about state (moved, import, removed).
internal static partial class StackReader
{
    private sealed partial class StackBuilder
    {
        private readonly List<LocalSpec> locals = new();
        private readonly List<CheckSpec> checks = new();
        private readonly List<StateBlockSpec> stateBlocks = new();
        private readonly List<ModuleSpec> modules = new();

        private void AddModule(string member, ObjectValue obj, SourceSpan? where)
        {
            var name = Name(obj, where, "a module call");
            if (name is null)
                return;
            // Terraform reads source and version before evaluating anything: literals, and never templates.
            var source = obj.Get("Source");
            if (source is null or NullValue)
            {
                evaluator.Report(RuleIdentifiers.RequiredMissing, where, "module." + name, "Source", "source");
                return;
            }
            if (source is not StringValue { Text: var sourceText } || StaticText(obj, "Source", sourceText, where) is false)
            {
                if (source is not StringValue)
                    evaluator.Report(RuleIdentifiers.WrongValueType, where, "module." + name + ".Source", "Terraform reads a module's source before anything exists: write it as a literal");
                return;
            }
            var version = obj.Get("Version");
            if (version is not (null or NullValue or StringValue))
            {
                evaluator.Report(RuleIdentifiers.WrongValueType, where, "module." + name + ".Version", "Terraform reads a module's version before anything exists: write it as a literal");
                return;
            }
            if (version is StringValue { Text: var versionText } && StaticText(obj, "Version", versionText, where) is false)
                return;
            if (obj.Get("Inputs") is MapValue inputs)
            {
                var typed = new HashSet<string>(obj.Fields.Where(f => !f.IsMeta).Select(f => f.TerraformName), StringComparer.Ordinal);
                foreach (var input in inputs.Entries)
                {
                    if (!TerraformNames.IsIdentifier(input.Key) || IsModuleMetaArgument(input.Key))
                        evaluator.Report(RuleIdentifiers.InvalidIdentifier, where, input.Key, "a module input",
                            IsModuleMetaArgument(input.Key) ? "Terraform reserves it for the module block's own arguments; rename the module's variable" : TerraformNames.IdentifierRule);
                    else if (typed.Contains(input.Key))
                        evaluator.Report(RuleIdentifiers.DuplicateName, where, "Module input", input.Key, stackName, "a property of " + obj.Type.Name);
                }
            }
            if (!Claim("Module", "module." + name, member, where))
                return;
            var spec = SpecReader.Module(name, sourceText, (version as StringValue)?.Text, obj, Dependencies(obj));
            CheckNoEphemeral(obj, where, member);
            CheckIteration(obj, spec.Meta, where, member);
            modules.Add(spec);
        }

        private bool StaticText(ObjectValue obj, string property, string text, SourceSpan? where)
        {
            if (text.Length > 0 && text.IndexOf("${", StringComparison.Ordinal) < 0 && text.IndexOf("%{", StringComparison.Ordinal) < 0 && !text.Any(char.IsControl))
                return true;
            evaluator.Report(RuleIdentifiers.WrongValueType, where, obj.Type.Name + "." + property,
                "Terraform reads it before anything is evaluated: it must be non-empty plain text, without ${ or %{ sequences or control characters");
            return false;
        }

        private static bool IsModuleMetaArgument(string name) =>
            name is "source" or "version" or "providers" or "count" or "for_each" or "depends_on" or "lifecycle";

        private void AddLocal(string member, ObjectValue obj, SourceSpan? where)
        {
            var name = Name(obj, where, "a local value");
            if (name is null)
                return;
            var value = obj.Get("Value");
            if (value is null or NullValue)
            {
                evaluator.Report(RuleIdentifiers.RequiredMissing, where, "local." + name, "Value", "value");
                return;
            }
            if (Claim("Local value", "local." + name, member, where))
                locals.Add(new LocalSpec(name, value));
        }

        private void AddCheck(string member, ObjectValue obj, SourceSpan? where)
        {
            var name = Name(obj, where, "a check");
            if (name is null)
                return;
            if (obj.Get("Assertions") is not ListValue { Items.Count: > 0 })
            {
                evaluator.Report(RuleIdentifiers.RequiredMissing, where, "check." + name, "Assertions", "assert");
                return;
            }
            if (Claim("Check", "check." + name, member, where))
                checks.Add(SpecReader.Check(name, obj));
        }

        private void AddStateBlock(string member, ObjectValue obj, SourceSpan? where)
        {
            var kind = obj.Type.Kind switch { DslKind.Moved => "moved", DslKind.Import => "import", _ => "removed" };
            string? from = null, to = null;
            if (obj.Type.Kind is DslKind.Moved or DslKind.Removed)
            {
                from = obj.Get("From") switch
                {
                    StringValue text when IsAddress(text.Text) => text.Text,
                    StringValue text => Mismatch(kind, where, $"from '{text.Text}'", "'From' must be a resource address such as aws_instance.web, aws_subnet.public[0] or module.network"),
                    null or NullValue => Mismatch(kind, where, "", "'From' is required: the address as it was declared before"),
                    _ => Mismatch(kind, where, "", "'From' must be known at compile time: the old address, as a literal"),
                };
                if (from is null)
                    return;
            }
            if (obj.Type.Kind is DslKind.Moved or DslKind.Import)
            {
                to = obj.Get("To") switch
                {
                    ObjectValue { Type.Kind: DslKind.Resource, Address: { } address } => address,
                    ObjectValue { Type.Kind: DslKind.DataSource or DslKind.EphemeralResource } => Mismatch(kind, where, "", "'To' must be a managed resource: data sources and ephemeral resources have no state to move or import"),
                    _ => Mismatch(kind, where, "", "'To' is required: the resource as it is declared now (a member of this stack)"),
                };
                if (to is null)
                    return;
            }
            if (obj.Type.Kind == DslKind.Import && obj.Get("Id") is null or NullValue)
            {
                Mismatch(kind, where, "to " + to, "'Id' is required: the provider's id of the existing object");
                return;
            }
            if (obj.Type.Kind == DslKind.Removed && obj.Get("Destroy") is not BoolValue)
            {
                Mismatch(kind, where, "from " + from, "'Destroy' must be set to true or false: say whether the object is destroyed or only leaves the state");
                return;
            }
            var key = kind == "import" ? to! : from!;
            if (!Claim(kind + " block", kind + " " + key, member, where))
                return;
            stateBlocks.Add(SpecReader.StateBlock(kind, key, to, obj));
        }

        /// <summary>Once every member is known: what a state block names must (or must not) still be declared.</summary>
        private void CheckStateBlocks()
        {
            foreach (var block in stateBlocks)
            {
                var where = block.Span; // the block's own `new() { … }`, as AddStateBlock reported at
                if (block.Kind is "moved" or "removed" && declaredBy.ContainsKey(block.Address))
                    Mismatch(block.Kind, where, "from " + block.Address,
                        $"{block.Address} is still declared (by {declaredBy[block.Address]}), so Terraform would refuse the block: name the address as it was before the rename or removal");
                if (block.To is { } to && !declaredBy.ContainsKey(WithoutInstanceKey(to)))
                    Mismatch(block.Kind, where, "to " + to, "the resource is not a member of this stack: declare it as a static readonly member and point 'To' at that member");
                if (block.Kind == "moved" && block.To is { } target && ResourceType(block.Address) is { } before && ResourceType(target) is { } after && before != after)
                    Mismatch(block.Kind, where, "from " + block.Address,
                        $"it changes the resource type ({before} to {after}); Terraform moves state between types only where the provider supports it, so check the provider's documentation");
            }
        }

        /// <summary>
        /// Count and ForEach exclude each other, and each.key, each.value and count.index mean something only inside
        /// a resource or module that has the matching one.
        /// </summary>
        private void CheckIteration(ObjectValue obj, MetaArguments meta, SourceSpan? where, string member)
        {
            var hasCount = meta.Count is not null;
            var hasForEach = meta.ForEach is not null;
            if (hasCount && hasForEach)
                evaluator.Report(RuleIdentifiers.WrongValueType, where, member, "Terraform takes Count or ForEach, not both: choose one");
            if (meta.Count is NumberValue)
                evaluator.Report(RuleIdentifiers.WrongValueType, where, member + ".Count",
                    "the number is known when the stack is written: Repeat.For gives each instance its own name, which a change to the number does not shift");
            foreach (var field in obj.Fields)
            {
                if (field.Property is "Count" or "ForEach")
                {
                    if (Uses(field.Value, "each") || Uses(field.Value, "count"))
                        evaluator.Report(RuleIdentifiers.WrongValueType, where, member + "." + field.Property, "it cannot use each or count itself");
                    continue;
                }
                if (!hasForEach && Uses(field.Value, "each"))
                    evaluator.Report(RuleIdentifiers.WrongValueType, where, member + "." + field.Property, "Each.Key and Each.Value are defined only in a resource or module with ForEach: set ForEach, or use a value");
                if (!hasCount && Uses(field.Value, "count"))
                    evaluator.Report(RuleIdentifiers.WrongValueType, where, member + "." + field.Property, "Count.Index is defined only in a resource or module with Count: set Count, or use a value");
            }
        }

        /// <summary>A condition the generator can already decide is no check: it would always pass, or always fail.</summary>
        private void CheckConditions(ObjectValue obj, string member)
        {
            foreach (var field in obj.Fields)
                foreach (var condition in Conditions(field.Value))
                    if (condition.Get("Test") is BoolValue known)
                        evaluator.Report(RuleIdentifiers.WrongValueType, condition.Span, member + "." + field.Property,
                            $"the condition is known when the stack is written (always {(known.Flag ? "true" : "false")}), so Terraform would check nothing; "
                            + "test what Terraform computes, e.g. Attr<string>(\"cidr_block\") for the deployed value rather than the one set here");
        }

        private static IEnumerable<ObjectValue> Conditions(Value value) =>
            Values.DescendantsAndSelf(value).OfType<ObjectValue>().Where(v => v.Type.Kind == DslKind.Condition);

        /// <summary>Whether a value refers to each.* or count.* (<paramref name="root"/>) anywhere inside.</summary>
        private static bool Uses(Value value, string root) =>
            Values.DescendantsAndSelf(value).Any(v => v is ReferenceValue reference && reference.Target == root);

        /// <summary>aws_subnet.app["a"] → aws_subnet.app: what a dependency or a declaration is keyed by.</summary>
        private static string WithoutInstanceKey(string address)
        {
            var bracket = address.IndexOf('[');
            return bracket < 0 ? address : address.Substring(0, bracket);
        }

        /// <summary>
        /// A data "terraform_remote_state" for each stack whose outputs this one reads, configured from that stack's
        /// backend (Terraform's local default when it declares none: the sibling folder's terraform.tfstate).
        /// </summary>
        private void AddRemoteStates()
        {
            foreach (var read in evaluator.StacksRead)
            {
                var (producer, type) = (read.Key, read.Value);
                var backend = evaluator.BackendOf(type, producer);
                var (kind, config) = RemoteStateConfig(producer, backend);
                if (kind is null)
                    continue;
                var address = "data.terraform_remote_state." + producer;
                var member = "(outputs of stack " + producer + ")";
                if (!Claim("Data source", address, member, null))
                    continue;
                var body = new ObjectValue(RemoteState, new[]
                {
                    new Field("Name", "name", false, true, new StringValue(producer)),
                    new Field("Backend", "backend", false, false, new StringValue(kind)),
                    new Field("Config", "config", false, false, config),
                }.ToEquatableArray(), null);
                resources.Add(new ResourceSpec(address, true, "terraform_remote_state", producer, member, null, false, body, EquatableArray<string>.Empty,
                    MetaArguments.None, EquatableArray<MapEntry>.Empty, EquatableArray<CustomBlockSpec>.Empty));
            }
        }

        private (string? Kind, Value Config) RemoteStateConfig(string producer, ObjectValue? backend)
        {
            MapValue Map(IEnumerable<(string Key, Value Value)> entries) =>
                new(entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new MapEntry(e.Key, e.Value)).ToEquatableArray());
            var sibling = "../" + producer + "/";
            switch (backend?.Type.TerraformType)
            {
                case null:
                    return ("local", Map(new[] { ("path", (Value)new StringValue(sibling + "terraform.tfstate")) }));
                case "local":
                    var path = backend.GetString("Path") ?? "terraform.tfstate";
                    var rooted = path.StartsWith("/", StringComparison.Ordinal) || path.Length > 1 && path[1] == ':';
                    return ("local", Map(new[] { ("path", (Value)new StringValue(rooted ? path : sibling + path)) }));
                case "cloud":
                    // terraform_remote_state reads HCP Terraform through the remote backend, by one workspace's name.
                    if ((backend.Get("Workspaces") as ObjectValue)?.GetString("Name") is not { } workspace)
                    {
                        evaluator.Report(RuleIdentifiers.WrongValueType, backend.Span, "stack " + producer,
                            "its outputs are read by name of its HCP Terraform workspace: give its HcpTerraform block Workspaces.Name (tags select many)");
                        return (null, NullValue.Instance);
                    }
                    var settings = new List<(string, Value)> { ("organization", backend.Get("Organization") ?? NullValue.Instance) };
                    if (backend.Get("Hostname") is { } host)
                        settings.Add(("hostname", host));
                    settings.Add(("workspaces", Map(new[] { ("name", (Value)new StringValue(workspace)) })));
                    return ("remote", Map(settings));
                default:
                    return (backend.Type.TerraformType, Map(backend.Fields.Where(f => !f.IsMeta && f.Value is not NullValue).Select(f => (f.TerraformName, f.Value))));
            }
        }

        private static readonly DslType RemoteState = new("TerraformRemoteState", DslKind.DataSource, "terraform_remote_state", false, false,
            EquatableArray<string>.Empty, EquatableArray<RequiredArgument>.Empty, null, null, null);

        private string? Mismatch(string kind, SourceSpan? where, string which, string why)
        {
            evaluator.Report(RuleIdentifiers.StateBlockMismatch, where, kind, which.Length == 0 ? "" : which, why);
            return null;
        }

        /// <summary>Resources see through the locals they use: what a local references, they depend on.</summary>
        private IEnumerable<ResourceSpec> ExpandLocals(List<ResourceSpec> declared)
        {
            if (locals.Count == 0)
                return declared;
            var byName = locals.ToDictionary(l => "local." + l.Name, l => l.Value, StringComparer.Ordinal);
            return declared.Select(resource =>
            {
                if (!resource.Dependencies.Any(d => byName.ContainsKey(d)))
                    return resource;
                var found = new SortedSet<string>(StringComparer.Ordinal);
                var pending = new Stack<string>(resource.Dependencies);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (pending.Count > 0)
                {
                    var next = pending.Pop();
                    if (!seen.Add(next))
                        continue;
                    if (!byName.TryGetValue(next, out var value))
                    {
                        found.Add(next);
                        continue;
                    }
                    var inner = new SortedSet<string>(StringComparer.Ordinal);
                    Collect(value, inner);
                    foreach (var dependency in inner)
                        pending.Push(dependency);
                }
                return resource with { Dependencies = found.ToEquatableArray() };
            });
        }

        // module.a[0].module.b["k"].aws_instance.web[1], data.aws_ami.x, or a whole module.
        private static readonly Regex Address = new(
            @"^(module\.[A-Za-z_][A-Za-z0-9_-]*(\[(\d+|""[^""]*"")\])?\.)*(module\.[A-Za-z_][A-Za-z0-9_-]*(\[(\d+|""[^""]*"")\])?|(data\.)?[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*(\[(\d+|""[^""]*"")\])?)$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static bool IsAddress(string text) => text.Length <= 1024 && Address.IsMatch(text);

        /// <summary>The resource type of an address (its last type.name pair), or null for a module.</summary>
        private static string? ResourceType(string address)
        {
            var parts = Regex.Replace(address, @"\[[^\]]*\]", "", RegexOptions.None, TimeSpan.FromSeconds(1)).Split('.');
            return parts.Length >= 2 && parts[parts.Length - 2] != "module" ? parts[parts.Length - 2] : null;
        }
    }
}
