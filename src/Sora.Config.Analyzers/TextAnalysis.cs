using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Syntax;

namespace Sora.Config.Analyzers
{
    /// <summary>sora.conf text in a project: constant text passed to a generated class's <c>Parse</c>, and sora.conf files
    /// given as AdditionalFiles, linted exactly as <c>sora-conf lint</c> lints them.</summary>
    internal static class TextAnalysis
    {
        /// <summary><c>Parse("…")</c> with constant text. A correct program is never broken by it: findings are at most
        /// warnings (the program compiles; Parse throws at run time), configurable through .editorconfig like every other
        /// diagnostic. Text passed to <c>TryParse</c> is not reported at all: that code handles failure itself.</summary>
        public static void OnInvocation(OperationAnalysisContext context, ConfTypes types)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!method.IsStatic || method.Name != "Parse" || invocation.Arguments.Length == 0) return;
            if (!types.TryGet(method.ContainingType, out var conf)) return;
            var argument = invocation.Arguments[0];
            if (argument.Parameter?.Type.SpecialType != SpecialType.System_String) return;
            if (argument.Value.ConstantValue is not { HasValue: true, Value: string text }) return;

            var diagnostics = SoraConfLinter.Lint(SoraConfDocument.Parse(text), conf.Options);
            if (diagnostics.Count == 0) return;
            var map = LiteralMap.Create(argument.Value is IConversionOperation c ? c.Operand.Syntax : argument.Value.Syntax, text);
            foreach (var d in diagnostics)
            {
                if (!SoraDescriptors.ById.TryGetValue(d.Id, out var descriptor)) continue;
                var location = map.Locate(d.Line, d.Column, d.EndLine, d.EndColumn);
                // The cap is only a default: a severity the project configured for the ID (.editorconfig, a global
                // config, /warnaserror+:ID) is applied as configured.
                var severity = Configured(context, d.Id, location.SourceTree) ?? (d.Severity == SoraConfSeverity.Error ? SoraConfSeverity.Warning : d.Severity).ToRoslyn();
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, severity, null, Properties(d, SoraProperties.SiteText), BilingualText.Of(d)));
            }
        }

        /// <summary>The severity the project configured for <paramref name="id"/> where it is reported, or null.</summary>
        private static DiagnosticSeverity? Configured(OperationAnalysisContext context, string id, SyntaxTree? tree)
        {
            var options = context.Compilation.Options;
            var report = ReportDiagnostic.Default;
            if (tree != null && options.SyntaxTreeOptionsProvider is { } provider
                && !provider.TryGetDiagnosticValue(tree, id, context.CancellationToken, out report)
                && !provider.TryGetGlobalDiagnosticValue(id, context.CancellationToken, out report))
            {
                report = ReportDiagnostic.Default;
            }
            if (report == ReportDiagnostic.Default && options.SpecificDiagnosticOptions.TryGetValue(id, out var specific)) report = specific;
            return report switch
            {
                ReportDiagnostic.Error => DiagnosticSeverity.Error,
                ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
                ReportDiagnostic.Info => DiagnosticSeverity.Info,
                ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
                _ => null,
            };
        }

        /// <summary>A sora.conf AdditionalFile (named sora.conf, or an item with <c>SoraConfFile="true"</c>).</summary>
        public static void OnAdditionalFile(AdditionalFileAnalysisContext context, SoraConfProfile? buildProfile, SoraCatalog catalog)
        {
            var file = context.AdditionalFile;
            var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(file);
            options.TryGetValue("build_metadata.AdditionalFiles.SoraConfFile", out var marker);
            bool isConf = string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase)
                || string.Equals(Path.GetFileName(file.Path), "sora.conf", StringComparison.OrdinalIgnoreCase);
            if (!isConf || string.Equals(marker, "false", StringComparison.OrdinalIgnoreCase)) return;
            var source = file.GetText(context.CancellationToken);
            if (source is null) return;

            options.TryGetValue("build_metadata.AdditionalFiles.SoraVersion", out var version);
            options.TryGetValue("build_metadata.AdditionalFiles.SoraConfProfile", out var itemProfile);
            var evaluation = new SoraConfEvaluationOptions
            {
                Catalog = catalog,
                SoraVersion = string.IsNullOrWhiteSpace(version) ? null : version,
                Profile = SoraConfAnalyzer.ParseProfile(itemProfile) ?? buildProfile ?? SoraConfProfile.Production,
            };
            var document = SoraConfDocument.Parse(source.ToString(), file.Path);
            foreach (var d in SoraConfLinter.Lint(document, evaluation))
            {
                if (!SoraDescriptors.ById.TryGetValue(d.Id, out var descriptor)) continue;
                var span = SpanOf(source, d);
                var location = Location.Create(file.Path, span, source.Lines.GetLinePositionSpan(span));
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, d.Severity.ToRoslyn(), null, Properties(d, SoraProperties.SiteFile), BilingualText.Of(d)));
            }
        }

        private static ImmutableDictionary<string, string?> Properties(SoraConfDiagnostic d, string site)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            properties[SoraProperties.Site] = site;
            if (d.Key is not null) properties[SoraProperties.Key] = d.Key;
            return properties.ToImmutable();
        }

        private static TextSpan SpanOf(SourceText text, SoraConfDiagnostic d)
        {
            if (d.Line <= 0 || d.Line > text.Lines.Count) return new TextSpan(0, 0);
            var line = text.Lines[d.Line - 1];
            int lineEnd = line.EndIncludingLineBreak;
            int start = Math.Min(line.Start + Math.Max(d.Column, 1) - 1, lineEnd);
            int endLineIndex = Math.Min(Math.Max(d.EndLine, d.Line), text.Lines.Count) - 1;
            var endLine = text.Lines[endLineIndex];
            int end = Math.Min(endLine.Start + Math.Max(d.EndColumn, 1) - 1, endLine.EndIncludingLineBreak);
            return TextSpan.FromBounds(start, Math.Max(start, end));
        }
    }
}
