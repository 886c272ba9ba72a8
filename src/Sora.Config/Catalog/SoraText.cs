using System;
using System.Globalization;

namespace Sora.Config.Catalog
{
    /// <summary>A text in English and Japanese. Japanese is chosen when the current UI culture is <c>ja</c>.</summary>
    public readonly struct SoraText
    {
        public SoraText(string english, string japanese)
        {
            English = english;
            Japanese = japanese;
        }

        public string English { get; }

        public string Japanese { get; }

        [ThreadStatic]
        private static CultureInfo? scopedCulture;

        /// <summary>True when texts are shown in Japanese: the culture of the innermost <see cref="InCulture"/>
        /// scope on this thread, else <see cref="CultureInfo.CurrentUICulture"/>.</summary>
        public static bool UseJapanese => (scopedCulture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "ja";

        /// <summary>Words the messages of the rule engine and the linter for <paramref name="culture"/> on this
        /// thread until the returned scope is disposed, without touching the thread's UI culture (Roslyn
        /// analyzers may not change it, and need both languages).</summary>
        public static IDisposable InCulture(CultureInfo culture) => new CultureScope(culture);

        private sealed class CultureScope : IDisposable
        {
            private readonly CultureInfo? previous;
            private bool disposed;

            public CultureScope(CultureInfo culture)
            {
                previous = scopedCulture;
                scopedCulture = culture;
            }

            public void Dispose()
            {
                if (disposed) return;
                disposed = true;
                scopedCulture = previous;
            }
        }

        /// <summary>The text for the current UI culture.</summary>
        public string Current => UseJapanese ? Japanese : English;

        public string For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ja" ? Japanese : English;

        public override string ToString() => Current;

        public static SoraText Same(string text) => new SoraText(text, text);
    }
}
