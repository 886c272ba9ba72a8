using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation.Checks;
using Sora.Config.Syntax;

namespace Sora.Config.Evaluation.Engine
{
    /// <summary>The entry-level checks of a catalogue's rules, asked whether they might report on a setting (see
    /// <see cref="IEntryCheck"/>), and what in comment lines the same rules' checks read (<see cref="ICommentCheck"/>).
    /// Built once per catalogue.</summary>
    internal sealed class EntryScreens
    {
        private static readonly ConditionalWeakTable<SoraCatalog, EntryScreens> Cache = new ConditionalWeakTable<SoraCatalog, EntryScreens>();
        private static readonly ConditionalWeakTable<SoraCatalog, EntryScreens> ErrorCache = new ConditionalWeakTable<SoraCatalog, EntryScreens>();

        private readonly IEntryCheck[] checks;
        private readonly ConditionalWeakTable<SoraKeyInfo[], KeyScreens> byKeys = new ConditionalWeakTable<SoraKeyInfo[], KeyScreens>();

        // Made once: a lambda written at the call would allocate a delegate on every parse.
        private readonly ConditionalWeakTable<SoraKeyInfo[], KeyScreens>.CreateValueCallback newKeyScreens;

        private EntryScreens(SoraCatalog catalog, bool errorsOnly)
        {
            var found = new List<IEntryCheck>();
            foreach (var rule in catalog.Rules)
            {
                if (errorsOnly && rule.DefaultSeverity != SoraConfSeverity.Error) continue;
                if (CheckRegistry.TryGet(rule.Check.Kind, out var reader) && reader is ICommentCheck comments) Marks |= comments.Marks;
                if (rule.Scope == SoraRuleScope.Entry && CheckRegistry.TryGet(rule.Check.Kind, out var check) && check is IEntryCheck entry && !found.Contains(entry)) found.Add(entry);
            }
            // A suppression comment hides any rule's finding, not only the suppression rule's: a reader that reports the
            // findings of flagged settings itself (TryParse) must leave a file holding one to the linter, which applies it.
            // Parse reports none itself (it reads a flagged file again through TryParse's path), so it need not look.
            if (!errorsOnly) Marks |= CommentMarks.SuppressionComment;
            checks = found.ToArray();
            newKeyScreens = k => new KeyScreens(checks, k);
        }

        public static EntryScreens For(SoraCatalog catalog) => Cache.GetValue(catalog, c => new EntryScreens(c, errorsOnly: false));

        /// <summary>The checks of the catalogue's entry rules that report errors (in the bundled catalogue, only the value
        /// check, which never reports on a value the class accepted): what a reader that keeps no warnings must ask.</summary>
        public static EntryScreens ForErrors(SoraCatalog catalog) => ErrorCache.GetValue(catalog, c => new EntryScreens(c, errorsOnly: true));

        /// <summary>What in the comment lines the fast path passes over the same rules' checks report on; with every rule
        /// screened, suppression comments too (they may hide any finding).</summary>
        public CommentMarks Marks { get; }

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

            /// <summary>As <see cref="EntryScreens.MayReport"/> for the key at <paramref name="index"/>, which exists in the
            /// version, and a value the class accepted. Inlined: most keys (booleans, numbers) concern no check.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public bool MayReport(int index, ReadOnlySpan<char> value)
            {
                var checks = byIndex[index];
                return checks.Length != 0 && Ask(checks, keys[index], value);
            }

            private static bool Ask(IEntryCheck[] checks, SoraKeyInfo key, ReadOnlySpan<char> value)
            {
                foreach (var check in checks)
                {
                    if (check.MayReport(key, true, value)) return true;
                }
                return false;
            }
        }
    }
}
