using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment.Parsing.Nginx
{
    /// <summary>Reads an nginx configuration into directives, following <c>include</c>: a path or glob relative to the
    /// prefix (the main file's folder, as <c>nginx -c</c> uses) or, failing that, to the including file. Included
    /// directives keep their own file and line. Syntax errors, unreadable files and include loops become problems at
    /// their location; the file stops being read at its first syntax error, as nginx does.</summary>
    internal sealed class NginxParser
    {
        private const int MaxIncludeDepth = 16;

        private readonly string _prefix;
        private readonly ICollection<SoraFactProblem> _problems;
        private readonly ICollection<SoraFactSuppression> _suppressions;
        private readonly Stack<string> _open = new Stack<string>();

        private NginxParser(string prefix, ICollection<SoraFactProblem> problems, ICollection<SoraFactSuppression> suppressions)
        {
            _prefix = prefix;
            _problems = problems;
            _suppressions = suppressions;
        }

        /// <summary>Set when a file stopped at a syntax error: the directives are then only a part of the configuration.</summary>
        public bool SyntaxFailed { get; private set; }

        /// <summary>Parses the file at <paramref name="path"/> and what it includes; <paramref name="complete"/> is false
        /// when a file could not be read to its end (nginx would refuse the configuration).</summary>
        public static List<NginxDirective> ParseFile(string path, ICollection<SoraFactProblem> problems, ICollection<SoraFactSuppression> suppressions, out bool complete)
        {
            complete = false;
            var file = ConfigText.Read(path, problems);
            if (file is null) return new List<NginxDirective>();
            var parser = new NginxParser(Prefix(path), problems, suppressions);
            var result = parser.Parse(file);
            complete = !parser.SyntaxFailed;
            return result;
        }

        /// <summary>The folder of the main file: where nginx started with <c>-c</c> resolves relative paths.</summary>
        public static string Prefix(string path)
        {
            try
            {
                return Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return ".";
            }
        }

        /// <summary>Parses text (includes resolve against <paramref name="prefix"/>).</summary>
        public static List<NginxDirective> ParseText(ConfigText file, string prefix, ICollection<SoraFactProblem> problems, ICollection<SoraFactSuppression> suppressions, out bool complete)
        {
            var parser = new NginxParser(prefix, problems, suppressions);
            var result = parser.Parse(file);
            complete = !parser.SyntaxFailed;
            return result;
        }

        private List<NginxDirective> Parse(ConfigText file)
        {
            CommentSuppressions.Read(file, "#", _suppressions, _problems);
            _open.Push(SafeFullPath(file.Path));
            var lexer = new NginxLexer(file, _problems);
            var result = Block(lexer, null, file);
            SyntaxFailed |= lexer.Failed;
            _open.Pop();
            return result;
        }

        private List<NginxDirective> Block(NginxLexer lexer, NginxLexer.Token? opened, ConfigText file)
        {
            var list = new List<NginxDirective>();
            while (true)
            {
                var t = lexer.Next();
                if (lexer.Failed) return list;
                switch (t.TokenKind)
                {
                    case NginxLexer.Kind.End:
                        if (opened is { } o) lexer.Fail(t.Source, "unexpected end of file: the block opened on line {0} is not closed with '}}'", "ファイルが途中で終わっています。{0} 行目で開いたブロックが '}}' で閉じられていません", o.Source.Line);
                        return list;
                    case NginxLexer.Kind.Close:
                        if (opened is null) lexer.Fail(t.Source, "unexpected '}}': no block is open here", "予期しない '}}' です。ここで開いているブロックはありません");
                        return list;
                    case NginxLexer.Kind.Semicolon:
                        lexer.Fail(t.Source, "unexpected ';': a directive name is missing", "予期しない ';' です。ディレクティブ名がありません");
                        return list;
                    case NginxLexer.Kind.Open:
                        lexer.Fail(t.Source, "unexpected '{{': a block needs a name before it", "予期しない '{{' です。ブロックの前に名前が必要です");
                        return list;
                }
                var name = t.Word!;
                var args = new List<NginxWord>();
                while (true)
                {
                    var a = lexer.Next();
                    if (lexer.Failed) return list;
                    if (a.TokenKind == NginxLexer.Kind.Word)
                    {
                        args.Add(a.Word!);
                        continue;
                    }
                    if (a.TokenKind == NginxLexer.Kind.Semicolon)
                    {
                        if (name.Value == "include" && args.Count == 1) list.AddRange(Include(args[0], file));
                        else list.Add(new NginxDirective(name, args, null));
                    }
                    else if (a.TokenKind == NginxLexer.Kind.Open)
                    {
                        var inner = Block(lexer, a, file);
                        if (lexer.Failed) return list;
                        list.Add(new NginxDirective(name, args, inner));
                    }
                    else
                    {
                        lexer.Fail(a.Source, a.TokenKind == NginxLexer.Kind.End
                            ? "unexpected end of file: the directive \"{0}\" is not ended with ';' or '{{'"
                            : "unexpected '}}': the directive \"{0}\" is not ended with ';'",
                            a.TokenKind == NginxLexer.Kind.End
                            ? "ファイルが途中で終わっています。ディレクティブ \"{0}\" が ';' か '{{' で終わっていません"
                            : "予期しない '}}' です。ディレクティブ \"{0}\" が ';' で終わっていません", name.Value);
                        return list;
                    }
                    break;
                }
            }
        }

        private IEnumerable<NginxDirective> Include(NginxWord pattern, ConfigText from)
        {
            if (_open.Count >= MaxIncludeDepth)
            {
                _problems.Add(new SoraFactProblem(pattern.Source, Catalog.SoraText.Format(
                    "includes are nested more than {0} deep here (an include loop?)", "include が {0} 段を超えて入れ子になっています (include のループ?)", MaxIncludeDepth)));
                yield break;
            }
            var files = Resolve(pattern.Value, from.Path, out bool glob);
            if (files.Count == 0 && !glob)
            {
                _problems.Add(new SoraFactProblem(pattern.Source, Catalog.SoraText.Format(
                    "the included file {0} does not exist (nginx -t fails on it)", "include したファイル {0} が存在しません (nginx -t も失敗します)", pattern.Value)));
                yield break;
            }
            foreach (var path in files)
            {
                if (_open.Contains(SafeFullPath(path)))
                {
                    _problems.Add(new SoraFactProblem(pattern.Source, Catalog.SoraText.Format(
                        "{0} includes itself (through {1})", "{0} が自分自身を include しています ({1} 経由)", path, from.Path)));
                    continue;
                }
                var file = ConfigText.Read(path, _problems, pattern.Source);
                if (file is null) continue;
                foreach (var d in Parse(file)) yield return d;
            }
        }

        /// <summary>The files an include names, in nginx's order (a glob's matches sorted by name).</summary>
        private List<string> Resolve(string pattern, string fromPath, out bool glob)
        {
            glob = pattern.IndexOfAny(new[] { '*', '?', '[' }) >= 0;
            var bases = Path.IsPathRooted(pattern)
                ? new[] { "" }
                : new[] { _prefix, Path.GetDirectoryName(SafeFullPath(fromPath)) ?? "." };
            foreach (var b in bases)
            {
                var full = b.Length == 0 ? pattern : Path.Combine(b, pattern);
                var found = new List<string>();
                if (!glob)
                {
                    if (File.Exists(full)) found.Add(full);
                }
                else
                {
                    var dir = Path.GetDirectoryName(full);
                    var name = Path.GetFileName(full);
                    if (dir != null && dir.IndexOfAny(new[] { '*', '?', '[' }) < 0 && Directory.Exists(dir))
                    {
                        try
                        {
                            var regex = new Regex("^" + Regex.Escape(name).Replace(@"\*", ".*").Replace(@"\?", ".").Replace(@"\[", "[") + "$");
                            foreach (var f in Directory.GetFiles(dir))
                            {
                                var n = Path.GetFileName(f);
                                if (!n.StartsWith(".", StringComparison.Ordinal) && regex.IsMatch(n)) found.Add(f);
                            }
                        }
                        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
                        {
                            // An unreadable folder or a malformed pattern matches nothing, as for nginx's glob.
                        }
                    }
                }
                if (found.Count > 0)
                {
                    found.Sort(StringComparer.Ordinal);
                    return found;
                }
            }
            return new List<string>();
        }

        private static string SafeFullPath(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return path;
            }
        }
    }
}
