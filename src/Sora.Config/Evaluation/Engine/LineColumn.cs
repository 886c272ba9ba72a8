namespace Sora.Config.Evaluation.Engine
{
    /// <summary>A line and a 1-based column, of something rare that a file-level check reports. A class, not a tuple: a
    /// list of references runs the framework's ReadyToRun code, while a list of any struct is compiled when the command
    /// line tool starts (docs/benchmarks.md, CLI start-up); only files with such a problem allocate one.</summary>
    internal sealed class LineColumn
    {
        public LineColumn(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }

        public void Deconstruct(out int line, out int column) => (line, column) = (Line, Column);
    }
}
