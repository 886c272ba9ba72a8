using System;
using System.Globalization;

namespace Sora.Config.Catalog
{
    /// <summary>A text in English and Japanese. Which one is shown is decided where it is shown (<see cref="For"/>):
    /// the library keeps no culture state of its own.</summary>
    public readonly struct SoraText : IEquatable<SoraText>
    {
        public SoraText(string english, string japanese)
        {
            English = english;
            Japanese = japanese;
        }

        public string English { get; }

        public string Japanese { get; }

        /// <summary>Japanese for a culture whose language is <c>ja</c>, else English.</summary>
        public string For(CultureInfo? culture) => IsJapanese(culture) ? Japanese : English;

        /// <summary>The text for the current UI culture.</summary>
        public override string ToString() => For(CultureInfo.CurrentUICulture);

        public static SoraText Same(string text) => new SoraText(text, text);

        /// <summary>Both languages formatted with the same arguments (invariant culture).</summary>
        internal static SoraText Format(string english, string japanese, params object?[] args) =>
            new SoraText(string.Format(CultureInfo.InvariantCulture, english, args), string.Format(CultureInfo.InvariantCulture, japanese, args));

        internal static bool IsJapanese(CultureInfo? culture) => culture is not null && culture.TwoLetterISOLanguageName == "ja";

        public bool Equals(SoraText other) => English == other.English && Japanese == other.Japanese;

        public override bool Equals(object? obj) => obj is SoraText other && Equals(other);

        public override int GetHashCode() => English is null ? 0 : English.GetHashCode();
    }
}
