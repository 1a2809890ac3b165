// Converts the CAMEO code table and the CAMEO→PLOVER mapping into the embedded sources of the ontology:
//
//   dotnet run --project tools/Entente.OntologyConverter -- <cameo-codes.tsv> <CAMEO2PLOVER-2021.txt> <data/cameo>
//
// cameo.tsv keeps the facts only: code, root, name, GDELT and ICEWS Goldstein values, quad class. The
// descriptions and usage notes of the CAMEO manual are not ours to ship and are dropped. A code without a GDELT
// value takes the GDELT value of its 3-digit base (the converter says which).
// plover.tsv keeps, per CAMEO code, the PLOVER type, mode and context (CC BY-SA 4.0, Philip Schrodt). Codes the
// CAMEO table does not have are dropped, and a code listed twice keeps its first line (the converter says which).
using System.Globalization;
using System.Text;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Entente.OntologyConverter <cameo-codes.tsv> <CAMEO2PLOVER-2021.txt> <output directory>");
    return 2;
}

var (cameoPath, ploverPath, outDir) = (args[0], args[1], args[2]);
var rows = new List<string[]>();
var gdelt = new Dictionary<string, string>(StringComparer.Ordinal);
var lineNo = 0;
foreach (var line in File.ReadLines(cameoPath))
{
    lineNo++;
    if (lineNo == 1 || line.Length == 0)
    {
        continue;
    }

    var c = line.Split('\t');
    if (c.Length < 6)
    {
        Console.Error.WriteLine($"{Path.GetFileName(cameoPath)}:{lineNo}: expected at least 6 columns");
        return 1;
    }

    rows.Add(c[..6]);
    gdelt[c[0]] = c[3];
}

var cameo = new StringBuilder();
cameo.Append("# CAMEO event codes: code, root, name, Goldstein (GDELT), Goldstein (ICEWS), quad class (GDELT convention).\n");
cameo.Append("# Converted by tools/Entente.OntologyConverter from the CAMEO code table (codes, names and scale values are\n");
cameo.Append("# facts; the CAMEO manual's descriptions and notes are not included). See data/cameo/README.md.\n");
cameo.Append("# code\troot\tname\tgoldstein_gdelt\tgoldstein_icews\tquad_class\n");
foreach (var c in rows)
{
    var g = c[3];
    if (g.Length == 0)
    {
        g = gdelt.GetValueOrDefault(c[0][..3], "");
        Console.WriteLine($"{c[0]}: no GDELT Goldstein value; took {g} from {c[0][..3]}");
    }

    var icews = double.Parse(c[4], CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture);
    var gd = double.Parse(g, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture);
    cameo.Append(CultureInfo.InvariantCulture, $"{c[0]}\t{c[1]}\t{c[2].Trim()}\t{gd}\t{icews}\t{c[5]}\n");
}

File.WriteAllText(Path.Combine(outDir, "cameo.tsv"), cameo.ToString());

var plover = new StringBuilder();
plover.Append("# CAMEO to PLOVER: code, PLOVER event type, mode, context (empty when none).\n");
plover.Append("# Converted by tools/Entente.OntologyConverter from CAMEO2PLOVER-2021.txt (PLOVER Draft 0.8, 17 September 2021,\n");
plover.Append("# edited by Philip Schrodt), licensed CC BY-SA 4.0; this file is shared under the same licence.\n");
plover.Append("# code\tplover\tmode\tcontext\n");
var seen = new HashSet<string>(StringComparer.Ordinal);
lineNo = 0;
foreach (var raw in File.ReadLines(ploverPath))
{
    lineNo++;
    var line = raw;
    var hash = line.IndexOf('#', StringComparison.Ordinal);
    if (hash >= 0)
    {
        line = line[..hash];
    }

    line = line.Trim();
    var colon = line.IndexOf(':', StringComparison.Ordinal);
    if (line.Length == 0 || colon < 0 || !char.IsAsciiDigit(line[0]))
    {
        continue;
    }

    var code = line[..colon].Trim();
    var parts = line[(colon + 1)..].Split(',').Select(p => p.Trim()).ToArray();
    if (!gdelt.ContainsKey(code))
    {
        Console.WriteLine($"CAMEO2PLOVER:{lineNo}: {code} is not a CAMEO code; dropped");
        continue;
    }

    if (!seen.Add(code))
    {
        Console.WriteLine($"CAMEO2PLOVER:{lineNo}: {code} listed again; kept the first");
        continue;
    }

    string Part(int i) => i < parts.Length ? parts[i] : "";
    plover.Append(CultureInfo.InvariantCulture, $"{code}\t{Part(0)}\t{Part(1)}\t{Part(2)}\n");
}

File.WriteAllText(Path.Combine(outDir, "plover.tsv"), plover.ToString());
return 0;
