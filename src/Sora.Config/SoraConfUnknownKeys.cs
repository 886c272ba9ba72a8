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
        private readonly List<KeyValuePair<string, string>> items = new List<KeyValuePair<string, string>>();

        public int Count => items.Count;

        public bool IsReadOnly => false;

        /// <summary>The keys, in file order: a read-only snapshot (adding to it throws, as it would not add a setting).</summary>
        public ICollection<string> Keys => new ReadOnlyCollection<string>(items.ConvertAll(p => p.Key));

        /// <summary>The values, in file order: a read-only snapshot.</summary>
        public ICollection<string> Values => new ReadOnlyCollection<string>(items.ConvertAll(p => p.Value));

        IEnumerable<string> IReadOnlyDictionary<string, string>.Keys => Keys;

        IEnumerable<string> IReadOnlyDictionary<string, string>.Values => Values;

        public string this[string key]
        {
            get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No unknown key '{key}'.");
            set
            {
                SoraConfWriter.CheckWritable(key, value);
                int i = IndexOf(key);
                if (i >= 0) items[i] = new KeyValuePair<string, string>(key, value);
                else items.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        public void Add(string key, string value)
        {
            if (IndexOf(key) >= 0) throw new ArgumentException($"The unknown key '{key}' is already present.", nameof(key));
            this[key] = value;
        }

        public void Add(KeyValuePair<string, string> item) => Add(item.Key, item.Value);

        /// <summary>Adds a setting read from a file: it was read, so it can be written back; no check needed.</summary>
        internal void AddParsed(string key, string value) => items.Add(new KeyValuePair<string, string>(key, value));

        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool Remove(string key)
        {
            int i = IndexOf(key);
            if (i < 0) return false;
            items.RemoveAt(i);
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
            value = items[i].Value;
            return true;
        }

        public void Clear() => items.Clear();

        public bool Contains(KeyValuePair<string, string> item) => items.Contains(item);

        public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex) => items.CopyTo(array, arrayIndex);

        public bool Remove(KeyValuePair<string, string> item) => items.Remove(item);

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private int IndexOf(string key)
        {
            for (int i = 0; i < items.Count; i++) if (items[i].Key == key) return i;
            return -1;
        }
    }
}
