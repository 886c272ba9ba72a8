using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Resources;
using Microsoft.CodeAnalysis;
using Sora.Config.Catalog;

namespace Sora.Config.Analyzers
{
    /// <summary>The categories of SORA diagnostics, one per ID range of the catalogue.</summary>
    internal static class Categories
    {
        /// <summary>SORA0xxx: what Sora refuses or silently misreads.</summary>
        public const string Validity = "Sora.Config.Validity";

        /// <summary>SORA1xxx: Shiguredo's production checklist (off in the development profile).</summary>
        public const string Production = "Sora.Config.Production";

        /// <summary>SORA2xxx: Sora-version compatibility.</summary>
        public const string Compatibility = "Sora.Config.Compatibility";
    }

    internal static partial class SoraDescriptors
    {
        private static readonly ResourceManager Resources = new ResourceManager("Sora.Config.Analyzers.Resources", typeof(SoraDescriptors).Assembly);

        /// <summary>"{0}": the argument is the rule engine's message (a <see cref="BilingualText"/>), which already
        /// holds the key, value and detail in English and Japanese.</summary>
        private static readonly LocalizableString Message = new LocalizableResourceString("MessageFormat", Resources, typeof(SoraDescriptors));

        private static LocalizableString Title(string id) => new LocalizableResourceString(id + "_Title", Resources, typeof(SoraDescriptors));

        private static LocalizableString Description(string id) => new LocalizableResourceString(id + "_Description", Resources, typeof(SoraDescriptors));

        private static string HelpLink(string id) => SoraCatalog.HelpUriFor(id).AbsoluteUri;

        private static ImmutableDictionary<string, DiagnosticDescriptor>? byId;

        /// <summary>Every descriptor by rule ID.</summary>
        public static ImmutableDictionary<string, DiagnosticDescriptor> ById => byId ??= Build();

        private static ImmutableDictionary<string, DiagnosticDescriptor> Build()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, DiagnosticDescriptor>(StringComparer.Ordinal);
            foreach (var d in new[]
            {
                SORA0001, SORA0002, SORA0003, SORA0004, SORA0005, SORA0006, SORA0007, SORA0008,
                SORA1001, SORA1002, SORA1003, SORA1004, SORA1005, SORA1006, SORA1007, SORA1008, SORA1009, SORA1010,
                SORA1011, SORA1012, SORA1013, SORA2001, SORA2002,
            })
            {
                builder.Add(d.Id, d);
            }
            return builder.ToImmutable();
        }
    }

    /// <summary>A message argument known in English and Japanese, picked by the culture the diagnostic is
    /// rendered in (the compiler's UI culture, or the culture passed to <c>Diagnostic.GetMessage</c>). The
    /// Japanese text may be computed on first use: a build in English never pays for it.</summary>
    internal sealed class BilingualText : LocalizableString, IEquatable<BilingualText>
    {
        private Func<string>? japaneseFactory;
        private string? japanese;

        public BilingualText(string english, string japanese)
        {
            English = english;
            this.japanese = japanese;
        }

        public BilingualText(string english, Func<string> japanese)
        {
            English = english;
            japaneseFactory = japanese;
        }

        public string English { get; }

        // A benign race: two threads may compute the same text. Once it is known, the factory (and the engine
        // inputs it holds on to) is let go.
        public string Japanese
        {
            get
            {
                var text = System.Threading.Volatile.Read(ref japanese);
                if (text is not null) return text;
                var factory = System.Threading.Volatile.Read(ref japaneseFactory);
                if (factory is null) return System.Threading.Volatile.Read(ref japanese)!;
                text = factory();
                System.Threading.Volatile.Write(ref japanese, text);
                System.Threading.Volatile.Write(ref japaneseFactory, null);
                return text;
            }
        }

        protected override string GetText(IFormatProvider? formatProvider)
        {
            // Roslyn passes the culture to render in (the compiler's UI culture when it reports).
            return formatProvider is CultureInfo culture && culture.TwoLetterISOLanguageName == "ja" ? Japanese : English;
        }

        protected override bool AreEqual(object? other) => Equals(other as BilingualText);

        public bool Equals(BilingualText? other) => other is not null && other.English == English && other.Japanese == Japanese;

        // English only: hashing must not force the Japanese text (equal texts still hash alike).
        protected override int GetHash() => StringComparer.Ordinal.GetHashCode(English);
    }

    /// <summary>Runs the runtime's rule engine in English and, when something is reported and only when a
    /// Japanese message is asked for, once more in Japanese (through <see cref="SoraText.InCulture"/>, which
    /// leaves the thread's UI culture alone), and pairs the results. The engine is deterministic, so the i-th
    /// findings correspond.</summary>
    internal static class Bilingual
    {
        private static readonly CultureInfo Japanese = new CultureInfo("ja-JP");

        public static IReadOnlyList<T> Evaluate<T>(Func<IReadOnlyList<T>> run, Func<T, string> message, out IReadOnlyList<BilingualText> messages)
        {
            var english = InCulture(CultureInfo.InvariantCulture, run);
            if (english.Count == 0)
            {
                messages = Array.Empty<BilingualText>();
                return english;
            }
            var japanese = new Lazy<IReadOnlyList<T>?>(() =>
            {
                try
                {
                    return InCulture(Japanese, run);
                }
                catch (Exception)
                {
                    // The English run of the same input succeeded; never fail while a message is rendered.
                    return null;
                }
            }, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            var result = new BilingualText[english.Count];
            for (int i = 0; i < english.Count; i++)
            {
                var index = i;
                var text = message(english[i]);
                result[i] = new BilingualText(text, () => japanese.Value is { } ja && index < ja.Count ? message(ja[index]) : text);
            }
            messages = result;
            return english;
        }

        private static TResult InCulture<TResult>(CultureInfo culture, Func<TResult> run)
        {
            using (SoraText.InCulture(culture))
            {
                return run();
            }
        }
    }
}
