using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Sora.Config.Analyzers
{
    /// <summary>Evaluates the schema's rule catalogue (through Sora.Config's rule engine and linter) on
    /// (1) object initializers of [GeneratedSoraConf] classes plus later assignments in the same method body,
    /// (2) constant sora.conf text passed to Parse/TryParse, and (3) sora.conf files given as AdditionalFiles.</summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class SoraConfAnalyzer : DiagnosticAnalyzer
    {
        private const string GeneratedAttributeName = "Sora.Config.GeneratedSoraConfAttribute";
        private const string KeyAttributeName = "Sora.Config.SoraKeyAttribute";

        private static readonly ImmutableArray<DiagnosticDescriptor> Supported = SoraDescriptors.ById.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Supported;

        public override void Initialize(AnalysisContext context)
        {
            // Generated code is not analyzed (no Analyze flag). ReportDiagnostics only spares the driver a
            // [GeneratedCode] scan of the whole file for every diagnostic we report; since nothing in generated
            // code is analyzed, nothing there is reported either (a test checks both kinds of generated code).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(Start);
        }

        private static void Start(CompilationStartAnalysisContext context)
        {
            // A compilation that does not reference Sora.Config registers nothing: it costs one type lookup.
            var generated = context.Compilation.GetTypeByMetadataName(GeneratedAttributeName);
            var key = context.Compilation.GetTypeByMetadataName(KeyAttributeName);
            if (generated is null || key is null) return;

            context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.SoraConfProfile", out var profileText);
            SoraConfProfile? buildProfile = ParseProfile(profileText);
            var types = new ConfTypes(generated, key, buildProfile);

            // Findings may sit on any statement of the method that sets the object, so the unit of analysis is the
            // operation block: creations are collected while the block is walked and evaluated at its end, which
            // keeps every diagnostic local to the block (the IDE and the code-fix engine require that; a plain
            // operation action would make findings at later statements non-local).
            context.RegisterOperationBlockStartAction(block =>
            {
                List<IObjectCreationOperation>? creations = null;
                block.RegisterOperationAction(c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (types.TryGet(creation.Type, out _)) (creations ??= new List<IObjectCreationOperation>()).Add(creation);
                }, OperationKind.ObjectCreation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    if (creations is null) return;
                    foreach (var creation in creations) OnCreation(creation, end.ReportDiagnostic, types);
                });
            });
            context.RegisterOperationAction(c => OnInvocation(c, types), OperationKind.Invocation);
            context.RegisterAdditionalFileAction(c => OnAdditionalFile(c, buildProfile));
        }

        internal static SoraConfProfile? ParseProfile(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (string.Equals(text!.Trim(), "Development", StringComparison.OrdinalIgnoreCase)) return SoraConfProfile.Development;
            if (string.Equals(text.Trim(), "Production", StringComparison.OrdinalIgnoreCase)) return SoraConfProfile.Production;
            return null;
        }

        // ------------------------------------------------------------------ objects set in C#

        private sealed class Write
        {
            public Write(string key, string property, SettingValue value, SyntaxNode assignment, SyntaxNode valueSyntax, bool inInitializer, bool neverNull)
            {
                Key = key;
                Property = property;
                Value = value;
                Assignment = assignment;
                ValueSyntax = valueSyntax;
                InInitializer = inInitializer;
                NeverNull = neverNull;
            }

            public string Key { get; }

            public string Property { get; }

            public SettingValue Value { get; }

            public SyntaxNode Assignment { get; }

            public SyntaxNode ValueSyntax { get; }

            public bool InInitializer { get; }

            /// <summary>An unknown value of a non-nullable value type: the key is certainly written.</summary>
            public bool NeverNull { get; }
        }

        private static void OnCreation(IObjectCreationOperation creation, Action<Diagnostic> report, ConfTypes types)
        {
            if (!types.TryGet(creation.Type, out var conf)) return;
            var catalog = SoraCatalog.Default;

            var assignments = new List<(ISimpleAssignmentOperation Assignment, bool InInitializer)>();
            if (creation.Initializer is not null)
            {
                foreach (var element in creation.Initializer.Initializers)
                {
                    if (element is ISimpleAssignmentOperation a) assignments.Add((a, true));
                }
            }

            var holder = HolderOf(creation);
            if (holder is not null)
            {
                IOperation top = creation;
                while (top.Parent is not null) top = top.Parent;
                var later = new List<ISimpleAssignmentOperation>();
                foreach (var op in top.Descendants())
                {
                    if (op is ISimpleAssignmentOperation a && a.Target is IPropertyReferenceOperation target && target.Instance is not null
                        && SymbolEqualityComparer.Default.Equals(Referenced(target.Instance), holder))
                    {
                        later.Add(a);
                    }
                }
                foreach (var a in later.OrderBy(a => a.Syntax.SpanStart)) assignments.Add((a, false));
            }

            // Flow-insensitive: the last assignment of a key in source order wins.
            var writes = new Dictionary<string, Write>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var (assignment, inInitializer) in assignments)
            {
                if (assignment.Target is not IPropertyReferenceOperation reference) continue;
                var name = types.KeyOf(reference.Property);
                // A key of the project's own schema file is not in the bundled catalogue: not analyzed.
                if (name is null || !catalog.TryGetKey(name, out var info)) continue;
                var value = ConstantValues.Evaluate(assignment.Value, info);
                var valueSyntax = assignment.Value.Syntax;
                var assignmentSyntax = assignment.Syntax;
                bool neverNull = assignment.Value is IConversionOperation { Operand.Type: { IsValueType: true } operandType }
                    && operandType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
                if (!writes.ContainsKey(name)) order.Add(name);
                writes[name] = new Write(name, reference.Property.Name, value, assignmentSyntax, valueSyntax, inInitializer, neverNull);
            }

            var written = new List<KeyValuePair<string, string>>();
            var unknown = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in order)
            {
                var write = writes[name];
                if (write.Value.IsKnown) written.Add(new KeyValuePair<string, string>(name, write.Value.Text!));
                else if (write.Value.IsUnknown)
                {
                    unknown.Add(name);
                    // Written, value unknown: an empty text keeps it out of every predicate, and every finding
                    // that depends on it is dropped below.
                    written.Add(new KeyValuePair<string, string>(name, ""));
                }
            }

            var options = conf.Options;
            var findings = Bilingual.Evaluate(() => SoraRuleEngine.Evaluate(written, options), f => f.Message, out var messages);
            for (int i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                if (DependsOnUnknown(finding, unknown, writes)) continue;
                if (!SoraDescriptors.ById.TryGetValue(finding.RuleId, out var descriptor)) continue;

                var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
                Location location;
                if (finding.Key is not null && writes.TryGetValue(finding.Key, out var write))
                {
                    bool atValue = finding.RuleId == "SORA0003" || finding.RuleId == "SORA0005";
                    location = (atValue ? write.ValueSyntax : write.Assignment).GetLocation();
                    properties[SoraProperties.Site] = write.InInitializer ? SoraProperties.SiteInitializer : SoraProperties.SiteAssignment;
                }
                else
                {
                    location = creation.Syntax.GetLocation();
                    properties[SoraProperties.Site] = SoraProperties.SiteCreation;
                }
                if (finding.Key is not null)
                {
                    properties[SoraProperties.Key] = finding.Key;
                    if (conf.PropertyByKey.TryGetValue(finding.Key, out var property)) properties[SoraProperties.Property] = property;
                }
                if (SafeValue(finding.Rule) is { } safe)
                {
                    properties[SoraProperties.SafeValue] = safe;
                    if (finding.Key is not null && catalog.TryGetKey(finding.Key, out var keyInfo)
                        && keyInfo.DefaultFor(conf.Version ?? catalog.NewestVersion) == safe)
                    {
                        properties[SoraProperties.DefaultIsSafe] = "true";
                    }
                }
                if (finding.RuleId == "SORA1003" && conf.PropertyByKey.TryGetValue("turn_tls_fqdn", out var fqdnProperty)) properties[SoraProperties.FqdnProperty] = fqdnProperty;

                report(Diagnostic.Create(descriptor, location, properties.ToImmutable(), messages[i]));
            }
        }

        /// <summary>True when the finding could change with a value the analyzer does not know.</summary>
        private static bool DependsOnUnknown(SoraRuleFinding finding, HashSet<string> unknown, Dictionary<string, Write> writes)
        {
            if (unknown.Count == 0) return false;
            var check = finding.Rule.Check;
            switch (check.Kind)
            {
                case "value":
                case "inline_comment":
                    return finding.Key is not null && unknown.Contains(finding.Key);
                case "version":
                case "deprecated":
                case "unknown_key":
                    // About the key being written: certain only when the value cannot be null.
                    return finding.Key is not null && unknown.Contains(finding.Key) && !writes[finding.Key].NeverNull;
                case "condition":
                    return (check.At is not null && unknown.Contains(check.At)) || check.When.Any(p => unknown.Contains(p.Key));
                case "each":
                    return (finding.Key is not null && unknown.Contains(finding.Key)) || check.When.Any(p => unknown.Contains(p.Key));
                default:
                    return check.Listeners.Any(l =>
                        (l.Key is not null && unknown.Contains(l.Key)) || (l.RangeMin is not null && unknown.Contains(l.RangeMin))
                        || (l.RangeMax is not null && unknown.Contains(l.RangeMax)) || l.When.Any(p => unknown.Contains(p.Key)));
            }
        }

        /// <summary>For a condition rule on one boolean key (demo = true, auth_webhook_log = false, …): the value that passes.</summary>
        internal static string? SafeValue(SoraRuleInfo rule)
        {
            var check = rule.Check;
            if (check.Kind != "condition" || check.At is null || check.When.Count != 1) return null;
            var p = check.When[0];
            if (p.Key != check.At || !SoraCatalog.Default.TryGetKey(p.Key, out var key) || key.Type != SoraValueType.Bool) return null;
            if (p.Op == "is_not" && (p.Value == "true" || p.Value == "false")) return p.Value;
            if (p.Op == "is" && p.Value == "true") return "false";
            if (p.Op == "is" && p.Value == "false") return "true";
            return null;
        }

        /// <summary>The local, field or property the new object is stored in, if any.</summary>
        private static ISymbol? HolderOf(IOperation creation)
        {
            var current = creation;
            while (current.Parent is IConversionOperation || current.Parent is IParenthesizedOperation) current = current.Parent;
            switch (current.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                    return field.InitializedFields[0];
                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                    return property.InitializedProperties[0];
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    return Referenced(assignment.Target);
                default:
                    return null;
            }
        }

        private static ISymbol? Referenced(IOperation operation)
        {
            while (operation is IConversionOperation conversion) operation = conversion.Operand;
            return operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => field.Field,
                IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation => property.Property,
                _ => null,
            };
        }

        // ------------------------------------------------------------------ text passed to Parse / TryParse

        private static void OnInvocation(OperationAnalysisContext context, ConfTypes types)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!method.IsStatic || (method.Name != "Parse" && method.Name != "TryParse") || invocation.Arguments.Length == 0) return;
            if (!types.TryGet(method.ContainingType, out var conf)) return;
            var argument = invocation.Arguments[0];
            if (argument.Parameter?.Type.SpecialType != SpecialType.System_String) return;
            if (argument.Value.ConstantValue is not { HasValue: true, Value: string text }) return;

            var options = conf.Options;
            var document = SoraConfDocument.Parse(text);
            var diagnostics = Bilingual.Evaluate(() => SoraConfLinter.Lint(document, options), d => d.Message, out var messages);
            if (diagnostics.Count == 0) return;
            var map = LiteralMap.Create(argument.Value.Syntax is var s && argument.Value is IConversionOperation c ? c.Operand.Syntax : s, text);
            for (int i = 0; i < diagnostics.Count; i++)
            {
                var d = diagnostics[i];
                if (!SoraDescriptors.ById.TryGetValue(d.Id, out var descriptor)) continue;
                var location = map.Locate(d.Line, d.Column, d.EndLine, d.EndColumn);
                var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
                properties[SoraProperties.Site] = SoraProperties.SiteText;
                if (d.Key is not null) properties[SoraProperties.Key] = d.Key;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties.ToImmutable(), messages[i]));
            }
        }

        // ------------------------------------------------------------------ sora.conf AdditionalFiles

        private static void OnAdditionalFile(AdditionalFileAnalysisContext context, SoraConfProfile? buildProfile)
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
                SoraVersion = string.IsNullOrWhiteSpace(version) ? null : version,
                Profile = ParseProfile(itemProfile) ?? buildProfile ?? SoraConfProfile.Production,
            };
            var text = source.ToString();
            var document = SoraConfDocument.Parse(text, file.Path);
            var diagnostics = Bilingual.Evaluate(() => SoraConfLinter.Lint(document, evaluation), d => d.Message, out var messages);
            for (int i = 0; i < diagnostics.Count; i++)
            {
                var d = diagnostics[i];
                if (!SoraDescriptors.ById.TryGetValue(d.Id, out var descriptor)) continue;
                var span = SpanOf(source, d);
                var location = Location.Create(file.Path, span, source.Lines.GetLinePositionSpan(span));
                var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
                properties[SoraProperties.Site] = SoraProperties.SiteFile;
                if (d.Key is not null) properties[SoraProperties.Key] = d.Key;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties.ToImmutable(), messages[i]));
            }
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
