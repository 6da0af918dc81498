using System.Text.Json;

namespace DslInfra.Cli.Tests.Blast;

/// <summary>`dslinfra graph`: stacks as clusters, references as arrows, in Mermaid and DOT that their own parsers read.</summary>
public sealed class GraphTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("dslinfra-graph-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private const string Network = """
        { "resource": {
            "aws_vpc": { "main": { "cidr_block": "10.0.0.0/16" } },
            "aws_db_instance": { "db": { "identifier": "db", "depends_on": [ "aws_vpc.main" ] } } },
          "output": { "vpc_id": { "value": "${aws_vpc.main.id}" } } }
        """;

    private const string App = """
        { "data": {
            "terraform_remote_state": { "network": { "backend": "local", "config": { "path": "../network/terraform.tfstate" } } },
            "aws_ami": { "web": { "owners": [ "self" ] } } },
          "resource": { "aws_instance": { "box": { "ami": "${data.aws_ami.web.id}", "subnet_id": "${data.terraform_remote_state.network.outputs.vpc_id}" } } },
          "module": { "dns": { "source": "./dns", "ip": "${aws_instance.box.private_ip}" } } }
        """;

    private string Artifacts(params (string Stack, string Terraform)[] stacks)
    {
        foreach (var (stack, terraform) in stacks)
        {
            Directory.CreateDirectory(Path.Combine(root, stack));
            File.WriteAllText(Path.Combine(root, stack, "main.tf.json"), terraform);
        }
        return root;
    }

    [Fact]
    public void Stacks_are_clusters_and_references_are_labelled_arrows_with_shapes_by_kind()
    {
        var folder = Artifacts(("network", Network), ("app", App));
        var (exit, mermaid, _) = Cli.Run("graph", folder);
        Assert.Equal(0, exit);
        Assert.Contains("subgraph s0[\"app\"]", mermaid);
        Assert.Contains("[(\"aws_db_instance.db\")]", mermaid);                 // stateful: a cylinder
        Assert.Contains("[/\"data.aws_ami.web\"/]", mermaid);                   // data source: a parallelogram
        Assert.Contains("([\"module.dns\"])", mermaid);                         // module: a stadium
        Assert.Matches(@"n\d+ -\.->\|""depends_on""\| n\d+", mermaid);          // depends_on: dashed
        Assert.Matches(@"n\d+ -\.->\|""outputs""\| n\d+", mermaid);             // another stack's outputs: dashed
        Assert.Matches(@"n\d+ -->\|""ami""\| n\d+", mermaid);
        Diagrams.AssertMermaidParses(mermaid);

        var (_, dot, _) = Cli.Run("graph", folder, "--format", "dot");
        Assert.Contains("shape=cylinder", dot);
        Assert.Contains("style=dashed", dot);
        var svg = Diagrams.AssertDotParses(dot);
        Assert.Contains("aws_instance.box", svg);
        Assert.Contains("outputs of network", svg);
    }

    [Fact]
    public void A_local_that_reads_a_block_draws_an_edge_mermaid_parses()
    {
        // Locals are read as a whole (no argument path): the edge has no label, never an empty one (`|""|` is a parse error).
        var folder = Artifacts(("net", """
            { "locals": { "vpc": "${aws_vpc.main.id}", "": "${aws_vpc.main.arn}" },
              "resource": { "aws_vpc": { "main": { "cidr_block": "10.0.0.0/16" } },
                            "aws_subnet": { "a": { "vpc_id": "${local.vpc}" } } } }
            """));
        var (exit, mermaid, error) = Cli.Run("graph", folder);
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("\"\"", mermaid);
        Diagrams.AssertMermaidParses(mermaid);
        var (_, dot, _) = Cli.Run("graph", folder, "--format", "dot");
        Diagrams.AssertDotParses(dot);
    }

    [Fact]
    public void One_stack_is_drawn_with_the_outputs_it_reads()
    {
        var folder = Artifacts(("network", Network), ("app", App));
        var (_, mermaid, _) = Cli.Run("graph", folder, "--stack", "app");
        Assert.DoesNotContain("aws_db_instance.db", mermaid);
        Assert.Contains("outputs of network", mermaid);
        var (exit, _, error) = Cli.Run("graph", folder, "--stack", "nope");
        Assert.Equal(2, exit);
        Assert.Contains("no stack named 'nope' (stacks: app, network)", error);
    }

    [Fact]
    public void Hostile_names_reach_both_parsers_as_text()
    {
        // Resource names, a stack folder and an argument that try to close a label, draw an arrow, inject HTML or a
        // Graphviz escape, ring a bell, or reverse the text a reviewer reads.
        const string name = "a\"]-->b[\"x|`<img src=x>\\N\\l#quot;\u0007\u202e";
        var terraform = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["resource"] = new Dictionary<string, object>
            {
                ["aws_vpc"] = new Dictionary<string, object>
                {
                    [name] = new Dictionary<string, object> { ["cidr_block"] = "10.0.0.0/16" },
                    ["main"] = new Dictionary<string, object> { ["cidr_block"] = "10.0.0.0/16" },
                },
                ["aws_subnet"] = new Dictionary<string, object> { ["s"] = new Dictionary<string, object> { [name] = "${aws_vpc.main.id}", ["vpc_id"] = "${aws_vpc.main.id}" } },
            },
        });
        var folder = Artifacts(("st\"ack]`|", terraform));
        var (_, mermaid, _) = Cli.Run("graph", folder);
        Assert.DoesNotContain("<img", mermaid);
        Assert.False(mermaid.Contains('\u202e'), "a bidi override reached the diagram");
        Diagrams.AssertMermaidParses(mermaid);
        var (_, dot, _) = Cli.Run("graph", folder, "--format", "dot");
        Assert.False(dot.Contains('\u0007') || dot.Contains('\u202e'), "a control character reached the diagram");
        var svg = Diagrams.AssertDotParses(dot);
        Assert.Contains("aws_vpc.a&quot;]&#45;&#45;&gt;b[&quot;x|`&lt;img src=x&gt;\\N\\l#quot;\\u0007\\u202e", svg);
        Assert.Contains("st&quot;ack]`|", svg);          // the label Graphviz drew is the name, not an escape it read
        Assert.Contains("\\N\\l", svg);
    }

    [Theory]
    [InlineData("{ \"resource\": [] }", "\"resource\" is an array")]
    [InlineData("[1]", "not Terraform JSON")]
    [InlineData("{", "main.tf.json")]
    public void Garbage_is_one_line_and_exit_2(string terraform, string message)
    {
        var folder = Artifacts(("bad", terraform));
        var (exit, output, error) = Cli.Run("graph", folder);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }
}
