using System.Collections.Generic;
using Sora.Config.Evaluation;
using Sora.Config.Evaluation.Engine;

namespace Sora.Config.Deployment.Planning
{
    /// <summary>A typed sora.conf's effective values (a key that is not set takes the targeted version's default), read
    /// with the evaluator's own rules so the bundle and the checks agree on every value.</summary>
    internal sealed class EffectiveConf
    {
        private readonly EvaluationRun run;

        public EffectiveConf(ISoraConf conf)
        {
            var entries = new List<Entry>();
            foreach (var pair in conf.ToSettings()) entries.Add(new Entry(pair.Key, pair.Value));
            var options = new SoraConfEvaluationOptions { Catalog = conf.Catalog, SoraVersion = conf.TargetSoraVersion };
            run = new EvaluationRun(options, entries, null);
        }

        public bool IsTrue(string key) => run.Get(key) is { Valid: true, Parsed: bool b } && b;

        public long? Number(string key) => run.Get(key) is { Valid: true, Parsed: long n } ? n : (long?)null;

        public string? Text(string key) => run.Get(key) is { Valid: true, Text: { } t } ? t : null;
    }
}
