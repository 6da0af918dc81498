using System;
using System.Globalization;
using DslInfra.Generators.Model;

namespace DslInfra.Generators.Evaluation;

/// <summary>Numbers as Terraform reads them: canonical invariant text, arithmetic with C#'s integer semantics.</summary>
internal static class Numbers
{
    public static NumberValue? From(object value) => value switch
    {
        int or long or short or byte or sbyte or uint or ulong or ushort =>
            new NumberValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, IsInteger: true),
        decimal d => FromDecimal(d, isInteger: false),
        double d => FromDouble(d),
        float f => FromDouble(f),
        _ => null,
    };

    public static NumberValue FromDecimal(decimal value, bool isInteger) =>
        new(value.ToString("0.############################", CultureInfo.InvariantCulture), isInteger);

    private static NumberValue? FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            return null;
        return new NumberValue(value.ToString("R", CultureInfo.InvariantCulture), IsInteger: false);
    }

    public static bool TryDecimal(NumberValue number, out decimal value) =>
        decimal.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Formats a number for an interpolation hole; a format string is applied as .NET would under the invariant culture.</summary>
    public static string Format(NumberValue number, string? format)
    {
        if (format is null || !TryDecimal(number, out var value))
            return number.Text;
        if (number.IsInteger && value >= long.MinValue && value <= long.MaxValue)
            return ((long)value).ToString(format, CultureInfo.InvariantCulture);
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
