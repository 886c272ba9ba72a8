using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Sora.Config.LanguageServer.Protocol
{
    // The LSP 3.17 structures the server uses, written by hand: no maintained .NET package of them restores here
    // (docs/editors.md). Only the members the server reads or writes are declared; unknown members of client messages
    // are ignored by the deserializer. Names are camelCase on the wire (LspJson), null members are left out.

    /// <summary>A position: 0-based line, and character offset in UTF-16 code units (the only encoding the server offers).</summary>
    internal sealed class Position
    {
        public Position()
        {
        }

        public Position(int line, int character)
        {
            Line = line;
            Character = character;
        }

        public int Line { get; set; }

        public int Character { get; set; }

        public override string ToString() => Line + ":" + Character;
    }

    internal sealed class Range
    {
        public Range()
        {
        }

        public Range(Position start, Position end)
        {
            Start = start;
            End = end;
        }

        public Position Start { get; set; } = new Position();

        public Position End { get; set; } = new Position();

        public override string ToString() => Start + "-" + End;
    }

    internal sealed class TextDocumentIdentifier
    {
        public string Uri { get; set; } = "";
    }

    internal sealed class VersionedTextDocumentIdentifier
    {
        public string Uri { get; set; } = "";

        public int Version { get; set; }
    }

    internal sealed class TextDocumentItem
    {
        public string Uri { get; set; } = "";

        public string? LanguageId { get; set; }

        public int Version { get; set; }

        [System.Text.Json.Serialization.JsonConverter(typeof(LenientStringConverter))]
        public string Text { get; set; } = "";
    }

    /// <summary>The parameters of hover, and the base of those of completion.</summary>
    internal class TextDocumentPositionParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();

        public Position Position { get; set; } = new Position();
    }

    internal sealed class TextEdit
    {
        public Range Range { get; set; } = new Range();

        public string NewText { get; set; } = "";
    }

    internal sealed class WorkspaceEdit
    {
        public Dictionary<string, TextEdit[]>? Changes { get; set; }
    }

    /// <summary>Documentation shown by hover and completion. Immutable, so that its JSON can be kept: the completion of
    /// keys sends the same Markdown of up to a hundred keys on every request (<see cref="MarkupContentConverter"/>).</summary>
    [JsonConverter(typeof(MarkupContentConverter))]
    internal sealed class MarkupContent
    {
        /// <summary><c>markdown</c> or <c>plaintext</c>.</summary>
        public string Kind { get; init; } = "markdown";

        public string Value { get; init; } = "";

        /// <summary>This content as JSON, kept by its first serialization.</summary>
        internal MarkupContentConverter.Written? Json { get; set; }
    }
}
