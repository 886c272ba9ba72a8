using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.IO;
using Sora.Config.Syntax;

namespace Sora.Config.BuildHost;

/// <summary>Runs every <c>[SoraConfOutput]</c> and <c>[SoraDeploymentOutput]</c> member of the built assembly, validates
/// what it returns and writes the sora.conf, or the deployment's bundle into a folder. Messages go to
/// <paramref name="log"/> in MSBuild's canonical format (<c>file(line,col): warning SORA1001: …</c>), which the Exec task
/// turns into build warnings and errors.</summary>
internal sealed class OutputWriter
{
    internal const string OutputAttribute = "Sora.Config.SoraConfOutputAttribute";
    internal const string DeploymentAttribute = "Sora.Config.Deployment.SoraDeploymentOutputAttribute";

    // Host-level problems (not rules of the schema, so not SORA IDs): the member or its result is unusable.
    internal const string BadMember = "SORAHOST001";
    internal const string NotAConfig = "SORAHOST002";
    internal const string Threw = "SORAHOST003";
    internal const string SamePath = "SORAHOST004";
    internal const string WriteFailed = "SORAHOST005";

    private readonly BuildRequest request;
    private readonly TextWriter log;
    private int errors;

    public OutputWriter(BuildRequest request, TextWriter log)
    {
        this.request = request;
        this.log = log;
    }

    public List<string> Written { get; } = new();

    /// <summary>0 when every marked config was written (or none exist); <see cref="Program.ErrorsReported"/> when an error
    /// was reported.</summary>
    public int Run()
    {
        var context = new UserAssemblyContext(request.AssemblyPath, request.Probe);
        var assembly = context.LoadFromAssemblyPath(request.AssemblyPath);
        using var locator = new SourceLocator(request.AssemblyPath, request.PathMap);
        var policy = new SeverityPolicy(request);
        var analyzers = AnalyzerFindings.Load(request.ErrorLog);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var member in FindMarkedMembers(assembly))
        {
            var (owner, attribute) = member;
            var deployment = attribute.AttributeType.FullName == DeploymentAttribute;
            var marker = deployment ? "[SoraDeploymentOutput]" : "[SoraConfOutput]";
            var name = owner.DeclaringType!.FullName + "." + owner.Name;
            var body = owner is PropertyInfo p ? p.GetMethod : owner as MethodInfo;
            var location = (body is null ? null : locator.Locate(body, owner.Name))?.ToString() ?? request.ProjectDirectory;
            var relative = attribute.ConstructorArguments.Count == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            if (string.IsNullOrWhiteSpace(relative))
            {
                Report(location, SoraConfSeverity.Error, BadMember, $"{marker} on {name} needs a non-empty path");
                continue;
            }
            if (!IsUsable(owner, body, out var why))
            {
                Report(location, SoraConfSeverity.Error, BadMember, $"{marker} member {name} must be {why}");
                continue;
            }

            object? value;
            try
            {
                value = body!.Invoke(null, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                Report(location, SoraConfSeverity.Error, Threw, $"{name} threw {e.InnerException.GetType().Name}: {OneLine(e.InnerException.Message)}");
                continue;
            }
            if (deployment)
            {
                WriteDeployment(owner, name, relative!, location, value, policy, targets);
                continue;
            }
            if (value is not ISoraConf conf)
            {
                var got = value is null ? "null" : value.GetType().FullName;
                Report(location, SoraConfSeverity.Error, NotAConfig, $"{name} returned {got}, not a [GeneratedSoraConf] config (ISoraConf)");
                continue;
            }

            var path = Path.GetFullPath(Path.IsPathRooted(relative) ? relative : Path.Combine(request.OutputDirectory, relative));
            if (targets.TryGetValue(path, out var other))
            {
                Report(location, SoraConfSeverity.Error, SamePath, $"{name} and {other} both write {path}");
                continue;
            }
            targets[path] = name;

            // The class's own profile: its attribute's, else the SoraConfProfile of the build that generated it.
            var profile = conf.Profile;
            var sourceFile = location.Contains('(') ? location.Substring(0, location.LastIndexOf('(')) : null;
            var (firstLine, lastLine) = (LineOf(location), body is null ? 0 : locator.LastLine(body));
            var failed = false;
            foreach (var finding in conf.Validate(profile))
            {
                var severity = policy.Apply(finding.Id, finding.Severity, sourceFile);
                if (severity is null) continue;
                // Shown (or suppressed) by the analyzers in this member already: still blocks the write when an
                // error, but is not repeated.
                if (sourceFile is not null && analyzers.Covers(finding.Id, finding.Key, sourceFile, firstLine, Math.Max(firstLine, lastLine)))
                {
                    failed |= severity == SoraConfSeverity.Error;
                    continue;
                }
                failed |= severity == SoraConfSeverity.Error;
                var key = finding.Key is null ? "" : $" [{finding.Key}]";
                Report(location, severity.Value, finding.Id, $"{OneLine(finding.Message)}{key} (in {owner.Name} → {relative}, {profile} profile)");
            }
            // A config with errors is not written: the previous file (if any) stays as it was.
            if (failed) continue;

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var settings = conf.ToSettings();
                var secret = SoraConfWriter.ContainsSecret(settings, conf.Catalog);
                var changed = AtomicFile.WriteIfChanged(path, new UTF8Encoding(false).GetBytes(conf.Serialize()), secret);
                Written.Add(path);
                log.WriteLine($"Sora.Config: {name} -> {path} ({(changed ? "written" : "unchanged")})");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report(location, SoraConfSeverity.Error, WriteFailed, $"cannot write {path}: {OneLine(e.Message)}");
            }
        }

        if (request.OutputListPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(request.OutputListPath)!);
            var list = string.Concat(Written.Select(w => w + "\n"));
            AtomicFile.WriteIfChanged(request.OutputListPath, new UTF8Encoding(false).GetBytes(list));
        }
        return errors == 0 ? 0 : Program.ErrorsReported;
    }

    /// <summary>Members marked with [SoraConfOutput] or [SoraDeploymentOutput], in metadata order, compared by name so an
    /// attribute from another build of Sora.Config is still found.</summary>
    internal static IEnumerable<(MemberInfo Member, CustomAttributeData Attribute)> FindMarkedMembers(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types;
        }
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var type in types)
        {
            if (type is null) continue;
            foreach (var member in type.GetMembers(flags).OrderBy(m => m.MetadataToken))
            {
                if (member is not (PropertyInfo or MethodInfo)) continue;
                var attribute = member.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName is OutputAttribute or DeploymentAttribute);
                if (attribute is not null) yield return (member, attribute);
            }
        }
    }

    /// <summary>A deployment: its findings (each sora.conf's and the deployment rules') at the member, then the bundle into
    /// the folder — each file atomically, unchanged files untouched — unless there was an error.</summary>
    private void WriteDeployment(MemberInfo owner, string name, string relative, string location, object? value, SeverityPolicy policy, Dictionary<string, string> targets)
    {
        if (value is not Deployment.ISoraDeployment model)
        {
            var got = value is null ? "null" : value.GetType().FullName;
            Report(location, SoraConfSeverity.Error, NotAConfig, $"{name} returned {got}, not a SoraDeployment or SoraCluster (ISoraDeployment)");
            return;
        }
        var folder = Path.GetFullPath(Path.IsPathRooted(relative) ? relative : Path.Combine(request.OutputDirectory, relative));
        if (targets.TryGetValue(folder, out var other))
        {
            Report(location, SoraConfSeverity.Error, SamePath, $"{name} and {other} both write {folder}");
            return;
        }
        targets[folder] = name;

        var sourceFile = location.Contains('(') ? location.Substring(0, location.LastIndexOf('(')) : null;
        IReadOnlyList<SoraConfDiagnostic> findings;
        try
        {
            findings = model.Validate();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The model cannot become files (a member not set, a value the files cannot hold): say which.
            Report(location, SoraConfSeverity.Error, Threw, $"{name} cannot be rendered: {OneLine(e.Message)}");
            return;
        }
        var failed = false;
        foreach (var finding in findings)
        {
            var severity = policy.Apply(finding.Id, finding.Severity, sourceFile);
            if (severity is null) continue;
            failed |= severity == SoraConfSeverity.Error;
            var key = finding.Key is null ? "" : $" [{finding.Key}]";
            var where = finding.Path is null ? relative : Path.Combine(relative, finding.Path).Replace('\\', '/') + (finding.Line > 0 ? ":" + finding.Line : "");
            Report(location, severity.Value, finding.Id, $"{OneLine(finding.Message)}{key} (in {owner.Name} → {where})");
        }
        // A deployment with errors is not written: the previous bundle (if any) stays as it was.
        if (failed) return;
        try
        {
            var result = model.Render().WriteTo(folder);
            Written.AddRange(result.All);
            log.WriteLine($"Sora.Config: {name} -> {folder} ({result.Written.Count} written, {result.Unchanged.Count} unchanged)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Report(location, SoraConfSeverity.Error, WriteFailed, $"cannot write {folder}: {OneLine(e.Message)}");
        }
    }

    private static bool IsUsable(MemberInfo owner, MethodInfo? body, out string why)
    {
        why = "a static property with a getter, or a parameterless static method, of a non-generic type";
        if (body is null || !body.IsStatic || body.GetParameters().Length != 0 || body.ContainsGenericParameters) return false;
        if (owner.DeclaringType!.ContainsGenericParameters) return false;
        return true;
    }

    private void Report(string location, SoraConfSeverity severity, string id, string message)
    {
        if (severity == SoraConfSeverity.Error) errors++;
        // MSBuild's canonical format has only errors and warnings; an info finding is printed as a message.
        var category = severity switch { SoraConfSeverity.Error => "error", SoraConfSeverity.Warning => "warning", _ => "info" };
        log.WriteLine($"{location}: {category} {id}: {message}");
    }

    /// <summary>The line of a <c>file(line,col)</c> location; 0 when it has none.</summary>
    private static int LineOf(string location)
    {
        var open = location.LastIndexOf('(');
        var comma = location.LastIndexOf(',');
        return open >= 0 && comma > open && int.TryParse(location.AsSpan(open + 1, comma - open - 1), out var line) ? line : 0;
    }

    private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");
}
