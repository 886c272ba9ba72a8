using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Sora.Config.SchemaGen
{
    /// <summary>Small Markdown helpers. Everything here is culture-invariant and emits LF only.</summary>
    internal static class Markdown
    {
        /// <summary>The placeholders shown for characters that would be invisible in a code block.</summary>
        public static readonly IReadOnlyList<(char Char, string Placeholder, string English, string Japanese)> Invisibles = new[]
        {
            ('\uFEFF', "<U+FEFF>", "the UTF-8 byte order mark (U+FEFF)", "UTF-8 の BOM (U+FEFF)"),
            ('\0', "<NUL>", "a NUL byte (U+0000)", "NUL バイト (U+0000)"),
            ('\t', "<TAB>", "a tab character (U+0009)", "タブ文字 (U+0009)"),
            ('\r', "<CR>", "a carriage return (U+000D)", "復帰文字 CR (U+000D)"),
        };

        /// <summary>An inline code span that survives backticks in the text.</summary>
        public static string Code(string text)
        {
            if (text.Length == 0) return "`\"\"`";
            int longest = LongestRun(text, '`');
            if (longest == 0) return "`" + text + "`";
            var fence = new string('`', longest + 1);
            return fence + " " + text + " " + fence;
        }

        /// <summary>Text for a table cell: pipes escaped, line breaks turned into spaces.</summary>
        public static string Cell(string text) =>
            text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace("|", "\\|");

        /// <summary>A link whose text is its own address.</summary>
        public static string Link(string url) => "[" + url.Replace("[", "\\[").Replace("]", "\\]") + "](" + url.Replace(" ", "%20").Replace(")", "%29") + ")";

        /// <summary>Replaces characters that would not be visible in a code block by placeholders;
        /// reports which placeholders were used.</summary>
        public static string ShowInvisible(string text, ISet<string> used)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                string? placeholder = null;
                foreach (var (ch, ph, _, _) in Invisibles)
                {
                    if (ch == c) { placeholder = ph; break; }
                }
                if (placeholder is null && c != '\n'
                    && (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
                {
                    placeholder = "<U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ">";
                }
                if (placeholder is null) sb.Append(c);
                else
                {
                    sb.Append(placeholder);
                    used.Add(placeholder);
                }
            }
            return sb.ToString();
        }

        /// <summary>Appends a fenced code block. The trailing newline of <paramref name="body"/> is not repeated.</summary>
        public static void Fence(StringBuilder sb, string language, string body)
        {
            var fence = new string('`', Math.Max(3, LongestRun(body, '`') + 1));
            var text = body.EndsWith("\n", StringComparison.Ordinal) ? body.Substring(0, body.Length - 1) : body;
            sb.Append(fence).Append(language).Append('\n');
            if (text.Length > 0) sb.Append(text).Append('\n');
            sb.Append(fence).Append('\n');
        }

        private static int LongestRun(string text, char c)
        {
            int longest = 0, run = 0;
            foreach (var ch in text)
            {
                run = ch == c ? run + 1 : 0;
                if (run > longest) longest = run;
            }
            return longest;
        }
    }
}
