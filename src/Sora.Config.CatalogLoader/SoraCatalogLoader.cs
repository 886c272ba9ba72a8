using System;
using System.Collections.Generic;
using System.Linq;
using Sora.Config.Catalog;
using Sora.Config.CodeGeneration;
using Sora.Config.Schema;
using Sora.Config.Schema.Loading;

namespace Sora.Config.CatalogLoader
{
    /// <summary>The outcome of loading: the merged catalogue (null when the schema has errors) and every error.</summary>
    public sealed class SoraCatalogLoadResult
    {
        internal SoraCatalogLoadResult(SoraCatalog? catalog, IReadOnlyList<SchemaError> errors)
        {
            Catalog = catalog;
            Errors = errors;
        }

        public SoraCatalog? Catalog { get; }

        /// <summary>Schema errors, each with file, line and column.</summary>
        public IReadOnlyList<SchemaError> Errors { get; }
    }

    /// <summary>Loads the catalogue a project or a command line targets: the bundled schema, merged with extra schema
    /// files the way the generator merges a project's <c>&lt;SoraConfSchema&gt;</c> files (bundled first, then the extra
    /// files in the order given; a definition repeated with different content is an error).</summary>
    public static class SoraCatalogLoader
    {
        private static readonly object Gate = new object();
        private static (string[] Key, SoraCatalogLoadResult Result)? last;

        /// <summary>The bundled catalogue when <paramref name="extraFiles"/> is empty; otherwise the merged one. The last
        /// result is kept, so an IDE that asks again for the same files gets it without parsing them again.</summary>
        public static SoraCatalogLoadResult Load(IEnumerable<SchemaSource> extraFiles)
        {
            var extra = extraFiles.ToList();
            if (extra.Count == 0) return new SoraCatalogLoadResult(SoraCatalog.Default, Array.Empty<SchemaError>());
            return LoadExactly(SchemaLoader.BundledSources().Concat(extra).ToList());
        }

        /// <summary>The catalogue of a project whose schema files are <paramref name="files"/> (each marked bundled or the
        /// project's own), merged as the generator merges them: the bundled catalogue when the project has no file of its
        /// own (or none at all).</summary>
        public static SoraCatalogLoadResult LoadProject(IEnumerable<(SchemaSource Source, bool Bundled)> files)
        {
            var all = files.ToList();
            if (all.All(f => f.Bundled)) return new SoraCatalogLoadResult(SoraCatalog.Default, Array.Empty<SchemaError>());
            return LoadExactly(SchemaLoader.InLoadOrder(all).ToList());
        }

        private static SoraCatalogLoadResult LoadExactly(List<SchemaSource> ordered)
        {
            var key = ordered.SelectMany(f => new[] { f.Path, f.Text }).ToArray();
            lock (Gate)
            {
                if (last is { } cached && cached.Key.SequenceEqual(key, StringComparer.Ordinal)) return cached.Result;
            }
            var loaded = SchemaLoader.Load(ordered);
            var result = loaded.HasErrors
                ? new SoraCatalogLoadResult(null, loaded.Errors.ToList())
                : new SoraCatalogLoadResult(Build(loaded.Schema), Array.Empty<SchemaError>());
            lock (Gate) last = (key, result);
            return result;
        }

        /// <summary>A schema model as a runtime catalogue, through <see cref="SoraCatalogFactory"/> (the mapping the
        /// generated code uses too).</summary>
        public static SoraCatalog Build(SchemaModel schema) => SoraCatalogFactory.Catalog(
            schema.Versions.Select(v => v.Name).ToArray(),
            schema.Keys.Select(Key).ToArray(),
            schema.Rules.Select(Rule).ToArray());

        private static SoraKeyInfo Key(KeyModel k) => SoraCatalogFactory.Key(
            k.Name, k.Type, k.ItemType, k.Default, k.DefaultBefore.SelectMany(d => new[] { d.Version, d.Value }).ToArray(), k.Min, k.Max,
            k.Units.ToArray(), k.DefaultUnit, k.Candidates.ToArray(), k.Category, k.Since, k.Deprecated, k.Removed,
            k.Legacy, k.Secret, k.Description, k.DescriptionJa, k.Source, k.Also.ToArray(), k.Inferred, k.InferredFacts.ToArray(), k.Example, k.Notes, k.Format);

        private static SoraRuleInfo Rule(RuleModel r) => SoraCatalogFactory.Rule(
            r.Id, r.Slug, r.Severity, r.Title, r.TitleJa, r.Message, r.MessageJa, r.Rationale, r.RationaleJa, r.Remediation, r.RemediationJa,
            r.Source, r.AppliesFrom, r.AppliesUntil, r.ExampleBad, r.ExampleGood, r.CSharpBad, r.CSharpGood,
            SoraCatalogFactory.Check(r.Check.Kind, r.Check.At, r.Check.Test, r.Check.Keys.ToArray(), Predicates(r.Check.When),
                r.Check.Listeners.Select(l => SoraCatalogFactory.Listener(l.Key, l.RangeMin, l.RangeMax, Predicates(l.When))).ToArray(), r.Check.Min, r.Check.Max),
            r.Fixes.SelectMany(x => new[] { x.Key, x.Value }).ToArray(),
            r.AcceptedSeverity, r.ExampleEncoding);

        private static SoraPredicate[] Predicates(EquatableArray<PredicateModel> when) =>
            when.Select(p => SoraCatalogFactory.Predicate(p.Key, p.Op, p.Value)).ToArray();
    }
}
