using System;
using System.Collections.Generic;
using System.Linq;
using Sora.Config.Catalog;
using Sora.Config.LanguageServer.Knowledge;
using Sora.Config.LanguageServer.Protocol;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.LanguageServer.Server
{
    /// <summary>textDocument/completion: keys of the targeted version that the file does not set yet (inserting
    /// <c>key = default</c>), values of booleans and enums, the units after an interval's number, the default, and the
    /// enabling of a commented-out template line (<c># key = …</c>).</summary>
    internal sealed class CompletionProvider
    {
        private readonly Dictionary<(string Key, string Version, bool Ja), MarkupContent> docs = new();

        public CompletionList Complete(Analysis analysis, Position position)
        {
            var text = analysis.Text;
            int offset = text.OffsetOf(position);
            int number = text.KvconfLineAt(offset);
            int lineStart = text.KvconfLineStart(number);
            var line = number <= analysis.Syntax.Lines.Count ? analysis.Syntax.Lines[number - 1] : null;
            int column = offset - lineStart;
            var items = new List<CompletionItem>();

            if (line is null || line.Kind == SoraConfLineKind.Blank || (line.Kind == SoraConfLineKind.Invalid && line.Text.IndexOf('#') < 0))
            {
                var content = line?.Text ?? "";
                int start = Indent(content);
                if (column >= start)
                {
                    int end = WordEnd(content, column);
                    Keys(analysis, null, text.RangeOf(lineStart + start, lineStart + end), whole: true, items);
                }
            }
            else if (line.Kind == SoraConfLineKind.Entry)
            {
                int eq = line.Text.IndexOf('=');
                if (column <= eq)
                {
                    int start = line.KeyEnd > line.KeyStart ? line.KeyStart : Indent(line.Text);
                    Keys(analysis, line.Key, text.RangeOf(lineStart + Math.Min(start, column), lineStart + Math.Max(column, line.KeyEnd)), whole: false, items);
                }
                else if (analysis.Catalog.TryGetKey(line.Key!, out var key))
                {
                    Values(analysis, key, line, lineStart, eq, column, items);
                }
            }
            else if (line.Kind == SoraConfLineKind.Comment)
            {
                Template(analysis, line, lineStart, items);
            }
            return new CompletionList { IsIncomplete = false, Items = items.ToArray() };
        }

        /// <summary>Keys of the targeted version that no line sets (the one being edited aside).</summary>
        private void Keys(Analysis analysis, string? editing, Protocol.Range range, bool whole, List<CompletionItem> items)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in analysis.Syntax.Entries) if (entry.Key != editing) set.Add(entry.Key!);
            foreach (var key in analysis.Catalog.Keys)
            {
                if (set.Contains(key.Name) || !key.ExistsIn(analysis.Version)) continue;
                var @default = key.DefaultFor(analysis.Version);
                bool deprecated = key.IsDeprecatedIn(analysis.Version);
                items.Add(new CompletionItem
                {
                    Label = key.Name,
                    Kind = CompletionItemKinds.Property,
                    Detail = KeyFacts.TypeText(key) + (@default is null ? "" : " = " + @default),
                    Documentation = Documentation(analysis, key),
                    Tags = deprecated ? new[] { 1 } : null,
                    SortText = (deprecated ? "1" : "0") + key.Name,
                    FilterText = key.Name,
                    TextEdit = new TextEdit { Range = range, NewText = whole ? key.Name + " = " + (@default ?? "") : key.Name },
                });
            }
        }

        private void Values(Analysis analysis, SoraKeyInfo key, SoraConfLine line, int lineStart, int eq, int column, List<CompletionItem> items)
        {
            var text = analysis.Text;
            var typed = line.Text.Substring(eq + 1, column - eq - 1);
            int valueStart = eq + 1 + (typed.Length - typed.TrimStart().Length);
            int valueEnd = Math.Max(column, line.ValueEnd);
            var current = typed.TrimStart();
            var scalar = key.Type == SoraValueType.List ? key.ItemType ?? SoraValueType.String : key.Type;
            if (key.Type == SoraValueType.List)
            {
                // The item under the cursor: after the last comma or space.
                int item = current.LastIndexOfAny(new[] { ',', ' ' }) + 1;
                valueStart += item;
                current = current.Substring(item);
                valueEnd = WordEnd(line.Text, column, ',');
            }
            var range = text.RangeOf(lineStart + valueStart, lineStart + valueEnd);

            IEnumerable<string> candidates = scalar switch
            {
                SoraValueType.Bool => new[] { "true", "false" },
                SoraValueType.Enum => key.Candidates,
                _ => Array.Empty<string>(),
            };
            var @default = key.DefaultFor(analysis.Version);
            foreach (var candidate in candidates)
            {
                items.Add(new CompletionItem
                {
                    Label = candidate,
                    Kind = CompletionItemKinds.Value,
                    Detail = candidate == @default ? (analysis.Japanese ? $"既定値 (Sora {analysis.Version})" : $"default (Sora {analysis.Version})") : null,
                    Preselect = candidate == @default ? true : null,
                    TextEdit = new TextEdit { Range = range, NewText = candidate },
                });
            }

            if (scalar == SoraValueType.Interval && key.Type != SoraValueType.List)
            {
                Units(analysis, key, current, lineStart, valueStart, column, items);
            }
            else if (@default != null && candidates.All(c => c != @default) && @default.StartsWith(current, StringComparison.Ordinal))
            {
                items.Add(new CompletionItem
                {
                    Label = @default,
                    Kind = CompletionItemKinds.Value,
                    Detail = analysis.Japanese ? $"既定値 (Sora {analysis.Version})" : $"default (Sora {analysis.Version})",
                    TextEdit = new TextEdit { Range = range, NewText = @default },
                });
            }
        }

        /// <summary>After <c>30</c>: <c>30 s</c>, <c>30 ms</c>…; after <c>30 </c>: the units alone. Each with what it means.</summary>
        private static void Units(Analysis analysis, SoraKeyInfo key, string current, int lineStart, int valueStart, int column, List<CompletionItem> items)
        {
            var trimmed = current.TrimEnd(' ');
            if (trimmed.Length == 0 || !trimmed.All(c => c >= '0' && c <= '9') || !long.TryParse(trimmed, out var amount)) return;
            bool spaced = trimmed.Length < current.Length;
            foreach (var unit in key.Units)
            {
                var name = KeyFacts.UnitName(unit);
                var interval = new SoraInterval(amount, unit);
                string meaning;
                try
                {
                    meaning = Docs.Interval(interval, analysis.Japanese);
                }
                catch (OverflowException)
                {
                    continue;
                }
                items.Add(new CompletionItem
                {
                    Label = spaced ? name : trimmed + " " + name,
                    Kind = CompletionItemKinds.Unit,
                    Detail = meaning,
                    Preselect = key.DefaultUnit == unit ? true : null,
                    FilterText = spaced ? name : trimmed + " " + name,
                    TextEdit = spaced
                        ? new TextEdit { Range = analysis.Text.RangeOf(lineStart + column, lineStart + column), NewText = name }
                        : new TextEdit { Range = analysis.Text.RangeOf(lineStart + valueStart, lineStart + column), NewText = trimmed + " " + name },
                });
            }
        }

        /// <summary>On a commented-out setting of a key the file does not set: the line as a setting.</summary>
        private void Template(Analysis analysis, SoraConfLine line, int lineStart, List<CompletionItem> items)
        {
            if (TemplateLine.Enabled(analysis, line) is not { } enabled) return;
            var content = line.Text.TrimEnd('\r');
            items.Add(new CompletionItem
            {
                Label = enabled.Text,
                Kind = CompletionItemKinds.Snippet,
                Detail = analysis.Japanese ? "コメントアウトされた設定を有効にする" : "enable the commented-out setting",
                Documentation = Documentation(analysis, enabled.Key),
                FilterText = content,
                TextEdit = new TextEdit { Range = analysis.Text.RangeOf(lineStart, lineStart + content.Length), NewText = enabled.Text },
            });
        }

        private MarkupContent Documentation(Analysis analysis, SoraKeyInfo key)
        {
            var id = (key.Name, analysis.Version, analysis.Japanese);
            if (!docs.TryGetValue(id, out var doc))
            {
                doc = new MarkupContent { Kind = "markdown", Value = Docs.Key(key, analysis.Version, analysis.Catalog, analysis.Japanese) };
                docs[id] = doc;
            }
            return doc;
        }

        private static int Indent(string text)
        {
            int i = 0;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
            return i;
        }

        /// <summary>The end of the word the cursor is in (key characters; <paramref name="stop"/> ends it too).</summary>
        private static int WordEnd(string text, int column, char stop = '=')
        {
            int end = Math.Min(column, text.Length);
            while (end < text.Length && text[end] != stop && text[end] != ' ' && text[end] != '\r' && text[end] != '\t') end++;
            return end;
        }
    }

    /// <summary>A commented-out setting (<c># key = value</c>, <see cref="SoraConfLine.TemplateKey"/>) of a key of the
    /// targeted version that the file does not set: what enabling it writes, as <c>sora-conf set</c> would.</summary>
    internal static class TemplateLine
    {
        public static (SoraKeyInfo Key, string Text)? Enabled(Analysis analysis, SoraConfLine line)
        {
            if (line.TemplateKey is not { } name || !analysis.Catalog.TryGetKey(name, out var key) || !key.ExistsIn(analysis.Version)) return null;
            if (analysis.Syntax.Find(name) != null) return null;
            var content = line.Text.TrimEnd('\r');
            var value = content.Substring(content.IndexOf('=') + 1).Trim(' ', '\t');
            return (key, value.Length == 0 ? name + " =" : name + " = " + value);
        }
    }
}
