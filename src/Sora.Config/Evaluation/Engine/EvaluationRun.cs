using System;
using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Evaluation.Engine
{
    /// <summary>One evaluation of the catalogue: its inputs (the entries, and the file when there is one), the effective
    /// values the checks share, and the findings. Every check kind reports through <see cref="Report"/>, which applies
    /// the options (profile, per-rule severities, targeted version) and gives the finding its position.</summary>
    internal sealed class EvaluationRun
    {
        private readonly Dictionary<string, Entry> entryByKey;
        private readonly CatalogCache cache;

        public EvaluationRun(SoraConfEvaluationOptions options, List<Entry> entries, FileFacts? file)
        {
            Options = options;
            Catalog = options.EffectiveCatalog;
            Version = options.EffectiveVersion;
            VersionOrdinal = Shared.SoraNames.VersionOrdinal(Version);
            Entries = entries;
            File = file;
            if (file != null && ReferenceEquals(entries, file.Entries)) entryByKey = file.EntryByKey;
            else
            {
                entryByKey = new Dictionary<string, Entry>(entries.Count, StringComparer.Ordinal);
                foreach (var entry in entries)
                {
                    if (!entryByKey.ContainsKey(entry.Key)) entryByKey.Add(entry.Key, entry);
                }
            }
            cache = CatalogCache.For(Catalog);
        }

        public SoraConfEvaluationOptions Options { get; }

        public SoraCatalog Catalog { get; }

        /// <summary>The catalogue's rules, each with the check of its kind (resolved once per catalogue).</summary>
        public IReadOnlyList<(SoraRuleInfo Rule, Checks.ICheck Check)> RuleChecks => cache.RuleChecks;

        public string Version { get; }

        /// <summary><see cref="Version"/> as an ordinal, for the questions asked of every key and rule.</summary>
        public int VersionOrdinal { get; }

        /// <summary>The first occurrence of each written key, in order.</summary>
        public List<Entry> Entries { get; }

        /// <summary>The file's lines when the input is a file; null for settings (a typed object, constants).</summary>
        public FileFacts? File { get; }

        public List<SoraConfDiagnostic> Diagnostics { get; } = new List<SoraConfDiagnostic>();

        public bool TryGetEntry(string key, out Entry entry) => entryByKey.TryGetValue(key, out entry!);

        /// <summary>True when the key is written but the caller does not know its value.</summary>
        public bool IsValueUnknown(string key) => entryByKey.TryGetValue(key, out var e) && e.Value is null;

        /// <summary>True when the caller cannot tell whether the key is written, or what it is written as.</summary>
        public bool IsUncertain(string key) => entryByKey.TryGetValue(key, out var e) && (e.Value is null || e.MaybeUnset);

        /// <summary>The entry's key and value parsed once for all checks: the key's schema entry when it is known and exists
        /// in the targeted version, and its typed value (or why the text is invalid).</summary>
        public Parsed Parse(Entry entry)
        {
            if (ReferenceEquals(entry.ParsedBy, this)) return entry.ParsedValue;
            Parsed result;
            if (!Catalog.TryGetKey(entry.Key, out var key)) result = Parsed.Unknown;
            else if (!key.ExistsIn(VersionOrdinal)) result = new Parsed(key, exists: false, null, null);
            else if (entry.Value is null) result = new Parsed(key, exists: true, null, null);
            else if (SoraValueCodec.TryParse(key, entry.Value, out var value, out var error)) result = new Parsed(key, exists: true, value, null);
            else result = new Parsed(key, exists: true, null, error);
            entry.ParsedValue = result;
            entry.CanonicalText = null;
            entry.ParsedBy = this;
            return result;
        }

        /// <summary>A key's effective value: its written value when valid, else the targeted version's default.</summary>
        public Effective Get(string name)
        {
            if (entryByKey.TryGetValue(name, out var entry))
            {
                var p = Parse(entry);
                if (p.Key is null || !p.Exists) return cache.Default(Version, name);
                if (entry.Value is null || p.Error != null) return Effective.Invalid;
                // Predicates ask for the same keys again and again: spell each value once per run.
                return new Effective(entry.CanonicalText ??= SoraValueCodec.Format(p.Key, p.Value!), p.Value, written: true, valid: true);
            }
            return cache.Default(Version, name);
        }

        /// <summary>All predicates hold (a plain loop: it runs for every rule of every evaluation).</summary>
        public bool HoldsAll(IReadOnlyList<SoraPredicate> predicates)
        {
            for (int i = 0; i < predicates.Count; i++)
            {
                if (!Holds(predicates[i])) return false;
            }
            return true;
        }

        /// <summary>A predicate on effective values; an invalid value takes part in none.</summary>
        public bool Holds(SoraPredicate p)
        {
            var value = Get(p.Key);
            if (!value.Valid) return false;
            switch (p.Op)
            {
                case "set": return value.Written;
                case "unset": return value.Text is null;
                case "is": return value.Text != null && value.Text == cache.Canonical(p);
                case "is_not": return value.Text is null || value.Text != cache.Canonical(p);
                default: return false;
            }
        }

        /// <summary>Reports a finding of <paramref name="rule"/> unless the options turn it off. Without an explicit
        /// position, a finding about a written key points at its line (key, value or both, per <paramref name="target"/>);
        /// about a key that is not written, at a commented-out template line for it, if the file has one.</summary>
        /// <remarks>With <c>accepted</c> set, Sora still reads the file (the finding describes a misreading, not a refusal):
        /// the rule's <see cref="SoraRuleInfo.AcceptedSeverity"/> applies unless the options set the rule's severity.</remarks>
        public void Report(SoraRuleInfo rule, string? key, SoraFindingTarget target, SoraMessageArguments arguments, int line = 0, int column = 0, int endColumn = 0, bool accepted = false)
        {
            if (!rule.AppliesTo(VersionOrdinal)) return;
            var severity = Options.SeverityOf(rule, accepted);
            if (severity is null) return;
            var path = File?.Document.Path;
            if (line == 0 && key != null) Locate(key, target, out line, out column, out endColumn);
            Diagnostics.Add(new SoraConfDiagnostic(rule, severity.Value, arguments, key, target, line, column, line, Math.Max(endColumn, column + (line > 0 ? 1 : 0)), path));
        }

        private void Locate(string key, SoraFindingTarget target, out int line, out int column, out int endColumn)
        {
            line = column = endColumn = 0;
            if (entryByKey.TryGetValue(key, out var entry) && entry.Line is { } l)
            {
                line = entry.LineNumber;
                (column, endColumn) = Columns(l, target);
                return;
            }
            if (File is null) return;
            int template = File.Document.FindTemplate(key);
            if (template >= 0)
            {
                // Not written: point at the commented-out template line for the key, where the fix goes.
                line = template + 1;
                column = 1;
                endColumn = File.Document.Lines[template].Text.TrimEnd('\r').Length + 1;
            }
        }

        /// <summary>The columns a finding about a line's key, value or whole setting covers (1-based, end exclusive).</summary>
        internal static (int Column, int EndColumn) Columns(SoraConfLine l, SoraFindingTarget target) => target switch
        {
            SoraFindingTarget.Key => (l.KeyStart + 1, l.KeyEnd + 1),
            SoraFindingTarget.Value when l.ValueEnd > l.ValueStart => (l.ValueStart + 1, l.ValueEnd + 1),
            _ => (l.KeyStart + 1, Math.Max(l.ValueEnd, l.KeyEnd) + 1),
        };
    }

    /// <summary>A written key parsed against the catalogue.</summary>
    internal readonly struct Parsed
    {
        public static readonly Parsed Unknown = new Parsed(null, false, null, null);

        public Parsed(SoraKeyInfo? key, bool exists, object? value, SoraValueError? error)
        {
            Key = key;
            Exists = exists;
            Value = value;
            Error = error;
        }

        /// <summary>The schema entry; null for a key the catalogue does not know.</summary>
        public SoraKeyInfo? Key { get; }

        /// <summary>The key exists in the targeted version.</summary>
        public bool Exists { get; }

        /// <summary>The typed value (null when unknown to the caller, or invalid).</summary>
        public object? Value { get; }

        public SoraValueError? Error { get; }
    }

    /// <summary>A key's effective value: written (valid or not), else the version's default.</summary>
    internal readonly struct Effective
    {
        public static readonly Effective Invalid = new Effective(null, null, written: true, valid: false);

        public Effective(string? text, object? parsed, bool written, bool valid)
        {
            Text = text;
            Parsed = parsed;
            Written = written;
            Valid = valid;
        }

        /// <summary>The canonical sora.conf spelling; null when neither written nor defaulted.</summary>
        public string? Text { get; }

        public object? Parsed { get; }

        public bool Written { get; }

        public bool Valid { get; }
    }

    /// <summary>What depends only on the catalogue (and version), computed once instead of on every evaluation: each
    /// default parsed and formatted, each predicate's value in canonical spelling. A catalogue is immutable.</summary>
    internal sealed class CatalogCache
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SoraCatalog, CatalogCache> Caches =
            new System.Runtime.CompilerServices.ConditionalWeakTable<SoraCatalog, CatalogCache>();

        private readonly SoraCatalog catalog;
        // Boxed: over a struct, the dictionary's code is compiled when the command line tool starts; over a class it is
        // the framework's ReadyToRun code (see LinePositions.cs).
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentDictionary<string, KnownDefault>> defaults =
            new System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentDictionary<string, KnownDefault>>(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SoraPredicate, string?> canonical =
            new System.Collections.Concurrent.ConcurrentDictionary<SoraPredicate, string?>();

        private CatalogCache(SoraCatalog catalog)
        {
            this.catalog = catalog;
            var ruleChecks = new List<(SoraRuleInfo, Checks.ICheck)>(catalog.Rules.Count);
            foreach (var rule in catalog.Rules)
            {
                if (Checks.CheckRegistry.TryGet(rule.Check.Kind, out var check)) ruleChecks.Add((rule, check));
            }
            RuleChecks = ruleChecks;
        }

        /// <summary>The rules whose kind has a check here (deployment kinds have theirs in DeploymentEvaluator), in catalogue order.</summary>
        public IReadOnlyList<(SoraRuleInfo Rule, Checks.ICheck Check)> RuleChecks { get; }

        public static CatalogCache For(SoraCatalog catalog) => Caches.GetValue(catalog, c => new CatalogCache(c));

        /// <summary>The effective value of a key that is not written: the version's default, parsed.</summary>
        public Effective Default(string version, string name)
        {
            var perVersion = defaults.GetOrAdd(version, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, KnownDefault>(StringComparer.Ordinal));
            if (perVersion.TryGetValue(name, out var known)) return known.Value;
            var value = new Effective(null, null, written: false, valid: true);
            if (catalog.TryGetKey(name, out var key) && key.ExistsIn(version) && key.DefaultFor(version) is { } text
                && SoraValueCodec.TryParse(key, text, out var parsed, out _))
            {
                value = new Effective(SoraValueCodec.Format(key, parsed!), parsed, written: false, valid: true);
            }
            perVersion[name] = new KnownDefault(value);
            return value;
        }

        private sealed record KnownDefault(Effective Value);

        public string? Canonical(SoraPredicate p)
        {
            if (canonical.TryGetValue(p, out var c)) return c;
            c = catalog.TryGetKey(p.Key, out var key) && SoraValueCodec.TryCanonicalize(key, p.Value ?? "", out var spelled) ? spelled : p.Value;
            canonical[p] = c;
            return c;
        }
    }
}
