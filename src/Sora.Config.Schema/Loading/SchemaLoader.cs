using System;
using System.Collections.Generic;
using System.Linq;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Sora.Config.Schema.Loading
{
    /// <summary>One schema file's text and path.</summary>
    public sealed record SchemaSource(string Path, string Text);

    /// <summary>The outcome of loading: the merged model (possibly partial) and every error found.</summary>
    public sealed record SchemaLoadResult(SchemaModel Schema, EquatableArray<SchemaError> Errors)
    {
        public bool HasErrors => Errors.Count > 0;

        /// <summary>How many of the sources were recognized as bundled files and not parsed again.</summary>
        public int PreParsedFiles { get; init; }
    }

    /// <summary>Parses schema TOML files with Tomlyn and merges them into one <see cref="SchemaModel"/>.
    /// Later files merge over earlier ones; a definition repeated with different content is an error.</summary>
    public static class SchemaLoader
    {
        /// <summary>The schema files bundled with this version of Sora.Config (versions, keys, rules), as sources
        /// named <c>schema/&lt;file&gt;</c>: what a tool merges a project's own schema files over.</summary>
        public static IReadOnlyList<SchemaSource> BundledSources()
        {
            var sources = new SchemaSource[BundledSchema.Files.Length];
            for (int i = 0; i < sources.Length; i++) sources[i] = new SchemaSource("schema/" + BundledSchema.Files[i].Name, BundledSchema.Files[i].Text);
            return sources;
        }

        /// <summary>The order schema files merge in, for every tool alike: the bundled files first (versions, keys, rules),
        /// then a project's own files by path, so they merge over the bundled schema.</summary>
        public static IEnumerable<SchemaSource> InLoadOrder(IEnumerable<(SchemaSource Source, bool Bundled)> files) => files
            .OrderBy(f => f.Bundled ? 0 : 1)
            .ThenBy(f => System.IO.Path.GetFileName(f.Source.Path) switch { "versions.toml" => 0, "keys.toml" => 1, "rules.toml" => 2, _ => 3 })
            .ThenBy(f => f.Source.Path, StringComparer.Ordinal)
            .Select(f => f.Source);

        /// <summary>Loads and merges <paramref name="sources"/>. A file whose text is exactly one of the bundled
        /// schema files is taken from <see cref="BundledSchema"/> (parsed at build time) instead of being parsed
        /// again; <paramref name="usePreParsed"/> = false parses every file.</summary>
        public static SchemaLoadResult Load(IEnumerable<SchemaSource> sources, bool usePreParsed = true)
        {
            var errors = new List<SchemaError>();
            var versions = new List<(VersionModel Model, SchemaLocation At)>();
            var keys = new List<(KeyModel Model, SchemaLocation At)>();
            var rules = new List<(RuleModel Model, SchemaLocation At)>();

            bool unreadable = false;
            var preParsed = new List<int>();
            int count = 0;
            foreach (var source in sources)
            {
                count++;
                ParsedSchemaFile? file = null;
                if (usePreParsed && BundledSchema.TryGet(source, out var index, out file)) preParsed.Add(index);
                file ??= ParseFile(source);
                unreadable |= !file.Readable;
                errors.AddRange(file.Errors);
                versions.AddRange(file.Versions);
                keys.AddRange(file.Keys);
                rules.AddRange(file.Rules);
            }

            var schema = new SchemaModel(
                EquatableArray.From(Merge(versions, v => v.Name, "version", errors)),
                EquatableArray.From(Merge(keys, k => k.Name, "key", errors)),
                EquatableArray.From(Merge(rules, r => r.Id, "rule", errors)));
            // Exactly the bundled files, in their order: validated when they were pre-parsed (a test checks that
            // this result equals a full load's).
            if (count == preParsed.Count && BundledSchema.IsWholeSet(preParsed))
                return new SchemaLoadResult(schema, EquatableArray.From(errors)) { PreParsedFiles = preParsed.Count };

            var located = new Dictionary<string, SchemaLocation>();
            foreach (var k in keys) located[k.Model.Name] = k.At;
            foreach (var r in rules) located[r.Model.Id] = r.At;
            // A file that is not valid TOML contributes nothing, so cross-references into it would only add noise.
            if (!unreadable) SchemaValidator.Validate(schema, located, errors);
            return new SchemaLoadResult(schema, EquatableArray.From(errors)) { PreParsedFiles = preParsed.Count };
        }

        private static List<T> Merge<T>(List<(T Model, SchemaLocation At)> items, Func<T, string> name, string what, List<SchemaError> errors)
        {
            var result = new List<T>();
            var seen = new Dictionary<string, (T Model, SchemaLocation At)>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var id = name(item.Model);
                if (seen.TryGetValue(id, out var first))
                {
                    if (!EqualityComparer<T>.Default.Equals(first.Model, item.Model))
                    {
                        errors.Add(new SchemaError(SchemaErrors.ConflictingDuplicate,
                            $"{what} '{id}' is already defined at {first.At} with different content; remove one definition or make them identical",
                            item.At));
                    }
                    continue;
                }
                seen.Add(id, item);
                result.Add(item.Model);
            }
            return result;
        }

        /// <summary>Parses one schema file with Tomlyn: its definitions with their locations, and its errors
        /// (a file that is not valid TOML has <see cref="ParsedSchemaFile.Readable"/> = false).</summary>
        public static ParsedSchemaFile ParseFile(SchemaSource source)
        {
            var file = new ParsedSchemaFile();
            var errors = file.Errors;
            DocumentSyntax document;
            try
            {
                // Tomlyn's own semantic pass is skipped: the schema only uses [[arrays of tables]] and inline
                // values, and FieldReader/TomlTableNode report what matters here (duplicate or unknown fields).
                document = SyntaxParser.Parse(source.Text, source.Path, false);
            }
            catch (Exception ex)
            {
                errors.Add(new SchemaError(SchemaErrors.Malformed, "the TOML parser failed: " + ex.Message, new SchemaLocation(source.Path, 1, 1)));
                file.Readable = false;
                return file;
            }

            if (document.HasErrors)
            {
                foreach (var d in document.Diagnostics)
                {
                    if (d.Kind != DiagnosticMessageKind.Error) continue;
                    var at = new SchemaLocation(source.Path, d.Span.Start.Line + 1, d.Span.Start.Column + 1);
                    errors.Add(new SchemaError(SchemaErrors.Malformed, "invalid TOML: " + d.Message, at));
                }
                file.Readable = false;
                return file;
            }

            foreach (var kv in document.KeyValues)
            {
                var name = TomlTableNode.KeyText(kv.Key);
                if (name == "schema_version") continue;
                errors.Add(new SchemaError(SchemaErrors.Malformed,
                    $"unknown top-level field '{name}'; a schema file holds [[version]], [[key]] and [[rule]] tables",
                    TomlNode.LocationOf(source.Path, kv)));
            }

            foreach (var table in document.Tables)
            {
                var name = TomlTableNode.KeyText(table.Name);
                var location = TomlNode.LocationOf(source.Path, table);
                if (table is not TableArraySyntax || (name != "version" && name != "key" && name != "rule"))
                {
                    errors.Add(new SchemaError(SchemaErrors.Malformed,
                        $"unexpected table '{name}'; a schema file holds only [[version]], [[key]] and [[rule]] tables",
                        location));
                    continue;
                }

                var node = new TomlTableNode(location, errors);
                foreach (var kv in table.Items) node.Add(source.Path, kv);
                foreach (var dup in node.Duplicates) errors.Add(new SchemaError(SchemaErrors.Malformed, $"field '{dup.Key}' is defined twice in this [[{name}]] table", dup.Value));
                switch (name)
                {
                    case "version": file.Versions.Add((ReadVersion(node, errors), location)); break;
                    case "key": file.Keys.Add((ReadKey(node, errors), location)); break;
                    default: file.Rules.Add((ReadRule(node, errors), location)); break;
                }
            }
            return file;
        }

        private static VersionModel ReadVersion(TomlTableNode table, List<SchemaError> errors)
        {
            var f = new FieldReader(table, "[[version]]", errors);
            var model = new VersionModel(f.Required("name"), f.Optional("released"));
            f.RejectUnknownFields();
            return model;
        }

        private static KeyModel ReadKey(TomlTableNode table, List<SchemaError> errors)
        {
            var f = new FieldReader(table, "[[key]]", errors);
            var defaultsBefore = new List<VersionedDefault>();
            foreach (var t in f.Tables("default_before"))
            {
                var d = new FieldReader(t, "default_before entry", errors);
                defaultsBefore.Add(new VersionedDefault(d.Required("version"), d.Required("value")));
                d.RejectUnknownFields();
            }

            var model = new KeyModel(
                Name: f.Required("name"),
                Type: f.Required("type"),
                ItemType: f.Optional("item_type"),
                Default: f.Optional("default"),
                DefaultBefore: EquatableArray.From(defaultsBefore),
                Min: f.Scalar("min"),
                Max: f.Scalar("max"),
                Units: f.Strings("units"),
                DefaultUnit: f.Optional("default_unit"),
                Candidates: f.Strings("candidates"),
                Category: f.Required("category"),
                Since: f.Optional("since"),
                Deprecated: f.Optional("deprecated"),
                Removed: f.Optional("removed"),
                Legacy: f.Flag("legacy"),
                Secret: f.Flag("secret"),
                Description: f.Required("description"),
                DescriptionJa: f.Required("description_ja"),
                Source: f.Required("source"),
                Also: f.Strings("also"),
                Inferred: f.Optional("inferred"),
                InferredFacts: f.Strings("inferred_facts"),
                Example: f.Optional("example"),
                Notes: f.Optional("notes"),
                Format: f.Optional("format"));
            f.RejectUnknownFields();
            return model;
        }

        private static RuleModel ReadRule(TomlTableNode table, List<SchemaError> errors)
        {
            var f = new FieldReader(table, "[[rule]]", errors);
            var id = f.Required("id");
            CheckModel check = new CheckModel("", null, null, EquatableArray<string>.Empty, EquatableArray<PredicateModel>.Empty, EquatableArray<ListenerModel>.Empty);
            var checkTable = f.Table("check");
            if (checkTable is null) f.Error(f.Location, $"rule '{id}' has no 'check' table");
            else check = ReadCheck(checkTable, errors);

            var fixes = new List<FixModel>();
            foreach (var t in f.Tables("fixes"))
            {
                var x = new FieldReader(t, "fixes entry", errors);
                fixes.Add(new FixModel(x.Required("key"), x.Optional("value")));
                x.RejectUnknownFields();
            }

            var model = new RuleModel(
                Id: id,
                Slug: f.Required("slug"),
                Severity: f.Required("severity"),
                Title: f.Required("title"),
                TitleJa: f.Required("title_ja"),
                Message: f.Required("message"),
                MessageJa: f.Required("message_ja"),
                Rationale: f.Required("rationale"),
                RationaleJa: f.Required("rationale_ja"),
                Remediation: f.Required("remediation"),
                RemediationJa: f.Required("remediation_ja"),
                Source: f.Optional("source"),
                AppliesFrom: f.Optional("applies_from"),
                AppliesUntil: f.Optional("applies_until"),
                ExampleBad: f.Required("example_bad"),
                ExampleGood: f.Required("example_good"),
                CSharpBad: f.Optional("csharp_bad"),
                CSharpGood: f.Optional("csharp_good"),
                Check: check,
                Fixes: EquatableArray.From(fixes),
                AcceptedSeverity: f.Optional("accepted_severity"),
                ExampleEncoding: f.Optional("example_encoding"));
            f.RejectUnknownFields();
            return model;
        }

        private static CheckModel ReadCheck(TomlTableNode table, List<SchemaError> errors)
        {
            var f = new FieldReader(table, "check", errors);
            var listeners = new List<ListenerModel>();
            foreach (var t in f.Tables("listeners"))
            {
                var l = new FieldReader(t, "listener", errors);
                var range = l.Strings("range");
                if (range.Count != 0 && range.Count != 2) l.Error(l.Location, "a listener 'range' names exactly two keys: [min, max]");
                listeners.Add(new ListenerModel(l.Optional("key"), range.Count == 2 ? range[0] : null, range.Count == 2 ? range[1] : null, ReadPredicates(l, errors)));
                l.RejectUnknownFields();
            }

            var model = new CheckModel(
                Kind: f.Required("kind"),
                At: f.Optional("at"),
                Test: f.Optional("test"),
                Keys: f.Strings("keys"),
                When: ReadPredicates(f, errors),
                Listeners: EquatableArray.From(listeners),
                Min: f.Scalar("min"),
                Max: f.Scalar("max"));
            f.RejectUnknownFields();
            return model;
        }

        private static EquatableArray<PredicateModel> ReadPredicates(FieldReader owner, List<SchemaError> errors)
        {
            var result = new List<PredicateModel>();
            foreach (var t in owner.Tables("when"))
            {
                var p = new FieldReader(t, "predicate", errors);
                var key = p.Required("key");
                var ops = new List<PredicateModel>();
                if (p.Optional("is") is { } isValue) ops.Add(new PredicateModel(key, "is", isValue));
                if (p.Optional("is_not") is { } isNot) ops.Add(new PredicateModel(key, "is_not", isNot));
                if (p.Node("set") != null && p.Flag("set")) ops.Add(new PredicateModel(key, "set", null));
                if (p.Node("unset") != null && p.Flag("unset")) ops.Add(new PredicateModel(key, "unset", null));
                if (ops.Count != 1) p.Error(p.Location, "a predicate has a 'key' and exactly one of 'is', 'is_not', 'set = true', 'unset = true'");
                else result.Add(ops[0]);
                p.RejectUnknownFields();
            }
            return EquatableArray.From(result);
        }
    }
}
