using System;
using System.Globalization;
using Sora.Config.Catalog;

namespace Sora.Config.Diagnostics
{
    /// <summary>One finding: a rule ID, its severity, a message, the key it concerns and where it is.
    /// Lines and columns are 1-based; columns count UTF-16 code units; <see cref="EndColumn"/> is exclusive.
    /// A finding about a key that is not written in the file (an effective default) has no position:
    /// <see cref="Line"/> is 0 unless a commented-out template line for the key exists.</summary>
    public sealed class SoraConfDiagnostic : IEquatable<SoraConfDiagnostic>
    {
        public SoraConfDiagnostic(string id, SoraConfSeverity severity, string message, string? key, int line, int column, int endLine, int endColumn, string? path = null)
        {
            Id = id;
            Severity = severity;
            Message = message;
            Key = key;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
            Path = path;
        }

        public string Id { get; }

        public SoraConfSeverity Severity { get; }

        public string Message { get; }

        public string? Key { get; }

        public int Line { get; }

        public int Column { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        /// <summary>The file the finding is in, when known.</summary>
        public string? Path { get; }

        /// <summary>The rule's documentation page.</summary>
        public Uri HelpUri => SoraCatalog.HelpUriFor(Id);

        internal SoraConfDiagnostic WithPath(string? path) => new SoraConfDiagnostic(Id, Severity, Message, Key, Line, Column, EndLine, EndColumn, path);

        internal SoraConfDiagnostic WithSeverity(SoraConfSeverity severity) => new SoraConfDiagnostic(Id, severity, Message, Key, Line, Column, EndLine, EndColumn, Path);

        /// <summary><c>path:line:col: severity ID: message</c>, the format compilers and editors understand.</summary>
        public override string ToString()
        {
            var where = Path ?? "sora.conf";
            var position = Line > 0 ? string.Format(CultureInfo.InvariantCulture, ":{0}:{1}", Line, Column) : "";
            return $"{where}{position}: {SeverityText(Severity)} {Id}: {Message}";
        }

        public static string SeverityText(SoraConfSeverity severity) => severity switch
        {
            SoraConfSeverity.Error => "error",
            SoraConfSeverity.Warning => "warning",
            _ => "info",
        };

        public bool Equals(SoraConfDiagnostic? other) =>
            other is not null && Id == other.Id && Severity == other.Severity && Message == other.Message && Key == other.Key
            && Line == other.Line && Column == other.Column && EndLine == other.EndLine && EndColumn == other.EndColumn && Path == other.Path;

        public override bool Equals(object? obj) => Equals(obj as SoraConfDiagnostic);

        public override int GetHashCode() => unchecked((Id.GetHashCode() * 397) ^ (Line * 31) ^ Column);
    }
}
