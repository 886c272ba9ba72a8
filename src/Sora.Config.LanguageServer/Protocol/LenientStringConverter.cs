using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sora.Config.LanguageServer.Protocol
{
    /// <summary>A document's text as JSON carries it, even when an escape is a lone surrogate (<c>"\ud800"</c>): JSON allows
    /// it, System.Text.Json refuses to make a string of it, and the editor would lose every diagnostic of the file. The
    /// surrogate is kept as it is; the server reports it (<see cref="Server.Analysis"/>).</summary>
    internal sealed class LenientStringConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("expected a string");
            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
                return Unescape(raw);
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        /// <summary>JSON string escapes, every <c>\uXXXX</c> taken as one UTF-16 code unit.</summary>
        private static string Unescape(byte[] raw)
        {
            var text = new StringBuilder(raw.Length);
            int run = 0;
            for (int i = 0; i < raw.Length; i++)
            {
                if (raw[i] != '\\') continue;
                text.Append(Encoding.UTF8.GetString(raw, run, i - run));
                char e = (char)raw[++i];
                switch (e)
                {
                    case 'u':
                        text.Append((char)int.Parse(Encoding.ASCII.GetString(raw, i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    default: text.Append(e); break;
                }
                run = i + 1;
            }
            text.Append(Encoding.UTF8.GetString(raw, run, raw.Length - run));
            return text.ToString();
        }
    }
}
