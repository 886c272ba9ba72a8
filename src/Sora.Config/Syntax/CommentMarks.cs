using System;

namespace Sora.Config.Syntax
{
    /// <summary>What, in the comment and blank lines the typed fast path passes over without classifying them, some check
    /// reads (<see cref="KvconfScanner.NextPossibleEntry"/> stops there, and the file goes to the linter). A reader asks
    /// only for the marks of the checks whose findings it keeps: <c>Parse</c>, which keeps no warnings, usually none.</summary>
    [Flags]
    internal enum CommentMarks
    {
        None = 0,

        /// <summary>A NUL, or a carriage return not followed by a line feed (docs/grammar.md#nul-bytes, #cr-and-crlf).</summary>
        NulOrLoneCarriageReturn = 1,

        /// <summary>A suppression comment (it starts with <c>sora-conf-</c>).</summary>
        SuppressionComment = 2,
    }
}
