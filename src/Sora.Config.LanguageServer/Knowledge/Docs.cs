using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using Sora.Config.Catalog;
using Sora.Config.Values;

namespace Sora.Config.LanguageServer.Knowledge
{
    /// <summary>The Markdown the hover and completion show: a key's facts, how Sora reads a value, a rule's why and fix.</summary>
    internal static class Docs
    {
        /// <summary>A key: its type, description and the rows of <see cref="KeyFacts.Rows"/>, which say fact by fact whether
        /// the knowledge is confirmed or inferred.</summary>
        public static string Key(SoraKeyInfo key, string version, SoraCatalog catalog, bool ja)
        {
            var md = new StringBuilder();
            md.Append("**").Append(key.Name).Append("** `").Append(KeyFacts.TypeText(key)).Append("`\n\n");
            md.Append(key.Description.For(ja ? Japanese : CultureInfo.InvariantCulture)).Append("\n\n");
            foreach (var (label, value) in KeyFacts.Rows(key, version, catalog, ja))
                md.Append(label.Length == 0 ? "- " : "- **" + label + "**: ").Append(value).Append('\n');
            return md.ToString();
        }

        /// <summary>How Sora reads <paramref name="value"/> for the key, or why it refuses it. A secret key's value is never
        /// repeated.</summary>
        public static string Value(SoraKeyInfo key, string value, bool ja)
        {
            string L(string english, string japanese) => ja ? japanese : english;
            if (!SoraValueCodec.TryParse(key, value, out var parsed, out var error))
                return L("Sora refuses this value: ", "Sora はこの値を受け付けません: ") + error.Text.For(ja ? Japanese : CultureInfo.InvariantCulture);
            if (key.IsSecret) return L($"A secret ({key.TypeName}): its value is not repeated here.", $"秘密情報 ({key.TypeName}): 値はここに表示しません。");
            return L("Sora reads: ", "Sora の解釈: ") + Reading(key, parsed, ja);
        }

        private static string Reading(SoraKeyInfo key, object parsed, bool ja)
        {
            string L(string english, string japanese) => ja ? japanese : english;
            switch (parsed)
            {
                case bool b:
                    return b ? L("`true` (on)", "`true` (有効)") : L("`false` (off)", "`false` (無効)");
                case long l:
                    return (key.Type == SoraValueType.Port ? L("port ", "ポート ") : L("the integer ", "整数 ")) + l.ToString("N0", CultureInfo.InvariantCulture);
                case double d:
                    return L("the number ", "数値 ") + d.ToString("R", CultureInfo.InvariantCulture);
                case SoraInterval interval:
                    return Interval(interval, ja);
                case IPAddress address:
                    return (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "IPv4 " : "IPv6 ") + L("address ", "アドレス ") + "`" + address + "`";
                case Uri uri:
                    return L($"a {uri.Scheme} URL to host `{uri.Host}`, port {uri.Port}{(uri.IsDefaultPort ? " (the scheme's default)" : "")}, path `{uri.AbsolutePath}`",
                        $"ホスト `{uri.Host}`・ポート {uri.Port}{(uri.IsDefaultPort ? " (スキームの既定)" : "")}・パス `{uri.AbsolutePath}` の {uri.Scheme} URL");
                case IReadOnlyList<object> list:
                    var items = list.Select(item => item is SoraInterval iv ? iv.ToString() : Convert.ToString(item, CultureInfo.InvariantCulture)).ToList();
                    return L($"a list of {items.Count} item(s): ", $"{items.Count} 項目のリスト: ") + string.Join(", ", items.Select(i => "`" + i + "`"));
                case string s when key.Type == SoraValueType.Enum:
                    return L($"`{s}`, one of {string.Join(", ", key.Candidates)}", $"`{s}` ({string.Join("、", key.Candidates)} のいずれか)");
                case string s:
                    return L($"the text `{s}` ({s.Length} characters, taken as written: no quotes or escapes)", $"文字列 `{s}` ({s.Length} 文字。引用符やエスケープはなく、書いたとおりに扱われます)");
                default:
                    return Convert.ToString(parsed, CultureInfo.InvariantCulture) ?? "";
            }
        }

        /// <summary><c>30 s</c> → "30 seconds (30,000 ms)".</summary>
        public static string Interval(SoraInterval interval, bool ja)
        {
            long ms = interval.TotalMilliseconds;
            var seconds = (ms / 1000m).ToString("0.###", CultureInfo.InvariantCulture);
            var millis = ms.ToString("N0", CultureInfo.InvariantCulture);
            return ja ? $"{interval} = {seconds} 秒 ({millis} ミリ秒)" : $"{interval} = {seconds} seconds ({millis} ms)";
        }

        /// <summary>A finding's rule: title, why it matters, how to fix it, and the rule's page.</summary>
        public static string Rule(SoraRuleInfo rule, string severity, bool ja)
        {
            var culture = ja ? Japanese : CultureInfo.InvariantCulture;
            var md = new StringBuilder();
            md.Append("**").Append(rule.Id).Append("** ").Append(rule.Title.For(culture)).Append(" (").Append(severity).Append(")\n\n");
            md.Append("**").Append(ja ? "理由" : "Why").Append("**: ").Append(rule.Rationale.For(culture)).Append("\n\n");
            md.Append("**").Append(ja ? "対処" : "Fix").Append("**: ").Append(rule.Remediation.For(culture)).Append("\n\n");
            md.Append('[').Append(rule.Id).Append(' ').Append(rule.Slug).Append("](").Append(rule.HelpUri.AbsoluteUri).Append(")\n");
            return md.ToString();
        }

        public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");
    }
}
