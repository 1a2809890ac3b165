using System.Text;

namespace Entente.Sources.Tests;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "entente-sources-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text) => Write(relativePath, Encoding.UTF8.GetBytes(text));

    public string Write(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>Test texts, written for these tests.</summary>
internal static class Texts
{
    public const string English =
        "Pakistan and Poland signed a memorandum on Tuesday to move ammunition to Ukraine, according to officials in Warsaw. " +
        "The agreement was reached after talks between the two defence ministries, and it is the first of its kind between them.";

    public const string English2 =
        "Russia said on Friday that it would send a delegation to Islamabad to discuss energy supplies. " +
        "The visit comes as the two governments try to repair relations that have been strained by the war in Ukraine.";

    public const string French =
        "Le Pakistan et la Pologne ont signé mardi un protocole d'accord pour acheminer des munitions vers l'Ukraine, selon " +
        "des responsables à Varsovie. L'accord a été conclu après des discussions entre les deux ministères de la Défense.";

    public const string German =
        "Pakistan und Polen haben am Dienstag eine Absichtserklärung unterzeichnet, um Munition in die Ukraine zu liefern, " +
        "wie Beamte in Warschau mitteilten. Die Vereinbarung wurde nach Gesprächen zwischen den beiden Verteidigungsministerien erzielt.";

    public const string Spanish =
        "Pakistán y Polonia firmaron el martes un memorando de entendimiento para enviar municiones a Ucrania, según " +
        "funcionarios en Varsovia. El acuerdo se alcanzó tras conversaciones entre los dos ministerios de Defensa de ambos países.";
}
