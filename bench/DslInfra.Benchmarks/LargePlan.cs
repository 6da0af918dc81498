using System.Text;

namespace DslInfra.Benchmarks;

/// <summary>Writes a plan of a given size in Terraform's format: many changes with large before/after values, as big real plans have.</summary>
public static class LargePlan
{
    public static int Write(string path, long targetBytes)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\",\"planned_values\":{\"root_module\":{}},\"resource_changes\":[");
        var payload = "{\"user_data\":\"" + new string('x', 2000) + "\",\"tags\":{\"a\":\"b\",\"nested\":[1,2,{\"deep\":[true,false,null]}]}}";
        var count = 0;
        long written = 0;
        while (written < targetBytes)
        {
            var entry = $"{(count > 0 ? "," : "")}{{\"address\":\"aws_instance.box[{count}]\",\"mode\":\"managed\",\"type\":\"aws_instance\",\"name\":\"box\",\"index\":{count},"
                + $"\"change\":{{\"actions\":[\"{(count % 10 == 0 ? "update" : "no-op")}\"],\"before\":{payload},\"after\":{payload},\"after_unknown\":{{}}}}}}";
            writer.Write(entry);
            written += entry.Length;
            count++;
        }
        writer.Write("],\"configuration\":{\"root_module\":{}}}");
        return count;
    }
}
