using System.Collections.Generic;
using Sora.Config.Syntax;

namespace Sora.Config.Migration
{
    /// <summary>The result of <see cref="SoraConfMigrator.Migrate(SoraConfDocument, string)"/>: the changes, and the
    /// migrated document (the original is not modified).</summary>
    public sealed class SoraConfMigration
    {
        internal SoraConfMigration(string targetVersion, IReadOnlyList<SoraConfMigrationChange> changes, SoraConfDocument result)
        {
            TargetVersion = targetVersion;
            Changes = changes;
            Result = result;
        }

        /// <summary>The Sora release line migrated to (<c>2025.2</c>).</summary>
        public string TargetVersion { get; }

        /// <summary>The changes, in line order; empty when the file needs none.</summary>
        public IReadOnlyList<SoraConfMigrationChange> Changes { get; }

        /// <summary>True when the migration changes the file.</summary>
        public bool IsNeeded => Changes.Count > 0;

        /// <summary>The migrated document: the original lines, byte for byte, with the changes inserted.</summary>
        public SoraConfDocument Result { get; }
    }
}
