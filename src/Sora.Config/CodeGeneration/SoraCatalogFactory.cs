using System;
using System.Collections.Generic;
using System.ComponentModel;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Values;

namespace Sora.Config.CodeGeneration
{
    /// <summary>Builds catalogues from schema definitions spelt as in the TOML files (<c>"port"</c>, <c>"5 s"</c>,
    /// <c>"warning"</c>): the generator writes calls to it, and the catalogue loader of the CLI and the analyzers calls
    /// it at run time, so the mapping from schema spelling to catalogue objects exists once. Not meant to be called
    /// directly: load a schema with the tools, or use <see cref="SoraCatalog.Default"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class SoraCatalogFactory
    {
        public static SoraCatalog Catalog(string[] versions, SoraKeyInfo[] keys, SoraRuleInfo[] rules) => new SoraCatalog(versions, keys, rules);

        /// <summary>A key; the parameters are the <c>[[key]]</c> fields of docs/schema-format.md in order
        /// (<c>inferredFacts</c>: the schema spellings <c>name</c>, <c>type</c>, <c>default</c>, <c>versions</c>).
        /// <c>defaultBefore</c> holds pairs, flattened: version, value, version, value… ("before that version the default was value").</summary>
        public static SoraKeyInfo Key(
            string name, string type, string? itemType, string? @default, string[] defaultBefore, string? min, string? max,
            string[] units, string? defaultUnit, string[] candidates, string category, string? since, string? deprecated, string? removed,
            bool legacy, bool secret, string description, string descriptionJa, string source, string[] also, string? inferred, string[] inferredFacts,
            string? example, string? notes, string? format)
        {
            var pairs = new KeyValuePair<string, string>[defaultBefore.Length / 2];
            for (int i = 0; i < pairs.Length; i++) pairs[i] = new KeyValuePair<string, string>(defaultBefore[2 * i], defaultBefore[2 * i + 1]);
            return new SoraKeyInfo(
                name, TypeOf(type), itemType is null ? null : TypeOf(itemType), @default, pairs, min, max,
                Array.ConvertAll(units, UnitOf), defaultUnit is null ? null : UnitOf(defaultUnit), candidates, category, since, deprecated, removed,
                legacy, secret, description, descriptionJa, source, also, inferred, FactsOf(inferredFacts), example, notes, format);
        }

        public static SoraRuleInfo Rule(
            string id, string slug, string severity, string title, string titleJa, string message, string messageJa,
            string rationale, string rationaleJa, string remediation, string remediationJa, string? source, string? appliesFrom, string? appliesUntil,
            string exampleBad, string exampleGood, string? csharpBad, string? csharpGood, SoraRuleCheck check, string?[] fixes, string? acceptedSeverity,
            string? exampleEncoding)
        {
            // fixes: pairs, flattened (key, value or null).
            var list = new SoraRuleFix[fixes.Length / 2];
            for (int i = 0; i < list.Length; i++) list[i] = new SoraRuleFix(fixes[2 * i]!, fixes[2 * i + 1]);
            return new SoraRuleInfo(id, slug, SeverityOf(severity), new SoraText(title, titleJa), new SoraText(message, messageJa), new SoraText(rationale, rationaleJa),
                new SoraText(remediation, remediationJa), source, appliesFrom, appliesUntil, exampleBad, exampleGood, csharpBad, csharpGood, check, list,
                acceptedSeverity is null ? null : SeverityOf(acceptedSeverity), exampleEncoding == "latin1");
        }

        public static SoraRuleCheck Check(string kind, string? at, string? test, string[] keys, SoraPredicate[] when, SoraPortListener[] listeners) =>
            new SoraRuleCheck(kind, at, test, keys, when, listeners);

        /// <summary>A check with the limits of a deployment kind (rules.toml <c>check.min</c>, <c>check.max</c>).</summary>
        public static SoraRuleCheck Check(string kind, string? at, string? test, string[] keys, SoraPredicate[] when, SoraPortListener[] listeners, string? min, string? max) =>
            new SoraRuleCheck(kind, at, test, keys, when, listeners, min, max);

        public static SoraPredicate Predicate(string key, string op, string? value) => new SoraPredicate(key, op, value);

        public static SoraPortListener Listener(string? key, string? rangeMin, string? rangeMax, SoraPredicate[] when) =>
            new SoraPortListener(key, rangeMin, rangeMax, when);

        private static SoraValueType TypeOf(string name) =>
            SoraValueTypes.TryParse(name, out var type) ? type : throw new ArgumentException($"'{name}' is not a schema key type.", nameof(name));

        private static SoraKeyFacts FactsOf(string[] names)
        {
            var facts = SoraKeyFacts.None;
            foreach (var name in names)
            {
                int i = Array.IndexOf(Shared.SoraNames.KeyFacts, name);
                if (i < 0) throw new ArgumentException($"'{name}' is not a key fact (name, type, default, versions).", nameof(names));
                facts |= (SoraKeyFacts)(1 << i);
            }
            return facts;
        }

        private static SoraTimeUnit UnitOf(string name) =>
            SoraValueTypes.TryParseUnit(name, out var unit) ? unit : throw new ArgumentException($"'{name}' is not an interval unit.", nameof(name));

        private static SoraConfSeverity SeverityOf(string name) => name switch
        {
            "error" => SoraConfSeverity.Error,
            "warning" => SoraConfSeverity.Warning,
            "info" => SoraConfSeverity.Info,
            _ => throw new ArgumentException($"'{name}' is not a severity.", nameof(name)),
        };
    }
}
