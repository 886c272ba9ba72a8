using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using Sora.Config.Syntax;

namespace Sora.Config
{
    /// <summary>An ordered key → value map of settings a generated class has no property for,
    /// kept so that parsing then serializing loses no line's setting.</summary>
    public sealed class SoraConfUnknownKeys : IDictionary<string, string>, IReadOnlyDictionary<string, string>
    {
        // Made on the first unknown key: most files have none, and every parse of a generated class makes one of these.
        private List<KeyValuePair<string, string>>? list;

        /// <summary>Read-only stand-in while there is no list; nothing writes through it.</summary>
        private static readonly List<KeyValuePair<string, string>> None = new List<KeyValuePair<string, string>>(0);

        private List<KeyValuePair<string, string>> Items => list ??= new List<KeyValuePair<string, string>>();

        /// <summary>The settings for reading: never null, and never written through.</summary>
        private List<KeyValuePair<string, string>> View => list ?? None;

        public int Count => list?.Count ?? 0;

        public bool IsReadOnly => false;

        /// <summary>The keys, in file order: a read-only snapshot (adding to it throws, as it would not add a setting).</summary>
        public ICollection<string> Keys => new ReadOnlyCollection<string>(View.ConvertAll(p => p.Key));

        /// <summary>The values, in file order: a read-only snapshot.</summary>
        public ICollection<string> Values => new ReadOnlyCollection<string>(View.ConvertAll(p => p.Value));

        IEnumerable<string> IReadOnlyDictionary<string, string>.Keys => Keys;

        IEnumerable<string> IReadOnlyDictionary<string, string>.Values => Values;

        public string this[string key]
        {
            get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No unknown key '{key}'.");
            set
            {
                SoraConfWriter.CheckWritable(key, value);
                int i = IndexOf(key);
                if (i >= 0) Items[i] = new KeyValuePair<string, string>(key, value);
                else Items.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        public void Add(string key, string value)
        {
            if (IndexOf(key) >= 0) throw new ArgumentException($"The unknown key '{key}' is already present.", nameof(key));
            this[key] = value;
        }

        public void Add(KeyValuePair<string, string> item) => Add(item.Key, item.Value);

        /// <summary>Adds a setting read from a file: it was read, so it can be written back; no check needed.</summary>
        internal void AddParsed(string key, string value) => Items.Add(new KeyValuePair<string, string>(key, value));

        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool Remove(string key)
        {
            int i = IndexOf(key);
            if (i < 0) return false;
            Items.RemoveAt(i);
            return true;
        }

#if !NET
        // CS8767: netstandard2.0's IDictionary<TKey, TValue>.TryGetValue has no [MaybeNullWhen(false)], so with TValue =
        // string it promises a non-null value; .NET Core 3.0 and later annotate it as here. The value is null when the
        // result is false, and the annotation says so on every target rather than only where the interface agrees.
#pragma warning disable CS8767
#endif
        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
#if !NET
#pragma warning restore CS8767
#endif
        {
            int i = IndexOf(key);
            if (i < 0)
            {
                value = null;
                return false;
            }
            value = View[i].Value;
            return true;
        }

        public void Clear() => list?.Clear();

        public bool Contains(KeyValuePair<string, string> item) => View.Contains(item);

        public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex) => View.CopyTo(array, arrayIndex);

        public bool Remove(KeyValuePair<string, string> item) => list != null && list.Remove(item);

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => View.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private int IndexOf(string key)
        {
            for (int i = 0; i < View.Count; i++) if (View[i].Key == key) return i;
            return -1;
        }
    }
}
