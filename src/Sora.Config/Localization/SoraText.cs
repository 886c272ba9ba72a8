using System.Globalization;

namespace Sora.Config
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

        public static bool UseJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";

        /// <summary>The text for the current UI culture.</summary>
        public string Current => UseJapanese ? Japanese : English;

        public string For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ja" ? Japanese : English;

        public override string ToString() => Current;

        public static SoraText Same(string text) => new SoraText(text, text);
    }
}
