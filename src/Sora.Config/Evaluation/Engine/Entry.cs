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

        /// <summary>The last run's parse of this entry (<see cref="EvaluationRun.Parse"/>): each check asks for it, and a
        /// field read costs less than a lookup by key. One reference, so runs on other threads see a whole pair or none.</summary>
        internal RunParse? LastParse;
    }

    internal sealed class RunParse
    {
        public RunParse(EvaluationRun run, Parsed parsed)
        {
            Run = run;
            Parsed = parsed;
        }

        public EvaluationRun Run { get; }

        public Parsed Parsed { get; }
    }
}
