using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Resources;
using Microsoft.CodeAnalysis;
using Sora.Config.Diagnostics;
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

        /// <summary>SORA3xxx: the deployment around Sora.</summary>
        public const string Deployment = "Sora.Config.Deployment";
    }

    internal static class SeverityExtensions
    {
        public static DiagnosticSeverity ToRoslyn(this SoraConfSeverity severity) => severity switch
        {
            SoraConfSeverity.Error => DiagnosticSeverity.Error,
            SoraConfSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
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
            foreach (var d in All()) builder.Add(d.Id, d);
            return builder.ToImmutable();
        }
    }

    /// <summary>A message argument known in English and Japanese, picked by the culture the diagnostic is
    /// rendered in (the compiler's UI culture, or the culture passed to <c>Diagnostic.GetMessage</c>). The
    /// Japanese text is rendered from the same finding on first use: a build in English never pays for it, and the
    /// rule is evaluated once whatever the language.</summary>
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

        /// <summary>The message of a finding, in both languages, from one evaluation.</summary>
        public static BilingualText Of(SoraConfDiagnostic finding) =>
            new BilingualText(finding.GetMessage(CultureInfo.InvariantCulture), () => finding.GetMessage(JapaneseCulture));

        private static readonly CultureInfo JapaneseCulture = new CultureInfo("ja-JP");

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
}
