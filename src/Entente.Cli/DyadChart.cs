using Entente.Analytics;

namespace Entente.Cli;

/// <summary>A pair's series as a PNG (ScottPlot 5 on SkiaSharp, headless): weighted cooperation and conflict per period as bars, the net score as a line on a second axis.</summary>
internal static class DyadChart
{
    public static void Save(DyadSeries s, string path, int width = 1000, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(path);
        var plot = new ScottPlot.Plot();
        var xs = Enumerable.Range(0, s.Points.Length).Select(i => (double)i).ToArray();
        var coop = plot.Add.Bars(xs, s.Points.Select(p => p.Cooperation).ToArray());
        coop.LegendText = "cooperation (weighted)";
        coop.Color = ScottPlot.Color.FromHex("#2b8cbe");
        var conf = plot.Add.Bars(xs, s.Points.Select(p => -p.Conflict).ToArray());
        conf.LegendText = "conflict (weighted, below 0)";
        conf.Color = ScottPlot.Color.FromHex("#e34a33");
        var scored = s.Points.Select((p, i) => (p, i)).Where(t => t.p.Score is not null).ToList();
        if (scored.Count > 0)
        {
            var line = plot.Add.Scatter(scored.Select(t => (double)t.i).ToArray(), scored.Select(t => t.p.Score!.Value).ToArray());
            line.LegendText = "net score (right axis)";
            line.Color = ScottPlot.Color.FromHex("#252525");
            line.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "net score";
            plot.Axes.SetLimitsY(-1.05, 1.05, plot.Axes.Right);
        }

        int step = Math.Max(1, s.Points.Length / 12);
        var ticks = s.Points.Select((p, i) => (p, i)).Where(t => t.i % step == 0).Select(t => new ScottPlot.Tick(t.i, t.p.Period)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.Label.Text = "weighted events";
        plot.Title($"{s.Pair[0]}–{s.Pair[1]} by {s.By}");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is { Length: > 0 })
        {
            Directory.CreateDirectory(dir);
        }

        plot.SavePng(path, width, height);
    }
}
