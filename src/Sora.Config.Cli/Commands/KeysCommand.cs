using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Cli.Output;
using Sora.Config.Catalog;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf keys [--sora-version V] [--format markdown|json]</c>: the schema of one Sora version.</summary>
    internal static class KeysCommand
    {
        public static Command Create()
        {
            var version = CommonOptions.SoraVersion();
            var format = new Option<string>("--format") { Description = "markdown (a table) or json (a versioned document).", DefaultValueFactory = _ => "markdown" };
            format.AcceptOnlyFromAmong("markdown", "json");
            var command = new Command("keys", "List the keys of a Sora version with type, default, range and description.") { version, format };
            command.SetAction(parse =>
            {
                var target = CommonOptions.ResolveVersion(parse.GetValue(version));
                if (parse.GetValue(format) == "json")
                {
                    using var stdout = System.Console.OpenStandardOutput();
                    WriteJson(target, stdout);
                }
                else
                {
                    using var stdout = CommonOptions.Stdout();
                    WriteMarkdown(target, stdout);
                }
                return ExitCodes.Success;
            });
            return command;
        }

        private static void WriteMarkdown(string version, TextWriter o)
        {
            var ja = CliCatalog.Japanese;
            o.WriteLine(ja ? $"# sora.conf のキー (Sora {version})" : $"# sora.conf keys (Sora {version})");
            o.WriteLine();
            o.WriteLine(ja ? "| キー | 型 | 既定値 | 範囲・候補 | バージョン | 説明 |" : "| Key | Type | Default | Range / values | Versions | Description |");
            o.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var key in CliCatalog.Current.KeysIn(version))
            {
                var range = key.Candidates.Count > 0 ? string.Join(", ", key.Candidates)
                    : key.Min != null || key.Max != null ? $"{key.Min ?? "…"} .. {key.Max ?? "…"}" : "";
                if (key.Units.Count > 0) range = (range.Length > 0 ? range + "; " : "") + string.Join(", ", key.Units.Select(ExplainCommand.UnitName));
                var versions = key.Since != null ? (ja ? $"{key.Since} から" : $"since {key.Since}") : "";
                if (key.Removed != null) versions += (versions.Length > 0 ? "; " : "") + (ja ? $"{key.Removed} で削除" : $"removed in {key.Removed}");
                if (key.IsDeprecatedIn(version)) versions += (versions.Length > 0 ? "; " : "") + (key.IsLegacy ? "legacy" : (ja ? "非推奨" : "deprecated"));
                o.WriteLine($"| `{key.Name}` | {key.TypeName} | {Cell(key.DefaultFor(version) is { } d ? "`" + d + "`" : "")} | {Cell(range)} | {Cell(versions)} | {Cell(key.Description.ToString())}{(key.IsSecret ? (ja ? " (秘密情報)" : " (secret)") : "")} |");
            }
        }

        private static string Cell(string text) => text.Replace("|", "\\|");

        private static void WriteJson(string version, Stream stream)
        {
            using var json = new Utf8JsonWriter(stream, JsonOutput.WriterOptions);
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("soraVersion", version);
            json.WriteStartArray("keys");
            foreach (var key in CliCatalog.Current.KeysIn(version))
            {
                json.WriteStartObject();
                json.WriteString("name", key.Name);
                json.WriteString("type", key.TypeName);
                WriteNullable(json, "format", key.Format);
                WriteNullable(json, "default", key.DefaultFor(version));
                WriteNullable(json, "min", key.Min);
                WriteNullable(json, "max", key.Max);
                json.WriteStartArray("units");
                foreach (var unit in key.Units) json.WriteStringValue(ExplainCommand.UnitName(unit));
                json.WriteEndArray();
                json.WriteStartArray("candidates");
                foreach (var candidate in key.Candidates) json.WriteStringValue(candidate);
                json.WriteEndArray();
                json.WriteString("category", key.Category);
                WriteNullable(json, "since", key.Since);
                WriteNullable(json, "deprecated", key.Deprecated);
                WriteNullable(json, "removed", key.Removed);
                json.WriteBoolean("legacy", key.IsLegacy);
                json.WriteBoolean("secret", key.IsSecret);
                json.WriteString("description", key.Description.English);
                json.WriteString("descriptionJa", key.Description.Japanese);
                json.WriteString("source", key.Source);
                json.WriteStartArray("inferredFacts");
                foreach (var fact in InferredFactNames(key.InferredFacts)) json.WriteStringValue(fact);
                json.WriteEndArray();
                WriteNullable(json, "inferred", key.Inferred);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        }

        /// <summary>The schema spellings of the inferred facts, in schema order (name, type, default, versions).</summary>
        private static System.Collections.Generic.IEnumerable<string> InferredFactNames(SoraKeyFacts facts)
        {
            if ((facts & SoraKeyFacts.Name) != 0) yield return "name";
            if ((facts & SoraKeyFacts.Type) != 0) yield return "type";
            if ((facts & SoraKeyFacts.Default) != 0) yield return "default";
            if ((facts & SoraKeyFacts.Versions) != 0) yield return "versions";
        }

        private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
        {
            if (value is null) json.WriteNull(name);
            else json.WriteString(name, value);
        }
    }
}
