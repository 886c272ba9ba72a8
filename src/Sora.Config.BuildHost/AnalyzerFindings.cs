using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Sora.Config.BuildHost;

/// <summary>What the analyzers already reported during compilation, from the compiler's SARIF 2.1 error log: each
/// result's rule ID, the sora.conf key it concerns (the analyzers' <c>SoraKey</c> property), file and line, and whether
/// it was suppressed in source. A build-time finding the analyzers showed at the marked member — or that the user
/// suppressed there — is not reported again: a finding is reported once, where it can be fixed.</summary>
internal sealed class AnalyzerFindings
{
    private readonly List<(string Id, string? Key, string File, int Line)> results = new();

    /// <summary>False when there was no readable SARIF 2.1 log (a project's own ErrorLog in another format): then
    /// every build-time finding is reported.</summary>
    public bool IsAvailable { get; private set; }

    public static AnalyzerFindings Load(string? path)
    {
        var findings = new AnalyzerFindings();
        if (path is null || !File.Exists(path)) return findings;
        try
        {
            using var stream = File.OpenRead(path);
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            if (!root.TryGetProperty("version", out var version) || version.GetString() != "2.1.0") return findings;
            foreach (var run in root.GetProperty("runs").EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var list)) continue;
                foreach (var result in list.EnumerateArray())
                {
                    var id = result.TryGetProperty("ruleId", out var r) ? r.GetString() : null;
                    if (id is null || !id.StartsWith("SORA", StringComparison.Ordinal)) continue;
                    string? key = null;
                    if (result.TryGetProperty("properties", out var props) && props.TryGetProperty("customProperties", out var custom)
                        && custom.TryGetProperty("SoraKey", out var k))
                    {
                        key = k.GetString();
                    }
                    if (!result.TryGetProperty("locations", out var locations)) continue;
                    foreach (var location in locations.EnumerateArray())
                    {
                        if (!location.TryGetProperty("physicalLocation", out var physical)) continue;
                        var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString();
                        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var file) || !file.IsFile) continue;
                        int line = physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var l) ? l.GetInt32() : 0;
                        findings.results.Add((id, key, Path.GetFullPath(file.LocalPath), line));
                    }
                }
            }
            findings.IsAvailable = true;
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or KeyNotFoundException or UnauthorizedAccessException)
        {
            findings.results.Clear();
        }
        return findings;
    }

    /// <summary>True when the analyzers reported <paramref name="id"/> for <paramref name="key"/> in
    /// <paramref name="file"/> between the given lines (the marked member's declaration and body).</summary>
    public bool Covers(string id, string? key, string file, int firstLine, int lastLine)
    {
        var full = Path.GetFullPath(file);
        foreach (var r in results)
        {
            if (r.Id == id && r.Key == key && r.Line >= firstLine && r.Line <= lastLine && string.Equals(r.File, full, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
