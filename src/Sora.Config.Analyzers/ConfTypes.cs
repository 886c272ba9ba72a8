using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Fixes;

namespace Sora.Config.Analyzers
{
    /// <summary>What the analyzer needs to know of a typed sora.conf class.</summary>
    internal sealed class ConfType
    {
        public ConfType(SoraCatalog catalog, string? version, SoraConfProfile profile, Dictionary<string, string> propertyByKey, Dictionary<string, string> keyByProperty)
        {
            Catalog = catalog;
            Version = version;
            Profile = profile;
            PropertyByKey = propertyByKey;
            KeyByProperty = keyByProperty;
        }

        /// <summary>The project's catalogue (the bundled schema merged with the project's schema files). It is the one the class
        /// was generated from when the class is the project's own; <c>SoraConf</c> and classes of referenced assemblies were
        /// generated from the bundled schema or their own project's, which the analyzer cannot read. The difference cannot
        /// change a finding: schema files only add keys and rules (docs/schema-format.md), the analyzers report the bundled
        /// rules' IDs only, and a key counts only when the class has its property. (Two projects that add the same key with
        /// different types would differ; each project's own build checks its own classes.)</summary>
        public SoraCatalog Catalog { get; }

        /// <summary>The targeted Sora version; null = the newest the catalogue knows.</summary>
        public string? Version { get; }

        public SoraConfProfile Profile { get; }

        /// <summary>sora.conf key → C# property name.</summary>
        public Dictionary<string, string> PropertyByKey { get; }

        /// <summary>C# property name → sora.conf key.</summary>
        public Dictionary<string, string> KeyByProperty { get; }

        public SoraConfEvaluationOptions Options => new SoraConfEvaluationOptions { Catalog = Catalog, SoraVersion = Version, Profile = Profile };

        public string EffectiveVersion => Version ?? Catalog.NewestVersion;

        private readonly ConcurrentDictionary<(SoraRuleInfo Rule, string? Key, string Site), ImmutableDictionary<string, string?>> properties =
            new ConcurrentDictionary<(SoraRuleInfo, string?, string), ImmutableDictionary<string, string?>>();

        /// <summary>The properties the code fixes read for a finding of this class: the same for every finding of one rule on
        /// one key at one kind of site, so they are built once per compilation (an immutable dictionary is costly to build).</summary>
        public ImmutableDictionary<string, string?> PropertiesFor(SoraConfDiagnostic finding, string site)
        {
            var key = (finding.Rule, finding.Key, site);
            return properties.TryGetValue(key, out var known) ? known : properties.GetOrAdd(key, Build(finding.Rule, finding.Key, site));
        }

        private ImmutableDictionary<string, string?> Build(SoraRuleInfo rule, string? key, string site)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            builder[SoraProperties.Site] = site;
            if (key is not null)
            {
                builder[SoraProperties.Key] = key;
                if (PropertyByKey.TryGetValue(key, out var property)) builder[SoraProperties.Property] = property;
            }
            // The settings that make the finding go away (from the rule's check, see SoraConfFixes.Remedies), as C# properties.
            var remedies = new List<string>();
            foreach (var remedy in SoraConfFixes.Remedies(rule, Catalog))
            {
                if (!PropertyByKey.TryGetValue(remedy.Key, out var property)) continue;
                remedies.Add(property + "=" + (remedy.Value ?? ""));
                if (remedy.Key == key && remedy.Value != null && Catalog.TryGetKey(remedy.Key, out var info)
                    && info.DefaultFor(EffectiveVersion) == remedy.Value)
                {
                    builder[SoraProperties.DefaultIsSafe] = "true";
                }
            }
            if (remedies.Count > 0) builder[SoraProperties.Remedies] = string.Join("\n", remedies);
            return builder.ToImmutable();
        }
    }

    /// <summary>Recognizes [GeneratedSoraConf] classes (Sora.Config.SoraConf is one), cached per type for the compilation.</summary>
    internal sealed class ConfTypes
    {
        private readonly INamedTypeSymbol generatedAttribute;
        private readonly SoraConfProfile? buildProfile;
        private readonly SoraCatalog catalog;
        private readonly ConcurrentDictionary<IAssemblySymbol, bool> assemblies = new ConcurrentDictionary<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, ConfType?> cache = new ConcurrentDictionary<ITypeSymbol, ConfType?>(SymbolEqualityComparer.Default);
        private readonly Func<ITypeSymbol, ConfType?> create;
        private readonly Func<IAssemblySymbol, bool> canHold;

        public ConfTypes(INamedTypeSymbol generatedAttribute, SoraConfProfile? buildProfile, SoraCatalog catalog)
        {
            this.generatedAttribute = generatedAttribute;
            this.buildProfile = buildProfile;
            this.catalog = catalog;
            // Delegates made once: TryGet runs for every object creation in the compilation.
            create = Create;
            canHold = CanHold;
        }

        public bool TryGet(ITypeSymbol? type, out ConfType conf)
        {
            conf = null!;
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named) return false;
            // Most creations are of BCL or library types: one lookup per assembly instead of reading every type's attributes.
            var assembly = named.ContainingAssembly;
            if (assembly is null || !(assemblies.TryGetValue(assembly, out var may) ? may : assemblies.GetOrAdd(assembly, canHold))) return false;
            if (!cache.TryGetValue(named, out var result)) result = cache.GetOrAdd(named, create);
            if (result is null) return false;
            conf = result;
            return true;
        }

        public SoraCatalog Catalog => catalog;

        /// <summary>The sora.conf key of a property of a generated class, or null.</summary>
        public string? KeyOf(IPropertySymbol property) =>
            TryGet(property.ContainingType, out var conf) && conf.KeyByProperty.TryGetValue(property.Name, out var key) ? key : null;

        /// <summary>A [GeneratedSoraConf] class lives in source, in Sora.Config, or in an assembly that references it.</summary>
        private bool CanHold(IAssemblySymbol assembly)
        {
            var sora = generatedAttribute.ContainingAssembly;
            if (assembly is ISourceAssemblySymbol || SymbolEqualityComparer.Default.Equals(assembly, sora)) return true;
            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (string.Equals(referenced.Name, sora.Identity.Name, StringComparison.Ordinal)) return true;
                }
            }
            return false;
        }

        private ConfType? Create(ITypeSymbol type)
        {
            AttributeData? marker = null;
            foreach (var attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, generatedAttribute))
                {
                    marker = attribute;
                    break;
                }
            }
            if (marker is null) return null;

            string? version = null;
            SoraConfProfile? profile = null;
            foreach (var named in marker.NamedArguments)
            {
                if (named.Key == "SoraVersion" && named.Value.Value is string v) version = v;
                if (named.Key == "Profile" && named.Value.Value is int p) profile = (SoraConfProfile)p;
            }
            // The generated TargetSoraVersion constant is what the class really targets.
            foreach (var member in type.GetMembers("TargetSoraVersion"))
            {
                if (member is IFieldSymbol { IsConst: true, ConstantValue: string target }) version = target;
            }

            // The generator names each key's property PascalCase(key) and refuses a class that declares a member of
            // that name (SORA9005), so a lookup by name finds exactly the generated properties. Reading their
            // [SoraKey] attributes instead would bind attributes of every property at the first site of each build.
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var info in catalog.Keys)
            {
                var name = info.PropertyName;
                foreach (var member in type.GetMembers(name))
                {
                    if (member is not IPropertySymbol) continue;
                    properties[info.Name] = name;
                    keys[name] = info.Name;
                    break;
                }
            }
            // The profile the class was generated with: its attribute's, else (generated in this compilation) the build's
            // SoraConfProfile; a class from a referenced assembly without one was generated as Production, as its Validate() knows.
            var effective = profile ?? (type.ContainingAssembly is ISourceAssemblySymbol ? buildProfile : null) ?? SoraConfProfile.Production;
            return new ConfType(catalog, version, effective, properties, keys);
        }
    }
}
