using System.Text.Json;
using Entente.Nlp.Text;

namespace Entente.Cli;

/// <summary>Writes analysed documents as CoNLL-U (with TokenRange offsets in MISC) or JSON.</summary>
internal static class OutputFormats
{
    public static void WriteConllu(AnalyzedDocument doc, TextWriter output)
    {
        foreach (var s in doc.Sentences)
        {
            output.Write("# sent_id = ");
            output.WriteLine(s.Index + 1);
            output.Write("# text = ");
            output.WriteLine(OneLine(s.Text));
            foreach (var t in s.Tokens)
            {
                output.Write(t.Id);
                output.Write('\t');
                output.Write(Field(t.Form));
                output.Write('\t');
                output.Write(Field(t.Lemma));
                output.Write('\t');
                output.Write(t.Upos);
                output.Write('\t');
                output.Write(t.Xpos);
                output.Write("\t_\t");
                output.Write(t.Head);
                output.Write('\t');
                output.Write(t.DepRel);
                output.Write("\t_\tTokenRange=");
                output.Write(t.Start);
                output.Write(':');
                output.WriteLine(t.End);
            }

            output.WriteLine();
        }
    }

    public static void WriteJson(AnalyzedDocument doc, string id, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteStartArray("sentences");
            foreach (var s in doc.Sentences)
            {
                w.WriteStartObject();
                w.WriteNumber("index", s.Index);
                w.WriteNumber("start", s.Start);
                w.WriteNumber("end", s.End);
                w.WriteString("text", s.Text);
                w.WriteStartArray("tokens");
                foreach (var t in s.Tokens)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", t.Id);
                    w.WriteString("form", t.Form);
                    w.WriteNumber("start", t.Start);
                    w.WriteNumber("end", t.End);
                    w.WriteString("upos", t.Upos);
                    w.WriteString("xpos", t.Xpos);
                    w.WriteString("lemma", t.Lemma);
                    w.WriteNumber("head", t.Head);
                    w.WriteString("deprel", t.DepRel);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var d in doc.Diagnostics)
            {
                d.WriteJson(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');

    // CoNLL-U fields cannot hold tabs, newlines or spaces-only values.
    private static string Field(string s)
    {
        if (s.Length == 0)
        {
            return "_";
        }

        return s.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0 ? s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ') : s;
    }
}
