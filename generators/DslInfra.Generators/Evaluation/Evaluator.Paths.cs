using System;
using System.Linq;
using DslInfra.Generators.Diagnostics;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Generators.Evaluation;

// Paths into values Terraform computes, splats and for expressions: `Cluster.CertificateAuthority[0].Data`,
// `Each.Item<NodeGroup>().InstanceTypes`, `Nat.Splat(e => e.PublicIp)`, `For.Map(Cert.DomainValidationOptions, …)`.
internal sealed partial class Evaluator
{
    /// <summary>
    /// A member of a value Terraform computes (a reference, each.value, a for expression's iterator): the path into it,
    /// <c>…certificate_authority[0].data</c>. Null when <paramref name="instance"/> is not such a value.
    /// </summary>
    private Value? PathRead(Value instance, IPropertySymbol property, IOperation at)
    {
        if (instance is not ReferenceValue reference)
            return null;
        // The size of a list Terraform computes is Terraform's length().
        if (property.Name is "Count" or "Length" && IsCollectionType(property.ContainingType))
            return new FunctionValue("length", new Value[] { reference }.ToEquatableArray());
        // The DSL's own members (Reference.Address, ExprList.Whole) are not paths into Terraform's value.
        if (property.IsIndexer || property.IsStatic || property.ContainingType is { Name: "ImmutableArray" }
            || property.ContainingType?.ContainingNamespace is { Name: "DslInfra", ContainingNamespace.IsGlobalNamespace: true })
            return null;
        return reference.Then(TerraformNames.Of(property));
    }

    private bool IsCollectionType(INamedTypeSymbol? type) =>
        type is { Name: "ImmutableArray" } || DslSymbols.Is(type, dsl.ExprList) || DslSymbols.Is(type, dsl.ExprMap) || DslSymbols.Is(type, dsl.Map);

    /// <summary><c>list[0]</c>, <c>map["api"]</c> on a value Terraform computes: the index in its path.</summary>
    private Value? PathIndex(Value collection, Value index, IOperation at) => collection switch
    {
        ReferenceValue reference when index is NumberValue { IsInteger: true } number => reference.Then("[" + number.Text + "]"),
        ReferenceValue reference when index is StringValue key => reference.Then("[" + Emit.Hcl.Expression(key) + "]"),
        ReferenceValue when index is ExpressionValue => WrongType(at, "an index Terraform computes cannot be part of a path; use Fn.Element or Fn.Lookup"),
        _ => null,
    };

    /// <summary>
    /// A get-only attribute Terraform computes that has a shape (an object, a list or map of objects: an EKS cluster's
    /// certificate_authority, a certificate's domain_validation_options): a reference to it, read further as a path.
    /// </summary>
    private Value? ComputedShapeRead(ObjectValue owner, IPropertySymbol property, IOperation at)
    {
        if (property.SetMethod is not null || owner.Type.Kind is not (DslKind.Resource or DslKind.DataSource or DslKind.EphemeralResource)
            || owner.Address is not { } address || !property.GetAttributes().Any(a => a.AttributeClass?.Name == "TerraformNameAttribute"))
            return null;
        return WithoutInstanceKey(owner, at) ?? new ReferenceValue(address, TerraformNames.Of(property));
    }

    /// <summary><c>Nat.Splat(e =&gt; e.PublicIp)</c>: <c>aws_eip.nat[*].public_ip</c>; over ForEach, <c>[for e in aws_eip.nat : e.public_ip]</c>.</summary>
    private Value Splat(IInvocationOperation invocation)
    {
        var resource = Evaluate(invocation.Arguments[0].Value);
        if (resource is ErrorValue)
            return resource;
        if (resource is not ObjectValue { Address: { } address } repeated || repeated.IsInstance)
            return WrongType(invocation, "Splat reads every instance of a resource declared with Count or ForEach (not one instance: At() already chose it)");
        var byKey = repeated.Get("ForEach") is { } each and not NullValue;
        if (!byKey && repeated.Get("Count") is null or NullValue)
            return WrongType(invocation, $"{address} is one resource, not declared with Count or ForEach: read its attribute directly");
        if (LambdaOf(invocation.Arguments[1].Value) is not { } lambda)
            return Fail(invocation.Arguments[1].Value, "Splat takes a lambda that reads one attribute, e.g. e => e.PublicIp");
        // The lambda's parameter stands for each instance: reading it gives the path after the splat.
        var instance = new ObjectValue(repeated.Type, repeated.Fields.Where(f => f.Property != "Count" && f.Property != "ForEach")
            .Append(new Field("InstanceKey", "", false, true, new StringValue("[*]"))).ToEquatableArray(), repeated.Span);
        var read = Lambda(lambda, instance);
        if (read is ErrorValue)
            return read;
        if (read is not ReferenceValue { Target: var target } path || !target.EndsWith("[*]", StringComparison.Ordinal))
            return WrongType(lambda, "Splat's lambda reads one attribute of its parameter, e.g. e => e.PublicIp");
        // for_each instances form a map, which has no splat: HCL's form is a for expression over the map's values.
        if (!byKey)
            return path;
        var iterator = TerraformNames.SnakeCase(lambda.Symbol.Parameters[0].Name);
        if (!TerraformNames.IsIdentifier(iterator) || iterator is "each" or "count" or "self" or "var" or "local" or "module" or "data" or "path" or "terraform")
            iterator = "instance";
        return new ForValue(new ReferenceValue(address, null), iterator, null, new ReferenceValue(iterator, path.Attribute), null);
    }

    /// <summary><c>For.List(items, x =&gt; value, where)</c> and <c>For.Map(items, x =&gt; key, x =&gt; value, where)</c>.</summary>
    private Value ForExpression(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is "Items" or "Values")
            return VariableReference(Evaluate(invocation.Arguments[0].Value));
        var items = VariableReference(Evaluate(invocation.Arguments[0].Value));
        if (items is ErrorValue)
            return items;
        if (items is not (ExpressionValue or ListValue or MapValue))
            return WrongType(invocation.Arguments[0].Value, "a for expression iterates a collection: a computed attribute, For.Items(variable), a list");
        var lambdas = invocation.Arguments.Skip(1).Where(a => a.ArgumentKind != ArgumentKind.DefaultValue).Select(a => (a.Parameter!.Name, Lambda: LambdaOf(a.Value), a.Value)).ToList();
        if (lambdas.FirstOrDefault(l => l.Lambda is null) is { Value: { } notLambda })
            return Fail(notLambda, "a for expression's parts are lambdas of its iterator, e.g. dvo => dvo.DomainName");
        var iteratorName = TerraformNames.SnakeCase(lambdas[0].Lambda!.Symbol.Parameters[0].Name);
        if (!TerraformNames.IsIdentifier(iteratorName) || iteratorName is "each" or "count" or "self" or "var" or "local" or "module" or "data" or "path" or "terraform")
            return Report(RuleIdentifiers.InvalidIdentifier, lambdas[0].Lambda!.Symbol.Parameters[0].Locations.FirstOrDefault(), iteratorName, "a for expression's iterator",
                "name the lambda's parameter after one item, e.g. dvo or subnet (each, count, self and Terraform's other root names are taken)");
        Value? Part(string name)
        {
            foreach (var (parameter, lambda, _) in lambdas)
                if (parameter == name)
                    return Lambda(lambda!, new ReferenceValue(iteratorName, null));
            return null;
        }
        var key = method.Name == "Map" ? Part("key") : null;
        var result = Part("value");
        var where = Part("where");
        if (key is ErrorValue || result is ErrorValue || where is ErrorValue || result is null)
            return ErrorValue.Instance;
        if (result is ObjectValue obj)
            return WrongType(invocation, $"a for expression's value is a value, not a {obj.Type.Name}");
        return new ForValue(items, iteratorName, key, VariableReference(result), where);
    }

    private static IAnonymousFunctionOperation? LambdaOf(IOperation operation)
    {
        while (operation is IDelegateCreationOperation creation)
            operation = creation.Target;
        return operation as IAnonymousFunctionOperation is { Symbol.Parameters.Length: 1 } lambda ? lambda : null;
    }
}
