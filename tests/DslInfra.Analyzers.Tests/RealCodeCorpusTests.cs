using System.Collections.Immutable;
using System.Globalization;
using Basic.Reference.Assemblies;
using DslInfra.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace DslInfra.Analyzers.Tests;

/// <summary>
/// DI2003 and DI2004 measured on real code nobody here wrote (Corpus/call-sites.tsv, docs/corpus.md): each call is
/// re-created on the same receiver type, against the real SDK assembly where the registry serves it (AWSSDK.EC2,
/// AWSSDK.SimpleSystemsManagement, KubernetesClient, Azure.ResourceManager.Compute, SSH.NET) and a same-named
/// stand-in where it does not (RDS, Lambda, Auto Scaling), and the analyzers' verdicts are scored against the labels.
/// </summary>
public sealed class RealCodeCorpusTests(ITestOutputHelper output)
{
    private const double MinimumPrecision = 0.95;
    private const double MinimumRecall = 0.90;

    private sealed record Row(int Line, string Source, string Label, string Call, string What);

    /// <summary>The receivers the calls are made on, and stand-ins for SDKs and team code that are not served here.</summary>
    private const string Preamble = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.EC2;
        using Amazon.EC2.Model;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;
        using Azure;
        using Azure.ResourceManager.Compute;
        using k8s;
        using k8s.Models;
        using Renci.SshNet;

        namespace Amazon.RDS { public interface IAmazonRDS { Task<Model.ModifyDBInstanceResponse> ModifyDBInstanceAsync(Model.ModifyDBInstanceRequest request, CancellationToken token = default); } public class AmazonRDSClient : IAmazonRDS { public Task<Model.ModifyDBInstanceResponse> ModifyDBInstanceAsync(Model.ModifyDBInstanceRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.RDS.Model { public class ModifyDBInstanceRequest { public string DBInstanceIdentifier { get; set; } public string MasterUserPassword { get; set; } } public class ModifyDBInstanceResponse { } }
        namespace Amazon.Lambda { public interface IAmazonLambda { Task<Model.UpdateFunctionCodeResponse> UpdateFunctionCodeAsync(Model.UpdateFunctionCodeRequest request, CancellationToken token = default); Task<Model.GetFunctionResponse> GetFunctionAsync(Model.GetFunctionRequest request, CancellationToken token = default); } public class AmazonLambdaClient : IAmazonLambda { public Task<Model.UpdateFunctionCodeResponse> UpdateFunctionCodeAsync(Model.UpdateFunctionCodeRequest request, CancellationToken token = default) => null; public Task<Model.GetFunctionResponse> GetFunctionAsync(Model.GetFunctionRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.Lambda.Model { public class UpdateFunctionCodeRequest { public string FunctionName { get; set; } public string S3Bucket { get; set; } public string ImageUri { get; set; } } public class UpdateFunctionCodeResponse { } public class GetFunctionRequest { public string FunctionName { get; set; } } public class GetFunctionResponse { } }
        namespace Amazon.AutoScaling { public interface IAmazonAutoScaling { Task<Model.UpdateAutoScalingGroupResponse> UpdateAutoScalingGroupAsync(Model.UpdateAutoScalingGroupRequest request, CancellationToken token = default); } public class AmazonAutoScalingClient : IAmazonAutoScaling { public Task<Model.UpdateAutoScalingGroupResponse> UpdateAutoScalingGroupAsync(Model.UpdateAutoScalingGroupRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.AutoScaling.Model { public class UpdateAutoScalingGroupRequest { public string AutoScalingGroupName { get; set; } public int MinSize { get; set; } } public class UpdateAutoScalingGroupResponse { } }
        namespace Grpc { public class SendCommandRequest { } }
        namespace Chat { public class SendCommandRequest { } }

        public static class AutoScaleMethods { public static Task<bool> UpdateAutoScalingGroupAsync(Amazon.AutoScaling.AmazonAutoScalingClient client, string group, string template, string role, int max) => null; }
        public class AutoScalingWrapper { public Task<bool> UpdateAutoScalingGroupAsync(string group, string template, int max) => null; }
        public class KubernetesBroker { public Task<V1Deployment> PatchNamespacedDeploymentAsync(V1Patch patch, string name, string ns) => null; }
        public class KubernetesClientAdapter { public Task<V1ConfigMap> ReplaceNamespacedConfigMapAsync(V1ConfigMap map, string name, string ns) => null; }
        public class ContainerClient { public Task SendCommandAsync(Grpc.SendCommandRequest request) => null; }
        public class ChatClient { public Task<string> SendCommandAsync(Chat.SendCommandRequest request) => null; }

        public static partial class Corpus
        {
            static IAmazonEC2 ec2; static AmazonEC2Client ec2Client;
            static Amazon.AutoScaling.IAmazonAutoScaling autoscaling; static Amazon.AutoScaling.AmazonAutoScalingClient autoscalingClient; static AutoScalingWrapper autoScalingWrapper;
            static Amazon.RDS.IAmazonRDS rds; static Amazon.RDS.AmazonRDSClient rdsClient;
            static Amazon.Lambda.IAmazonLambda lambda; static Amazon.Lambda.AmazonLambdaClient lambdaClient;
            static IAmazonSimpleSystemsManagement ssm; static AmazonSimpleSystemsManagementClient ssmClient;
            static IKubernetes kube; static Kubernetes k8sClient; static V1Patch patch; static V1ConfigMap configMap; static ExecAsyncCallback handler;
            static KubernetesBroker kubernetesBroker; static KubernetesClientAdapter kubernetesClientAdapter;
            static SshClient ssh; static ScpClient scp; static SftpClient sftp;
            static VirtualMachineResource vm; static VirtualMachineExtensionData extension;
            static ContainerClient containerClient; static ChatClient chatClient;
            static string id, name, ns, path, command, patchText; static List<string> ids; static Stream stream; static CancellationToken token; static List<Task> tasks;

        """;

    private static List<Row> Rows()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Corpus", "call-sites.tsv");
        var rows = new List<Row>();
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') || lines[i].StartsWith("source\t", StringComparison.Ordinal) || lines[i].Length == 0)
                continue;
            var cells = lines[i].Split('\t');
            Assert.True(cells.Length == 4, $"call-sites.tsv line {i + 1}: expected 4 tab-separated cells, found {cells.Length}");
            Assert.Contains(cells[1], new[] { "DI2003", "DI2004", "none" });
            rows.Add(new Row(i + 1, cells[0], cells[1], cells[2], cells[3]));
        }
        return rows;
    }

    [Fact]
    public async Task Precision_and_recall_on_real_code_meet_the_targets()
    {
        var rows = Rows();
        var source = Preamble + string.Concat(rows.Select(r => $"    static async Task Line{r.Line.ToString(CultureInfo.InvariantCulture)}() {{ {r.Call} }}\n")) + "}\n";
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Corpus", [tree],
            [.. Net100.References.All, .. Verify<InPlaceUpdateAnalyzer>.Sdks, MetadataReference.CreateFromFile(typeof(Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the re-created calls must compile against the real SDKs:\n" + string.Join("\n", errors.Take(20).Select(e => $"call-sites.tsv line {Line(e.Location, tree)}: {e.GetMessage(CultureInfo.InvariantCulture)}")));

        var diagnostics = await compilation.WithAnalyzers([new InPlaceUpdateAnalyzer(), new RemoteProvisioningAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var verdicts = rows.ToDictionary(r => r.Line, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var diagnostic in diagnostics)
            if (Line(diagnostic.Location, tree) is { } line && verdicts.TryGetValue(line, out var found))
                found.Add(diagnostic.Id);

        var report = new List<string>();
        var passed = true;
        foreach (var rule in new[] { "DI2003", "DI2004" })
        {
            var truePositives = rows.Count(r => r.Label == rule && verdicts[r.Line].Contains(rule));
            var falsePositives = rows.Where(r => r.Label != rule && verdicts[r.Line].Contains(rule)).ToList();
            var falseNegatives = rows.Where(r => r.Label == rule && !verdicts[r.Line].Contains(rule)).ToList();
            var precision = truePositives + falsePositives.Count == 0 ? 1.0 : (double)truePositives / (truePositives + falsePositives.Count);
            var recall = truePositives + falseNegatives.Count == 0 ? 1.0 : (double)truePositives / (truePositives + falseNegatives.Count);
            report.Add(FormattableString.Invariant($"{rule}: {rows.Count(r => r.Label == rule)} labelled, precision {precision:F2}, recall {recall:F2}"));
            report.AddRange(falsePositives.Select(r => $"  false positive, line {r.Line} ({r.Source}): {r.What}"));
            report.AddRange(falseNegatives.Select(r => $"  missed, line {r.Line} ({r.Source}): {r.What}"));
            passed &= precision >= MinimumPrecision && recall >= MinimumRecall;
        }
        foreach (var line in report)
            output.WriteLine(line);
        Assert.True(passed, string.Join("\n", report));
        Assert.True(rows.Count(r => r.Label == "none") >= 30, "the corpus needs look-alikes that must stay quiet");
    }

    /// <summary>The corpus line whose method holds the location.</summary>
    private static int? Line(Location location, SyntaxTree tree)
    {
        if (location.SourceTree != tree)
            return null;
        var method = tree.GetRoot().FindToken(location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        return method is not null && method.Identifier.Text.StartsWith("Line", StringComparison.Ordinal)
            ? int.Parse(method.Identifier.Text[4..], CultureInfo.InvariantCulture)
            : null;
    }
}
