using System.Collections.Immutable;
using DslInfra.Schema;

namespace DslInfra;

// Typed forms of the collection functions for the arguments teams write most (tags, subnet and security group lists),
// so that `Tags = Fn.Merge(CommonTags, new() { ["Name"] = "web" })` needs no type argument and no cast.
public static partial class Fn
{
    /// <summary><c>merge(…)</c> of string maps: later maps win, key by key (Terraform's merge).</summary>
    [TerraformFunction("merge")]
    public static Expr<Map<string>> Merge(params ExprMap<string>[] maps) => new FunctionCall<Map<string>>("merge", maps.Select(m => (Expr)m).ToArray());

    /// <summary><c>concat(…)</c> of string lists, in order.</summary>
    [TerraformFunction("concat")]
    public static Expr<ImmutableArray<string>> Concat(params ExprList<string>[] lists) =>
        new FunctionCall<ImmutableArray<string>>("concat", lists.Select(l => (Expr)l).ToArray());
}
