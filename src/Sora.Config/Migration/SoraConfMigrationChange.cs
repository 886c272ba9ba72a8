using Sora.Config.Catalog;
using Sora.Config.Fixes;

namespace Sora.Config.Migration
{
    /// <summary>One change of a migration: the setting it concerns, why, and the text edit that makes it.</summary>
    public sealed class SoraConfMigrationChange
    {
        internal SoraConfMigrationChange(int line, string key, SoraConfMigrationKind kind, SoraText description, SoraConfTextEdit edit)
        {
            Line = line;
            Key = key;
            Kind = kind;
            Description = description;
            Edit = edit;
        }

        /// <summary>The 1-based line of the setting in the original file.</summary>
        public int Line { get; }

        public string Key { get; }

        public SoraConfMigrationKind Kind { get; }

        /// <summary>What changes and why, in English and Japanese.</summary>
        public SoraText Description { get; }

        /// <summary>The change as an edit of the original file: always an insertion at the start of <see cref="Line"/>
        /// (a comment marker and note, or a note line above it), so nothing that was written is lost.</summary>
        public SoraConfTextEdit Edit { get; }
    }
}
