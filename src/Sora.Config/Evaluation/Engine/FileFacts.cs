using System;
using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Evaluation.Engine
{
    /// <summary>What one pass over a document's lines finds for the file-level checks: each line's grammar problem,
    /// encoding problems (split by whether kvconf crashes on them), duplicates, and the entries (first occurrence of each
    /// key) the other checks look at.</summary>
    internal sealed class FileFacts
    {
        private FileFacts(SoraConfDocument document, int capacity)
        {
            Document = document;
            Entries = new List<Entry>(capacity);
            EntryByKey = new Dictionary<string, Entry>(capacity, StringComparer.Ordinal);
        }

        public SoraConfDocument Document { get; }

        /// <summary>The first occurrence of each key that Sora reads as a setting, in file order.</summary>
        public List<Entry> Entries { get; }

        /// <summary>Key → its entry in <see cref="Entries"/>; the evaluation run looks settings up in it.</summary>
        public Dictionary<string, Entry> EntryByKey { get; }

        /// <summary>Key → line of the first occurrence of a key no check reads as a setting (such as "" or one glued to a
        /// BOM): rare, so made only when met.</summary>
        private Dictionary<string, int>? otherFirstLine;

        public List<ProblemLine> LineProblems { get; } = new List<ProblemLine>();

        /// <summary>The file starts with a UTF-8 byte order mark.</summary>
        public bool StartsWithByteOrderMark { get; private set; }

        /// <summary>(line, 1-based column) of bytes that are not UTF-8 where kvconf crashes on them (docs/grammar.md#invalid-utf-8).</summary>
        public List<LineColumn> CrashingInvalidUtf8 { get; } = new List<LineColumn>();

        /// <summary>(line, 1-based column) of bytes that are not UTF-8 that kvconf passes over or keeps.</summary>
        public List<LineColumn> ToleratedInvalidUtf8 { get; } = new List<LineColumn>();

        /// <summary>(line, 1-based column) of NUL characters.</summary>
        public List<LineColumn> Nul { get; } = new List<LineColumn>();

        /// <summary>(line, 1-based column) of a carriage return inside a line (not its last character).</summary>
        public List<LineColumn> InnerCarriageReturn { get; } = new List<LineColumn>();

        /// <summary>(key, line, first line) of every later occurrence of a key.</summary>
        public List<DuplicateLine> Duplicates { get; } = new List<DuplicateLine>();

        /// <summary>The suppression directives of the file: the valid ones and the problems of the others.</summary>
        public List<Suppressions.Entry> Suppressions { get; private set; } = new List<Suppressions.Entry>();

        public List<Suppressions.Problem> SuppressionProblems { get; private set; } = new List<Suppressions.Problem>();

        public static FileFacts Of(SoraConfDocument document, SoraCatalog catalog, int capacity)
        {
            var facts = new FileFacts(document, capacity);
            var lines = document.Lines;
            // A file read in one piece is searched once for what is rare (NUL, CR, suppression comments) instead of
            // line by line; an edited document, whose lines come from several texts, line by line.
            var whole = OneSource(lines);
            if (whole is null || whole.IndexOf(Engine.Suppressions.Prefix, StringComparison.Ordinal) >= 0)
            {
                (facts.Suppressions, facts.SuppressionProblems) = Engine.Suppressions.Read(document, catalog);
            }
            bool searchLines = whole is null || whole.AsSpan().IndexOfAny('\0', '\r') >= 0;
            facts.StartsWithByteOrderMark = lines.Count > 0 && lines[0].Length > 0 && lines[0].Span[0] == '\uFEFF';
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                int number = i + 1;
                var span = line.Span;
                // One search per line for either (most lines hold neither), then each on its own.
                if (searchLines && span.IndexOfAny('\0', '\r') >= 0)
                {
                    int nul = span.IndexOf('\0');
                    if (nul >= 0) facts.Nul.Add(new LineColumn(number, nul + 1));
                    int cr = span.IndexOf('\r');
                    if (cr >= 0 && cr < span.Length - 1) facts.InnerCarriageReturn.Add(new LineColumn(number, cr + 1));
                }
                // An invalid line is refused whatever it holds; its own check reports it.
                if (line.InvalidUtf8Column > 0 && line.Kind != SoraConfLineKind.Invalid) facts.AddInvalidUtf8(line, number, catalog);
                if (line.Kind == SoraConfLineKind.Blank || line.Kind == SoraConfLineKind.Comment) continue;

                var problem = KvconfScanner.Diagnose(span, line.Kind, line.KeyStart, line.KeyEnd, firstLine: i == 0);
                if (problem != LineProblem.None) facts.LineProblems.Add(new ProblemLine(number, problem));
                if (line.Kind != SoraConfLineKind.Entry) continue;

                var key = line.Key!;
                // kvconf reads these as keys too ("", "\uFEFFkey", "# note"): they count for duplicates, but no check
                // reads them as settings; their own checks explain them.
                bool setting = problem == LineProblem.None;
                if (facts.TryGetFirstLine(key, out int first))
                {
                    facts.Duplicates.Add(new DuplicateLine(key, number, first));
                    continue;
                }
                if (setting)
                {
                    var entry = new Entry(key, line.Value!, lineNumber: number, line: line);
                    facts.Entries.Add(entry);
                    facts.EntryByKey.Add(key, entry);
                }
                else (facts.otherFirstLine ??= new Dictionary<string, int>(StringComparer.Ordinal)).Add(key, number);
            }
            return facts;
        }

        /// <summary>The one text every line was cut from, or null when they come from several.</summary>
        private static string? OneSource(IReadOnlyList<SoraConfLine> lines)
        {
            if (lines.Count == 0) return null;
            var source = lines[0].Source;
            for (int i = 1; i < lines.Count; i++)
            {
                if (!ReferenceEquals(lines[i].Source, source)) return null;
            }
            return source;
        }

        private bool TryGetFirstLine(string key, out int line)
        {
            if (EntryByKey.TryGetValue(key, out var entry))
            {
                line = entry.LineNumber;
                return true;
            }
            line = 0;
            return otherFirstLine != null && otherFirstLine.TryGetValue(key, out line);
        }

        /// <summary>Sorts each invalid sequence of a line (a U+FFFD of its lenient decoding) by whether kvconf crashes on it:
        /// anywhere in a key (the key becomes an unknown atom); in a value, as its first character or right after a
        /// whitespace character (trimming meets it), or anywhere in a URL or an enum list (their parsers meet it).</summary>
        private void AddInvalidUtf8(SoraConfLine line, int number, SoraCatalog catalog)
        {
            var text = line.Text;
            int eq = line.Kind == SoraConfLineKind.Entry ? text.IndexOf('=') : -1;
            bool strictValue = false;
            if (eq >= 0 && catalog.TryGetKey(line.Key!, out var key))
            {
                strictValue = key.ScalarType == SoraValueType.Url || (key.Type == SoraValueType.List && key.ItemType == SoraValueType.Enum);
            }
            for (int at = text.IndexOf('\uFFFD'); at >= 0; at = text.IndexOf('\uFFFD', at + 1))
            {
                bool crash = false;
                if (eq >= 0)
                {
                    if (at < eq) crash = true;
                    else if (strictValue) crash = true;
                    else
                    {
                        int valueStart = eq + 1;
                        while (valueStart < text.Length && KvconfScanner.IsTrimmed(text[valueStart])) valueStart++;
                        crash = at == valueStart || (at > eq + 1 && KvconfScanner.IsTrimmed(text[at - 1]));
                    }
                }
                (crash ? CrashingInvalidUtf8 : ToleratedInvalidUtf8).Add(new LineColumn(number, at + 1));
            }
        }
    }
}
