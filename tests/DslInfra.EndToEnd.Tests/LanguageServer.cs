using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DslInfra.EndToEnd.Tests;

/// <summary>
/// A small LSP client (JSON-RPC with Content-Length framing over stdio) that drives a real language server as an
/// editor would: initialize, answer the server's workspace/configuration requests, open and edit a document, and
/// pull its diagnostics.
/// </summary>
internal sealed class LanguageServer : IDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly Dictionary<int, TaskCompletionSource<JsonNode?>> pending = [];
    private readonly JsonObject settings;
    private readonly Task reader;
    private int nextId;

    public LanguageServer(string program, string workspace, JsonObject settings)
    {
        this.settings = settings;
        var start = new ProcessStartInfo(program) { WorkingDirectory = workspace, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        input = process.StandardInput.BaseStream;
        reader = Task.Run(ReadLoop);
    }

    /// <summary>The server's diagnostic codes for the document, pulled (textDocument/diagnostic).</summary>
    public async Task<List<string>> DiagnosticCodes(string uri)
    {
        var result = await Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        return result?["items"]?.AsArray().Select(d => d?["code"]?.ToString() ?? "").ToList() ?? [];
    }

    public async Task Initialize(string rootUri)
    {
        await Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject(), ["publishDiagnostics"] = new JsonObject() },
            },
        }, TimeSpan.FromMinutes(2));
        Notify("initialized", new JsonObject());
    }

    public void Open(string uri, string text) =>
        Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

    /// <summary>An unsaved edit: the whole new text, as editors send it when they do not track ranges.</summary>
    public void Change(string uri, int version, string text) =>
        Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    public async Task<JsonNode?> Request(string method, JsonObject parameters, TimeSpan? timeout = null)
    {
        var source = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (pending)
        {
            id = ++nextId;
            pending[id] = source;
        }
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await source.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    public void Notify(string method, JsonObject parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        lock (input)
        {
            input.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            input.Write(body);
            input.Flush();
        }
    }

    private async Task ReadLoop()
    {
        var output = process.StandardOutput.BaseStream;
        try
        {
            while (await ReadMessage(output) is { } message)
            {
                if (message["method"] is { } method && message["id"] is { } requestId)
                    Answer(requestId.DeepClone(), method.ToString(), message["params"]);
                else if (message["id"] is { } id && message["method"] is null)
                {
                    TaskCompletionSource<JsonNode?>? source;
                    lock (pending)
                        pending.Remove(id.GetValue<int>(), out source);
                    if (message["error"] is { } error)
                        source?.TrySetException(new InvalidOperationException("language server error: " + error.ToJsonString()));
                    else
                        source?.TrySetResult(message["result"]?.DeepClone());
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
        }
        lock (pending)
            foreach (var source in pending.Values)
                source.TrySetException(new InvalidOperationException("the language server exited"));
    }

    /// <summary>The server asks the editor for settings (csharp-ls: the "csharp" section); anything else gets null.</summary>
    private void Answer(JsonNode id, string method, JsonNode? parameters)
    {
        JsonNode? result = null;
        if (method == "workspace/configuration")
        {
            var items = new JsonArray();
            foreach (var item in parameters?["items"]?.AsArray() ?? [])
                items.Add(item?["section"]?.ToString() is { } section && settings[section] is { } value ? value.DeepClone() : null);
            result = items;
        }
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result });
    }

    private static async Task<JsonNode?> ReadMessage(Stream stream)
    {
        var length = -1;
        while (true)
        {
            var line = await ReadLine(stream);
            if (line is null)
                return null;
            if (line.Length == 0)
                break;
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return JsonNode.Parse(body);
    }

    private static async Task<string?> ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            if (one[0] == '\n')
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            bytes.Add(one[0]);
        }
        return null;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
    }
}
