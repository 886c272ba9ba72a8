using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sora.Config.LanguageServer.Protocol;

namespace Sora.Config.LanguageServer.Tests;

/// <summary>The JSON a <see cref="MarkupContent"/> keeps after its first write is, byte for byte, what System.Text.Json
/// writes for the same object without any keeping: on the first write, on later ones, and into a writer that escapes
/// differently (System.Text.Json escapes with the writer's encoder).</summary>
public sealed class MarkupContentJsonTests
{
    private sealed record Plain(string Kind, string Value);

    private static readonly JsonSerializerOptions PlainOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    // Escaped by the default encoder and not by the relaxed one (non-ASCII, <, &, +, '), and by both (", \, U+2028, a control).
    private const string Text = "**api_port** `port`\n\n東京 <ノード> & 'x' + \"y\" \\ \u2028 \u0001 — 𠮷";

    private static string Write<T>(T value, JsonSerializerOptions options, JavaScriptEncoder? encoder)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            JsonSerializer.Serialize(writer, value, options);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Kept_json_is_what_system_text_json_writes_for_each_writer()
    {
        var content = new MarkupContent { Kind = "markdown", Value = Text };
        var plain = new Plain("markdown", Text);
        var relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

        var expectedDefault = Write(plain, PlainOptions, null);
        var expectedRelaxed = Write(plain, PlainOptions, relaxed);
        Assert.NotEqual(expectedDefault, expectedRelaxed);

        Assert.Equal(expectedDefault, Write(content, LspJson.Options, null));
        Assert.Equal(expectedDefault, Write(content, LspJson.Options, null));
        Assert.Equal(expectedRelaxed, Write(content, LspJson.Options, relaxed));
        Assert.Equal(expectedDefault, Write(content, LspJson.Options, null));
        Assert.Equal(expectedDefault, Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(content, LspJson.Options)));
    }

    [Fact]
    public void Kept_json_reads_back()
    {
        var content = new MarkupContent { Kind = "plaintext", Value = Text };
        var json = JsonSerializer.Serialize(content, LspJson.Options);
        var back = JsonSerializer.Deserialize<MarkupContent>(json, LspJson.Options)!;
        Assert.Equal(("plaintext", Text), (back.Kind, back.Value));
    }
}
