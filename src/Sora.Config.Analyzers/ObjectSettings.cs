using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Evaluation.Engine;

namespace Sora.Config.Analyzers
{
    /// <summary>The settings a method gives a [GeneratedSoraConf] object (its initializer, then assignments to the variable,
    /// field or property holding it), evaluated with the project's catalogue. Assignments in mutually exclusive branches
    /// (if/else arms, switch sections and arms, ?: operands) are never merged: each combination of branches is evaluated
    /// on its own, and a finding is reported once wherever it arises.</summary>
    internal static class ObjectSettings
    {
        /// <summary>More combinations than this are not enumerated: a key assigned in exclusive branches is then taken as unknown.</summary>
        private const int MaxScenarios = 64;

        private sealed class Write
        {
            public Write(string key, string property, SettingValue value, SyntaxNode assignment, SyntaxNode valueSyntax, bool inInitializer, bool neverNull, ImmutableArray<(IOperation Node, int Arm)> path)
            {
                Key = key;
                Property = property;
                Value = value;
                Assignment = assignment;
                ValueSyntax = valueSyntax;
                InInitializer = inInitializer;
                NeverNull = neverNull;
                Path = path;
            }

            public string Key { get; }

            public string Property { get; }

            public SettingValue Value { get; }

            public SyntaxNode Assignment { get; }

            public SyntaxNode ValueSyntax { get; }

            public bool InInitializer { get; }

            /// <summary>An unknown value of a non-nullable value type: the key is certainly written.</summary>
            public bool NeverNull { get; }

            /// <summary>The branches the assignment sits in: (branching operation, which arm).</summary>
            public ImmutableArray<(IOperation Node, int Arm)> Path { get; }
        }

        public static void Analyze(IObjectCreationOperation creation, Action<Diagnostic> report, ConfTypes types)
        {
            if (!types.TryGet(creation.Type, out var conf)) return;
            var writes = Collect(creation, types, conf);
            var creationPath = PathOf(creation);
            var reported = new HashSet<(string Id, Location Location)>();
            foreach (var active in Scenarios(writes, creationPath))
            {
                Evaluate(creation, active, conf, report, reported);
            }
        }

        private static List<Write> Collect(IObjectCreationOperation creation, ConfTypes types, ConfType conf)
        {
            var assignments = new List<(ISimpleAssignmentOperation Assignment, bool InInitializer)>();
            if (creation.Initializer is not null)
            {
                foreach (var element in creation.Initializer.Initializers)
                {
                    if (element is ISimpleAssignmentOperation a) assignments.Add((a, true));
                }
            }
            var holder = HolderOf(creation);
            if (holder is not null)
            {
                IOperation top = creation;
                while (top.Parent is not null) top = top.Parent;
                var later = new List<ISimpleAssignmentOperation>();
                // A walk of our own over ChildOperations: OperationExtensions.Descendants costs about three times as much
                // (a stack of list enumerators), and this walk runs at every site.
                var pending = new Stack<IOperation>();
                pending.Push(top);
                while (pending.Count > 0)
                {
                    var op = pending.Pop();
                    if (op is ISimpleAssignmentOperation a && a.Target is IPropertyReferenceOperation target && target.Instance is not null
                        && SymbolEqualityComparer.Default.Equals(Referenced(target.Instance), holder))
                    {
                        later.Add(a);
                    }
                    foreach (var child in op.ChildOperations) pending.Push(child);
                }
                later.Sort((x, y) => x.Syntax.SpanStart.CompareTo(y.Syntax.SpanStart));
                foreach (var a in later) assignments.Add((a, false));
            }

            var writes = new List<Write>();
            foreach (var (assignment, inInitializer) in assignments)
            {
                if (assignment.Target is not IPropertyReferenceOperation reference) continue;
                var name = types.KeyOf(reference.Property);
                if (name is null || !conf.Catalog.TryGetKey(name, out var info)) continue;
                var value = ConstantValues.Evaluate(assignment.Value, info);
                bool neverNull = assignment.Value is IConversionOperation { Operand.Type: { IsValueType: true } operandType }
                    && operandType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
                writes.Add(new Write(name, reference.Property.Name, value, assignment.Syntax, assignment.Value.Syntax, inInitializer, neverNull,
                    inInitializer ? ImmutableArray<(IOperation, int)>.Empty : PathOf(assignment)));
            }
            return writes;
        }

        /// <summary>The sets of writes that can apply together, in source order. Without branches, one set: every write.</summary>
        private static IEnumerable<List<Write>> Scenarios(List<Write> writes, ImmutableArray<(IOperation Node, int Arm)> creationPath)
        {
            if (creationPath.IsEmpty && writes.TrueForAll(w => w.Path.IsEmpty))
            {
                // No branch anywhere (most sites): one set, every write.
                yield return writes;
                yield break;
            }
            var fixedArms = new Dictionary<IOperation, int>();
            foreach (var (node, arm) in creationPath) fixedArms[node] = arm;
            // A write in another arm of a branch the creation itself sits in never applies to this object.
            var relevant = writes.Where(w => w.Path.All(p => !fixedArms.TryGetValue(p.Node, out var arm) || arm == p.Arm)).ToList();

            var arms = new Dictionary<IOperation, List<int>>();
            foreach (var w in relevant)
            {
                foreach (var (node, arm) in w.Path)
                {
                    if (fixedArms.ContainsKey(node)) continue;
                    if (!arms.TryGetValue(node, out var list)) arms[node] = list = new List<int> { -1 };
                    if (!list.Contains(arm)) list.Add(arm);
                }
            }
            if (arms.Count == 0)
            {
                yield return relevant;
                yield break;
            }
            long count = 1;
            foreach (var list in arms.Values) count = Math.Min(count * list.Count, MaxScenarios + 1L);
            if (count > MaxScenarios)
            {
                // Too many combinations: one merged set in which a key assigned in exclusive branches counts as unknown.
                yield return Merged(relevant);
                yield break;
            }
            var nodes = arms.Keys.ToList();
            var choice = new int[nodes.Count];
            for (long n = 0; n < count; n++)
            {
                long rest = n;
                for (int i = 0; i < nodes.Count; i++)
                {
                    var options = arms[nodes[i]];
                    choice[i] = options[(int)(rest % options.Count)];
                    rest /= options.Count;
                }
                yield return relevant.Where(w => w.Path.All(p => fixedArms.ContainsKey(p.Node) || choice[nodes.IndexOf(p.Node)] == p.Arm)).ToList();
            }
        }

        private static List<Write> Merged(List<Write> writes)
        {
            var conflicting = new HashSet<string>(writes.GroupBy(w => w.Key).Where(g => g.Any(a => g.Any(b => Exclusive(a, b)))).Select(g => g.Key), StringComparer.Ordinal);
            return writes.Select(w => conflicting.Contains(w.Key)
                ? new Write(w.Key, w.Property, SettingValue.Unknown, w.Assignment, w.ValueSyntax, w.InInitializer, neverNull: false, w.Path)
                : w).ToList();
        }

        private static bool Exclusive(Write a, Write b) => a.Path.Any(p => b.Path.Any(q => q.Node == p.Node && q.Arm != p.Arm));

        private static void Evaluate(IObjectCreationOperation creation, List<Write> active, ConfType conf, Action<Diagnostic> report, HashSet<(string, Location)> reported)
        {
            // Flow-insensitive within one combination of branches: the last assignment of a key in source order wins.
            var writes = new Dictionary<string, Write>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var w in active)
            {
                if (!writes.ContainsKey(w.Key)) order.Add(w.Key);
                writes[w.Key] = w;
            }
            var entries = new List<Entry>();
            foreach (var name in order)
            {
                var w = writes[name];
                if (w.Value.IsKnown) entries.Add(new Entry(name, w.Value.Text!));
                else if (w.Value.IsUnknown) entries.Add(new Entry(name, null, maybeUnset: !w.NeverNull));
            }

            var options = conf.Options;
            foreach (var finding in SoraConfEvaluator.Evaluate(entries, options))
            {
                if (!SoraDescriptors.ById.TryGetValue(finding.Id, out var descriptor)) continue;
                Location location;
                string site;
                if (finding.Key is not null && writes.TryGetValue(finding.Key, out var write))
                {
                    location = (finding.Target == SoraFindingTarget.Value ? write.ValueSyntax : write.Assignment).GetLocation();
                    site = write.InInitializer ? SoraProperties.SiteInitializer : SoraProperties.SiteAssignment;
                }
                else
                {
                    location = creation.Syntax.GetLocation();
                    site = SoraProperties.SiteCreation;
                }
                if (!reported.Add((finding.Id, location))) continue;
                report(Diagnostic.Create(descriptor, location, finding.Severity.ToRoslyn(), null, conf.PropertiesFor(finding, site), BilingualText.Of(finding)));
            }
        }

        /// <summary>The branches an operation sits in, innermost last: (if/?: or switch, arm index).</summary>
        private static ImmutableArray<(IOperation Node, int Arm)> PathOf(IOperation operation)
        {
            // Most settings sit in no branch: nothing is allocated for them.
            ImmutableArray<(IOperation, int)>.Builder? path = null;
            for (var child = operation; child.Parent is { } parent; child = parent)
            {
                int arm;
                switch (parent)
                {
                    case IConditionalOperation conditional when child == conditional.WhenTrue:
                        arm = 0;
                        break;
                    case IConditionalOperation conditional when child == conditional.WhenFalse:
                        arm = 1;
                        break;
                    case ISwitchOperation @switch when child is ISwitchCaseOperation section:
                        arm = @switch.Cases.IndexOf(section);
                        break;
                    case ISwitchExpressionOperation expression when child is ISwitchExpressionArmOperation armOperation:
                        arm = expression.Arms.IndexOf(armOperation);
                        break;
                    default:
                        continue;
                }
                (path ??= ImmutableArray.CreateBuilder<(IOperation, int)>()).Add((parent, arm));
            }
            if (path is null) return ImmutableArray<(IOperation, int)>.Empty;
            path.Reverse();
            return path.ToImmutable();
        }

        /// <summary>The local, field or property the new object is stored in, if any.</summary>
        private static ISymbol? HolderOf(IOperation creation)
        {
            var current = creation;
            while (current.Parent is IConversionOperation || current.Parent is IParenthesizedOperation) current = current.Parent;
            switch (current.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                    return field.InitializedFields[0];
                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                    return property.InitializedProperties[0];
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    return Referenced(assignment.Target);
                default:
                    return null;
            }
        }

        private static ISymbol? Referenced(IOperation operation)
        {
            while (operation is IConversionOperation conversion) operation = conversion.Operand;
            return operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => field.Field,
                IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation => property.Property,
                _ => null,
            };
        }
    }
}
