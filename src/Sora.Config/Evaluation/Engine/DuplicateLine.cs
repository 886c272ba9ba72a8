namespace Sora.Config.Evaluation.Engine
{
    /// <summary>A later occurrence of a key: its line, and the line of the first occurrence. A class, for the reason given on <see cref="LineColumn"/>.</summary>
    internal sealed class DuplicateLine
    {
        public DuplicateLine(string key, int line, int first)
        {
            Key = key;
            Line = line;
            First = first;
        }

        public string Key { get; }

        public int Line { get; }

        public int First { get; }

        public void Deconstruct(out string key, out int line, out int first) => (key, line, first) = (Key, Line, First);
    }
}
