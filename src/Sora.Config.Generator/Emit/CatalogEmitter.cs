using System.Collections.Generic;
using System.Linq;
using Sora.Config.Schema;

namespace Sora.Config.Generator.Emit
{
    /// <summary>Writes a schema as C# that builds a <c>Sora.Config.SoraCatalog</c>: the runtime gets the
    /// schema as data, with no TOML parser at run time.</summary>
    internal static class CatalogEmitter
    {
        private const string Catalog = "global::Sora.Config.Catalog.";
        private const string Values = "global::Sora.Config.Values.";
        private const string Diagnostics = "global::Sora.Config.Diagnostics.";

        /// <summary>The runtime library's own catalog: <c>SoraCatalog.CreateDefault()</c>.</summary>
        public static string EmitDefaultCatalog(SchemaModel schema)
        {
            var w = new CodeWriter();
            SourceHeader.Write(w);
            using (w.Block("namespace Sora.Config.Catalog"))
            using (w.Block("partial class SoraCatalog"))
            {
                w.Line("private static partial SoraCatalog CreateDefault() => " + Expression(schema) + ";");
            }
            return w.ToString();
        }

        /// <summary>An expression that constructs the catalog.</summary>
        public static string Expression(SchemaModel schema)
        {
            var w = new System.Text.StringBuilder();
            w.Append("new ").Append(Catalog).Append("SoraCatalog(\n");
            w.Append("    new string[] { ").Append(string.Join(", ", schema.Versions.Select(v => CodeWriter.Literal(v.Name)))).Append(" },\n");
            w.Append("    new ").Append(Catalog).Append("SoraKeyInfo[]\n    {\n");
            foreach (var key in schema.Keys) w.Append("        ").Append(Key(key)).Append(",\n");
            w.Append("    },\n");
            w.Append("    new ").Append(Catalog).Append("SoraRuleInfo[]\n    {\n");
            foreach (var rule in schema.Rules) w.Append("        ").Append(Rule(rule)).Append(",\n");
            w.Append("    })");
            return w.ToString();
        }

        private static string Key(KeyModel k)
        {
            var args = new List<string>
            {
                CodeWriter.Literal(k.Name),
                ValueType(k.Type),
                k.ItemType is null ? "null" : ValueType(k.ItemType),
                CodeWriter.Literal(k.Default),
                "new global::System.Collections.Generic.KeyValuePair<string, string>[] { " + string.Join(", ", k.DefaultBefore.Select(d =>
                    $"new global::System.Collections.Generic.KeyValuePair<string, string>({CodeWriter.Literal(d.Version)}, {CodeWriter.Literal(d.Value)})")) + " }",
                CodeWriter.Literal(k.Min),
                CodeWriter.Literal(k.Max),
                "new " + Values + "SoraTimeUnit[] { " + string.Join(", ", k.Units.Select(Unit)) + " }",
                k.DefaultUnit is null ? "null" : Unit(k.DefaultUnit),
                Strings(k.Candidates),
                CodeWriter.Literal(k.Category),
                CodeWriter.Literal(k.Since),
                CodeWriter.Literal(k.Deprecated),
                CodeWriter.Literal(k.Removed),
                k.Legacy ? "true" : "false",
                k.Secret ? "true" : "false",
                CodeWriter.Literal(k.Description),
                CodeWriter.Literal(k.DescriptionJa),
                CodeWriter.Literal(k.Source),
                Strings(k.Also),
                CodeWriter.Literal(k.Inferred),
                CodeWriter.Literal(k.Example),
                CodeWriter.Literal(k.Notes),
            };
            return "new " + Catalog + "SoraKeyInfo(" + string.Join(", ", args) + ")";
        }

        private static string Rule(RuleModel r)
        {
            var args = new List<string>
            {
                CodeWriter.Literal(r.Id),
                CodeWriter.Literal(r.Slug),
                Severity(r.Severity),
                Text(r.Title, r.TitleJa),
                Text(r.Message, r.MessageJa),
                Text(r.Rationale, r.RationaleJa),
                Text(r.Remediation, r.RemediationJa),
                CodeWriter.Literal(r.Source),
                CodeWriter.Literal(r.AppliesFrom),
                CodeWriter.Literal(r.AppliesUntil),
                CodeWriter.Literal(r.ExampleBad),
                CodeWriter.Literal(r.ExampleGood),
                CodeWriter.Literal(r.CSharpBad),
                CodeWriter.Literal(r.CSharpGood),
                Check(r.Check),
            };
            return "new " + Catalog + "SoraRuleInfo(" + string.Join(", ", args) + ")";
        }

        private static string Check(CheckModel c) =>
            "new " + Catalog + "SoraRuleCheck(" + CodeWriter.Literal(c.Kind) + ", " + CodeWriter.Literal(c.At) + ", " + CodeWriter.Literal(c.Test) + ", "
            + Strings(c.Keys) + ", " + Predicates(c.When) + ", new " + Catalog + "SoraPortListener[] { "
            + string.Join(", ", c.Listeners.Select(l => "new " + Catalog + "SoraPortListener(" + CodeWriter.Literal(l.Key) + ", " + CodeWriter.Literal(l.RangeMin) + ", " + CodeWriter.Literal(l.RangeMax) + ", " + Predicates(l.When) + ")"))
            + " })";

        private static string Predicates(EquatableArray<PredicateModel> predicates) =>
            "new " + Catalog + "SoraPredicate[] { " + string.Join(", ", predicates.Select(p => "new " + Catalog + "SoraPredicate(" + CodeWriter.Literal(p.Key) + ", " + CodeWriter.Literal(p.Op) + ", " + CodeWriter.Literal(p.Value) + ")")) + " }";

        private static string Text(string en, string ja) => "new " + Catalog + "SoraText(" + CodeWriter.Literal(en) + ", " + CodeWriter.Literal(ja) + ")";

        private static string Strings(EquatableArray<string> values) => "new string[] { " + string.Join(", ", values.Select(CodeWriter.Literal)) + " }";

        private static string Severity(string s) => Diagnostics + "SoraConfSeverity." + (s == "error" ? "Error" : s == "warning" ? "Warning" : "Info");

        public static string ValueType(string type) => Values + "SoraValueType." + type switch
        {
            "ipv4" => "Ipv4",
            "ipv6" => "Ipv6",
            _ => char.ToUpperInvariant(type[0]) + type.Substring(1),
        };

        private static string Unit(string unit) => Values + "SoraTimeUnit." + unit switch
        {
            "ms" => "Millisecond",
            "s" => "Second",
            "min" => "Minute",
            _ => "Hour",
        };
    }

    internal static class SourceHeader
    {
        public static void Write(CodeWriter w)
        {
            w.Line("// <auto-generated/>");
            w.Line("// Generated by Sora.Config.Generator from the sora.conf schema. Do not edit.");
            w.Line("#nullable enable");
            w.Line();
        }
    }
}
