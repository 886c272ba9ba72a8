using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Sora.Config.Diagnostics;

namespace Sora.Config.BuildHost;

/// <summary>The severity a finding is reported with, from the same switches the analyzers follow, in this
/// order (first match wins):
/// <list type="number">
/// <item><c>&lt;SoraConfSeverity Include="SORA1004" Severity="warning" /&gt;</c> items;</item>
/// <item><c>dotnet_diagnostic.ID.severity</c> in the .editorconfig files above the marked member's source
/// file (sections <c>[*]</c>, <c>[*.cs]</c>, <c>[**.cs]</c>, <c>[**/*.cs]</c>, <c>[*.{…,cs,…}]</c>; nearest file
/// first, up to <c>root = true</c>);</item>
/// <item><c>dotnet_diagnostic.ID.severity</c> in global config files (<c>@(EditorConfigFiles)</c>);</item>
/// <item><c>$(NoWarn)</c> turns a warning or info off;</item>
/// <item>the rule's own severity, then <c>$(WarningsAsErrors)</c> / <c>$(TreatWarningsAsErrors)</c> (minus
/// <c>$(WarningsNotAsErrors)</c>) turn a warning into an error.</item>
/// </list>
/// Severities: <c>none</c>/<c>silent</c> = off, <c>suggestion</c>/<c>info</c>, <c>warning</c>, <c>error</c>.
/// A severity cannot turn on a rule the profile turns off (Validate does not report it).</summary>
internal sealed class SeverityPolicy
{
    private static readonly Regex SeverityKey = new(@"^dotnet_diagnostic\.([A-Za-z0-9_]+)\.severity$", RegexOptions.CultureInvariant);

    private readonly Dictionary<string, string> items = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> global = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> noWarn;
    private readonly HashSet<string> warningsAsErrors;
    private readonly HashSet<string> warningsNotAsErrors;
    private readonly bool treatWarningsAsErrors;
    private readonly Dictionary<string, Dictionary<string, string>> perFile = new(StringComparer.Ordinal);

    public SeverityPolicy(BuildRequest request)
    {
        foreach (var (id, severity) in request.Severities) items[id] = severity;
        foreach (var file in request.GlobalConfigs)
        {
            if (File.Exists(file)) ReadSeverities(File.ReadAllLines(file), global, sectionFilter: null);
        }
        noWarn = new HashSet<string>(request.NoWarn, StringComparer.OrdinalIgnoreCase);
        warningsAsErrors = new HashSet<string>(request.WarningsAsErrors, StringComparer.OrdinalIgnoreCase);
        warningsNotAsErrors = new HashSet<string>(request.WarningsNotAsErrors, StringComparer.OrdinalIgnoreCase);
        treatWarningsAsErrors = request.TreatWarningsAsErrors;
    }

    /// <summary>The effective severity, or null when the finding is turned off.</summary>
    public SoraConfSeverity? Apply(string id, SoraConfSeverity severity, string? sourceFile)
    {
        if (items.TryGetValue(id, out var text) || (sourceFile is not null && EditorConfigFor(sourceFile).TryGetValue(id, out text)) || global.TryGetValue(id, out text))
        {
            var configured = Parse(text);
            if (configured is { } known) return known.Severity;
        }
        if (severity != SoraConfSeverity.Error && noWarn.Contains(id)) return null;
        if (severity == SoraConfSeverity.Warning && (warningsAsErrors.Contains(id) || treatWarningsAsErrors) && !warningsNotAsErrors.Contains(id))
            return SoraConfSeverity.Error;
        return severity;
    }

    /// <summary>Parses a severity word; null when it is not one.</summary>
    internal static (SoraConfSeverity? Severity, bool Known)? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" or "silent" or "hidden" => (null, true),
        "suggestion" or "info" => (SoraConfSeverity.Info, true),
        "warning" => (SoraConfSeverity.Warning, true),
        "error" => (SoraConfSeverity.Error, true),
        _ => null,
    };

    private Dictionary<string, string> EditorConfigFor(string sourceFile)
    {
        var dir = Path.GetDirectoryName(sourceFile);
        if (dir is null) return new Dictionary<string, string>();
        if (perFile.TryGetValue(dir, out var cached)) return cached;
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Nearest file first: an entry already set by a nearer file wins.
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
        {
            var file = Path.Combine(d.FullName, ".editorconfig");
            if (!File.Exists(file)) continue;
            var lines = File.ReadAllLines(file);
            var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var isRoot = ReadSeverities(lines, found, IsCSharpSection);
            foreach (var (id, severity) in found) result.TryAdd(id, severity);
            if (isRoot) break;
        }
        perFile[dir] = result;
        return result;
    }

    private static bool IsCSharpSection(string glob)
    {
        if (glob is "*" or "*.cs" or "**.cs" or "**/*.cs" or "**") return true;
        var m = Regex.Match(glob, @"^\*\*?(/\*)?\.\{([^}]*)\}$", RegexOptions.CultureInvariant);
        return m.Success && Array.Exists(m.Groups[2].Value.Split(','), e => e.Trim() == "cs");
    }

    /// <summary>Reads <c>dotnet_diagnostic.ID.severity</c> entries (later lines override earlier ones within
    /// a file); with a section filter, only from matching sections. Returns whether the file says root = true.</summary>
    private static bool ReadSeverities(string[] lines, Dictionary<string, string> into, Func<string, bool>? sectionFilter)
    {
        var inSection = sectionFilter is null;
        var preamble = true;
        var isRoot = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                preamble = false;
                inSection = sectionFilter is null || sectionFilter(line.Substring(1, line.Length - 2).Trim());
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var key = line.Substring(0, eq).Trim();
            var value = line.Substring(eq + 1).Trim();
            if (preamble && string.Equals(key, "root", StringComparison.OrdinalIgnoreCase)) isRoot = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            if (!inSection) continue;
            var m = SeverityKey.Match(key);
            if (m.Success) into[m.Groups[1].Value] = value;
        }
        return isRoot;
    }
}
