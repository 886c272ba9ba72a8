using System;
using System.Globalization;
using Sora.Config.Catalog;

namespace Sora.Config.Diagnostics
{
    /// <summary>What a rule's message template (<c>message</c>/<c>message_ja</c> in rules.toml) is filled with:
    /// <c>{key}</c>, <c>{default}</c>, <c>{other}</c>, <c>{version}</c> are language-neutral; <c>{value}</c> and
    /// <c>{detail}</c> are texts of their own in English and Japanese. A secret value is never an argument.</summary>
    public sealed class SoraMessageArguments : IEquatable<SoraMessageArguments>
    {
        internal static readonly SoraMessageArguments None = new SoraMessageArguments();

        internal SoraMessageArguments(string? key = null, SoraText? value = null, string? @default = null, SoraText? detail = null, string? other = null, string? version = null)
        {
            Key = key;
            Value = value;
            Default = @default;
            Detail = detail;
            Other = other;
            Version = version;
        }

        public string? Key { get; }

        /// <summary>A value as shown in the message (never a secret); a text because "not set" is worded per language.</summary>
        public SoraText? Value { get; }

        public string? Default { get; }

        public SoraText? Detail { get; }

        public string? Other { get; }

        public string? Version { get; }

        /// <summary>The template in <paramref name="culture"/>'s language with every placeholder filled.</summary>
        public string Render(SoraText template, CultureInfo culture)
        {
            var text = template.For(culture);
            if (text.IndexOf('{') < 0) return text;
            return text
                .Replace("{key}", Key ?? "")
                .Replace("{value}", Value?.For(culture) ?? "")
                .Replace("{default}", Default ?? "")
                .Replace("{detail}", Detail?.For(culture) ?? "")
                .Replace("{other}", Other ?? "")
                .Replace("{version}", Version ?? "");
        }

        public bool Equals(SoraMessageArguments? other) =>
            other is not null && Key == other.Key && Nullable.Equals(Value, other.Value) && Default == other.Default && Other == other.Other && Version == other.Version
            && Nullable.Equals(Detail, other.Detail);

        public override bool Equals(object? obj) => Equals(obj as SoraMessageArguments);

        public override int GetHashCode() => unchecked(((Key?.GetHashCode() ?? 0) * 397) ^ (Detail?.English.GetHashCode() ?? 0));
    }
}
