namespace DslInfra;

/// <summary>
/// A resource that was renamed (a <c>moved</c> block): Terraform moves its state to the new address instead of
/// destroying the old resource and creating a new one. Keep it until every workspace has applied it.
/// </summary>
public sealed record Moved
{
    /// <summary>The old address, e.g. <c>aws_instance.web</c> or <c>aws_subnet.public[0]</c>. It must no longer be declared.</summary>
    public string? From { get; init; }

    /// <summary>The resource as it is declared now.</summary>
    public Resource? To { get; init; }
}

/// <summary>
/// An existing resource adopted into the stack (an <c>import</c> block, Terraform 1.5+): the next apply takes it
/// under management instead of creating a new one.
/// </summary>
public sealed record Import
{
    /// <summary>The declared resource that takes over the existing object.</summary>
    public Resource? To { get; init; }

    /// <summary>The provider's id of the existing object, e.g. <c>vpc-0a1b2c3d</c>.</summary>
    public Expr<string>? Id { get; init; }

    /// <summary>A non-default provider configuration to import with.</summary>
    public ProviderConfig? Provider { get; init; }
}

/// <summary>
/// A resource taken out of the stack (a <c>removed</c> block, Terraform 1.7+). With <see cref="Destroy"/> false, the
/// object stays in the cloud and only leaves Terraform's state: the immutable way to hand a stateful resource over.
/// </summary>
public sealed record Removed
{
    /// <summary>The address that is no longer declared, e.g. <c>aws_db_instance.legacy</c>.</summary>
    public string? From { get; init; }

    /// <summary>Destroy the object (true) or only forget it (false). Required: say which.</summary>
    public bool? Destroy { get; init; }
}
