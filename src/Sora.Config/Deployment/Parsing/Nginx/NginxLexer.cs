using System.Collections.Generic;
using System.Text;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment.Parsing.Nginx
{
    /// <summary>nginx's configuration tokens, as nginx's own reader splits them: words separated by whitespace, <c>;</c>,
    /// <c>{</c> (and <c>}</c> where a word may start); <c>#</c> comments to the end of the line; single- and double-quoted words with backslash
    /// escapes; <c>${name}</c> inside a word. A quoted word must be followed by whitespace, <c>;</c>, <c>{</c> or <c>)</c>,
    /// as nginx requires. Written by hand: no maintained .NET nginx parser exists (docs/architecture.md).</summary>
    internal sealed class NginxLexer
    {
        internal enum Kind { Word, Semicolon, Open, Close, End }

        internal readonly struct Token
        {
            public Token(Kind kind, NginxWord? word, SoraFactSource source)
            {
                TokenKind = kind;
                Word = word;
                Source = source;
            }

            public Kind TokenKind { get; }

            public NginxWord? Word { get; }

            public SoraFactSource Source { get; }
        }

        private readonly ConfigText _file;
        private readonly string _s;
        private readonly ICollection<SoraFactProblem> _problems;
        private int _i;
        private int _line = 1;
        private int _lineStart;

        public NginxLexer(ConfigText file, ICollection<SoraFactProblem> problems)
        {
            _file = file;
            _s = file.Text;
            _problems = problems;
        }

        /// <summary>Set after a problem that stops reading the file (nginx stops at its first syntax error too).</summary>
        public bool Failed { get; private set; }

        private SoraFactSource Here(int length = 1) => new SoraFactSource(_file.Path, _line, _i - _lineStart + 1, _i - _lineStart + 1 + length);

        public void Fail(SoraFactSource at, string english, string japanese, params object[] args)
        {
            if (Failed) return;
            Failed = true;
            _problems.Add(new SoraFactProblem(at, SoraText.Format(english, japanese, args)));
        }

        public Token Next()
        {
            while (!Failed && _i < _s.Length)
            {
                char c = _s[_i];
                if (c == '\n')
                {
                    _i++;
                    _line++;
                    _lineStart = _i;
                    continue;
                }
                if (char.IsWhiteSpace(c))
                {
                    _i++;
                    continue;
                }
                if (c == '#')
                {
                    while (_i < _s.Length && _s[_i] != '\n') _i++;
                    continue;
                }
                var at = Here();
                switch (c)
                {
                    case ';':
                        _i++;
                        return new Token(Kind.Semicolon, null, at);
                    case '{':
                        _i++;
                        return new Token(Kind.Open, null, at);
                    case '}':
                        _i++;
                        return new Token(Kind.Close, null, at);
                    case '"':
                    case '\'':
                        return Quoted(c, at);
                    default:
                        return Word(at);
                }
            }
            return new Token(Kind.End, null, Here());
        }

        private Token Quoted(char quote, SoraFactSource at)
        {
            int startLine = _line, startColumn = at.Column;
            var sb = new StringBuilder();
            _i++;
            while (true)
            {
                if (_i >= _s.Length)
                {
                    Fail(at, "unexpected end of file: the quote opened here is never closed", "ファイルが途中で終わっています。ここで開いた引用符が閉じられていません");
                    return new Token(Kind.End, null, at);
                }
                char c = _s[_i];
                if (c == '\\' && _i + 1 < _s.Length)
                {
                    char e = _s[_i + 1];
                    // nginx turns \" \' \\ \t \r \n into the character; other escapes stay as written.
                    if (e == quote || e == '\\') sb.Append(e);
                    else if (e == 't') sb.Append('\t');
                    else if (e == 'r') sb.Append('\r');
                    else if (e == 'n') sb.Append('\n');
                    else sb.Append(c).Append(e);
                    if (e == '\n')
                    {
                        _line++;
                        _lineStart = _i + 2;
                    }
                    _i += 2;
                    continue;
                }
                _i++;
                if (c == quote) break;
                if (c == '\n')
                {
                    _line++;
                    _lineStart = _i;
                }
                sb.Append(c);
            }
            if (_i < _s.Length)
            {
                char n = _s[_i];
                if (!char.IsWhiteSpace(n) && n != ';' && n != '{' && n != ')')
                {
                    Fail(Here(), "unexpected \"{0}\" right after a quoted word: nginx needs a space, ';' or '{{' there", "引用符で囲んだ語の直後に予期しない \"{0}\" があります。nginx ではそこに空白か ';'、'{{' が必要です", n);
                }
            }
            var source = new SoraFactSource(_file.Path, startLine, startColumn, startLine == _line ? _i - _lineStart + 1 : startColumn + 1);
            return new Token(Kind.Word, new NginxWord(sb.ToString(), source, true), source);
        }

        private Token Word(SoraFactSource at)
        {
            int start = _i;
            var sb = new StringBuilder();
            while (_i < _s.Length)
            {
                char c = _s[_i];
                if (c == '\\' && _i + 1 < _s.Length && _s[_i + 1] != '\n' && _s[_i + 1] != '\r')
                {
                    sb.Append(c).Append(_s[_i + 1]);
                    _i += 2;
                    continue;
                }
                if (c == '{' && _i > start && _s[_i - 1] == '$')
                {
                    // ${name}: a variable inside a word, not a block (nginx checks the closing brace later, not here).
                    sb.Append(c);
                    _i++;
                    continue;
                }
                // As in nginx's reader, only whitespace, ';' and '{' end a word: a '}' right after a word belongs to it.
                if (char.IsWhiteSpace(c) || c == ';' || c == '{') break;
                sb.Append(c);
                _i++;
            }
            var source = new SoraFactSource(_file.Path, at.Line, at.Column, at.Column + (_i - start));
            return new Token(Kind.Word, new NginxWord(sb.ToString(), source, false), source);
        }
    }
}
