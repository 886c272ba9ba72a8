using System;
using System.Collections.Generic;
using System.Globalization;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.LanguageServer.Documents;
using Sora.Config.LanguageServer.Protocol;
using Sora.Config.Syntax;

namespace Sora.Config.LanguageServer.Server
{
    /// <summary>One version of an open document, evaluated: its syntax, the Sora version it targets, and the findings of
    /// <see cref="SoraConfLinter"/> with exactly the options <c>sora-conf lint</c> uses (suppression comments honoured),
    /// as LSP diagnostics. Built once per change; hover, completion and code actions read it.</summary>
    internal sealed class Analysis
    {
        /// <summary>Above this many characters a document is not linted on every change (a sora.conf is a few kilobytes;
        /// <c>sora-conf lint</c> still checks any size).</summary>
        public const int MaxLiveChars = 4 * 1024 * 1024;

        private readonly bool bomHidden;

        private Analysis(TextDocument text, SoraConfDocument syntax, SoraConfDocument linted, bool bomHidden, Context context)
        {
            Text = text;
            Syntax = syntax;
            Linted = linted;
            this.bomHidden = bomHidden;
            Catalog = context.Catalog;
            Culture = context.Culture;
            var header = VersionLine.Find(syntax);
            Version = header.Known(Catalog) ?? context.Version;
            Options = new SoraConfEvaluationOptions { Catalog = Catalog, SoraVersion = Version, Profile = context.Profile, InlineSuppressions = true };

            var diagnostics = new List<Protocol.Diagnostic>();
            if (header.Line > 0 && header.Known(Catalog) is null)
            {
                diagnostics.Add(ServerDiagnostic(header.Line, 2, Japanese
                    ? $"Sora のバージョン '{header.Text}' はこのスキーマにありません (既知: {string.Join(", ", Catalog.Versions)})。{Version} で検査します"
                    : $"Sora version '{header.Text}' is not in this schema (known: {string.Join(", ", Catalog.Versions)}); checking against {Version}"));
            }
            LoneSurrogates(diagnostics);
            if (text.Text.Length > MaxLiveChars)
            {
                Findings = Array.Empty<SoraConfDiagnostic>();
                diagnostics.Add(ServerDiagnostic(0, 2, Japanese
                    ? $"ファイルが大きすぎるため ({text.Text.Length:N0} 文字、上限 {MaxLiveChars:N0}) 編集中の検査を行いません。`sora-conf lint` で検査してください"
                    : $"The file is too large to check while editing ({text.Text.Length:N0} characters, limit {MaxLiveChars:N0}); run `sora-conf lint` on it"));
            }
            else
            {
                Findings = SoraConfLinter.Analyze(linted, Options).Diagnostics;
                foreach (var finding in Findings) diagnostics.Add(ToLsp(finding));
            }
            Diagnostics = diagnostics.ToArray();
        }

        public TextDocument Text { get; }

        /// <summary>The editor's text as the runtime's lossless document.</summary>
        public SoraConfDocument Syntax { get; }

        /// <summary>What was linted: <see cref="Syntax"/>, or the file on disk when the editor hides part of it
        /// (<see cref="DiskText"/>).</summary>
        public SoraConfDocument Linted { get; }

        public SoraCatalog Catalog { get; }

        public string Version { get; }

        public SoraConfEvaluationOptions Options { get; }

        public CultureInfo Culture { get; }

        public bool Japanese => SoraTextIsJapanese(Culture);

        /// <summary>The findings that are not suppressed, in lint order (positions in <see cref="Linted"/>).</summary>
        public IReadOnlyList<SoraConfDiagnostic> Findings { get; }

        /// <summary>What is published: the server's own notes first, then one per finding (<see cref="Findings"/>).</summary>
        public Protocol.Diagnostic[] Diagnostics { get; }

        /// <summary>What the analysis depends on besides the text: the catalogue, the settings and the client's language.</summary>
        internal sealed record Context(SoraCatalog Catalog, string Version, SoraConfProfile Profile, CultureInfo Culture);

        public static Analysis Of(TextDocument text, Context context, bool readDisk)
        {
            var syntax = SoraConfDocument.Parse(text.Text);
            bool bomHidden = false;
            var linted = readDisk && text.Text.Length <= MaxLiveChars ? DiskText.Read(text.Uri, text.Text, MaxLiveChars * 4, out bomHidden) : null;
            return new Analysis(text, syntax, linted ?? syntax, bomHidden, context);
        }

        /// <summary>The offset in the editor's text of a position of <see cref="Linted"/> (1-based line and column). A
        /// byte order mark the editor hides shifts line 1 by one column.</summary>
        public int Offset(int line, int column)
        {
            if (bomHidden && line == 1) column = Math.Max(1, column - 1);
            return Text.OffsetOfKvconf(line, column);
        }

        /// <summary>The offsets in the editor's text a finding spans; the start of the file for a finding about a key that
        /// is not written (an effective default), which lint prints without a position.</summary>
        public (int Start, int End) OffsetsOf(SoraConfDiagnostic finding) =>
            finding.Line <= 0 ? (0, 0) : (Offset(finding.Line, finding.Column), Offset(finding.EndLine, finding.EndColumn));

        public Protocol.Range RangeOf(SoraConfDiagnostic finding)
        {
            var (start, end) = OffsetsOf(finding);
            return Text.RangeOf(start, end);
        }

        /// <summary>True when the BOM of the file is hidden by the editor: an edit cannot remove it there.</summary>
        public bool BomHidden => bomHidden;

        public Protocol.Diagnostic ToLsp(SoraConfDiagnostic finding) => new Protocol.Diagnostic
        {
            Range = RangeOf(finding),
            Severity = Severity(finding.Severity),
            Code = finding.Id,
            CodeDescription = new CodeDescription { Href = finding.HelpUri.AbsoluteUri },
            Message = finding.GetMessage(Culture),
        };

        public static int Severity(SoraConfSeverity severity) => severity switch
        {
            SoraConfSeverity.Error => 1,
            SoraConfSeverity.Warning => 2,
            _ => 3,
        };

        private Protocol.Diagnostic ServerDiagnostic(int line, int severity, string message)
        {
            int start = line > 0 ? Text.OffsetOfKvconf(line, 1) : 0;
            int end = line > 0 ? Text.OffsetOfKvconf(line, int.MaxValue) : 0;
            return new Protocol.Diagnostic { Range = Text.RangeOf(start, end), Severity = severity, Message = message };
        }

        /// <summary>Half of a surrogate pair on its own (JSON can carry one; a broken client may send it): not a character,
        /// and no UTF-8 file can hold it. Reported where it is, at most a few times.</summary>
        private void LoneSurrogates(List<Protocol.Diagnostic> diagnostics)
        {
            var t = Text.Text;
            int reported = 0;
            for (int i = t.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < t.Length && reported < 10; i++)
            {
                if (char.IsHighSurrogate(t[i]) && i + 1 < t.Length && char.IsLowSurrogate(t[i + 1]))
                {
                    i++;
                    continue;
                }
                if (!char.IsSurrogate(t[i])) continue;
                reported++;
                var code = ((int)t[i]).ToString("X4", CultureInfo.InvariantCulture);
                diagnostics.Add(new Protocol.Diagnostic
                {
                    Range = Text.RangeOf(i, i + 1),
                    Severity = 2,
                    Message = Japanese
                        ? $"U+{code} は単独では文字ではありません (サロゲートの片割れ)。保存すると U+FFFD か UTF-8 でないバイトになります (`sora-conf lint` の SORA0008/SORA0012)"
                        : $"U+{code} on its own is not a character (half of a surrogate pair); saved, it becomes U+FFFD or bytes that are not UTF-8 (SORA0008/SORA0012 in `sora-conf lint`)",
                });
            }
        }

        internal static bool SoraTextIsJapanese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ja";
    }

    /// <summary>The <c># sora-version: 2025.2</c> line: a comment among the comments and blank lines a file starts with.</summary>
    internal readonly struct VersionLine
    {
        public const string Marker = "sora-version:";

        private VersionLine(int line, string text)
        {
            Line = line;
            Text = text;
        }

        /// <summary>1-based; 0 when the file has none.</summary>
        public int Line { get; }

        public string Text { get; }

        /// <summary>The normalized version when the catalogue knows it, else null.</summary>
        public string? Known(SoraCatalog catalog) =>
            Line > 0 && SoraVersions.Normalize(Text) is { } normalized && catalog.IsKnownVersion(normalized) ? normalized : null;

        public static VersionLine Find(SoraConfDocument document)
        {
            for (int i = 0; i < document.Lines.Count; i++)
            {
                var line = document.Lines[i];
                if (line.Kind == SoraConfLineKind.Blank) continue;
                if (line.Kind != SoraConfLineKind.Comment) break;
                var body = line.Text.TrimStart(' ', '#').TrimStart();
                if (body.StartsWith(Marker, StringComparison.OrdinalIgnoreCase))
                    return new VersionLine(i + 1, body.Substring(Marker.Length).Trim());
            }
            return default;
        }
    }
}
