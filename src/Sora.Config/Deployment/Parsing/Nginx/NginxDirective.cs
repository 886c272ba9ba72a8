using System.Collections.Generic;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment.Parsing.Nginx
{
    /// <summary>One word of a directive as nginx reads it: quotes removed, escapes kept for nginx's own handling
    /// (variables stay <c>$name</c>), and where it starts.</summary>
    internal sealed class NginxWord
    {
        public NginxWord(string value, SoraFactSource source, bool quoted)
        {
            Value = value;
            Source = source;
            Quoted = quoted;
        }

        public string Value { get; }

        public SoraFactSource Source { get; }

        public bool Quoted { get; }

        public override string ToString() => Value;
    }

    /// <summary>A directive (<c>name args;</c>) or a block (<c>name args { … }</c>), in the file it was written in —
    /// an included file's directives keep their own path and line.</summary>
    internal sealed class NginxDirective
    {
        public NginxDirective(NginxWord name, List<NginxWord> args, List<NginxDirective>? block)
        {
            NameWord = name;
            Args = args;
            Block = block;
        }

        public NginxWord NameWord { get; }

        public string Name => NameWord.Value;

        public SoraFactSource Source => NameWord.Source;

        public List<NginxWord> Args { get; }

        /// <summary>The directives inside <c>{ … }</c>; null for a simple directive. For <c>map</c> and <c>types</c>
        /// blocks each entry is a directive whose name is the entry's first word.</summary>
        public List<NginxDirective>? Block { get; }

        public string Arg(int i) => i < Args.Count ? Args[i].Value : "";

        public override string ToString() => Name + (Args.Count > 0 ? " " + string.Join(" ", Args) : "") + (Block is null ? ";" : " { … }");
    }
}
