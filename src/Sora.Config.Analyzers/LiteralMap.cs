using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Sora.Config.Analyzers
{
    /// <summary>Maps positions in the value of a string literal back to the source. Handles regular literals
    /// (with every escape form), verbatim literals and raw literals, single- and multi-line (with the
    /// closing line's indentation removed, as the compiler does). When the mapping cannot be built exactly
    /// (interpolation, concatenation, a constant from elsewhere) the whole expression is used.</summary>
    internal sealed class LiteralMap
    {
        private readonly int[]? map;
        private readonly int[] lineStarts;
        private readonly SyntaxNode whole;

        private LiteralMap(SyntaxNode whole, string value, int[]? map)
        {
            this.whole = whole;
            this.map = map;
            var starts = new List<int> { 0 };
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] == '\n') starts.Add(i + 1);
            }
            lineStarts = starts.ToArray();
            Length = value.Length;
        }

        public int Length { get; }

        /// <summary>True when positions map exactly; false when every position maps to the whole expression.</summary>
        public bool IsExact => map is not null;

        public static LiteralMap Create(SyntaxNode expression, string value)
        {
            int[]? map = null;
            if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                var token = literal.Token;
                map = token.Kind() switch
                {
                    SyntaxKind.StringLiteralToken => token.Text.StartsWith("@", StringComparison.Ordinal) ? Verbatim(token) : Regular(token),
                    SyntaxKind.SingleLineRawStringLiteralToken => SingleLineRaw(token),
                    SyntaxKind.MultiLineRawStringLiteralToken => MultiLineRaw(token),
                    _ => null,
                };
                // Trust the map only when it accounts for every character of the value.
                if (map is not null && map.Length != value.Length) map = null;
            }
            return new LiteralMap(expression, value, map);
        }

        /// <summary>The source location of a 1-based line and column range of the value (end column exclusive).</summary>
        public Location Locate(int line, int column, int endLine, int endColumn)
        {
            if (map is null || line <= 0 || line > lineStarts.Length || Length == 0) return whole.GetLocation();
            int start = Math.Min(lineStarts[line - 1] + Math.Max(column, 1) - 1, Length - 1);
            int endLineIndex = Math.Min(Math.Max(endLine, line), lineStarts.Length) - 1;
            int end = Math.Min(lineStarts[endLineIndex] + Math.Max(endColumn, 1) - 1, Length);
            if (end <= start) end = start + 1;
            int sourceStart = map[start];
            int sourceEnd = map[end - 1] + 1;
            return Location.Create(whole.SyntaxTree, TextSpan.FromBounds(sourceStart, Math.Max(sourceEnd, sourceStart)));
        }

        private static int[]? Regular(SyntaxToken token)
        {
            var text = token.Text;
            int offset = token.SpanStart;
            if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"') return null;
            var map = new List<int>(text.Length);
            for (int i = 1; i < text.Length - 1; i++)
            {
                if (text[i] != '\\')
                {
                    map.Add(offset + i);
                    continue;
                }
                int start = i;
                if (i + 1 >= text.Length - 1) return null;
                char c = text[i + 1];
                switch (c)
                {
                    case 'u':
                        i += 5;
                        map.Add(offset + start);
                        break;
                    case 'U':
                        if (i + 9 >= text.Length) return null;
                        var code = Convert.ToInt32(text.Substring(i + 2, 8), 16);
                        i += 9;
                        map.Add(offset + start);
                        if (code > 0xFFFF) map.Add(offset + start);
                        break;
                    case 'x':
                        int j = i + 2;
                        while (j < text.Length - 1 && j < i + 6 && Uri.IsHexDigit(text[j])) j++;
                        i = j - 1;
                        map.Add(offset + start);
                        break;
                    default:
                        i += 1;
                        map.Add(offset + start);
                        break;
                }
            }
            return map.ToArray();
        }

        private static int[]? Verbatim(SyntaxToken token)
        {
            var text = token.Text;
            int offset = token.SpanStart;
            if (text.Length < 3 || !text.StartsWith("@\"", StringComparison.Ordinal)) return null;
            var map = new List<int>(text.Length);
            for (int i = 2; i < text.Length - 1; i++)
            {
                map.Add(offset + i);
                if (text[i] == '"') i++;
            }
            return map.ToArray();
        }

        private static int[]? SingleLineRaw(SyntaxToken token)
        {
            var text = token.Text;
            int quotes = 0;
            while (quotes < text.Length && text[quotes] == '"') quotes++;
            int length = text.Length - 2 * quotes;
            if (length < 0) return null;
            var map = new int[length];
            for (int i = 0; i < length; i++) map[i] = token.SpanStart + quotes + i;
            return map;
        }

        private static int[]? MultiLineRaw(SyntaxToken token)
        {
            var text = token.Text;
            int offset = token.SpanStart;
            // Lines of the token with their start offsets and line-break lengths.
            var lines = new List<(int Start, int Length, int Break)>();
            int pos = 0;
            while (pos <= text.Length)
            {
                int end = pos;
                while (end < text.Length && text[end] != '\r' && text[end] != '\n') end++;
                int brk = end < text.Length ? (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1) : 0;
                lines.Add((pos, end - pos, brk));
                if (brk == 0) break;
                pos = end + brk;
            }
            if (lines.Count < 3) return null;
            var last = lines[lines.Count - 1];
            int indent = 0;
            while (indent < last.Length && (text[last.Start + indent] == ' ' || text[last.Start + indent] == '\t')) indent++;
            var map = new List<int>(text.Length);
            for (int l = 1; l < lines.Count - 1; l++)
            {
                var line = lines[l];
                bool blank = true;
                for (int k = 0; k < line.Length; k++)
                {
                    if (text[line.Start + k] != ' ' && text[line.Start + k] != '\t') blank = false;
                }
                if (!blank)
                {
                    for (int k = indent; k < line.Length; k++) map.Add(offset + line.Start + k);
                }
                // The line break after every content line except the last one is part of the value.
                if (l < lines.Count - 2)
                {
                    for (int b = 0; b < line.Break; b++) map.Add(offset + line.Start + line.Length + b);
                }
            }
            return map.ToArray();
        }
    }
}
