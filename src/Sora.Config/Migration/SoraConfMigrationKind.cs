namespace Sora.Config.Migration
{
    /// <summary>Why a line changes when a file is migrated to another Sora version.</summary>
    public enum SoraConfMigrationKind
    {
        /// <summary>The key was removed before the target version: the line becomes a comment with a note.</summary>
        Removed,

        /// <summary>The key does not exist yet in the (older) target version: the line becomes a comment with a note.</summary>
        NotYetAdded,

        /// <summary>The key is deprecated in the target version: a note above the line explains it; the setting stays.</summary>
        Deprecated,

        /// <summary>The key is a legacy migration switch: a note above the line explains it; the setting stays.</summary>
        Legacy,
    }
}
