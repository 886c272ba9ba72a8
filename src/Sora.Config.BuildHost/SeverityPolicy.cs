using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Sora.Config.Diagnostics;

namespace Sora.Config.BuildHost;

/// <summary>The severity a build-time finding is reported with: the compiler's own decision for a diagnostic with
/// that ID at the marked member's source file. The project's .editorconfig and global config files
/// (<c>@(EditorConfigFiles)</c>, parsed by Roslyn's <see cref="AnalyzerConfigSet"/>), <c>$(NoWarn)</c>,
/// <c>$(WarningsAsErrors)</c>, <c>$(WarningsNotAsErrors)</c> and <c>$(TreatWarningsAsErrors)</c> go through
/// the compiler's diagnostic filter (a probe analyzer's diagnostic, filtered by a real compilation), exactly as they do for the analyzers' diagnostics, so a finding
/// is never at one severity in the IDE and another in the build. <c>&lt;SoraConfSeverity Include="SORA1004"
/// Severity="warning" /&gt;</c> items come first. A severity cannot turn on a rule the profile turns off.</summary>
internal sealed class SeverityPolicy
{
    private readonly Dictionary<string, string> items = new(StringComparer.OrdinalIgnoreCase);
    private readonly AnalyzerConfigSet configs;
    private readonly CSharpCompilationOptions options;
    private readonly string fallbackSource;
    private readonly Dictionary<string, ImmutableDictionary<string, ReportDiagnostic>> treeOptions = new(StringComparer.Ordinal);

    public SeverityPolicy(BuildRequest request)
    {
        foreach (var (id, severity) in request.Severities) items[id] = severity;
        var parsed = new List<AnalyzerConfig>();
        foreach (var file in request.GlobalConfigs)
        {
            if (File.Exists(file)) parsed.Add(AnalyzerConfig.Parse(File.ReadAllText(file), file));
        }
        configs = AnalyzerConfigSet.Create(parsed);

        // The command-line switches MSBuild passes to csc for these properties.
        var specific = new Dictionary<string, ReportDiagnostic>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in request.WarningsAsErrors) specific[id] = ReportDiagnostic.Error;
        foreach (var id in request.WarningsNotAsErrors) specific[id] = ReportDiagnostic.Warn;
        foreach (var id in request.NoWarn) specific[id] = ReportDiagnostic.Suppress;
        options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            generalDiagnosticOption: request.TreatWarningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default,
            specificDiagnosticOptions: specific);
        fallbackSource = Path.Combine(request.ProjectDirectory, "Program.cs");
    }

    /// <summary>The effective severity, or null when the finding is turned off.</summary>
    public SoraConfSeverity? Apply(string id, SoraConfSeverity severity, string? sourceFile)
    {
        if (items.TryGetValue(id, out var text) && Parse(text) is { } configured) return configured.Severity;
        var path = sourceFile ?? fallbackSource;
        var tree = CSharpSyntaxTree.ParseText("", path: path);
        var descriptor = new DiagnosticDescriptor(id, id, id, "Sora.Config", severity switch
        {
            SoraConfSeverity.Error => DiagnosticSeverity.Error,
            SoraConfSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        }, isEnabledByDefault: true);
        // The compiler filters an analyzer's diagnostics by the compilation's options and the file's analyzer
        // configs: report one on an empty file at that path and see what comes out.
        var compilation = CSharpCompilation.Create("SoraConfSeverity", new[] { tree }, options: OptionsFor(path, tree));
        var reporter = new Reporter(descriptor);
        var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(reporter))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var d in diagnostics)
        {
            if (d.Id != id || d.IsSuppressed) continue;
            return d.Severity switch
            {
                DiagnosticSeverity.Error => SoraConfSeverity.Error,
                DiagnosticSeverity.Warning => SoraConfSeverity.Warning,
                DiagnosticSeverity.Info => SoraConfSeverity.Info,
                _ => null,
            };
        }
        return null;
    }

    /// <summary>Reports one diagnostic at the start of every file: a probe of the compiler's filter, not an analyzer of user code.</summary>
#pragma warning disable RS1001 // A probe run by this host on its own compilation, never loaded as a project's analyzer.
    private sealed class Reporter : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private readonly DiagnosticDescriptor descriptor;

        public Reporter(DiagnosticDescriptor descriptor) => this.descriptor = descriptor;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(c => c.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(c.Tree, default))));
        }
    }

    private CSharpCompilationOptions OptionsFor(string path, SyntaxTree tree)
    {
        if (!treeOptions.TryGetValue(path, out var local))
        {
            local = configs.GetOptionsForSourcePath(path).TreeOptions;
            treeOptions[path] = local;
        }
        return options.WithSyntaxTreeOptionsProvider(new TreeOptions(tree, local, configs.GlobalConfigOptions.TreeOptions));
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

    /// <summary>What the compiler builds from the analyzer config files for one source file.</summary>
    private sealed class TreeOptions : SyntaxTreeOptionsProvider
    {
        private readonly SyntaxTree tree;
        private readonly ImmutableDictionary<string, ReportDiagnostic> local;
        private readonly ImmutableDictionary<string, ReportDiagnostic> global;

        public TreeOptions(SyntaxTree tree, ImmutableDictionary<string, ReportDiagnostic> local, ImmutableDictionary<string, ReportDiagnostic> global)
        {
            this.tree = tree;
            this.local = local;
            this.global = global;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return tree == this.tree && local.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            global.TryGetValue(diagnosticId, out severity);
    }
}
