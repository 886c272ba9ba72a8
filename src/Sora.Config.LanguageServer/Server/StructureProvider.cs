using System.Collections.Generic;
using Sora.Config.LanguageServer.Protocol;
using Sora.Config.Syntax;

namespace Sora.Config.LanguageServer.Server
{
    /// <summary>Formatting (the edits of <c>sora-conf fmt</c>), one document symbol per key, and folding of comment blocks.</summary>
    internal static class StructureProvider
    {
        public static TextEdit[] Format(Analysis analysis)
        {
            var edits = SoraConfFormatter.GetEdits(analysis.Syntax);
            var result = new TextEdit[edits.Count];
            var text = analysis.Text;
            for (int i = 0; i < edits.Count; i++)
            {
                var e = edits[i];
                var (range, newText) = text.EditRange(text.OffsetOfKvconf(e.Line, e.Column), text.OffsetOfKvconf(e.EndLine, e.EndColumn), e.NewText);
                result[i] = new TextEdit { Range = range, NewText = newText };
            }
            return result;
        }

        public static DocumentSymbol[] Symbols(Analysis analysis)
        {
            var text = analysis.Text;
            var lines = analysis.Syntax.Lines;
            var symbols = new List<DocumentSymbol>();
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Kind != SoraConfLineKind.Entry || line.KeyEnd == line.KeyStart) continue;
                int start = text.KvconfLineStart(i + 1);
                bool secret = analysis.Catalog.TryGetKey(line.Key!, out var key) && key.IsSecret;
                symbols.Add(new DocumentSymbol
                {
                    Name = line.Key!,
                    // A secret's value stays out of outlines and breadcrumbs.
                    Detail = secret && line.Value!.Length > 0 ? (analysis.Japanese ? "(秘密情報)" : "(secret)") : line.Value,
                    Range = text.RangeOf(start, start + line.Text.TrimEnd('\r').Length),
                    SelectionRange = text.RangeOf(start + line.KeyStart, start + line.KeyEnd),
                });
            }
            return symbols.ToArray();
        }

        /// <summary>Each run of two or more comment lines folds.</summary>
        public static FoldingRange[] Folding(Analysis analysis)
        {
            var text = analysis.Text;
            var lines = analysis.Syntax.Lines;
            var ranges = new List<FoldingRange>();
            for (int i = 0; i < lines.Count;)
            {
                if (lines[i].Kind != SoraConfLineKind.Comment)
                {
                    i++;
                    continue;
                }
                int first = i;
                while (i < lines.Count && lines[i].Kind == SoraConfLineKind.Comment) i++;
                if (i - first < 2) continue;
                int last = i - 1;
                ranges.Add(new FoldingRange
                {
                    StartLine = text.PositionOf(text.KvconfLineStart(first + 1)).Line,
                    EndLine = text.PositionOf(text.KvconfLineStart(last + 1) + lines[last].Text.TrimEnd('\r').Length).Line,
                });
            }
            return ranges.ToArray();
        }
    }
}
