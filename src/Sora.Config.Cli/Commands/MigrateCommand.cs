using System;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Migration;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf migrate &lt;file&gt; --to &lt;version&gt; [--check] [--format text|json]</c>: rewrites a file for
    /// another Sora version with <see cref="SoraConfMigrator"/> (settings the version does not have become comments with a
    /// note, deprecated and legacy switches get a note, nothing else changes) and replaces it atomically.</summary>
    internal static class MigrateCommand
    {
        public static Command Create()
        {
            var file = new Argument<string>("file") { Description = "The sora.conf file to migrate (it must exist)." };
            var to = new Option<string>("--to") { Description = "The Sora version to migrate to, YYYY.N.", HelpName = "version", Required = true };
            var check = new Option<bool>("--check") { Description = "Change nothing; exit 1 when the file needs a migration." };
            var format = new Option<string>("--format") { Description = "text (one line per change) or json (a versioned document).", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var command = new Command("migrate", "Rewrite a file for another Sora version: settings of keys that version does not have become comments with a note ('# removed in 2024.2: e2ee = true'), deprecated keys and legacy switches get a note above them, nothing else changes.")
            {
                file, to, check, format,
            };
            command.SetAction(parse => Run(parse.GetValue(file)!, CommonOptions.ResolveVersion(parse.GetValue(to)), parse.GetValue(check), parse.GetValue(format) == "json"));
            return command;
        }

        private static int Run(string path, string version, bool check, bool json)
        {
            var original = FileInput.ReadBytes(path);
            var migration = SoraConfMigrator.Migrate(Sora.Config.Syntax.SoraConfDocument.Parse(original, path), version, CliCatalog.Current);
            bool written = !check && FileInput.WriteIfChanged(path, original, migration.Result);
            using (var o = CommonOptions.Stdout())
            {
                if (json) WriteJson(o, path, migration, written);
                else WriteText(o, path, migration, check);
            }
            return check && migration.IsNeeded ? ExitCodes.Findings : ExitCodes.Success;
        }

        private static void WriteText(System.IO.TextWriter o, string path, SoraConfMigration migration, bool check)
        {
            foreach (var change in migration.Changes)
                o.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2}", path, change.Line, change.Description.English));
            o.WriteLine(!migration.IsNeeded
                ? $"{path} needs no migration for Sora {migration.TargetVersion}"
                : check
                    ? $"{path} needs {Count(migration)} for Sora {migration.TargetVersion} (not written: --check)"
                    : $"{path}: {Count(migration)} for Sora {migration.TargetVersion} written");
        }

        private static string Count(SoraConfMigration migration) => migration.Changes.Count == 1 ? "1 change" : migration.Changes.Count + " changes";

        private static void WriteJson(System.IO.StreamWriter o, string path, SoraConfMigration migration, bool written)
        {
            o.Flush();
            using var json = new Utf8JsonWriter(o.BaseStream, Output.JsonOutput.WriterOptions);
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("path", path);
            json.WriteString("targetVersion", migration.TargetVersion);
            json.WriteBoolean("needed", migration.IsNeeded);
            json.WriteBoolean("written", written);
            json.WriteStartArray("changes");
            foreach (var change in migration.Changes)
            {
                json.WriteStartObject();
                json.WriteNumber("line", change.Line);
                json.WriteString("key", change.Key);
                json.WriteString("kind", Kind(change.Kind));
                json.WriteString("description", change.Description.English);
                json.WriteString("descriptionJa", change.Description.Japanese);
                json.WriteString("insertedText", change.Edit.NewText);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            o.BaseStream.WriteByte((byte)'\n');
        }

        private static string Kind(SoraConfMigrationKind kind) => kind switch
        {
            SoraConfMigrationKind.Removed => "removed",
            SoraConfMigrationKind.NotYetAdded => "notYetAdded",
            SoraConfMigrationKind.Deprecated => "deprecated",
            _ => "legacy",
        };
    }
}
