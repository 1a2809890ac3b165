namespace Entente.Cli.Tests;

/// <summary>A few hand-written, hand-annotated news sentences in CoNLL-U (UD v2 conventions).</summary>
internal static class SmallTreebank
{
    public const string Text =
        "# newdoc id = brief-1\n" +
        "# newpar id = brief-1-p1\n" +
        "# sent_id = brief-1-1\n" +
        "# text = Russia supplied gas to Pakistan.\n" +
        "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
        "2\tsupplied\tsupply\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "3\tgas\tgas\tNOUN\tNN\t_\t2\tobj\t_\t_\n" +
        "4\tto\tto\tADP\tIN\t_\t5\tcase\t_\t_\n" +
        "5\tPakistan\tPakistan\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n" +
        "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n" +
        "\n" +
        "# sent_id = brief-1-2\n" +
        "# text = The minister visited Warsaw.\n" +
        "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n" +
        "2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n" +
        "3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "4\tWarsaw\tWarsaw\tPROPN\tNNP\t_\t3\tobj\t_\tSpaceAfter=No\n" +
        "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n" +
        "\n" +
        "# sent_id = brief-1-3\n" +
        "# text = Sanctions hurt exports.\n" +
        "1\tSanctions\tsanction\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n" +
        "2\thurt\thurt\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "3\texports\texport\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No\n" +
        "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n" +
        "\n";
}
