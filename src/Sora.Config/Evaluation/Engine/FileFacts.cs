using System;
using System.Collections.Generic;
using Sora.Config.Syntax;

namespace Sora.Config.Evaluation.Engine
{
    /// <summary>What one pass over a document's lines finds for the file-level checks: each line's grammar problem,
    /// encoding problems, duplicates, and the entries (first occurrence of each key) the other checks look at.</summary>
    internal sealed class FileFacts
    {
        private FileFacts(SoraConfDocument document, int capacity)
        {
            Document = document;
            Entries = new List<Entry>(capacity);
            FirstLine = new Dictionary<string, int>(capacity, System.StringComparer.Ordinal);
        }

        public SoraConfDocument Document { get; }

        /// <summary>The first occurrence of each key that Sora reads as a setting, in file order.</summary>
        public List<Entry> Entries { get; }

        /// <summary>Key → line of its first occurrence (keys Sora cannot match, such as one glued to a BOM, included).</summary>
        public Dictionary<string, int> FirstLine { get; }

        public List<(int Line, LineProblem Problem)> LineProblems { get; } = new List<(int, LineProblem)>();

        /// <summary>(line, 1-based column) of bytes that are not UTF-8.</summary>
        public List<(int Line, int Column)> InvalidUtf8 { get; } = new List<(int, int)>();

        /// <summary>(line, 1-based column) of NUL characters.</summary>
        public List<(int Line, int Column)> Nul { get; } = new List<(int, int)>();

        /// <summary>(key, line, first line) of every later occurrence of a key.</summary>
        public List<(string Key, int Line, int First)> Duplicates { get; } = new List<(string, int, int)>();

        /// <summary>The suppression directives of the file: the valid ones and the problems of the others.</summary>
        public List<Suppressions.Entry> Suppressions { get; private set; } = new List<Suppressions.Entry>();

        public List<Suppressions.Problem> SuppressionProblems { get; private set; } = new List<Suppressions.Problem>();

        public static FileFacts Of(SoraConfDocument document, Catalog.SoraCatalog catalog, int capacity)
        {
            var facts = new FileFacts(document, capacity);
            (facts.Suppressions, facts.SuppressionProblems) = Engine.Suppressions.Read(document, catalog);
            var lines = document.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                int number = i + 1;
                var span = line.Span;
                if (line.InvalidUtf8Column > 0) facts.InvalidUtf8.Add((number, line.InvalidUtf8Column));
                int nul = span.IndexOf('\0');
                if (nul >= 0) facts.Nul.Add((number, nul + 1));
                if (line.Kind == SoraConfLineKind.Blank || line.Kind == SoraConfLineKind.Comment) continue;

                var problem = KvconfScanner.Diagnose(span, line.Kind, line.KeyStart, line.KeyEnd, firstLine: i == 0);
                if (problem != LineProblem.None) facts.LineProblems.Add((number, problem));
                if (line.Kind != SoraConfLineKind.Entry) continue;

                var key = line.Key!;
                if (problem == LineProblem.ByteOrderMarkGluedToKey)
                {
                    // Sora reads the key with the BOM glued to it: unknown, and the real key keeps its default.
                    facts.FirstLine[key] = number;
                    continue;
                }
                if (problem != LineProblem.None) continue;
                if (facts.FirstLine.TryGetValue(key, out int first))
                {
                    facts.Duplicates.Add((key, number, first));
                    continue;
                }
                facts.FirstLine[key] = number;
                facts.Entries.Add(new Entry(key, line.Value!, lineNumber: number, line: line));
            }
            return facts;
        }
    }
}
