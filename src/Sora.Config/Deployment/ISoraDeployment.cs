using System.Collections.Generic;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment
{
    /// <summary>A typed production setup: one host (<see cref="SoraDeployment"/>) or a cluster (<see cref="SoraCluster"/>).
    /// What a <see cref="SoraDeploymentOutputAttribute"/> member returns.</summary>
    public interface ISoraDeployment
    {
        /// <summary>Each sora.conf's own findings (its class's <c>Validate()</c>) and the deployment rules (SORA3xxx), each
        /// placed in the bundle file it concerns.</summary>
        IReadOnlyList<SoraConfDiagnostic> Validate();

        /// <summary>As <see cref="Validate()"/>, with other severities or a profile (<paramref name="options"/>'s catalogue
        /// and version default to the sora.conf class's).</summary>
        IReadOnlyList<SoraConfDiagnostic> Validate(SoraConfEvaluationOptions options);

        /// <summary>The files of the deployment, by path relative to the bundle's folder.</summary>
        SoraBundle Render();

        /// <summary>The facts the deployment rules evaluate, read from the rendered files (each with its line).</summary>
        SoraDeploymentFacts ToFacts();
    }
}
