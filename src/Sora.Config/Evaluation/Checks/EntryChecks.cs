using System;
using System.Linq;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Evaluation.Checks
{
    // The checks of one written setting on its own: what a reader of the file can say line by line.

    /// <summary><c>value</c>: the value is not valid for the key's type and range, so kvconf refuses the file.</summary>
    internal sealed class ValueCheck : IEntryCheck
    {
        public string Kind => "value";

        public bool Concerns(SoraKeyInfo? key) => false;

        /// <summary>The caller accepted the value for its type already.</summary>
        public bool MayReport(SoraKeyInfo? key, bool exists, System.ReadOnlySpan<char> value) => false;

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            foreach (var entry in run.Entries)
            {
                var parsed = run.Parse(entry);
                if (parsed.Error is not { } error) continue;
                run.Report(rule, entry.Key, SoraFindingTarget.Value, new SoraMessageArguments(key: entry.Key, detail: error.Text));
            }
        }
    }

    /// <summary>Keys the catalogue does not know, split by likelihood: <c>unknown_key</c> for one within typing distance
    /// of a key of the targeted version (most likely a typo, which kvconf silently ignores, so the setting it was meant
    /// for keeps its default; the finding suggests that key), <c>unlisted_key</c> for one close to none (a key of a newer
    /// Sora than the schema, or an undocumented one, which a project can declare in a schema file of its own).</summary>
    internal sealed class UnknownKeyCheck : IEntryCheck
    {
        private readonly bool withSuggestion;

        private UnknownKeyCheck(string kind, bool withSuggestion)
        {
            Kind = kind;
            this.withSuggestion = withSuggestion;
        }

        public static UnknownKeyCheck Misspelt { get; } = new UnknownKeyCheck("unknown_key", withSuggestion: true);

        public static UnknownKeyCheck Unlisted { get; } = new UnknownKeyCheck("unlisted_key", withSuggestion: false);

        public string Kind { get; }

        public bool Concerns(SoraKeyInfo? key) => key is null;

        public bool MayReport(SoraKeyInfo? key, bool exists, System.ReadOnlySpan<char> value) => key is null;

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            foreach (var entry in run.Entries)
            {
                if (entry.MaybeUnset || run.Parse(entry).Key != null) continue;
                var suggestion = run.Catalog.SuggestKey(entry.Key, run.Version);
                if ((suggestion != null) != withSuggestion) continue;
                var detail = suggestion is null ? (SoraText?)null : SoraText.Format("; did you mean '{0}'?", "。'{0}' の誤りではありませんか", suggestion);
                run.Report(rule, entry.Key, SoraFindingTarget.Key, new SoraMessageArguments(key: entry.Key, version: run.Version, detail: detail));
            }
        }
    }

    /// <summary><c>inline_comment</c>: a value that ends in what looks like a comment, which kvconf keeps as part of it.</summary>
    internal sealed class InlineCommentCheck : IEntryCheck
    {
        public string Kind => "inline_comment";

        /// <summary>Only keys some accepted value of which can hold a '#': a boolean, a number, an interval or an IPv4
        /// address never does (an enum only when one of its values does).</summary>
        public bool Concerns(SoraKeyInfo? key) => key != null && (key.ScalarType switch
        {
            SoraValueType.Bool or SoraValueType.Int or SoraValueType.Port or SoraValueType.Float or SoraValueType.Interval or SoraValueType.Ipv4 => false,
            SoraValueType.Enum => key.Candidates.Any(c => c.IndexOf('#') >= 0),
            _ => true,
        });

        public bool MayReport(SoraKeyInfo? key, bool exists, System.ReadOnlySpan<char> value) => key != null && exists && KvconfScanner.IndexOfInlineComment(value) >= 0;

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            foreach (var entry in run.Entries)
            {
                if (entry.Value is null) continue;
                var parsed = run.Parse(entry);
                if (parsed.Key is null || !parsed.Exists) continue;
                int hash = KvconfScanner.IndexOfInlineComment(System.MemoryExtensions.AsSpan(entry.Value));
                if (hash < 0) continue;
                var comment = parsed.Key.IsSecret ? "#…" : entry.Value.Substring(hash);
                run.Report(rule, entry.Key, SoraFindingTarget.Value, new SoraMessageArguments(key: entry.Key, detail: SoraText.Same(comment)));
            }
        }
    }

    /// <summary><c>placeholder</c>: an address or host name reserved for documentation and examples, which can never be
    /// this server's real value: a leftover from a template or a copied example.</summary>
    internal sealed class PlaceholderCheck : IEntryCheck
    {
        public string Kind => "placeholder";

        public bool Concerns(SoraKeyInfo? key) => key != null && Placeholders.CanHold(key);

        public bool MayReport(SoraKeyInfo? key, bool exists, System.ReadOnlySpan<char> value) =>
            key != null && exists && Placeholders.CanHold(key) && !Placeholders.SurelyNone(key, value) && Placeholders.Why(key, value.ToString()) != null;

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            foreach (var entry in run.Entries)
            {
                var parsed = run.Parse(entry);
                if (parsed.Key is not { } key || !parsed.Exists || parsed.Value is null || entry.Value is null) continue;
                if (Placeholders.SurelyNone(key, entry.Value.AsSpan()) || Placeholders.Why(key, entry.Value) is not { } why) continue;
                run.Report(rule, entry.Key, SoraFindingTarget.Value, new SoraMessageArguments(key: key.Name, value: SoraText.Same(entry.Value), detail: SoraText.Format(
                    "{0} is still the placeholder {1} (reserved for documentation: {2}); replace it with this server's real value",
                    "{0} の値 {1} は例示用に予約された値 ({2}) のままです。このサーバーの実際の値に置き換えてください", key.Name, entry.Value, why)));
            }
        }
    }
}
