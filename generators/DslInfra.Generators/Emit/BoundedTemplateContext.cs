using System;
using System.Diagnostics;
using System.Threading;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DslInfra.Generators.Emit;

/// <summary>
/// A Scriban context for the user's templates, which run inside the compiler: every evaluated node counts against a
/// step budget and a wall-clock budget and honours cancellation (a builtin's pipe over a range runs the template's
/// function once per item, outside any loop limit), and builtins whose result differs per build are refused.
/// </summary>
internal sealed class BoundedTemplateContext : TemplateContext
{
    private readonly CancellationToken cancellation;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long steps;

    public BoundedTemplateContext(CancellationToken cancellation)
        : base(DeterministicBuiltins())
    {
        this.cancellation = cancellation;
    }

    /// <summary>Where the template last wrote, for errors a builtin raises without a place.</summary>
    public SourceSpan LastSpan { get; private set; }

    /// <summary>Where the template first wrote a surrogate, for a lone one found in the output.</summary>
    public SourceSpan? SurrogateSpan { get; private set; }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (scriptNode is not null)
        {
            cancellation.ThrowIfCancellationRequested();
            if (++steps > UserTemplates.StepLimit)
                throw new ScriptRuntimeException(scriptNode.Span, $"the template takes more than {UserTemplates.StepLimit:N0} steps; render less");
            if ((steps & 1023) == 0 && clock.Elapsed > UserTemplates.RenderBudget)
                throw new ScriptRuntimeException(scriptNode.Span, $"the template runs longer than {UserTemplates.RenderBudget.TotalSeconds:N0} s; render less");
            if (scriptNode is ScriptMemberExpression { Target: ScriptVariableGlobal target, Member: { } member }
                && Refused(target.Name, member.ToString()) is { } why)
                throw new ScriptRuntimeException(scriptNode.Span, why);
        }
        var value = base.Evaluate(scriptNode!, aliasReturnedFunction);
        if (SurrogateSpan is null && value is string text && HasSurrogate(text))
            SurrogateSpan = scriptNode!.Span;
        return value;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        LastSpan = span;
        if (SurrogateSpan is null && textAsObject is string text && HasSurrogate(text))
            SurrogateSpan = span;
        return base.Write(span, textAsObject);
    }

    private static bool HasSurrogate(string text)
    {
        foreach (var c in text)
            if (char.IsSurrogate(c))
                return true;
        return false;
    }

    /// <summary>Why a builtin is refused: its value differs on every build, and so would every artifact.</summary>
    private static string? Refused(string target, string member) => (target, member) switch
    {
        ("date", "now") => "date.now differs on every build, and so would this file: pass the value in from the stack, or leave it out",
        ("math", "random") => "math.random differs on every build, and so would this file: derive the value from the stack",
        ("math", "uuid") => "math.uuid differs on every build, and so would this file: derive the value from the stack",
        _ => null,
    };

    /// <summary>Scriban's builtins without the ones that differ per build, so that an alias of them fails too.</summary>
    private static ScriptObject DeterministicBuiltins()
    {
        var builtins = new BuiltinFunctions();
        if (builtins["date"] is ScriptObject date)
            date.Remove("now");
        if (builtins["math"] is ScriptObject math)
        {
            math.Remove("random");
            math.Remove("uuid");
        }
        return builtins;
    }
}
