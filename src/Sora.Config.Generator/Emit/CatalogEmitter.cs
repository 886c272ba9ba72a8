using System.Linq;
using Sora.Config.Schema;

namespace Sora.Config.Generator.Emit
{
    /// <summary>Writes a schema as C# that builds a catalogue through the runtime's <c>SoraCatalogFactory</c>, with every
    /// value spelt as in the TOML files (the factory maps spellings to catalogue objects, for the loader of the CLI and the
    /// analyzers too). The runtime thus gets the schema as data, with no TOML parser at run time.</summary>
    internal static class CatalogEmitter
    {
        private const string Factory = "global::Sora.Config.CodeGeneration.SoraCatalogFactory";
        private const string Catalog = "global::Sora.Config.Catalog.";

        /// <summary>The runtime library's own catalogue: <c>SoraCatalog.CreateDefault()</c>.</summary>
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

        /// <summary>The merged catalogue of a project with schema files of its own, once for all its generated classes.</summary>
        public static string EmitProjectCatalog(SchemaModel schema)
        {
            var w = new CodeWriter();
            SourceHeader.Write(w);
            using (w.Block("namespace Sora.Config.Generated"))
            {
                w.Line("/// <summary>The bundled schema merged with this project's &lt;SoraConfSchema&gt; files.</summary>");
                w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Sora.Config.Generator\", \"" + typeof(CatalogEmitter).Assembly.GetName().Version + "\")]");
                using (w.Block("internal static class SoraConfProjectCatalog"))
                {
                    w.Line("public static readonly " + Catalog + "SoraCatalog Instance = " + Expression(schema) + ";");
                }
            }
            return w.ToString();
        }

        /// <summary>The expression a generated class uses for its catalogue.</summary>
        public static string Reference(bool projectSchema) =>
            projectSchema ? "global::Sora.Config.Generated.SoraConfProjectCatalog.Instance" : Catalog + "SoraCatalog.Default";

        /// <summary>An expression that constructs the catalogue.</summary>
        public static string Expression(SchemaModel schema)
        {
            var w = new System.Text.StringBuilder();
            w.Append(Factory).Append(".Catalog(\n");
            w.Append("    new string[] { ").Append(string.Join(", ", schema.Versions.Select(v => CodeWriter.Literal(v.Name)))).Append(" },\n");
            w.Append("    new ").Append(Catalog).Append("SoraKeyInfo[]\n    {\n");
            foreach (var key in schema.Keys) w.Append("        ").Append(Key(key)).Append(",\n");
            w.Append("    },\n");
            w.Append("    new ").Append(Catalog).Append("SoraRuleInfo[]\n    {\n");
            foreach (var rule in schema.Rules) w.Append("        ").Append(Rule(rule)).Append(",\n");
            w.Append("    })");
            return w.ToString();
        }

        private static string Key(KeyModel k) => Factory + ".Key(" + string.Join(", ",
            CodeWriter.Literal(k.Name),
            CodeWriter.Literal(k.Type),
            CodeWriter.Literal(k.ItemType),
            CodeWriter.Literal(k.Default),
            Strings(k.DefaultBefore.SelectMany(d => new[] { d.Version, d.Value })),
            CodeWriter.Literal(k.Min),
            CodeWriter.Literal(k.Max),
            Strings(k.Units),
            CodeWriter.Literal(k.DefaultUnit),
            Strings(k.Candidates),
            CodeWriter.Literal(k.Category),
            CodeWriter.Literal(k.Since),
            CodeWriter.Literal(k.Deprecated),
            CodeWriter.Literal(k.Removed),
            Bool(k.Legacy),
            Bool(k.Secret),
            CodeWriter.Literal(k.Description),
            CodeWriter.Literal(k.DescriptionJa),
            CodeWriter.Literal(k.Source),
            Strings(k.Also),
            CodeWriter.Literal(k.Inferred),
            Strings(k.InferredFacts),
            CodeWriter.Literal(k.Example),
            CodeWriter.Literal(k.Notes),
            CodeWriter.Literal(k.Format)) + ")";

        private static string Rule(RuleModel r) => Factory + ".Rule(" + string.Join(", ",
            CodeWriter.Literal(r.Id),
            CodeWriter.Literal(r.Slug),
            CodeWriter.Literal(r.Severity),
            CodeWriter.Literal(r.Title),
            CodeWriter.Literal(r.TitleJa),
            CodeWriter.Literal(r.Message),
            CodeWriter.Literal(r.MessageJa),
            CodeWriter.Literal(r.Rationale),
            CodeWriter.Literal(r.RationaleJa),
            CodeWriter.Literal(r.Remediation),
            CodeWriter.Literal(r.RemediationJa),
            CodeWriter.Literal(r.Source),
            CodeWriter.Literal(r.AppliesFrom),
            CodeWriter.Literal(r.AppliesUntil),
            CodeWriter.Literal(r.ExampleBad),
            CodeWriter.Literal(r.ExampleGood),
            CodeWriter.Literal(r.CSharpBad),
            CodeWriter.Literal(r.CSharpGood),
            Check(r.Check),
            "new string?[] { " + string.Join(", ", r.Fixes.SelectMany(x => new[] { x.Key, x.Value }).Select(CodeWriter.Literal)) + " }",
            CodeWriter.Literal(r.AcceptedSeverity),
            CodeWriter.Literal(r.ExampleEncoding)) + ")";

        private static string Check(CheckModel c) => Factory + ".Check(" + string.Join(", ",
            CodeWriter.Literal(c.Kind),
            CodeWriter.Literal(c.At),
            CodeWriter.Literal(c.Test),
            Strings(c.Keys),
            Predicates(c.When),
            "new " + Catalog + "SoraPortListener[] { " + string.Join(", ", c.Listeners.Select(l =>
                Factory + ".Listener(" + CodeWriter.Literal(l.Key) + ", " + CodeWriter.Literal(l.RangeMin) + ", " + CodeWriter.Literal(l.RangeMax) + ", " + Predicates(l.When) + ")")) + " }")
            // The limits of deployment kinds; other checks keep the shorter call (and unchanged generated code).
            + (c.Min is null && c.Max is null ? "" : ", " + CodeWriter.Literal(c.Min) + ", " + CodeWriter.Literal(c.Max)) + ")";

        private static string Predicates(EquatableArray<PredicateModel> predicates) =>
            "new " + Catalog + "SoraPredicate[] { " + string.Join(", ", predicates.Select(p => Factory + ".Predicate(" + CodeWriter.Literal(p.Key) + ", " + CodeWriter.Literal(p.Op) + ", " + CodeWriter.Literal(p.Value) + ")")) + " }";

        private static string Strings(System.Collections.Generic.IEnumerable<string> values) => "new string[] { " + string.Join(", ", values.Select(CodeWriter.Literal)) + " }";

        private static string Bool(bool value) => value ? "true" : "false";
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
