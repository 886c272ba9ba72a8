using System.Text;
using Sora.Config.Diagnostics;
using Sora.Config.LanguageServer.Knowledge;
using Sora.Config.LanguageServer.Protocol;
using Sora.Config.Syntax;

namespace Sora.Config.LanguageServer.Server
{
    /// <summary>textDocument/hover: on a finding, its rule's why and fix; on a key, what the catalogue says about it; on a
    /// value, how Sora reads it. All three when they overlap, the finding first.</summary>
    internal static class HoverProvider
    {
        public static Hover? Hover(Analysis analysis, Position position)
        {
            var text = analysis.Text;
            int offset = text.OffsetOf(position);
            bool ja = analysis.Japanese;
            var md = new StringBuilder();
            Range? range = null;

            for (int i = 0; i < analysis.Findings.Count; i++)
            {
                var finding = analysis.Findings[i];
                var (start, end) = analysis.OffsetsOf(finding);
                if (offset < start || offset > end) continue;
                if (md.Length > 0) md.Append("\n---\n\n");
                md.Append(Docs.Rule(finding.Rule, SoraConfDiagnostic.SeverityText(finding.Severity), ja));
                range ??= text.RangeOf(start, end);
            }

            int number = text.KvconfLineAt(offset);
            if (number <= analysis.Syntax.Lines.Count)
            {
                var line = analysis.Syntax.Lines[number - 1];
                int lineStart = text.KvconfLineStart(number);
                int column = offset - lineStart;
                if (line.Kind == SoraConfLineKind.Entry && analysis.Catalog.TryGetKey(line.Key!, out var key))
                {
                    if (column >= line.KeyStart && column <= line.KeyEnd)
                    {
                        Separate(md).Append(Docs.Key(key, analysis.Version, analysis.Catalog, ja));
                        range = text.RangeOf(lineStart + line.KeyStart, lineStart + line.KeyEnd);
                    }
                    else if (column >= line.ValueStart && column <= line.ValueEnd && line.ValueEnd > line.ValueStart)
                    {
                        Separate(md).Append(Docs.Value(key, line.Value!, ja));
                        range = text.RangeOf(lineStart + line.ValueStart, lineStart + line.ValueEnd);
                    }
                }
            }
            return md.Length == 0 ? null : new Hover { Contents = new MarkupContent { Kind = "markdown", Value = md.ToString() }, Range = range };
        }

        private static StringBuilder Separate(StringBuilder md) => md.Length == 0 ? md : md.Append("\n---\n\n");
    }
}
