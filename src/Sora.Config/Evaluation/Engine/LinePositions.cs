using Sora.Config.Syntax;

namespace Sora.Config.Evaluation.Engine
{
    // What FileFacts finds that is rare (a file with none of it allocates none). Classes, not tuples or structs: a list
    // of references runs the framework's ReadyToRun code, while a list of any value type is compiled when the command
    // line tool starts (docs/benchmarks.md, CLI start-up). The other caches of the evaluator box their values for the
    // same reason.

    /// <summary>A line and a 1-based column.</summary>
    internal sealed record LineColumn(int Line, int Column);

    /// <summary>A line with a grammar problem.</summary>
    internal sealed record ProblemLine(int Line, LineProblem Problem);

    /// <summary>A later occurrence of a key: its line, and the line of the first occurrence.</summary>
    internal sealed record DuplicateLine(string Key, int Line, int First);
}
