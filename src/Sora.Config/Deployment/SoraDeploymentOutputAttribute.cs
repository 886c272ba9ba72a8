using System;

namespace Sora.Config.Deployment
{
    /// <summary>Marks a static property or parameterless static method returning a <see cref="SoraDeployment"/> or a
    /// <see cref="SoraCluster"/>: the build runs it, reports <see cref="ISoraDeployment.Validate()"/>'s findings as warnings
    /// and errors at the member, and writes the bundle into <see cref="Path"/> (a folder, relative to the output directory
    /// unless rooted). Files whose content did not change are left untouched; a deployment with an error is not written.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class SoraDeploymentOutputAttribute : Attribute
    {
        public SoraDeploymentOutputAttribute(string path) => Path = path;

        /// <summary>The folder the bundle is written into.</summary>
        public string Path { get; }
    }
}
