using System;

namespace Sora.Config
{
    /// <summary>Marks a partial class for which Sora.Config's generator emits one typed property per
    /// sora.conf key of the targeted Sora version, plus Parse, TryParse, Load, Save, Serialize and Validate.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class GeneratedSoraConfAttribute : Attribute
    {
        /// <summary>The Sora version (<c>YYYY.N</c>) whose keys the class has; default: the newest the schema knows.</summary>
        public string? SoraVersion { get; set; }

        /// <summary>The profile analyzers and the default of <c>Validate()</c> use for this class.</summary>
        public SoraConfProfile Profile { get; set; } = SoraConfProfile.Production;
    }

    /// <summary>The sora.conf key a generated property stands for.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class SoraKeyAttribute : Attribute
    {
        public SoraKeyAttribute(string name) => Name = name;

        public string Name { get; }
    }

    /// <summary>Marks a static property or parameterless static method returning a generated config:
    /// the build writes it to <see cref="Path"/> (relative to the output directory unless rooted).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class SoraConfOutputAttribute : Attribute
    {
        public SoraConfOutputAttribute(string path) => Path = path;

        public string Path { get; }
    }
}
