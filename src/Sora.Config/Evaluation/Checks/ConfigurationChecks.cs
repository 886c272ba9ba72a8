using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Shared;

namespace Sora.Config.Evaluation.Checks
{
    // The checks of the configuration as a whole: effective values (a key that is not written takes the targeted
    // version's default), versions and conditions across keys.

    /// <summary><c>version</c>: a key that the targeted Sora version does not have (added later, or removed).</summary>
    internal sealed class VersionCheck : ICheck
    {
        public string Kind => "version";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            foreach (var entry in run.Entries)
            {
                if (entry.MaybeUnset) continue;
                var parsed = run.Parse(entry);
                if (parsed.Key is not { } key || parsed.Exists) continue;
                var detail = key.Removed != null && SoraNames.VersionOrdinal(key.Removed) <= SoraNames.VersionOrdinal(run.Version)
                    ? SoraText.Format("was removed in Sora {0} (targeted: {1}); Sora ignores it", " Sora {0} で削除されました (対象: {1})。Sora はこの設定を無視します", key.Removed, run.Version)
                    : SoraText.Format("appears in Sora {0} (targeted: {1}); Sora {1} ignores it", " Sora {0} で追加されたキーです (対象: {1})。Sora {1} はこの設定を無視します", key.Since, run.Version);
                run.Report(rule, entry.Key, SoraFindingTarget.Key, new SoraMessageArguments(key: entry.Key, detail: detail));
            }
        }
    }

    /// <summary><c>deprecated</c>: a key deprecated in the targeted version, or a legacy migration switch.</summary>
    internal sealed class DeprecatedCheck : ICheck
    {
        public string Kind => "deprecated";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            foreach (var entry in run.Entries)
            {
                if (entry.MaybeUnset) continue;
                var parsed = run.Parse(entry);
                if (parsed.Key is not { } key || !parsed.Exists || !key.IsDeprecatedIn(run.VersionOrdinal)) continue;
                // The two languages join the removal differently, so each side is built with its own.
                var removedEn = key.Removed is null ? "" : " and is removed in Sora " + key.Removed;
                var removedJa = key.Removed is null ? "" : "。Sora " + key.Removed + " で削除されます";
                var detail = key.IsLegacy
                    ? new SoraText("is a migration switch that keeps old behaviour" + removedEn, "古い動作を残すための移行用スイッチです" + removedJa)
                    : new SoraText("is deprecated since Sora " + key.Deprecated + removedEn, " Sora " + key.Deprecated + " から非推奨です" + removedJa);
                run.Report(rule, entry.Key, SoraFindingTarget.Key, new SoraMessageArguments(key: entry.Key, detail: detail));
            }
        }
    }

    /// <summary><c>condition</c>: every predicate of <c>check.when</c> holds on effective values; reported at <c>check.at</c>.</summary>
    internal sealed class ConditionCheck : ICheck
    {
        private static readonly SoraText NotSet = new SoraText("not set", "未設定");

        public string Kind => "condition";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            var check = rule.Check;
            var at = check.At!;
            if (run.IsUncertain(at) || AnyUncertain(run, check.When)) return;
            if (!run.HoldsAll(check.When)) return;
            if (!run.Catalog.TryGetKey(at, out var key) || !key.ExistsIn(run.VersionOrdinal)) return;
            var value = run.Get(at);
            var shown = key.IsSecret ? SoraText.Same("(secret)") : value.Text is { } text ? SoraText.Same(text) : NotSet;
            run.Report(rule, at, SoraFindingTarget.Line, new SoraMessageArguments(key: at, value: shown, @default: key.DefaultFor(run.Version) ?? ""));
        }

        internal static bool AnyUncertain(EvaluationRun run, IReadOnlyList<SoraPredicate> predicates)
        {
            for (int i = 0; i < predicates.Count; i++) if (run.IsUncertain(predicates[i].Key)) return true;
            return false;
        }
    }

    /// <summary><c>each</c>: the test <c>check.test</c> on the effective value of every key in <c>check.keys</c>.</summary>
    internal sealed class EachCheck : ICheck
    {
        public string Kind => "each";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            var check = rule.Check;
            if (ConditionCheck.AnyUncertain(run, check.When) || !run.HoldsAll(check.When)) return;
            foreach (var name in check.Keys)
            {
                if (run.IsValueUnknown(name)) continue;
                var value = run.Get(name);
                if (!value.Valid || value.Parsed is null) continue;
                if (Fails(check.Test, value.Parsed, out var detail))
                {
                    run.Report(rule, name, SoraFindingTarget.Value, new SoraMessageArguments(key: name, detail: SoraText.Same(detail!)));
                }
            }
        }

        /// <summary>The tests of <c>each</c> checks (their names are listed in the shared <c>SoraNames.EachTests</c>).</summary>
        private static bool Fails(string? test, object value, out string? detail)
        {
            detail = null;
            switch (test)
            {
                case "plain_http_to_non_loopback" when value is Uri uri && uri.Scheme == "http" && !IsLoopback(uri.Host):
                    detail = uri.Host;
                    return true;
                default:
                    return false;
            }
        }

        internal static bool IsLoopback(string host)
        {
            var h = host.Trim('[', ']');
            if (h.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
            return IPAddress.TryParse(h, out var ip) && IPAddress.IsLoopback(ip);
        }
    }

    /// <summary><c>distinct_ports</c>: two of the listeners in <c>check.listeners</c> on the same port.</summary>
    internal sealed class DistinctPortsCheck : ICheck
    {
        public string Kind => "distinct_ports";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            var taken = new List<PortRange>();
            foreach (var listener in rule.Check.Listeners)
            {
                var lowKey = listener.Key ?? listener.RangeMin!;
                var highKey = listener.Key ?? listener.RangeMax!;
                if (run.IsValueUnknown(lowKey) || run.IsValueUnknown(highKey) || ConditionCheck.AnyUncertain(run, listener.When)) continue;
                if (!run.HoldsAll(listener.When)) continue;
                if (!(run.Get(lowKey).Parsed is long low) || !(run.Get(highKey).Parsed is long high)) continue;
                foreach (var other in taken)
                {
                    long overlap = Math.Max(low, other.Low);
                    if (overlap > Math.Min(high, other.High)) continue;
                    // Report at the listener the user wrote, so the finding lands on a line they can change.
                    var at = run.Get(lowKey).Written || !run.Get(other.Key).Written ? lowKey : other.Key;
                    var than = at == lowKey ? other.Key : lowKey;
                    run.Report(rule, at, SoraFindingTarget.Value, new SoraMessageArguments(key: at, value: SoraText.Same(overlap.ToString(CultureInfo.InvariantCulture)), other: than));
                }
                taken.Add(new PortRange(listener.Key ?? listener.RangeMin + ".." + listener.RangeMax, low, high));
            }
        }

        /// <summary>A listener's ports, low to high. A class, so that the list runs ReadyToRun code (see LinePositions.cs).</summary>
        private sealed record PortRange(string Key, long Low, long High);
    }
}
