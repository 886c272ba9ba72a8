using System;
using Sora.Config.Catalog;

namespace Sora.Config.Evaluation.Facts
{
    /// <summary>Something in a deployment's file that a parser could not read (a syntax error, a missing include, a
    /// suppression comment without a reason), where it is: reported by the <c>deployment_file</c> rule, so the facts
    /// that depend on it are known to be incomplete.</summary>
    public sealed class SoraFactProblem
    {
        public SoraFactProblem(SoraFactSource source, SoraText message)
        {
            Source = source ?? throw new ArgumentNullException(nameof(source));
            Message = message;
        }

        public SoraFactSource Source { get; }

        public SoraText Message { get; }

        public override string ToString() => Source + ": " + Message.English;
    }
}
