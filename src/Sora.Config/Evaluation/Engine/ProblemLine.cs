using Sora.Config.Syntax;

namespace Sora.Config.Evaluation.Engine
{
    /// <summary>A line with a grammar problem. A class, not a tuple, for the reason given on <see cref="LineColumn"/>.</summary>
    internal sealed class ProblemLine
    {
        public ProblemLine(int line, LineProblem problem)
        {
            Line = line;
            Problem = problem;
        }

        public int Line { get; }

        public LineProblem Problem { get; }

        public void Deconstruct(out int line, out LineProblem problem) => (line, problem) = (Line, Problem);
    }
}
