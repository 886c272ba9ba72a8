using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Sora.Config.Analyzers
{
    /// <summary>What the analyzer needs to know of a typed sora.conf class.</summary>
    internal sealed class ConfType
    {
        public ConfType(string? version, SoraConfProfile profile, Dictionary<string, string> propertyByKey)
        {
            Version = version;
            Profile = profile;
            PropertyByKey = propertyByKey;
        }

        /// <summary>The targeted Sora version; null = the newest the catalogue knows.</summary>
        public string? Version { get; }

        public SoraConfProfile Profile { get; }

        /// <summary>sora.conf key → C# property name.</summary>
        public Dictionary<string, string> PropertyByKey { get; }

        public SoraConfEvaluationOptions Options => new SoraConfEvaluationOptions { SoraVersion = Version, Profile = Profile };
    }

    /// <summary>Recognizes [GeneratedSoraConf] classes (Sora.Config.SoraConf is one), cached per type for the compilation.</summary>
    internal sealed class ConfTypes
    {
        private readonly INamedTypeSymbol generatedAttribute;
        private readonly INamedTypeSymbol keyAttribute;
        private readonly SoraConfProfile? buildProfile;
        private readonly ConcurrentDictionary<ITypeSymbol, ConfType?> cache = new ConcurrentDictionary<ITypeSymbol, ConfType?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IPropertySymbol, string?> keys = new ConcurrentDictionary<IPropertySymbol, string?>(SymbolEqualityComparer.Default);

        public ConfTypes(INamedTypeSymbol generatedAttribute, INamedTypeSymbol keyAttribute, SoraConfProfile? buildProfile)
        {
            this.generatedAttribute = generatedAttribute;
            this.keyAttribute = keyAttribute;
            this.buildProfile = buildProfile;
        }

        public bool TryGet(ITypeSymbol? type, out ConfType conf)
        {
            conf = null!;
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named) return false;
            var result = cache.GetOrAdd(named, Create);
            if (result is null) return false;
            conf = result;
            return true;
        }

        /// <summary>The sora.conf key of a generated property ([SoraKey]), or null.</summary>
        public string? KeyOf(IPropertySymbol property) => keys.GetOrAdd(property.OriginalDefinition, p =>
        {
            foreach (var attribute in p.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, keyAttribute)
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
                {
                    return name;
                }
            }
            return null;
        });

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

            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol property && KeyOf(property) is { } key && !properties.ContainsKey(key)) properties.Add(key, property.Name);
            }
            return new ConfType(version, profile ?? buildProfile ?? SoraConfProfile.Production, properties);
        }
    }
}
