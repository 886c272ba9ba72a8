using System;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Shared;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Evaluation.Checks
{
    /// <summary><c>questionable_value</c>: what Sora accepts but cannot work as intended. Of a setting: a value that fails
    /// its key's refinement (a host name that is no DNS name, an origin with a path), a URL without a host or with a port
    /// outside 1–65535, an IPv6 zone Sora drops, a float written with a comma. Of a file, when the input is one: a line
    /// with no key before '=', a tab-indented comment holding '=' (read as a key), bytes that are not UTF-8 Sora passes
    /// over, NUL characters, a carriage return inside a line.</summary>
    internal sealed class QuestionableValueCheck : IEntryCheck, ICommentCheck
    {
        public string Kind => "questionable_value";

        /// <summary>A NUL or a lone carriage return is reported in a comment too.</summary>
        public CommentMarks Marks => CommentMarks.NulOrLoneCarriageReturn;

        /// <summary>Beyond a carriage return (which any value may hold), only the keys below. A number or interval is out of
        /// reach only where its key leaves the range open on that side: a bounded key refuses such a value.</summary>
        public bool Concerns(SoraKeyInfo? key) =>
            key != null && (key.Format is SoraNames.FormatHostName or SoraNames.FormatOrigin || key.ScalarType is SoraValueType.Url or SoraValueType.Ipv6 or SoraValueType.Float
                || (key.ScalarType is SoraValueType.Int or SoraValueType.Port && (key.Min is null || key.Max is null))
                || (key.ScalarType == SoraValueType.Interval && key.Max is null));

        public bool MayReport(SoraKeyInfo? key, bool exists, ReadOnlySpan<char> value)
        {
            if (key is null || !exists) return false;
            // Asked on every setting a generated class parses: answer with the check itself rather than flag every URL and
            // host name for a full evaluation (which made a clean file's typed parse about ten times slower), and decide the
            // usual shapes on the text, building nothing (only Why's refinements and URLs can report beyond the tests below).
            if ((key.Format is SoraNames.FormatHostName or SoraNames.FormatOrigin || key.ScalarType == SoraValueType.Url) && !SurelyUsable(key, value)
                && Why(key, value.ToString()) != null) return true;
            // A number beyond 64 bits has at least 19 digits (a port too, when a project's schema gives it no range); an
            // interval beyond a TimeSpan at least 9 digits and a unit ("256204779 h").
            if (key.ScalarType is SoraValueType.Int or SoraValueType.Port && value.Length >= 19) return true;
            if (key.ScalarType == SoraValueType.Interval && value.Length >= 10) return true;
            if (key.ScalarType == SoraValueType.Ipv6 && value.IndexOf('%') >= 0) return true;
            if (key.ScalarType == SoraValueType.Float && value.IndexOf(',') >= 0) return true;
            return value.IndexOf('\r') >= 0;
        }

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            if (run.File is { } file) ReportFile(rule, run, file);
            foreach (var entry in run.Entries)
            {
                if (entry.Value is null) continue;
                var parsed = run.Parse(entry);
                if (parsed.Key is not { } key || !parsed.Exists || parsed.Error != null) continue;
                // The screen the fast path uses: most values are decided on the text, without Why's strings and Uri.
                if (!MayReport(key, exists: true, entry.Value.AsSpan())) continue;
                if (Finding(key, parsed.Value, entry.Value) is { } why)
                {
                    var shown = key.IsSecret ? SoraText.Same("(secret)") : SoraText.Same(entry.Value);
                    run.Report(rule, key.Name, SoraFindingTarget.Value, new SoraMessageArguments(key: key.Name, value: shown, detail: why));
                }
            }
        }

        /// <summary>What the check says of a valid setting, unscreened: its typed value out of every setting's reach, or
        /// <see cref="Why"/>. <see cref="MayReport"/> must be true wherever this is not null (a test holds it to that).</summary>
        internal static SoraText? Finding(SoraKeyInfo key, object? value, string text) =>
            SoraValueCodec.IsHeldAsText(key, value) && key.ScalarType != SoraValueType.Url ? OutOfReach : Why(key, text);

        /// <summary>True only when <see cref="Why"/> is surely null for a host name, origin or URL: a single host name that is
        /// one, or a plain <c>http(s)://host[:port]</c> URL with a usable port (and, for an origin, nothing after it).</summary>
        private static bool SurelyUsable(SoraKeyInfo key, ReadOnlySpan<char> value)
        {
            if (key.Type == SoraValueType.List || value.IndexOf('\r') >= 0) return false;
            if (key.Format == SoraNames.FormatHostName) return key.ScalarType != SoraValueType.Url && SoraValueCodec.IsHostName(value);
            if (!Placeholders.PlainUrlHost(value, out _, out var port, out int authorityEnd)) return false;
            if (port.Length > 0 && !IsPort(port.Slice(1))) return false;
            var rest = value.Slice(authorityEnd);
            // An origin is the authority alone; anything after it must be what UriReference reads as a path, query and fragment.
            return key.Format == SoraNames.FormatOrigin ? rest.Length == 0 : UriReference.IsPathQueryFragment(rest);
        }

        private static readonly SoraText OutOfReach = new SoraText(
            "Sora accepts this number (its integers have no size limit), but no setting can use it: it is beyond 64 bits, or an interval of more than 29,000 years",
            "Sora はこの数を受け付けます (整数に大きさの上限がないため) が、どの設定にも使えません。64 ビットを超えるか、29,000 年を超える時間です");

        /// <summary>Why Sora cannot use the value as intended, or null.</summary>
        internal static SoraText? Why(SoraKeyInfo key, string value)
        {
            if (key.Type == SoraValueType.List)
            {
                foreach (var item in SoraValueCodec.SplitList(value))
                {
                    if (WhyScalar(key, item) is { } why) return why;
                }
                return null;
            }
            return WhyScalar(key, value);
        }

        private static SoraText? WhyScalar(SoraKeyInfo key, string value)
        {
            switch (key.Format)
            {
                case SoraNames.FormatHostName when !SoraValueCodec.IsHostName(value, out var why):
                    return new SoraText("it is not a host name: " + why.English, "ホスト名ではありません: " + why.Japanese);
                case SoraNames.FormatOrigin when WhyNotOrigin(value) is { } notOrigin:
                    return notOrigin;
            }
            switch (key.ScalarType)
            {
                case SoraValueType.Url when SoraValueCodec.TryReadUrl(value, out var uri):
                    if (!uri.HasAuthority || string.IsNullOrEmpty(uri.Host))
                        return new SoraText("the URL has no host, so Sora has nothing to connect to (newer Sora releases refuse it)", "URL にホストがないため、Sora は接続先を持ちません (新しい Sora は拒否します)");
                    if (uri.Port != null && !IsPort(uri.Port))
                        return SoraText.Format("the port '{0}' is outside 1-65535: Sora accepts it, but no connection can be made", "ポート '{0}' は 1-65535 の範囲外です。Sora は受け付けますが、接続できません", uri.Port);
                    return null;
                case SoraValueType.Ipv6 when value.IndexOf('%') >= 0:
                    return new SoraText("Sora drops the zone after '%' and uses the bare address", "Sora は '%' 以降のゾーンを捨て、アドレスだけを使います");
                case SoraValueType.Float when value.IndexOf(',') >= 0:
                    return SoraText.Format("Sora reads the comma as a decimal point ({0}); write {0}", "Sora はカンマを小数点として読みます ({0})。{0} と書いてください", value.Replace(',', '.'));
                default:
                    return value.IndexOf('\r') >= 0
                        ? new SoraText("the value holds a carriage return, which Sora keeps in it", "値に CR が含まれており、Sora はそれを値の一部として扱います")
                        : null;
            }
        }

        private static bool IsPort(string digits) => IsPort(digits.AsSpan());

        private static bool IsPort(ReadOnlySpan<char> digits)
        {
            if (digits.Length is 0 or > 5) return false;
            int port = 0;
            foreach (var c in digits)
            {
                if (c < '0' || c > '9') return false;
                port = port * 10 + (c - '0');
            }
            return port is >= 1 and <= 65535;
        }

        /// <summary>An origin is <c>http(s)://host[:port]</c>: no user info, path, trailing '/', query or fragment.</summary>
        private static SoraText? WhyNotOrigin(string value)
        {
            if (!SoraValueCodec.TryReadUrl(value, out var uri) || !uri.HasAuthority || string.IsNullOrEmpty(uri.Host))
                return new SoraText("it is not an origin: write http(s)://host[:port]", "オリジンではありません。http(s)://host[:port] と書いてください");
            if (uri.PathStart < value.Length)
                return new SoraText("an origin has no path, query or trailing '/': browsers send http(s)://host[:port] only, so it never matches", "オリジンにはパス・クエリ・末尾の '/' は付きません。ブラウザーは http(s)://host[:port] だけを送るため一致しません");
            if (value.IndexOf('@') >= 0)
                return new SoraText("an origin has no user info", "オリジンにはユーザー情報は付きません");
            return null;
        }

        private static void ReportFile(SoraRuleInfo rule, EvaluationRun run, FileFacts file)
        {
            var lines = file.Document.Lines;
            foreach (var (number, problem) in file.LineProblems)
            {
                var line = lines[number - 1];
                if (problem == LineProblem.EmptyKey)
                {
                    Report(rule, run, number, 1, line.Length + 1, SoraText.Format(
                        "line {0} has no key before '=': Sora reads a setting named '' and ignores it (a second such line makes Sora refuse the file)",
                        "{0} 行目の '=' の前にキーがありません。Sora は名前が空の設定として読んで無視します (二行目があるとファイルを拒否します)", number));
                }
                else if (problem == LineProblem.IndentedCommentWithEquals)
                {
                    Report(rule, run, number, 1, line.KeyStart + 1, SoraText.Format(
                        "line {0} is a comment indented with a tab or other whitespace: as it holds '=', Sora reads it as the unknown key '{1}' instead of a comment; indent comments with spaces only",
                        "{0} 行目はタブなどで字下げしたコメントで、'=' を含むため Sora はコメントではなく不明なキー '{1}' として読みます。コメントの字下げにはスペースだけを使ってください", number, line.Key));
                }
            }
            foreach (var (number, column) in file.ToleratedInvalidUtf8)
            {
                Report(rule, run, number, column, column + 1, SoraText.Format(
                    "line {0} holds a byte that is not UTF-8 (column {1}); Sora passes over it here, but the text is not what was written; save the file as UTF-8",
                    "{0} 行目の {1} 桁目に UTF-8 ではないバイトがあります。ここでは Sora は読み飛ばしますが、書いたとおりの文字ではありません。UTF-8 で保存してください", number, column));
            }
            foreach (var (number, column) in file.Nul)
            {
                Report(rule, run, number, column, column + 1, SoraText.Format(
                    "line {0} holds a NUL character (column {1}), which is never what a setting or comment meant",
                    "{0} 行目の {1} 桁目に NUL 文字があります。設定やコメントとして意図したものではありません", number, column));
            }
            foreach (var (number, column) in file.InnerCarriageReturn)
            {
                var line = lines[number - 1];
                var detail = line.Kind == SoraConfLineKind.Comment && number == 1 && lines.Count == 1
                    ? SoraText.Format("the file's lines end with CR only (column {0}): Sora reads the whole file as one comment line and every setting in it is ignored; save it with LF line endings",
                        "ファイルの改行が CR だけです ({0} 桁目)。Sora はファイル全体を一行のコメントとして読み、設定はすべて無視されます。LF の改行で保存してください", column)
                    : SoraText.Format("line {0} holds a carriage return inside it (column {1}): Sora does not end a line there; save the file with LF line endings",
                        "{0} 行目の途中に CR があります ({1} 桁目)。Sora はそこで行を区切りません。LF の改行で保存してください", number, column);
                Report(rule, run, number, column, column + 1, detail);
            }
        }

        private static void Report(SoraRuleInfo rule, EvaluationRun run, int line, int column, int endColumn, SoraText detail) =>
            run.Report(rule, null, SoraFindingTarget.Line, new SoraMessageArguments(detail: detail), line, column, endColumn);
    }
}
