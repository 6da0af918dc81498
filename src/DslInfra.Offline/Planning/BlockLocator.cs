using System.Text;
using System.Text.Json;

namespace DslInfra.Offline.Planning;

/// <summary>
/// Which block of a main.tf.json a byte offset falls in, so that Terraform's diagnostics (which give a file range, and
/// for JSON no block header) lead to the resource's address and, through the manifest, to the C# that declared it.
/// </summary>
internal sealed class BlockLocator
{
    private readonly List<(long Start, long End, string Address)> blocks = [];

    public BlockLocator(byte[] json)
    {
        try
        {
            Index(json);
        }
        catch (JsonException)
        {
            blocks.Clear(); // Terraform reports a file it cannot parse with its own words; nothing to locate
        }
    }

    public static BlockLocator Of(string file) => new(File.Exists(file) ? File.ReadAllBytes(file) : []);

    /// <summary>The address of the innermost block holding <paramref name="offset"/>, or null.</summary>
    public string? AddressAt(long offset) =>
        blocks.Where(b => b.Start <= offset && offset < b.End).OrderBy(b => b.End - b.Start).Select(b => b.Address).FirstOrDefault();

    private void Index(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
        var path = new List<string?>();
        var starts = new Stack<(long Start, string? Address)>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    path.Add(property);
                    starts.Push((reader.TokenStartIndex, AddressOf(path)));
                    property = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    var (start, address) = starts.Pop();
                    if (address is not null)
                        blocks.Add((start, reader.TokenStartIndex + 1, address));
                    path.RemoveAt(path.Count - 1);
                    break;
            }
        }
    }

    /// <summary>root / kind / type / name for resources and data; root / kind / name for modules, outputs, variables.</summary>
    private static string? AddressOf(List<string?> path) => path.Count switch
    {
        4 when path[1] is "resource" => path[2] + "." + path[3],
        4 when path[1] is "data" or "ephemeral" => path[1] + "." + path[2] + "." + path[3],
        3 when path[1] is "module" or "output" or "variable" => (path[1] == "variable" ? "var" : path[1]) + "." + path[2],
        _ => null,
    };
}
