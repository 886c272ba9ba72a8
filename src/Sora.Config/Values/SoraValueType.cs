namespace Sora.Config.Values
{
    /// <summary>The value types of sora.conf keys (the schema's <c>type</c> field): kvconf's types.</summary>
    public enum SoraValueType
    {
        Bool,
        Int,
        Port,
        Float,
        String,
        Enum,
        Interval,
        Ipv4,
        Ipv6,
        Url,
        List,

        /// <summary>kvconf's PKIX full-chain PEM file: a path Sora reads at start-up (certificates only).</summary>
        PemFullchainFile,

        /// <summary>kvconf's PKIX certificate PEM file: a path Sora reads at start-up.</summary>
        PemCertFile,

        /// <summary>kvconf's PKIX private-key PEM file: a path Sora reads at start-up (unencrypted key).</summary>
        PemPrivkeyFile,
    }

    /// <summary>The time units of sora.conf intervals: <c>ms</c>, <c>s</c>, <c>min</c>, <c>h</c>.</summary>
    public enum SoraTimeUnit
    {
        Millisecond,
        Second,
        Minute,
        Hour,
    }
}
