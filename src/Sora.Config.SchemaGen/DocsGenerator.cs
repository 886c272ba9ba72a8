using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Sora.Config.Schema;

namespace Sora.Config.SchemaGen
{
    /// <summary>Turns the schema into the Markdown files under docs/. Pure: no file system access,
    /// deterministic output (LF line endings, invariant culture, schema order).</summary>
    public static class DocsGenerator
    {
        /// <summary>The command that regenerates the docs, shown in every generated file.</summary>
        public const string RegenerateCommand = "dotnet run --project src/Sora.Config.SchemaGen";

        /// <summary>The command that checks the docs are current.</summary>
        public const string CheckCommand = "dotnet run --project src/Sora.Config.SchemaGen -- --check";

        /// <summary>Generates every docs file. Keys are paths relative to the docs directory, with '/'
        /// separators (<c>keys.md</c>, <c>rules/README.md</c>, <c>rules/SORA0001.md</c>…); values are file contents.</summary>
        public static IReadOnlyDictionary<string, string> Generate(SchemaModel schema)
        {
            if (schema is null) throw new ArgumentNullException(nameof(schema));
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            files["keys.md"] = KeysPage.Render(schema);
            foreach (var rule in schema.Rules) files["rules/" + rule.Id + ".md"] = RulePages.RenderRule(rule);
            foreach (var usage in UsageDiagnostics.All) files["rules/" + usage.Id + ".md"] = RulePages.RenderUsage(usage);
            files["rules/README.md"] = RulePages.RenderIndex(schema);
            return files;
        }

        internal static void Banner(StringBuilder sb)
        {
            sb.Append("<!-- Generated from schema/ by src/Sora.Config.SchemaGen; do not edit. Regenerate: ")
              .Append(RegenerateCommand).Append(" -->\n\n");
            sb.Append("> **Generated file — do not edit.** Generated from `schema/` by `src/Sora.Config.SchemaGen`; regenerate with `")
              .Append(RegenerateCommand).Append("`.  \n");
            sb.Append("> このファイルは `schema/` から `src/Sora.Config.SchemaGen` で生成されています。直接編集せず、`")
              .Append(RegenerateCommand).Append("` で再生成してください。\n\n");
        }

        /// <summary>Paragraph text from the schema: a single line, trailing whitespace removed.</summary>
        internal static string Text(string text) => text.Replace("\r\n", "\n").Trim();

        internal static string SeverityText(string severity) => severity switch
        {
            "error" => "error (エラー)",
            "warning" => "warning (警告)",
            "info" => "info (情報)",
            _ => severity,
        };

        internal static int Ordinal(string? version) => SchemaNames.VersionOrdinal(version);
    }
}
