using System.Collections.Generic;
using Sora.Config.Catalog;

namespace Sora.Config.Fixes
{
    /// <summary>A fix for a finding in a sora.conf file: a title and the text edits that apply it.</summary>
    public sealed class SoraConfFix
    {
        internal SoraConfFix(string equivalenceKey, SoraText title, IReadOnlyList<SoraConfTextEdit> edits)
        {
            EquivalenceKey = equivalenceKey;
            Title = title;
            Edits = edits;
        }

        /// <summary>Identifies the kind of fix (the same for every finding it applies to), e.g. for "fix all".</summary>
        public string EquivalenceKey { get; }

        public SoraText Title { get; }

        /// <summary>Non-overlapping edits, in document order.</summary>
        public IReadOnlyList<SoraConfTextEdit> Edits { get; }
    }

    /// <summary>Replaces the text from (<see cref="Line"/>, <see cref="Column"/>) up to (<see cref="EndLine"/>,
    /// <see cref="EndColumn"/>) with <see cref="NewText"/>. Lines and columns are 1-based and count UTF-16 code units; the
    /// end is exclusive; a column past the end of a line's text stands for its line feed.</summary>
    public readonly struct SoraConfTextEdit
    {
        public SoraConfTextEdit(int line, int column, int endLine, int endColumn, string newText)
        {
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
            NewText = newText;
        }

        public int Line { get; }

        public int Column { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        public string NewText { get; }
    }

    /// <summary>A setting that makes a finding go away.</summary>
    public readonly struct SoraConfRemedy
    {
        public SoraConfRemedy(string key, string? value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; }

        /// <summary>The value to set, as sora.conf text; null when the key needs a value only the user can give (a host name).</summary>
        public string? Value { get; }
    }
}
