using System.Collections.Immutable;
using Entente.Core;
using Entente.Nlp.Text;

namespace Entente.Nlp.Tokenization;

/// <summary>
/// The first NLP stage: text in, sentences of tokens out, with diagnostics for bad input instead of exceptions.
/// Immutable and thread-safe: create once, reuse.
/// </summary>
/// <remarks>
/// Diagnostics: <see cref="DiagnosticCodes.EmptyText"/> (empty or whitespace only: no sentences),
/// <see cref="DiagnosticCodes.BinaryInput"/> (NUL or many control characters: they are treated as spaces and the printable parts are segmented),
/// <see cref="DiagnosticCodes.NonLatinScript"/> (mostly non-Latin letters: still tokenized),
/// <see cref="DiagnosticCodes.Oversized"/> (a token or a sentence over the limits was cut).
/// </remarks>
public sealed class Segmenter : IStage<string, SegmentedText>
{
    public Segmenter(Tokenizer tokenizer, SentenceSplitter splitter)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(splitter);
        Tokenizer = tokenizer;
        Splitter = splitter;
    }

    /// <summary>The segmenter with the default tokenizer and splitter.</summary>
    public static Segmenter Default { get; } = new(Tokenizer.Default, SentenceSplitter.Default);

    public string Name => "segmenter";

    public Tokenizer Tokenizer { get; }

    public SentenceSplitter Splitter { get; }

    public SegmentedText Process(string input) => Segment(input);

    /// <summary>Segments <paramref name="text"/>; diagnostics name <paramref name="documentId"/> as their subject.</summary>
    public SegmentedText Segment(string text, string documentId = "text")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(documentId);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var census = Census.Of(text);
        if (census.Printable == 0)
        {
            if (census.Controls == 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.EmptyText, Severity.Warning, documentId, "the text is empty or whitespace only"));
            }
            else
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.BinaryInput, Severity.Error, documentId,
                    $"the text holds only control characters ({census.Controls}) and no printable text"));
            }

            return new SegmentedText(text, [], diagnostics.DrainToImmutable());
        }

        if (census.Nuls > 0 || census.Controls * 100L > text.Length)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.BinaryInput, Severity.Warning, documentId,
                $"the text holds {census.Nuls} NUL and {census.Controls - census.Nuls} other control characters; they were read as spaces"));
        }

        if (census.Letters >= 20 && census.NonLatinLetters * 2 > census.Letters)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NonLatinScript, Severity.Warning, documentId,
                $"{census.NonLatinLetters} of {census.Letters} letters are not Latin; English models do not apply"));
        }

        var tokens = new List<Token>(Math.Max(16, text.Length / 5));
        int tokenCuts = Tokenizer.Run(text, 0, text.Length, tokens, new TokenStrings());
        if (tokenCuts > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Oversized, Severity.Warning, documentId,
                $"{tokenCuts} token(s) longer than {Tokenizer.MaxTokenLength} characters were cut"));
        }

        var sentences = Splitter.Run(text, tokens, out int sentenceCuts);
        if (sentenceCuts > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Oversized, Severity.Warning, documentId,
                $"{sentenceCuts} sentence(s) longer than {Splitter.MaxSentenceTokens} tokens were cut"));
        }

        return new SegmentedText(text, sentences, diagnostics.DrainToImmutable());
    }

    /// <summary>Counts of the kinds of characters in a text, in one pass.</summary>
    private readonly record struct Census(int Printable, int Controls, int Nuls, int Letters, int NonLatinLetters)
    {
        public static Census Of(string text)
        {
            int printable = 0, controls = 0, nuls = 0, letters = 0, nonLatin = 0;
            foreach (char c in text)
            {
                if (c < ' ' || (c >= '\u007f' && c <= '\u009f'))
                {
                    if (c is '\t' or '\n' or '\r' or '\f' or '\v')
                    {
                        continue;
                    }

                    controls++;
                    if (c == '\0')
                    {
                        nuls++;
                    }

                    continue;
                }

                if (c < '\u0080')
                {
                    if (c != ' ')
                    {
                        printable++;
                        if (CharClass.IsLetter(c))
                        {
                            letters++;
                        }
                    }

                    continue;
                }

                if (CharClass.IsSeparator(c))
                {
                    continue;
                }

                printable++;
                if (char.IsLetter(c) || char.IsLowSurrogate(c))
                {
                    letters++;
                    if (!IsLatin(c))
                    {
                        nonLatin++;
                    }
                }
            }

            return new Census(printable, controls, nuls, letters, nonLatin);
        }

        private static bool IsLatin(char c) =>
            c < '\u0250' || (c >= '\u1e00' && c <= '\u1eff') || (c >= '\uff21' && c <= '\uff5a') || (c >= '\u2c60' && c <= '\u2c7f') || (c >= '\ua720' && c <= '\ua7ff');
    }
}
