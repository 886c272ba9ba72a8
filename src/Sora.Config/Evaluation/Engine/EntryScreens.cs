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
        private readonly ConditionalWeakTable<SoraKeyInfo[], KeyScreens> byKeys = new ConditionalWeakTable<SoraKeyInfo[], KeyScreens>();

        // Made once: a lambda written at the call would allocate a delegate on every parse.
        private readonly ConditionalWeakTable<SoraKeyInfo[], KeyScreens>.CreateValueCallback newKeyScreens;

        private EntryScreens(SoraCatalog catalog)
        {
            var found = new List<IEntryCheck>();
            foreach (var rule in catalog.Rules)
            {
                if (rule.Scope == SoraRuleScope.Entry && CheckRegistry.TryGet(rule.Check.Kind, out var check) && check is IEntryCheck entry && !found.Contains(entry)) found.Add(entry);
            }
            checks = found.ToArray();
            newKeyScreens = k => new KeyScreens(checks, k);
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

        /// <summary>The screens of each key of a generated class (its binding keys, all of its targeted version), built once
        /// per class: a setting is asked only of the checks that concern its key (a boolean is never a placeholder).</summary>
        public KeyScreens ForKeys(SoraKeyInfo[] keys) => byKeys.GetValue(keys, newKeyScreens);

        internal sealed class KeyScreens
        {
            private readonly IEntryCheck[][] byIndex;
            private readonly SoraKeyInfo[] keys;

            public KeyScreens(IEntryCheck[] checks, SoraKeyInfo[] keys)
            {
                this.keys = keys;
                byIndex = new IEntryCheck[keys.Length][];
                for (int i = 0; i < keys.Length; i++) byIndex[i] = Array.FindAll(checks, c => c.Concerns(keys[i]));
            }

            /// <summary>As <see cref="EntryScreens.MayReport"/> for the key at <paramref name="index"/>, which exists in the version.</summary>
            public bool MayReport(int index, ReadOnlySpan<char> value)
            {
                var key = keys[index];
                foreach (var check in byIndex[index])
                {
                    if (check.MayReport(key, true, value)) return true;
                }
                return false;
            }
        }
    }
}
