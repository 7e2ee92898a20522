using System.Globalization;
using System.Security;
using System.Text;

namespace MlNetDeep.Training;

/// <summary>
/// Writes small, self-contained SVG charts (no script, no external resource): line charts such
/// as learning curves, and confusion-matrix heat maps. Every series is a <c>&lt;polyline&gt;</c>
/// with a <c>data-series</c> attribute and a legend entry; every heat-map cell is a
/// <c>&lt;rect&gt;</c> with <c>data-actual</c>, <c>data-predicted</c> and <c>data-count</c>.
/// </summary>
public static class SvgPlot
{
    private const int PanelWidth = 480, PanelHeight = 320, Margin = 56;
    // Ten distinct colours (matplotlib's tab10) so that charts of up to ten series never repeat one.
    private static readonly string[] Palette =
        { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };

    /// <summary>A line chart of one or more series over x = 1, 2, ... (NaN values leave gaps out).</summary>
    public static string LineChart(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var svg = Begin(PanelWidth, PanelHeight, title);
        Panel(svg, 0, title, xLabel, yLabel, series);
        return End(svg);
    }

    /// <summary>Train vs validation curves of one log entry ("loss", "accuracy", "mae", ...) from a history.</summary>
    public static string LearningCurves(History history, string metric)
    {
        ArgumentNullException.ThrowIfNull(history);
        return LineChart(Title(metric), "epoch", metric, CurveSeries(history, metric));
    }

    /// <summary>Two panels side by side: loss, and the task's metric ("accuracy" or "mae"), each train vs validation.</summary>
    public static string LearningCurves(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var metric = history.Contains("accuracy") ? "accuracy" : history.Contains("mae") ? "mae" : null;
        var panels = metric is null ? new[] { "loss" } : new[] { "loss", metric };
        var svg = Begin(PanelWidth * panels.Length, PanelHeight, "Learning curves");
        for (int i = 0; i < panels.Length; i++) Panel(svg, i * PanelWidth, Title(panels[i]), "epoch", panels[i], CurveSeries(history, panels[i]));
        return End(svg);
    }

    /// <summary>A heat map of <paramref name="counts"/>[actual][predicted] with class names on both axes.</summary>
    public static string ConfusionMatrix(IReadOnlyList<IReadOnlyList<double>> counts, IReadOnlyList<string> classNames, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(classNames);
        int k = counts.Count;
        if (classNames.Count != k) throw TrainingOptions.Fail(nameof(classNames), $"{classNames.Count} names", $"one name per row of counts ({k})");
        for (int r = 0; r < k; r++)
            if (counts[r] is null || counts[r].Count != k) throw TrainingOptions.Fail($"{nameof(counts)}[{r}]", $"{counts[r]?.Count ?? 0} columns", $"a square matrix ({k} columns)");
        const int cell = 56, left = 120, top = 70;
        var width = left + k * cell + 30;
        var height = top + k * cell + 60;
        var svg = Begin(width, height, title);
        Text(svg, width / 2.0, 24, title, "middle", 16);
        Text(svg, left + k * cell / 2.0, 52, "Predicted", "middle", 13);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"18\" y=\"{top + k * cell / 2.0}\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 18 {top + k * cell / 2.0})\">Actual</text>\n");
        var max = counts.SelectMany(r => r).DefaultIfEmpty(0).Max();
        for (int r = 0; r < k; r++)
        {
            Text(svg, left - 8, top + r * cell + cell / 2.0 + 4, classNames[r], "end", 12);
            for (int c = 0; c < k; c++)
            {
                var v = counts[r][c];
                var t = max > 0 ? v / max : 0;
                // White to dark blue; text switches to white on dark cells.
                var fill = Blend(t);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{left + c * cell}\" y=\"{top + r * cell}\" width=\"{cell}\" height=\"{cell}\" fill=\"{fill}\" stroke=\"#999\" data-actual=\"{Escape(classNames[r])}\" data-predicted=\"{Escape(classNames[c])}\" data-count=\"{v}\"/>\n");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{left + c * cell + cell / 2.0}\" y=\"{top + r * cell + cell / 2.0 + 4}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{(t > 0.5 ? "#fff" : "#000")}\">{v.ToString("G6", CultureInfo.InvariantCulture)}</text>\n");
            }
        }
        for (int c = 0; c < k; c++) Text(svg, left + c * cell + cell / 2.0, top + k * cell + 18, classNames[c], "middle", 12);
        return End(svg);
    }

    /// <summary>The heat map of an evaluation's confusion matrix; class names default to its class indicators.</summary>
    public static string ConfusionMatrix(MlNetDeep.Data.ConfusionMatrix matrix, IReadOnlyList<string>? classNames = null, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return ConfusionMatrix(matrix.Counts, classNames ?? matrix.PredictedClassesIndicators, title);
    }

    /// <summary>Writes <paramref name="svg"/> to <paramref name="path"/> (UTF-8).</summary>
    public static void Save(string svg, string path)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, svg, new UTF8Encoding(false));
    }

    private static List<(string, IReadOnlyList<double>)> CurveSeries(History history, string metric)
    {
        var series = new List<(string, IReadOnlyList<double>)> { ("train " + metric, Column(history, metric)) };
        if (history.Contains("val_" + metric)) series.Add(("validation " + metric, Column(history, "val_" + metric)));
        return series;
    }

    private static IReadOnlyList<double> Column(History history, string name) =>
        history.Epochs.Select(e => e.Logs.TryGetValue(name, out var v) ? v : double.NaN).ToList();

    private static string Title(string metric) => metric == "loss" ? "Loss" : char.ToUpperInvariant(metric[0]) + metric[1..];

    private static StringBuilder Begin(int width, int height, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\">\n");
        svg.Append("<title>").Append(Escape(title)).Append("</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#fff\"/>\n");
        return svg;
    }

    private static string End(StringBuilder svg) => svg.Append("</svg>\n").ToString();

    private static void Panel(StringBuilder svg, int x0, string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        double left = x0 + Margin + 10, right = x0 + PanelWidth - 20, top = 40, bottom = PanelHeight - Margin;
        var values = series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        var count = series.Select(s => s.Values.Count).DefaultIfEmpty(0).Max();
        double lo = values.Count > 0 ? values.Min() : 0, hi = values.Count > 0 ? values.Max() : 1;
        if (hi - lo < 1e-12) { lo -= 0.5; hi += 0.5; }
        var pad = (hi - lo) * 0.05;
        lo -= pad;
        hi += pad;
        double X(int i) => count <= 1 ? (left + right) / 2 : left + (right - left) * i / (count - 1);
        double Y(double v) => bottom - (bottom - top) * (v - lo) / (hi - lo);

        Text(svg, (left + right) / 2, 22, title, "middle", 15);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{bottom}\" stroke=\"#000\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{bottom}\" stroke=\"#000\"/>\n");
        for (int t = 0; t <= 4; t++)
        {
            var v = lo + (hi - lo) * t / 4;
            var y = Y(v);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left - 4}\" y1=\"{y:F1}\" x2=\"{left}\" y2=\"{y:F1}\" stroke=\"#000\"/>\n");
            Text(svg, left - 6, y + 4, v.ToString("G3", CultureInfo.InvariantCulture), "end", 10);
        }
        var step = Math.Max(1, (int)Math.Ceiling(count / 10.0));
        for (int i = 0; i < count; i += step) Text(svg, X(i), bottom + 16, (i + 1).ToString(CultureInfo.InvariantCulture), "middle", 10);
        Text(svg, (left + right) / 2, bottom + 36, xLabel, "middle", 12);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0 + 16}\" y=\"{(top + bottom) / 2}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 {x0 + 16} {(top + bottom) / 2})\">{Escape(yLabel)}</text>\n");

        for (int s = 0; s < series.Count; s++)
        {
            var color = Palette[s % Palette.Length];
            var points = string.Join(" ", series[s].Values.Select((v, i) => (v, i)).Where(p => double.IsFinite(p.v))
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.i):F1},{Y(p.v):F1}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline data-series=\"{Escape(series[s].Name)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>\n");
            var ly = top + 4 + 16 * s;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{right - 130}\" y1=\"{ly}\" x2=\"{right - 112}\" y2=\"{ly}\" stroke=\"{color}\" stroke-width=\"2\"/>\n");
            Text(svg, right - 108, ly + 4, series[s].Name, "start", 11);
        }
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, int size) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:F1}\" y=\"{y:F1}\" font-size=\"{size}\" text-anchor=\"{anchor}\">{Escape(text)}</text>\n");

    private static string Blend(double t)
    {
        // From white (t = 0) to #08306b (t = 1).
        int R(int a, int b) => (int)Math.Round(a + (b - a) * Math.Clamp(t, 0, 1));
        return $"#{R(255, 8):x2}{R(255, 48):x2}{R(255, 107):x2}";
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
