using System;
using System.Collections.Generic;
using System.Globalization;

namespace DslInfra.Generators.Model;

/// <summary>A release number as Terraform compares them: major.minor.patch (missing parts are 0) and a pre-release tag.</summary>
internal readonly struct ReleaseVersion : IComparable<ReleaseVersion>
{
    public ReleaseVersion(int major, int minor, int patch, string prerelease = "")
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
    }

    public int Major { get; }
    public int Minor { get; }
    public int Patch { get; }
    public string Prerelease { get; }

    public ReleaseVersion NextPatch => new(Major, Minor, Patch + 1);

    /// <summary>"1.10", "v6.47.0", "1.11.0-beta1"; null when the text is not a version.</summary>
    public static (ReleaseVersion Version, int Parts)? Parse(string text)
    {
        text = text.Trim();
        if (text.StartsWith("v", StringComparison.Ordinal))
            text = text.Substring(1);
        var dash = text.IndexOf('-');
        var prerelease = dash < 0 ? "" : text.Substring(dash + 1);
        var parts = (dash < 0 ? text : text.Substring(0, dash)).Split('.');
        if (parts.Length is < 1 or > 3 || (dash >= 0 && prerelease.Length == 0))
            return null;
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
            if (parts[i].Length is 0 or > 9 || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                return null;
        return (new ReleaseVersion(numbers[0], numbers[1], numbers[2], prerelease), parts.Length);
    }

    public int CompareTo(ReleaseVersion other)
    {
        var order = Major != other.Major ? Major.CompareTo(other.Major)
            : Minor != other.Minor ? Minor.CompareTo(other.Minor)
            : Patch.CompareTo(other.Patch);
        if (order != 0)
            return order;
        // A pre-release comes before its release.
        if (Prerelease.Length == 0 || other.Prerelease.Length == 0)
            return Prerelease.Length == other.Prerelease.Length ? 0 : Prerelease.Length == 0 ? 1 : -1;
        return string.CompareOrdinal(Prerelease, other.Prerelease);
    }

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}", Major, Minor, Patch) + (Prerelease.Length > 0 ? "-" + Prerelease : "");
}

/// <summary>
/// A Terraform version constraint (<c>"&gt;= 1.5, &lt; 2.0"</c>, <c>"~&gt; 6.47"</c>), as Terraform reads
/// <c>required_version</c> and a provider's <c>version</c>: every comma-separated part must hold.
/// </summary>
internal sealed class VersionConstraint
{
    private readonly List<(string Operator, ReleaseVersion Version, int Parts)> parts;

    private VersionConstraint(List<(string Operator, ReleaseVersion Version, int Parts)> parts) => this.parts = parts;

    /// <summary>Null when Terraform would reject the text (it then fails at init, which says so).</summary>
    public static VersionConstraint? Parse(string text)
    {
        var parts = new List<(string, ReleaseVersion, int)>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var op = "=";
            foreach (var candidate in new[] { "~>", ">=", "<=", "!=", ">", "<", "=" })
                if (part.StartsWith(candidate, StringComparison.Ordinal))
                {
                    op = candidate;
                    part = part.Substring(candidate.Length);
                    break;
                }
            if (ReleaseVersion.Parse(part) is not { } parsed)
                return null;
            parts.Add((op, parsed.Version, parsed.Parts));
        }
        return parts.Count == 0 ? null : new VersionConstraint(parts);
    }

    public bool Admits(ReleaseVersion version)
    {
        foreach (var (op, bound, count) in parts)
        {
            var order = version.CompareTo(bound);
            var holds = op switch
            {
                "=" => order == 0,
                "!=" => order != 0,
                ">" => order > 0,
                ">=" => order >= 0,
                "<" => order < 0,
                "<=" => order <= 0,
                // ~> 6.47 admits 6.x from 6.47; ~> 6.47.0 admits 6.47.x; ~> 6 admits 6.x.
                _ => order >= 0 && (count <= 2 ? version.Major == bound.Major : version.Major == bound.Major && version.Minor == bound.Minor),
            };
            if (!holds)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Whether some release older than <paramref name="minimum"/> satisfies the constraint. The admitted releases are an
    /// intersection of intervals, so checking 0.0.0 and each bound (and the release after it) finds one when any exists.
    /// </summary>
    public bool AdmitsOlderThan(ReleaseVersion minimum)
    {
        var candidates = new List<ReleaseVersion> { new(0, 0, 0) };
        foreach (var (_, bound, _) in parts)
        {
            candidates.Add(new ReleaseVersion(bound.Major, bound.Minor, bound.Patch));
            candidates.Add(bound.NextPatch);
        }
        foreach (var candidate in candidates)
            if (candidate.CompareTo(minimum) < 0 && Admits(candidate))
                return true;
        return false;
    }

    /// <summary>The constraint DslInfra writes for records generated from <paramref name="schema"/>: that release and its later minors.</summary>
    public static string Pessimistic(ReleaseVersion schema) =>
        string.Format(CultureInfo.InvariantCulture, "~> {0}.{1}", schema.Major, schema.Minor);
}
