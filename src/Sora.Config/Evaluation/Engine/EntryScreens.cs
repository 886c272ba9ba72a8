using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Checks;

namespace Sora.Config.Evaluation.Engine
{
    /// <summary>The entry-level checks of a catalogue's rules, asked whether they might report on a setting (see
    /// <see cref="IEntryCheck"/>). Built once per catalogue.</summary>
    internal sealed class EntryScreens
    {
        private static readonly ConditionalWeakTable<SoraCatalog, EntryScreens> Cache = new ConditionalWeakTable<SoraCatalog, EntryScreens>();

        private readonly IEntryCheck[] checks;

        private EntryScreens(SoraCatalog catalog)
        {
            var found = new List<IEntryCheck>();
            foreach (var rule in catalog.Rules)
            {
                if (rule.Scope == SoraRuleScope.Entry && CheckRegistry.TryGet(rule.Check.Kind, out var check) && check is IEntryCheck entry && !found.Contains(entry)) found.Add(entry);
            }
            checks = found.ToArray();
        }

        public static EntryScreens For(SoraCatalog catalog) => Cache.GetValue(catalog, c => new EntryScreens(c));

        public bool MayReport(SoraKeyInfo? key, bool exists, ReadOnlySpan<char> value)
        {
            foreach (var check in checks)
            {
                if (check.MayReport(key, exists, value)) return true;
            }
            return false;
        }
    }
}
