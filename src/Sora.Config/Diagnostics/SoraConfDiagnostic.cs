using System;
using System.Globalization;
using Sora.Config.Catalog;

namespace Sora.Config.Diagnostics
{
    /// <summary>One finding: a rule of the catalogue, its severity, the message arguments, the key it concerns and
    /// where it is. The message is not stored as text: it is rendered from the rule's English or Japanese template
    /// when asked (<see cref="GetMessage"/>), so one evaluation serves every language.
    /// Lines and columns are 1-based; columns count UTF-16 code units; <see cref="EndColumn"/> is exclusive.
    /// A finding about a key that is not written in the file (an effective default) has no position:
    /// <see cref="Line"/> is 0 unless a commented-out template line for the key exists. A finding about a setting read from a
    /// configuration section has no line either: <see cref="Path"/> is its configuration path.</summary>
    public sealed class SoraConfDiagnostic : IEquatable<SoraConfDiagnostic>
    {
        internal SoraConfDiagnostic(SoraRuleInfo rule, SoraConfSeverity severity, SoraMessageArguments arguments, string? key, SoraFindingTarget target,
            int line = 0, int column = 0, int endLine = 0, int endColumn = 0, string? path = null)
        {
            Rule = rule;
            Severity = severity;
            Arguments = arguments;
            Key = key;
            Target = target;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
            Path = path;
        }

        /// <summary>The rule's ID (<c>SORAxxxx</c>).</summary>
        public string Id => Rule.Id;

        /// <summary>The catalogue rule that reported the finding: title, rationale, remediation, help page.</summary>
        public SoraRuleInfo Rule { get; }

        public SoraConfSeverity Severity { get; }

        /// <summary>The values the rule's message template is filled with.</summary>
        public SoraMessageArguments Arguments { get; }

        /// <summary>The sora.conf key the finding is about (null for findings about a line, such as a grammar error).</summary>
        public string? Key { get; }

        /// <summary>Which part of the setting the finding points at.</summary>
        public SoraFindingTarget Target { get; }

        /// <summary>The message in the current UI culture (Japanese for <c>ja</c>, else English).</summary>
        public string Message => GetMessage(CultureInfo.CurrentUICulture);

        public int Line { get; }

        public int Column { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        /// <summary>Where the finding is, when known: the file; or, for a setting read from a configuration section
        /// (<c>FromConfiguration</c>, Sora.Config.Options), its configuration path such as <c>Sora:api_port</c>, with
        /// <see cref="Line"/> 0.</summary>
        public string? Path { get; }

        /// <summary>The rule's documentation page.</summary>
        public Uri HelpUri => Rule.HelpUri;

        /// <summary>The message in <paramref name="culture"/>'s language (Japanese for <c>ja</c>, else English);
        /// null means the invariant culture, i.e. English.</summary>
        public string GetMessage(CultureInfo? culture) => Arguments.Render(Rule.Message, culture ?? CultureInfo.InvariantCulture);

        internal SoraConfDiagnostic At(int line, int column, int endLine, int endColumn) =>
            new SoraConfDiagnostic(Rule, Severity, Arguments, Key, Target, line, column, endLine, endColumn, Path);

        internal SoraConfDiagnostic WithPath(string? path) =>
            new SoraConfDiagnostic(Rule, Severity, Arguments, Key, Target, Line, Column, EndLine, EndColumn, path);

        internal SoraConfDiagnostic WithSeverity(SoraConfSeverity severity) =>
            new SoraConfDiagnostic(Rule, severity, Arguments, Key, Target, Line, Column, EndLine, EndColumn, Path);

        /// <summary><c>path:line:col: severity ID: message</c> (in English), the format compilers and editors understand.</summary>
        public override string ToString() => ToString(CultureInfo.InvariantCulture);

        /// <summary>As <see cref="ToString()"/>, with the message in <paramref name="culture"/>'s language.</summary>
        public string ToString(CultureInfo? culture)
        {
            // A deployment finding without a file is about the deployment as a whole (a cluster's size).
            var where = Path ?? (Rule.Scope == SoraRuleScope.Deployment ? "deployment" : "sora.conf");
            var position = Line > 0 ? string.Format(CultureInfo.InvariantCulture, ":{0}:{1}", Line, Column) : "";
            return $"{where}{position}: {SeverityText(Severity)} {Id}: {GetMessage(culture)}";
        }

        public static string SeverityText(SoraConfSeverity severity) => severity switch
        {
            SoraConfSeverity.Error => "error",
            SoraConfSeverity.Warning => "warning",
            _ => "info",
        };

        public bool Equals(SoraConfDiagnostic? other) =>
            other is not null && Id == other.Id && Severity == other.Severity && Key == other.Key && Target == other.Target
            && Line == other.Line && Column == other.Column && EndLine == other.EndLine && EndColumn == other.EndColumn && Path == other.Path
            && Arguments.Equals(other.Arguments);

        public override bool Equals(object? obj) => Equals(obj as SoraConfDiagnostic);

        public override int GetHashCode() => unchecked((Id.GetHashCode() * 397) ^ (Line * 31) ^ Column);
    }

    /// <summary>Which part of a setting a finding points at.</summary>
    public enum SoraFindingTarget
    {
        /// <summary>The whole line (key and value), or a position the check chose.</summary>
        Line,
        Key,
        Value,
    }
}
