using System;
using System.Collections.Generic;
using System.IO;

namespace Sora.Config.BuildHost;

/// <summary>What the MSBuild target hands the host, as a file of <c>name=value</c> lines (one value per
/// line, repeated names accumulate). A file rather than a command line: paths and lists need no quoting.</summary>
internal sealed class BuildRequest
{
    public string AssemblyPath { get; private set; } = "";

    /// <summary>Where relative output paths are resolved (the project's OutDir, absolute).</summary>
    public string OutputDirectory { get; private set; } = "";

    public string ProjectDirectory { get; private set; } = "";

    /// <summary>The build's SoraConfProfile; null when unset.</summary>
    public SoraConfProfile? Profile { get; private set; }

    /// <summary>Where the list of written files goes (for FileWrites); optional.</summary>
    public string? OutputListPath { get; private set; }

    public string PathMap { get; private set; } = "";

    public bool TreatWarningsAsErrors { get; private set; }

    public List<string> NoWarn { get; } = new();

    public List<string> WarningsAsErrors { get; } = new();

    public List<string> WarningsNotAsErrors { get; } = new();

    /// <summary><c>SoraConfSeverity</c> items: rule ID → none|info|warning|error.</summary>
    public List<KeyValuePair<string, string>> Severities { get; } = new();

    /// <summary>Global analyzer config files (<c>@(EditorConfigFiles)</c>, e.g. .globalconfig).</summary>
    public List<string> GlobalConfigs { get; } = new();

    /// <summary>The compiler's SARIF error log (<c>$(ErrorLog)</c> without its <c>,version=</c> suffix), if any.</summary>
    public string? ErrorLog { get; private set; }

    /// <summary>Assembly files MSBuild resolved for the project (runtime copy-local items), probed by simple name.</summary>
    public List<string> Probe { get; } = new();

    public static BuildRequest Read(string path)
    {
        var request = new BuildRequest();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var eq = line.IndexOf('=');
            if (eq <= 0) throw new FormatException($"{path}: expected name=value, got '{line}'");
            var name = line.Substring(0, eq).Trim();
            var value = line.Substring(eq + 1).Trim();
            switch (name)
            {
                case "assembly": request.AssemblyPath = Path.GetFullPath(value); break;
                case "outdir": request.OutputDirectory = Path.GetFullPath(value); break;
                case "projectdir": request.ProjectDirectory = Path.GetFullPath(value); break;
                case "profile": request.Profile = ParseProfile(value); break;
                case "list": if (value.Length > 0) request.OutputListPath = Path.GetFullPath(value); break;
                case "pathmap": request.PathMap = value; break;
                case "treatwarningsaserrors": request.TreatWarningsAsErrors = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase); break;
                case "nowarn": request.NoWarn.AddRange(SplitCodes(value)); break;
                case "warningsaserrors": request.WarningsAsErrors.AddRange(SplitCodes(value)); break;
                case "warningsnotaserrors": request.WarningsNotAsErrors.AddRange(SplitCodes(value)); break;
                case "severity":
                    var colon = value.IndexOf(':');
                    if (colon > 0) request.Severities.Add(new(value.Substring(0, colon).Trim(), value.Substring(colon + 1).Trim()));
                    break;
                case "globalconfig": if (value.Length > 0) request.GlobalConfigs.Add(value); break;
                case "probe": if (value.Length > 0) request.Probe.Add(value); break;
                case "errorlog":
                    var comma = value.IndexOf(',');
                    var log = comma >= 0 ? value.Substring(0, comma) : value;
                    if (log.Length > 0) request.ErrorLog = Path.GetFullPath(log, request.ProjectDirectory.Length > 0 ? request.ProjectDirectory : Directory.GetCurrentDirectory());
                    break;
                default: break; // Unknown names come from a newer targets file: ignore them.
            }
        }
        if (request.AssemblyPath.Length == 0) throw new FormatException($"{path}: no assembly= line");
        if (request.OutputDirectory.Length == 0) request.OutputDirectory = Path.GetDirectoryName(request.AssemblyPath)!;
        if (request.ProjectDirectory.Length == 0) request.ProjectDirectory = Directory.GetCurrentDirectory();
        return request;
    }

    /// <summary>Same spelling rules as the analyzers: case-insensitive, anything else = unset.</summary>
    public static SoraConfProfile? ParseProfile(string? text)
    {
        if (string.Equals(text?.Trim(), "Development", StringComparison.OrdinalIgnoreCase)) return SoraConfProfile.Development;
        if (string.Equals(text?.Trim(), "Production", StringComparison.OrdinalIgnoreCase)) return SoraConfProfile.Production;
        return null;
    }

    private static IEnumerable<string> SplitCodes(string value) =>
        value.Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
