using System.Collections.Immutable;
using System.Globalization;
using Entente.Core;

namespace Entente.Nlp.Conllu;

/// <summary>A CoNLL-U file that cannot be read; the message names the file and line.</summary>
public sealed class ConlluFormatException(string file, int line, string reason)
    : FormatException($"{file}:{line}: {reason}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Reason { get; } = reason;

    public string Code => DiagnosticCodes.MalformedConllu;
}

/// <summary>Reads CoNLL-U (UD v2) sentences. Malformed input raises <see cref="ConlluFormatException"/> with the line number.</summary>
public static class ConlluReader
{
    public static IReadOnlyList<ConlluSentence> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader, Path.GetFileName(path)).ToList();
    }

    public static IEnumerable<ConlluSentence> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<ConlluWord>();
        var mwts = new List<ConlluMultiword>();
        var meta = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        int lineNo = 0, start = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Length == 0 || line.AsSpan().Trim().IsEmpty)
            {
                if (words.Count > 0)
                {
                    yield return Finish(words, mwts, meta, start, name, lineNo);
                }
                else if (meta.Count > 0)
                {
                    throw new ConlluFormatException(name, lineNo, "sentence has comments but no word lines");
                }

                words.Clear();
                mwts.Clear();
                meta.Clear();
                start = 0;
                continue;
            }

            if (start == 0)
            {
                start = lineNo;
            }

            if (line[0] == '#')
            {
                var body = line.AsSpan(1).Trim();
                int eq = body.IndexOf('=');
                if (eq > 0)
                {
                    meta[body[..eq].Trim().ToString()] = body[(eq + 1)..].Trim().ToString();
                }
                else if (!body.IsEmpty)
                {
                    meta[body.ToString()] = string.Empty;
                }

                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw new ConlluFormatException(name, lineNo, $"expected 10 tab-separated columns, found {cols.Length}");
            }

            var id = cols[0];
            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue; // empty node of the enhanced graph
            }

            int dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                if (!int.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                    || !int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var b)
                    || b < a)
                {
                    throw new ConlluFormatException(name, lineNo, $"bad multi-word token range '{id}'");
                }

                mwts.Add(new ConlluMultiword(a, b, cols[1], cols[9]));
                continue;
            }

            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var wid) || wid != words.Count + 1)
            {
                throw new ConlluFormatException(name, lineNo, $"word id '{id}' out of sequence (expected {words.Count + 1})");
            }

            int head;
            if (cols[6] == "_")
            {
                head = -1;
            }
            else if (!int.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out head))
            {
                throw new ConlluFormatException(name, lineNo, $"head '{cols[6]}' is not a number");
            }

            if (cols[1].Length == 0)
            {
                throw new ConlluFormatException(name, lineNo, "empty FORM column");
            }

            words.Add(new ConlluWord(wid, cols[1], cols[2], cols[3], cols[4], cols[5], head, cols[7], cols[9]));
        }

        if (words.Count > 0)
        {
            yield return Finish(words, mwts, meta, start, name, lineNo);
        }
    }

    private static ConlluSentence Finish(
        List<ConlluWord> words, List<ConlluMultiword> mwts, ImmutableDictionary<string, string>.Builder meta, int start, string name, int lineNo)
    {
        foreach (var w in words)
        {
            if (w.Head > words.Count)
            {
                throw new ConlluFormatException(name, start, $"word {w.Id} has head {w.Head} beyond the sentence length {words.Count}");
            }
        }

        foreach (var m in mwts)
        {
            if (m.Last > words.Count)
            {
                throw new ConlluFormatException(name, lineNo, $"multi-word token {m.First}-{m.Last} beyond the sentence");
            }
        }

        return new ConlluSentence(words.ToImmutableArray(), mwts.ToImmutableArray(), meta.ToImmutable(), start);
    }
}
