using System;
using System.Collections.Generic;
using System.Text;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment.Rendering
{
    /// <summary>The text of one bundle file being written, line by line, with named anchors: where a value the deployment
    /// rules look at was written (file, line, column). The typed facts are read from these anchors, so every fact points
    /// at the line of the rendered file that carries it.</summary>
    internal sealed class FileText
    {
        private readonly StringBuilder text = new StringBuilder(2048);
        private readonly List<KeyValuePair<string, SoraFactSource>> anchors = new List<KeyValuePair<string, SoraFactSource>>();
        private int line = 1;

        public FileText(string path) => Path = path;

        /// <summary>The file's path in the bundle (with the node's folder in a cluster).</summary>
        public string Path { get; }

        public FileText Line(string value = "")
        {
            text.Append(value).Append('\n');
            line++;
            return this;
        }

        /// <summary>Writes a line and anchors <paramref name="name"/> at <paramref name="value"/> within it (the whole line
        /// when the value is not in it).</summary>
        public FileText Line(string value, string name, string? at)
        {
            int column = at is null ? -1 : value.IndexOf(at, StringComparison.Ordinal);
            int start = column >= 0 ? column : value.Length - value.TrimStart().Length;
            int end = column >= 0 ? column + at!.Length : value.TrimEnd().Length;
            anchors.Add(new KeyValuePair<string, SoraFactSource>(name, new SoraFactSource(Path, line, start + 1, Math.Max(end, start + 1) + 1)));
            return Line(value);
        }

        /// <summary>Comment lines (<c># …</c>), one per element.</summary>
        public FileText Comment(params string[] lines)
        {
            foreach (var l in lines) Line(l.Length == 0 ? "#" : "# " + l);
            return this;
        }

        /// <summary>The first anchor of that name, or null.</summary>
        public SoraFactSource? Anchor(string name)
        {
            foreach (var a in anchors)
            {
                if (a.Key == name) return a.Value;
            }
            return null;
        }

        /// <summary>Every anchor of that name, in order.</summary>
        public IEnumerable<SoraFactSource> Anchors(string name)
        {
            foreach (var a in anchors)
            {
                if (a.Key == name) yield return a.Value;
            }
        }

        public override string ToString() => text.ToString();
    }
}
