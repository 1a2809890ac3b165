using System.Runtime.CompilerServices;

namespace Entente.Nlp.Learning;

/// <summary>
/// Stable 64-bit feature keys: a template number combined with up to four values (string hashes,
/// small ids). Stable across processes and machines, unlike <see cref="HashCode"/>, so that a model
/// trained on one machine scores the same everywhere. Key 0 is reserved for "empty slot".
/// </summary>
public static class FeatureKey
{
    private const ulong Seed = 0x9E3779B97F4A7C15UL;

    /// <summary>FNV-1a over UTF-16 code units, then finalised.</summary>
    public static ulong Hash(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return Mix(h);
    }

    public static ulong Hash(string s) => Hash(s.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a) => NonZero(Mix(((ulong)template * Seed) ^ a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a, ulong b) => NonZero(Mix(Mix(((ulong)template * Seed) ^ a) + b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a, ulong b, ulong c) => NonZero(Mix(Mix(Mix(((ulong)template * Seed) ^ a) + b) + c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a, ulong b, ulong c, ulong d) =>
        NonZero(Mix(Mix(Mix(Mix(((ulong)template * Seed) ^ a) + b) + c) + d));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NonZero(ulong k) => k == 0 ? 1 : k;
}
