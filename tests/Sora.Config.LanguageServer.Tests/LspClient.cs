using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sora.Config.LanguageServer.Tests;

/// <summary>A small LSP client written for the tests: it starts the real <c>sora-conf lsp</c> process (the built
/// sora-conf.dll) and talks to it the way an editor does, with <c>Content-Length</c> framed JSON-RPC on stdin and stdout.
/// It shares no code with the server, so a framing or naming mistake on either side shows.</summary>
public sealed class LspClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly Stream stdin;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    private readonly List<JsonObject> notifications = new();
    private readonly List<JsonObject> orphans = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly Task readLoop;
    private readonly StringBuilder stderr = new();
    private int nextId;

    private LspClient(Process process)
    {
        this.process = process;
        stdin = process.StandardInput.BaseStream;
        readLoop = Task.Run(ReadLoop);
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
    }

    public static string DllPath { get; } = Metadata("SoraConfCliDll");

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    internal static string Metadata(string name)
    {
        foreach (var attribute in typeof(LspClient).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == name) return Path.GetFullPath(attribute.Value!.Replace('\\', Path.DirectorySeparatorChar));
        }
        throw new InvalidOperationException("missing assembly metadata " + name);
    }

    /// <summary>Starts <c>sora-conf lsp --stdio</c> (then <paramref name="arguments"/>, such as <c>--schema</c>) with English
    /// messages unless <paramref name="environment"/> says otherwise. <paramref name="commandLine"/>, when given, is the
    /// whole command line after <c>sora-conf</c>, as an editor builds it.</summary>
    public static LspClient Start(IDictionary<string, string>? environment = null, IReadOnlyList<string>? arguments = null, IReadOnlyList<string>? commandLine = null)
    {
        Assert.True(File.Exists(DllPath), "the CLI was not built at " + DllPath);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in commandLine ?? ["lsp", "--stdio", .. arguments ?? []]) start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "en_US.UTF-8";
        start.Environment["LANG"] = "en_US.UTF-8";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (environment != null) foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
        return new LspClient(Process.Start(start)!);
    }

    /// <summary>Starts the server and completes initialize / initialized.</summary>
    public static async Task<LspClient> StartInitializedAsync(string? initializeParams = null, IDictionary<string, string>? environment = null, IReadOnlyList<string>? arguments = null, IReadOnlyList<string>? commandLine = null)
    {
        var client = Start(environment, arguments, commandLine);
        await client.RequestAsync("initialize", initializeParams ?? """{"processId":null,"rootUri":null,"capabilities":{}}""");
        await client.NotifyAsync("initialized", "{}");
        return client;
    }

    public string Stderr
    {
        get
        {
            lock (stderr) return stderr.ToString();
        }
    }

    /// <summary>Sends a request and returns the whole response message (result or error).</summary>
    public async Task<JsonObject> RequestMessageAsync(string method, string? parameters = null)
    {
        int id = Interlocked.Increment(ref nextId);
        var response = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = response;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters != null) message["params"] = JsonNode.Parse(parameters);
        await SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));
        return await response.Task.WaitAsync(Timeout);
    }

    /// <summary>Sends a request and returns its result; fails the test with the error when there is one.</summary>
    public async Task<JsonNode?> RequestAsync(string method, string? parameters = null)
    {
        var response = await RequestMessageAsync(method, parameters);
        Assert.True(response["error"] is null, method + " failed: " + response.ToJsonString() + "\n" + Stderr);
        return response["result"];
    }

    public Task NotifyAsync(string method, string? parameters = null)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters != null) message["params"] = JsonNode.Parse(parameters);
        return SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));
    }

    /// <summary>Sends a body as it is, framed with its byte length.</summary>
    public Task SendAsync(byte[] body) => SendFramedAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), body);

    public async Task SendFramedAsync(byte[] header, byte[] body)
    {
        await stdin.WriteAsync(header);
        await stdin.WriteAsync(body);
        await stdin.FlushAsync();
    }

    /// <summary>The next notification of <paramref name="method"/> that <paramref name="match"/> accepts, waiting for it;
    /// notifications taken once are not returned again.</summary>
    public async Task<JsonObject> NextNotificationAsync(string method, Func<JsonObject, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            lock (notifications)
            {
                int i = notifications.FindIndex(n => (string?)n["method"] == method && (match is null || match(n)));
                if (i >= 0)
                {
                    var found = notifications[i];
                    notifications.RemoveAt(i);
                    return found;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"no {method} notification arrived\n{Stderr}");
            await arrived.WaitAsync(left);
        }
    }

    /// <summary>The next publishDiagnostics for <paramref name="uri"/> at document <paramref name="version"/>.</summary>
    public async Task<JsonArray> DiagnosticsAsync(string uri, int version)
    {
        var message = await NextNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == uri && (int?)n["params"]!["version"] == version);
        return message["params"]!["diagnostics"]!.AsArray();
    }

    /// <summary>Messages that were neither a response to a pending request nor a notification (errors with id null).</summary>
    public IReadOnlyList<JsonObject> Orphans
    {
        get
        {
            lock (orphans) return orphans.ToList();
        }
    }

    public async Task<JsonObject> NextOrphanAsync(int count)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            lock (orphans) if (orphans.Count >= count) return orphans[count - 1];
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("no error message with id null arrived\n" + Stderr);
            await arrived.WaitAsync(left);
        }
    }

    public void CloseInput() => stdin.Close();

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    /// <summary>shutdown (result null) then exit; returns the exit code.</summary>
    public async Task<int> ShutdownAndExitAsync()
    {
        var result = await RequestAsync("shutdown");
        Assert.Null(result);
        await NotifyAsync("exit");
        return await ExitCodeAsync();
    }

    public long PeakWorkingSet
    {
        get
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
    }

    private async Task ReadLoop()
    {
        var stdout = process.StandardOutput.BaseStream;
        while (true)
        {
            var body = await ReadMessageAsync(stdout);
            if (body is null) break;
            var message = JsonNode.Parse(body)!.AsObject();
            if (message["id"] is JsonValue id && id.TryGetValue<int>(out var number) && message["method"] is null && pending.TryRemove(number, out var response))
            {
                response.TrySetResult(message);
                continue;
            }
            if (message["method"] != null)
            {
                lock (notifications) notifications.Add(message);
            }
            else
            {
                lock (orphans) orphans.Add(message);
            }
            arrived.Release();
        }
    }

    private static async Task<byte[]?> ReadMessageAsync(Stream stream)
    {
        int length = -1;
        while (true)
        {
            var line = await ReadLineAsync(stream);
            if (line is null) return null;
            if (line.Length == 0) break;
            var colon = line.IndexOf(':');
            Assert.True(colon > 0, "bad header line from the server: " + line);
            if (line.Substring(0, colon).Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(colon + 1).Trim());
        }
        Assert.True(length >= 0, "a message from the server had no Content-Length");
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return body;
    }

    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0) return bytes.Count == 0 ? null : Encoding.ASCII.GetString(bytes.ToArray());
            if (one[0] == '\n') return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            bytes.Add(one[0]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        }
        await process.WaitForExitAsync();
        try
        {
            await readLoop;
        }
        catch (Exception)
        {
            // The read loop ends with the process; its failure (if any) was already reported by a test's assertion.
        }
        process.Dispose();
    }
}
