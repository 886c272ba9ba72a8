using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sora.Config.LanguageServer.Protocol
{
    /// <summary>Writes a <see cref="MarkupContent"/> once and then copies its JSON. The completion of keys sends each key's
    /// Markdown (kept per key, version and language by the completion provider) on every request; escaping those 20 KB
    /// again each time was most of a completion's cost. The JSON is the one System.Text.Json would write into the same
    /// writer: System.Text.Json escapes with the writer's encoder (not the options'), so that encoder escapes the kept
    /// JSON too, and is kept with it.</summary>
    internal sealed class MarkupContentConverter : JsonConverter<MarkupContent>
    {
        /// <summary>A content's JSON and the writer's encoder that escaped it (null: System.Text.Json's default).</summary>
        internal sealed class Written
        {
            public Written(JavaScriptEncoder? encoder, byte[] json)
            {
                Encoder = encoder;
                Json = json;
            }

            public JavaScriptEncoder? Encoder { get; }

            public byte[] Json { get; }
        }

        public override MarkupContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a MarkupContent object");
            string kind = "markdown", value = "";
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "kind") kind = reader.GetString() ?? kind;
                else if (name == "value") value = reader.GetString() ?? value;
                else reader.Skip();
            }
            return new MarkupContent { Kind = kind, Value = value };
        }

        public override void Write(Utf8JsonWriter writer, MarkupContent value, JsonSerializerOptions options)
        {
            // One reference read: another thread may set it meanwhile, always to the same JSON for the same encoder.
            var written = value.Json;
            var encoder = writer.Options.Encoder;
            if (written is null || written.Encoder != encoder)
            {
                var buffer = new ArrayBufferWriter<byte>(value.Value.Length + 32);
                using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder, SkipValidation = true }))
                {
                    json.WriteStartObject();
                    json.WriteString("kind", value.Kind);
                    json.WriteString("value", value.Value);
                    json.WriteEndObject();
                }
                written = new Written(encoder, buffer.WrittenSpan.ToArray());
                value.Json = written;
            }
            writer.WriteRawValue(written.Json, skipInputValidation: true);
        }
    }
}
