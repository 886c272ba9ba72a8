using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sora.Config.Evaluation.Facts
{
    /// <summary>Where a fact of a deployment was read: a file (a path relative to the bundle, or any path), and a 1-based
    /// line and column when known. A fact without a position (<see cref="Line"/> 0) still names the file it concerns.</summary>
    public sealed class SoraFactSource
    {
        /// <param name="path">The file.</param>
        /// <param name="line">1-based line; 0 when unknown.</param>
        /// <param name="column">1-based column (UTF-16 code units); 0 when unknown.</param>
        /// <param name="endColumn">Exclusive end column on the same line; 0 = one character from <paramref name="column"/>.</param>
        public SoraFactSource(string path, int line = 0, int column = 0, int endColumn = 0)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            if (line < 0 || column < 0 || endColumn < 0) throw new ArgumentOutOfRangeException(nameof(line), "Lines and columns are 1-based, or 0 when unknown.");
            Line = line;
            Column = line == 0 ? 0 : Math.Max(column, 1);
            EndColumn = line == 0 ? 0 : Math.Max(endColumn, Column + 1);
        }

        public string Path { get; }

        public int Line { get; }

        public int Column { get; }

        public int EndColumn { get; }

        /// <summary><c>path:line:column</c>, or the path alone.</summary>
        public override string ToString() => Line > 0 ? string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}", Path, Line, Column) : Path;
    }

    /// <summary>One fact of a deployment (a port nginx listens on, the unit's user, a host name) and where it was read.</summary>
    public sealed class SoraFact<T>
    {
        /// <param name="value">The value.</param>
        /// <param name="source">Where it was read; null when it comes from a model, not a file.</param>
        public SoraFact(T value, SoraFactSource? source = null)
        {
            Value = value;
            Source = source;
        }

        public T Value { get; }

        public SoraFactSource? Source { get; }

        public override string ToString() => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>A suppression written in one of a deployment's files (<c># sora-conf-disable-next-line SORA3001 -- why</c>
    /// above the line it applies to): findings of <see cref="Ids"/> located on <see cref="Path"/>:<see cref="Line"/> are
    /// suppressed. A parser of nginx, unit or sysctl files reads these; sora.conf's own comments are read from its
    /// document.</summary>
    public sealed class SoraFactSuppression
    {
        /// <param name="path">The file, as in the facts' sources.</param>
        /// <param name="line">The line the suppression applies to (the one below the comment).</param>
        /// <param name="ids">The rule IDs it suppresses.</param>
        /// <param name="reason">Why; a suppression without a reason suppresses nothing.</param>
        public SoraFactSuppression(string path, int line, IReadOnlyList<string> ids, string reason)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Line = line;
            Ids = ids ?? throw new ArgumentNullException(nameof(ids));
            Reason = reason ?? "";
        }

        public string Path { get; }

        public int Line { get; }

        public IReadOnlyList<string> Ids { get; }

        public string Reason { get; }
    }
}
