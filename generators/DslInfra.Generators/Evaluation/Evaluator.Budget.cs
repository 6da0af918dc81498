using System.Globalization;
using DslInfra.Generators.Diagnostics;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Evaluation;

// The evaluator runs inside the user's compiler and IDE, so every stack gets a budget: a finite number of steps,
// strings and collections of bounded size, and a bounded total of text. Past it, DI1013 at the expression.
internal sealed partial class Evaluator
{
    public const int MaxSteps = 1_000_000;
    public const int MaxStringLength = 1 << 20;
    public const int MaxItems = 100_000;
    public const long MaxTotalText = 64L << 20;

    private int steps;
    private long totalText;
    private bool exhausted;

    /// <summary>Counts one step; once the stack's steps are spent every further evaluation is an error, reported once.</summary>
    private Value? Spend(IOperation at)
    {
        if (exhausted)
            return ErrorValue.Instance;
        if (++steps <= MaxSteps)
            return null;
        exhausted = true;
        return OverBudget(at, $"the stack takes more than {MaxSteps.ToString("N0", CultureInfo.InvariantCulture)} evaluation steps "
            + "(an [InfraFunction] that calls itself more than once per level?)");
    }

    /// <summary>A string the evaluator made: within the size budget, and whole characters only, as every artifact is UTF-8.</summary>
    private Value Text(string text, IOperation at)
    {
        if (text.Length > MaxStringLength)
            return OverBudget(at, $"it makes a string of {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters, more than the "
                + $"{MaxStringLength.ToString("N0", CultureInfo.InvariantCulture)} a value may have");
        if (LoneSurrogateAt(text) is { } index)
            return WrongType(at, $"it holds a lone surrogate (\\u{(int)text[index]:x4} at index {index}), which no UTF-8 file can carry: use whole characters");
        totalText += text.Length;
        if (totalText > MaxTotalText)
        {
            exhausted = true;
            return OverBudget(at, $"the stack makes more than {MaxTotalText.ToString("N0", CultureInfo.InvariantCulture)} characters of text in all");
        }
        return new StringValue(text);
    }

    /// <summary>Whether a string of this length may be made at all; checked before making it.</summary>
    private Value? TooLong(long length, IOperation at) => length > MaxStringLength
        ? OverBudget(at, $"it would make a string of {length.ToString("N0", CultureInfo.InvariantCulture)} characters, more than the "
            + $"{MaxStringLength.ToString("N0", CultureInfo.InvariantCulture)} a value may have")
        : null;

    private Value? TooMany(long count, IOperation at) => count > MaxItems
        ? OverBudget(at, $"it would make {count.ToString("N0", CultureInfo.InvariantCulture)} items, more than the "
            + $"{MaxItems.ToString("N0", CultureInfo.InvariantCulture)} a collection may have")
        : null;

    private Value OverBudget(IOperation at, string why) => Report(RuleIdentifiers.OverBudget, at, Display(at), why);

    internal static int? LoneSurrogateAt(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return i;
        }
        return null;
    }
}
