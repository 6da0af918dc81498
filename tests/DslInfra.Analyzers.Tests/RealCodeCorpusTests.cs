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
        using Microsoft.Azure.Management.WebSites;
        using Microsoft.Win32;
        using Renci.SshNet;

        namespace Amazon.Route53 { public interface IAmazonRoute53 { Task<Model.ChangeResourceRecordSetsResponse> ChangeResourceRecordSetsAsync(Model.ChangeResourceRecordSetsRequest request, CancellationToken token = default); } public class AmazonRoute53Client : IAmazonRoute53 { public Task<Model.ChangeResourceRecordSetsResponse> ChangeResourceRecordSetsAsync(Model.ChangeResourceRecordSetsRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.Route53.Model { public class ChangeResourceRecordSetsRequest { public string HostedZoneId { get; set; } } public class ChangeResourceRecordSetsResponse { } }
        namespace Amazon.ECS { public interface IAmazonECS { Task<object> UpdateServiceAsync(Model.UpdateServiceRequest request, CancellationToken token = default); Task<object> ExecuteCommandAsync(Model.ExecuteCommandRequest request, CancellationToken token = default); } public class AmazonECSClient : IAmazonECS { public Task<object> UpdateServiceAsync(Model.UpdateServiceRequest request, CancellationToken token = default) => null; public Task<object> ExecuteCommandAsync(Model.ExecuteCommandRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.ECS.Model { public class UpdateServiceRequest { public string Cluster { get; set; } public string Service { get; set; } public int DesiredCount { get; set; } public string TaskDefinition { get; set; } } public class ExecuteCommandRequest { public string Cluster { get; set; } public string Task { get; set; } public string Command { get; set; } public bool Interactive { get; set; } } }
        namespace Amazon.IdentityManagement { public interface IAmazonIdentityManagementService { Task<object> AttachRolePolicyAsync(Model.AttachRolePolicyRequest request, CancellationToken token = default); } public class AmazonIdentityManagementServiceClient : IAmazonIdentityManagementService { public Task<object> AttachRolePolicyAsync(Model.AttachRolePolicyRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.IdentityManagement.Model { public class AttachRolePolicyRequest { public string RoleName { get; set; } public string PolicyArn { get; set; } } }
        namespace Amazon.S3 { public interface IAmazonS3 { Task<object> PutBucketPolicyAsync(Model.PutBucketPolicyRequest request, CancellationToken token = default); Task<object> PutObjectAsync(Model.PutObjectRequest request, CancellationToken token = default); } public class AmazonS3Client : IAmazonS3 { public Task<object> PutBucketPolicyAsync(Model.PutBucketPolicyRequest request, CancellationToken token = default) => null; public Task<object> PutObjectAsync(Model.PutObjectRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.S3.Model { public class PutBucketPolicyRequest { public string BucketName { get; set; } public string Policy { get; set; } } public class PutObjectRequest { public string BucketName { get; set; } public string Key { get; set; } } }
        namespace Amazon.DynamoDBv2 { public interface IAmazonDynamoDB { Task<object> UpdateItemAsync(Model.UpdateItemRequest request, CancellationToken token = default); } public class AmazonDynamoDBClient : IAmazonDynamoDB { public Task<object> UpdateItemAsync(Model.UpdateItemRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.DynamoDBv2.Model { public class UpdateItemRequest { public string TableName { get; set; } } }
        namespace Amazon.CloudFormation { public interface IAmazonCloudFormation { Task<object> UpdateStackAsync(Model.UpdateStackRequest request, CancellationToken token = default); } public class AmazonCloudFormationClient : IAmazonCloudFormation { public Task<object> UpdateStackAsync(Model.UpdateStackRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.CloudFormation.Model { public class UpdateStackRequest { public string StackName { get; set; } public string TemplateBody { get; set; } } }
        namespace Azure.ResourceManager.Sql { public class SqlDatabaseResource { public Task<Azure.ResourceManager.ArmOperation<SqlDatabaseResource>> UpdateAsync(Azure.WaitUntil wait, Models.SqlDatabasePatch patch) => null; } public class SqlServerAzureADOnlyAuthenticationResource { public Task<object> UpdateAsync(Azure.WaitUntil wait, object data) => null; } }
        namespace Azure.ResourceManager.Sql.Models { public class SqlDatabasePatch { } }
        namespace Azure.ResourceManager.ContainerRegistry { public class ContainerRegistryResource { public Task<Azure.ResourceManager.ArmOperation<ContainerRegistryResource>> UpdateAsync(Azure.WaitUntil wait, object patch) => null; } }
        namespace Azure.ResourceManager.MachineLearning { public class MachineLearningWorkspaceResource { public Task<object> UpdateAsync(Azure.WaitUntil wait, object patch) => null; } }
        namespace Azure.ResourceManager.AppService { public class WebSiteResource { public Task<object> UpdateApplicationSettingsAsync(object settings, CancellationToken token = default) => null; } }
        namespace Microsoft.Azure.Management.WebSites { public interface IWebAppsOperations { } public interface IWebSiteManagementClient { IWebAppsOperations WebApps { get; } } }
        namespace Microsoft.Azure.Management.WebSites { public static class WebAppsOperationsExtensions { public static Task<object> UpdateApplicationSettingsAsync(this IWebAppsOperations operations, string resourceGroupName, string name, object appSettings) => null; } }
        namespace Microsoft.Azure.Management.ResourceManager.Fluent { public interface IResourceGroup { ResourceGroup.Update.IUpdate Update(); } }
        namespace Microsoft.Azure.Management.ResourceManager.Fluent.ResourceGroup.Update { public interface IUpdate { IUpdate WithTags(IDictionary<string, string> tags); Microsoft.Azure.Management.ResourceManager.Fluent.IResourceGroup Apply(); } }
        namespace Docker.DotNet { public interface IExecOperations { Task<Models.ContainerExecCreateResponse> ExecCreateContainerAsync(string id, Models.ContainerExecCreateParameters parameters, CancellationToken token = default); } public interface IContainerOperations { Task<Models.ContainerExecCreateResponse> ExecCreateContainerAsync(string id, Models.ContainerExecCreateParameters parameters, CancellationToken token = default); } public class DockerClient { public IExecOperations Exec { get; } public IContainerOperations Containers { get; } } }
        namespace Docker.DotNet.Models { public class ContainerExecCreateParameters { public IList<string> Cmd { get; set; } public bool Privileged { get; set; } public bool AttachStdout { get; set; } } public class ContainerExecCreateResponse { public string ID { get; set; } } }
        namespace DotNet.Testcontainers.Containers { public interface IContainer { Task<object> ExecAsync(IList<string> command, CancellationToken token = default); } }
        namespace System.Management.Automation { public class PSCredential { } public class PSCommand { public PSCommand AddScript(string script) => this; } public class PowerShell { public static PowerShell Create() => null; public PowerShell AddScript(string script) => this; public PowerShell AddCommand(string command) => this; public PowerShell AddParameter(string name, object value) => this; } }
        namespace System.Management.Automation.Runspaces { public class WSManConnectionInfo { public WSManConnectionInfo() { } public WSManConnectionInfo(Uri uri) { } public WSManConnectionInfo(Uri uri, string shellUri, System.Management.Automation.PSCredential credential) { } public WSManConnectionInfo(bool useSsl, string computerName, int port, string appName, string shellUri, System.Management.Automation.PSCredential credential) { } public bool SkipCACheck { get; set; } } public static class RunspaceFactory { public static Runspace CreateRunspace() => null; public static Runspace CreateRunspace(WSManConnectionInfo info) => null; } public class Runspace { public Pipeline CreatePipeline() => null; } public class Pipeline { public CommandCollection Commands { get; } } public class CommandCollection { public void AddScript(string script) { } } }
        namespace System.Management { public class ManagementScope { } public class ManagementPath { public ManagementPath(string path) { } } public class ManagementBaseObject : IDisposable { public void Dispose() { } } public class ManagementClass { public ManagementClass(string path) { } public ManagementClass(string scope, string path, object options) { } public ManagementClass(ManagementScope scope, ManagementPath path, object options) { } public ManagementBaseObject InvokeMethod(string name, ManagementBaseObject inParams, object options) => null; } }
        namespace Tamir.SharpSsh { public class SshExec { public SshExec(string host, string user) { } public SshExec(string host, string user, string password) { } public void Connect() { } public string RunCommand(string command) => null; } }
        namespace JobRunner { public class ExecuteCommandRequest { } public class ExecutorClient { public Task<object> ExecuteCommandAsync(ExecuteCommandRequest request) => null; } }
        namespace Workflow { public class ExecuteCommandRequest { public string ProcessId { get; set; } public string Command { get; set; } } public class WorkflowService { public Task ExecuteCommandAsync(ExecuteCommandRequest request) => null; } }

        namespace Amazon.RDS { public interface IAmazonRDS { Task<Model.ModifyDBInstanceResponse> ModifyDBInstanceAsync(Model.ModifyDBInstanceRequest request, CancellationToken token = default); } public class AmazonRDSClient : IAmazonRDS { public Task<Model.ModifyDBInstanceResponse> ModifyDBInstanceAsync(Model.ModifyDBInstanceRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.RDS.Model { public class ModifyDBInstanceRequest { public string DBInstanceIdentifier { get; set; } public string MasterUserPassword { get; set; } } public class ModifyDBInstanceResponse { } }
        namespace Amazon.Lambda { public interface IAmazonLambda { Task<Model.UpdateFunctionCodeResponse> UpdateFunctionCodeAsync(Model.UpdateFunctionCodeRequest request, CancellationToken token = default); Task<Model.GetFunctionResponse> GetFunctionAsync(Model.GetFunctionRequest request, CancellationToken token = default); Task<object> InvokeAsync(Model.InvokeRequest request, CancellationToken token = default); } public class AmazonLambdaClient : IAmazonLambda { public Task<Model.UpdateFunctionCodeResponse> UpdateFunctionCodeAsync(Model.UpdateFunctionCodeRequest request, CancellationToken token = default) => null; public Task<Model.GetFunctionResponse> GetFunctionAsync(Model.GetFunctionRequest request, CancellationToken token = default) => null; public Task<object> InvokeAsync(Model.InvokeRequest request, CancellationToken token = default) => null; } }
        namespace Amazon.Lambda.Model { public class UpdateFunctionCodeRequest { public string FunctionName { get; set; } public string S3Bucket { get; set; } public string ImageUri { get; set; } } public class UpdateFunctionCodeResponse { } public class GetFunctionRequest { public string FunctionName { get; set; } } public class GetFunctionResponse { } public class InvokeRequest { public string FunctionName { get; set; } } }
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
        // A team's command runner seen only through its interface, as the callers see it.
        public interface ICommandExecutor { Task<object> ExecuteAsync(string fileName, string arguments, string workingDirectory = null, bool captureOutput = false, bool suppressErrorLogging = false, CancellationToken token = default); }
        public class ContainerService { public Task UpdateContainerAsync(object container, CancellationToken token) => null; }
        public class InventoryService { public Task UpdateContainerAsync(object container) => null; }
        public class DataTypeContainerService { public Task<object> UpdateAsync(object container, Guid userKey) => null; }
        public class ContainerReactService { public Task<bool> UpdateContainerAsync(Guid id, object dto) => null; }
        public class SettingsService { public Task UpdateApplicationSettingsAsync(object dto) => null; }

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
            static Amazon.Route53.IAmazonRoute53 awsRoute53, route53, route53Client; static Amazon.Route53.AmazonRoute53Client r53Client;
            static Amazon.ECS.IAmazonECS amazonEcsClient, ecs; static Amazon.ECS.AmazonECSClient ecsClient;
            static Amazon.IdentityManagement.IAmazonIdentityManagementService iam, iamService; static Amazon.IdentityManagement.AmazonIdentityManagementServiceClient iamClient, managementClient; static Amazon.IdentityManagement.Model.AttachRolePolicyRequest attachRequest;
            static Amazon.S3.IAmazonS3 s3; static Amazon.S3.AmazonS3Client s3Client; static Amazon.DynamoDBv2.IAmazonDynamoDB dynamo; static Amazon.CloudFormation.IAmazonCloudFormation cloudFormation;
            static Azure.ResourceManager.Sql.SqlServerAzureADOnlyAuthenticationResource adOnlyAuthentication; static object adOnlyData, workspacePatch, registryPatch, appSettings, stringDictionary, dto, plantContainer, inventoryContainer, entityContainer;
            static Azure.ResourceManager.Sql.SqlDatabaseResource sqlDatabase; static Azure.ResourceManager.Sql.Models.SqlDatabasePatch sqlPatch; static Azure.ResourceManager.MachineLearning.MachineLearningWorkspaceResource workspaceResource;
            static Azure.ResourceManager.ContainerRegistry.ContainerRegistryResource registryFromGet; static Azure.ResourceManager.AppService.WebSiteResource webApp, website; static Microsoft.Azure.Management.WebSites.IWebSiteManagementClient webSiteClient;
            static Microsoft.Azure.Management.ResourceManager.Fluent.IResourceGroup resourceGroup; static IDictionary<string, string> tags; static VirtualMachineScaleSetResource scaleSet;
            static Docker.DotNet.DockerClient dockerClient; static Docker.DotNet.Models.ContainerExecCreateParameters execParameters; static DotNet.Testcontainers.Containers.IContainer testContainer;
            static System.Management.Automation.PSCredential credential; static System.Management.Automation.Runspaces.Pipeline pipeline; static System.Management.Automation.PowerShell ps; static System.Management.Automation.PSCommand psCommand;
            static System.Management.ManagementScope scope; static System.Management.ManagementBaseObject inParams, managementBaseObject; static Uri fullUri;
            static Tamir.SharpSsh.SshExec se, exec; static string user, password, stdOut, sshArgs, rg, policy; static int count; static Process process;
            static ICommandExecutor executor; static JobRunner.ExecutorClient executorClient; static Workflow.WorkflowService workflowService;
            static ContainerService containerService; static InventoryService inventoryService; static DataTypeContainerService dataTypeContainerService; static ContainerReactService containerReactService; static SettingsService settingsService;

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
        // The bar for a fair measure: at least 200 call sites from at least 25 sources, half of them look-alikes.
        Assert.True(rows.Count >= 200, $"the corpus needs at least 200 call sites, has {rows.Count}");
        Assert.True(rows.Select(r => r.Source).Distinct().Count() >= 25, "the corpus needs call sites from at least 25 sources");
        Assert.True(rows.Count(r => r.Label == "none") * 2 >= rows.Count, "at least half of the corpus must be look-alikes that stay quiet");
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
