using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sora.Config.LanguageServer.Tests;

/// <summary>What an editor does with positions: LSP lines end at CR LF, LF or CR; characters count UTF-16 code units
/// (which is what a .NET string index is). Written here independently of the server's text store.</summary>
public static class LspText
{
    public static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) starts.Add(i + 1);
        }
        return starts;
    }

    public static int Offset(string text, JsonNode position)
    {
        var starts = LineStarts(text);
        int line = (int)position["line"]!, character = (int)position["character"]!;
        Assert.True(line < starts.Count, $"line {line} is past the end of the document");
        int end = line + 1 < starts.Count ? starts[line + 1] : text.Length;
        while (end > starts[line] && (text[end - 1] == '\n' || text[end - 1] == '\r') && line + 1 < starts.Count) end--;
        Assert.True(starts[line] + character <= end, $"character {character} is past the end of line {line}");
        return starts[line] + character;
    }

    /// <summary>The position of the <paramref name="occurrence"/>-th <paramref name="needle"/> (plus <paramref name="delta"/> characters).</summary>
    public static (int Line, int Character) PositionOf(string text, string needle, int delta = 0, int occurrence = 1)
    {
        int at = -1;
        for (int k = 0; k < occurrence; k++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{needle}' not found in the test document");
        }
        at += delta;
        var starts = LineStarts(text);
        int line = starts.FindLastIndex(s => s <= at);
        return (line, at - starts[line]);
    }

    public static Json.Raw Position(string text, string needle, int delta = 0, int occurrence = 1)
    {
        var (line, character) = PositionOf(text, needle, delta, occurrence);
        return new Json.Raw("{\"line\":" + line + ",\"character\":" + character + "}");
    }

    /// <summary>Applies an array of LSP text edits (non-overlapping; all positions refer to the text before any edit).</summary>
    public static string Apply(string text, JsonNode edits)
    {
        var resolved = edits.AsArray()
            .Select(e => (Start: Offset(text, e!["range"]!["start"]!), End: Offset(text, e["range"]!["end"]!), NewText: (string)e["newText"]!))
            .OrderByDescending(e => e.Start).ThenByDescending(e => e.End).ToList();
        foreach (var (start, end, newText) in resolved)
        {
            Assert.True(end >= start, "an edit ends before it starts");
            text = text.Substring(0, start) + newText + text.Substring(end);
        }
        return text;
    }

    /// <summary>Applies the edits a workspace edit makes to <paramref name="uri"/>.</summary>
    public static string ApplyWorkspaceEdit(string text, JsonNode edit, string uri)
    {
        var changes = edit["changes"]!.AsObject();
        Assert.Equal(new[] { uri }, changes.Select(c => c.Key));
        return Apply(text, changes[uri]!);
    }

    public static string Quote(string text) => JsonSerializer.Serialize(text);
}

/// <summary>JSON message parameters from a template: <c>@0</c>, <c>@1</c>… stand for the arguments, a string written as a
/// JSON string, a number as a number, a <see cref="JsonNode"/> or <see cref="Raw"/> as it is.</summary>
public static class Json
{
    public sealed record Raw(string Text);

    public static string TextDocument(string uri) => Of("""{"textDocument":{"uri":@0}}""", uri);

    public static string At(string uri, Raw position) => Of("""{"textDocument":{"uri":@0},"position":@1}""", uri, position);

    public static string At(string uri, int line, int character) => At(uri, new Raw("{\"line\":" + line + ",\"character\":" + character + "}"));

    public static string Open(string uri, string text, int version = 1) =>
        Of("""{"textDocument":{"uri":@0,"languageId":"sora-conf","version":@1,"text":@2}}""", uri, version, text);

    public static string ChangeAll(string uri, int version, string text) =>
        Of("""{"textDocument":{"uri":@0,"version":@1},"contentChanges":[{"text":@2}]}""", uri, version, text);

    public static string Actions(string uri, Raw start, Raw end) =>
        Of("""{"textDocument":{"uri":@0},"range":{"start":@1,"end":@2},"context":{"diagnostics":[]}}""", uri, start, end);

    public static string Of(string template, params object[] args) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"@(\d+)", m => args[int.Parse(m.Groups[1].Value)] switch
        {
            string s => JsonSerializer.Serialize(s),
            int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            JsonNode node => node.ToJsonString(),
            Raw raw => raw.Text,
            var other => throw new ArgumentException("unsupported argument " + other),
        });
}
