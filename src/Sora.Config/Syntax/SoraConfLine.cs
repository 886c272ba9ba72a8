namespace Sora.Config
{
    public enum SoraConfLineKind
    {
        /// <summary>Empty or spaces only: kvconf skips it.</summary>
        Blank,

        /// <summary>Spaces then '#': kvconf skips it.</summary>
        Comment,

        /// <summary><c>key = value</c>.</summary>
        Entry,

        /// <summary>Anything else: Sora refuses the file.</summary>
        Invalid,
    }

    /// <summary>One physical line (the text between two LFs). <see cref="Text"/> excludes the LF but
    /// keeps any CR, exactly as kvconf sees it. Columns are 1-based UTF-16 offsets into Text.</summary>
    public sealed class SoraConfLine
    {
        internal SoraConfLine(string text, SoraConfLineKind kind, string? key, string? value, int keyStart, int keyEnd, int valueStart, int valueEnd, byte[]? rawBytes, int invalidUtf8Column = 0)
        {
            InvalidUtf8Column = invalidUtf8Column;
            Text = text;
            Kind = kind;
            Key = key;
            Value = value;
            KeyStart = keyStart;
            KeyEnd = keyEnd;
            ValueStart = valueStart;
            ValueEnd = valueEnd;
            RawBytes = rawBytes;
        }

        public string Text { get; }

        public SoraConfLineKind Kind { get; }

        /// <summary>The trimmed key of an entry.</summary>
        public string? Key { get; }

        /// <summary>The trimmed value of an entry (may be empty).</summary>
        public string? Value { get; }

        /// <summary>0-based start of the trimmed key in <see cref="Text"/>.</summary>
        public int KeyStart { get; }

        public int KeyEnd { get; }

        /// <summary>0-based start of the trimmed value in <see cref="Text"/> (equal to ValueEnd when the value is empty).</summary>
        public int ValueStart { get; }

        public int ValueEnd { get; }

        /// <summary>The original bytes when they are not valid UTF-8, so writing gives them back unchanged.</summary>
        internal byte[]? RawBytes { get; }

        /// <summary>1-based column of the first byte that is not valid UTF-8; 0 when the line is valid.</summary>
        internal int InvalidUtf8Column { get; }

        public override string ToString() => Text;
    }
}
