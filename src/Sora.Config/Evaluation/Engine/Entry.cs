using Sora.Config.Syntax;

namespace Sora.Config.Evaluation.Engine
{
    /// <summary>One written setting as the checks see it: the first occurrence of a key (a file's line, a typed
    /// object's property, a constant the analyzer found, a configuration value).</summary>
    internal sealed class Entry
    {
        public Entry(string key, string? value, bool maybeUnset = false, int lineNumber = 0, SoraConfLine? line = null)
        {
            Key = key;
            Value = value;
            MaybeUnset = maybeUnset;
            LineNumber = lineNumber;
            Line = line;
        }

        public string Key { get; }

        /// <summary>The value as Sora reads it (trimmed); null when a caller (the analyzer) knows the key is set but not to what.</summary>
        public string? Value { get; }

        /// <summary>The caller cannot tell whether the key is written at all (a C# value that may be null).</summary>
        public bool MaybeUnset { get; }

        /// <summary>1-based line in the file; 0 when the setting does not come from a file.</summary>
        public int LineNumber { get; }

        public SoraConfLine? Line { get; }

        /// <summary>The parse of this entry by the run named in <see cref="ParsedBy"/> (<see cref="EvaluationRun.Parse"/>):
        /// every check asks for it, and a field read costs less than a lookup by key. Entries are made for one run and read on
        /// its thread; a run that meets an entry another run parsed parses it again.</summary>
        internal Parsed ParsedValue;

        internal EvaluationRun? ParsedBy;

        /// <summary>The parsed value in canonical spelling, made the first time <see cref="EvaluationRun.Get"/> needs it.</summary>
        internal string? CanonicalText;
    }
}
