namespace Sora.Config.Values
{
    /// <summary>The value types of sora.conf keys (the schema's <c>type</c> field).</summary>
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
        Fqdn,
        Path,
        List,
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
