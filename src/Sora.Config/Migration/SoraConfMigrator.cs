using System;
using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Fixes;
using Sora.Config.Syntax;

namespace Sora.Config.Migration
{
    /// <summary>Rewrites a sora.conf file for another Sora version, losslessly: a setting whose key the target version
    /// does not have becomes a comment with a note (<c># removed in 2024.2: e2ee = true</c>), a deprecated key or legacy
    /// switch gets a note above it, and nothing else changes. Running it again changes nothing.</summary>
    public static class SoraConfMigrator
    {
        /// <summary>Migrates <paramref name="document"/> to <paramref name="targetVersion"/> with the bundled catalogue.</summary>
        public static SoraConfMigration Migrate(SoraConfDocument document, string targetVersion) => Migrate(document, targetVersion, null);

        /// <summary>Migrates <paramref name="document"/> to <paramref name="targetVersion"/> (<c>2024.2</c>, or a release
        /// such as <c>2024.2.3</c>) with <paramref name="catalog"/> (the bundled one when null).</summary>
        /// <exception cref="ArgumentException">The catalogue does not know the version.</exception>
        public static SoraConfMigration Migrate(SoraConfDocument document, string targetVersion, SoraCatalog? catalog)
        {
            if (document is null) throw new ArgumentNullException(nameof(document));
            catalog ??= SoraCatalog.Default;
            var version = SoraVersions.Normalize(targetVersion);
            if (version is null || !catalog.IsKnownVersion(version))
                throw new ArgumentException($"'{targetVersion}' is not a Sora version this catalogue knows ({string.Join(", ", catalog.Versions)}).", nameof(targetVersion));

            var changes = new List<SoraConfMigrationChange>();
            var insertions = new List<(int, string)>();
            var lines = document.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Kind != SoraConfLineKind.Entry || line.Key is not { } name || !catalog.TryGetKey(name, out var key)) continue;
                int number = i + 1;
                if (Change(key, version) is not { } change) continue;
                var (kind, description, text) = change;
                if (kind is SoraConfMigrationKind.Deprecated or SoraConfMigrationKind.Legacy)
                {
                    // A note above the setting, ending as the setting's line ends (CRLF files stay CRLF); once is enough.
                    var note = text + (line.Text.EndsWith("\r", StringComparison.Ordinal) ? "\r" : "");
                    if (i > 0 && lines[i - 1].Text == note) continue;
                    text = note + "\n";
                }
                insertions.Add((number, text));
                changes.Add(new SoraConfMigrationChange(number, name, kind, description, new SoraConfTextEdit(number, 1, number, 1, text)));
            }
            return new SoraConfMigration(version, changes, changes.Count == 0 ? document : document.WithInsertions(insertions));
        }

        /// <summary>What happens to a setting of <paramref name="key"/> in <paramref name="version"/>: the kind, its
        /// description, and the text to insert (a comment marker, or a note line without its line feed).</summary>
        internal static (SoraConfMigrationKind Kind, SoraText Description, string Text)? Change(SoraKeyInfo key, string version)
        {
            if (!key.ExistsIn(version))
            {
                bool removed = key.Removed != null && SoraVersions.Ordinal(version) >= SoraVersions.Ordinal(key.Removed);
                return removed
                    ? (SoraConfMigrationKind.Removed,
                        SoraText.Format("{0} was removed in Sora {1}: the setting is commented out", "{0} は Sora {1} で削除されました。設定をコメントにします", key.Name, key.Removed!),
                        "# removed in " + key.Removed + ": ")
                    : (SoraConfMigrationKind.NotYetAdded,
                        SoraText.Format("{0} does not exist yet in Sora {1} (added in {2}): the setting is commented out", "{0} は Sora {1} にはまだありません ({2} で追加)。設定をコメントにします", key.Name, version, key.Since ?? "?"),
                        "# not in Sora " + version + " (added in " + key.Since + "): ");
            }
            if (!key.IsDeprecatedIn(version)) return null;
            return key.Deprecated != null
                ? (SoraConfMigrationKind.Deprecated,
                    SoraText.Format("{0} is deprecated since Sora {1}: a note is added above it", "{0} は Sora {1} から非推奨です。上に注記を加えます", key.Name, key.Deprecated),
                    "# deprecated since " + key.Deprecated + ": " + key.Name + " will be removed; see `sora-conf explain " + key.Name + "`")
                : (SoraConfMigrationKind.Legacy,
                    SoraText.Format("{0} is a legacy switch that keeps old behaviour: a note is added above it", "{0} は古い動作を残すためのレガシーなスイッチです。上に注記を加えます", key.Name),
                    "# legacy switch: " + key.Name + " keeps old behaviour and will be removed; see `sora-conf explain " + key.Name + "`");
        }
    }
}
