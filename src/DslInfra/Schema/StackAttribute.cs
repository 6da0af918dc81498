namespace DslInfra;

/// <summary>Marks a static class whose static readonly members form one Terraform root module, synthesized at compile time.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StackAttribute : Attribute
{
    /// <summary>Declares a stack; <paramref name="name"/> is the folder its artifacts are written to.</summary>
    public StackAttribute(string name) => Name = name;

    /// <summary>The stack's name: a Terraform identifier, also the artifact folder.</summary>
    public string Name { get; }

    /// <summary>The Terraform version constraint written to <c>terraform.required_version</c>.</summary>
    public string? TerraformVersion { get; set; }
}

/// <summary>Marks a static expression-bodied method as pure, so the generator may evaluate calls to it at compile time.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class InfraFunctionAttribute : Attribute
{
}
