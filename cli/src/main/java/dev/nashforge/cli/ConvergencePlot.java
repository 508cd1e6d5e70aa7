package dev.nashforge.cli;

import dev.nashforge.host.run.CheckpointRecord;
import dev.nashforge.host.run.RunRecord;
import dev.nashforge.host.solver.SolverConfig;
import org.knowm.xchart.AnnotationTextPanel;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The {@code --plot FILE.png|FILE.svg} chart of {@code nash solve}, drawn with XChart: NashGap against the
 * iteration count on log-log axes, for the average profile (solid blue, circles) and the last iterate (dashed
 * orange, diamonds). With a batch, each is the median over the instances with a shaded p10–p90 band. The title
 * names the game, algorithm, backend, precision and update mode; a panel in the lower left lists backend,
 * device, precision, updates, averaging, instances and time per iteration; the legend is below the plot.
 * Values ≤ 0 (an exact equilibrium, or rounding around 1e-16) cannot be drawn on a log axis and are left out of
 * the lines; bands are clipped below at a tenth of the smallest positive value drawn.
 *
 * <p>PNG files are rendered at 150 dpi (2000 × 1250 pixels); SVG files are vector graphics. Runs with
 * {@code java.awt.headless=true} set here if unset. Stateless.
 */
final class ConvergencePlot {

    /** Output formats, chosen by the file extension. */
    enum Format { PNG, SVG }

    private static final int WIDTH = 960;
    private static final int HEIGHT = 600;
    private static final int DPI = 150;
    private static final Color AVERAGE = new Color(31, 119, 180);
    private static final Color LAST = new Color(255, 127, 14);
    private static final Color GRID = new Color(236, 236, 236);

    private ConvergencePlot() {
    }

    /**
     * The format of {@code file} from its extension ({@code .png} or {@code .svg}, any case).
     *
     * @throws IllegalArgumentException for any other extension
     */
    static Format format(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return Format.PNG;
        }
        if (name.endsWith(".svg")) {
            return Format.SVG;
        }
        throw new IllegalArgumentException("--plot " + file + ": the file name must end in .png or .svg (the chart"
                + " format is taken from the extension)");
    }

    /**
     * Draws the chart of {@code outcome} to {@code file} (created or replaced).
     *
     * @throws IllegalArgumentException if no NashGap is positive (nothing can be drawn on log axes)
     * @throws UncheckedIOException     naming the file if it cannot be written
     */
    static void write(Path file, SolveOutcome outcome) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        save(chart(outcome), file);
    }

    /** Saves {@code chart} to {@code file} as PNG or SVG (by extension), headless. */
    static void save(XYChart chart, Path file) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try {
            if (format(file) == Format.PNG) {
                BitmapEncoder.saveBitmapWithDPI(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG, DPI);
            } else {
                VectorGraphicsEncoder.saveVectorGraphic(chart, file.toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plot " + file + ": " + e.getMessage(), e);
        }
    }

    /** The chart of {@code outcome}. */
    static XYChart chart(SolveOutcome outcome) {
        RunRecord r = outcome.record();
        SolverConfig c = r.config();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("NashGap of " + c.algorithm() + " on " + r.game() + "  (" + r.backend() + ", "
                        + c.precision().label() + ", " + c.updates().label() + " updates)")
                .xAxisTitle("iterations T").yAxisTitle("NashGap (sum of deviation incentives)").build();
        style(chart.getStyler());
        List<CheckpointGroup> groups = outcome.checkpoints();
        double[] iterations = groups.stream().mapToDouble(CheckpointGroup::iteration).toArray();
        boolean batch = outcome.instances().batchForm() && r.batchSize() > 1;
        double floor = floor(groups);
        if (batch) {
            band(chart, "average: p10-p90", iterations, groups, CheckpointRecord::nashGap, floor, AVERAGE);
            band(chart, "last iterate: p10-p90", iterations, groups, CheckpointRecord::nashGapLastIterate, floor,
                    LAST);
        }
        line(chart, batch ? "average profile: median" : "average profile", iterations,
                metric(groups, CheckpointRecord::nashGap), AVERAGE, false);
        line(chart, batch ? "last iterate: median" : "last iterate", iterations,
                metric(groups, CheckpointRecord::nashGapLastIterate), LAST, true);
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("--plot: no NashGap is positive, so there is nothing to draw on"
                    + " log-log axes");
        }
        double yMin = yRange(chart.getStyler(), chart);
        if (iterations.length == 1) {
            chart.getStyler().setXAxisMin(iterations[0] / 2);
            chart.getStyler().setXAxisMax(iterations[0] * 2);
        }
        // bottom-left corner of the panel at the first checkpoint, just above the bottom of the plot (data space)
        AnnotationTextPanel panel = new AnnotationTextPanel(String.join("\n", details(outcome)), iterations[0],
                yMin * 1.15, false);
        chart.addAnnotation(panel);
        chart.getStyler().setAnnotationTextPanelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return chart;
    }

    /** The house style of the solve and compare charts: log-log axes, light grid. */
    static void style(XYStyler s) {
        s.setXAxisLogarithmic(true);
        s.setYAxisLogarithmic(true);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setAnnotationTextPanelBorderColor(Color.LIGHT_GRAY);
        s.setAnnotationTextPanelBackgroundColor(new Color(255, 255, 255, 220));
        s.setMarkerSize(6);
        s.setXAxisDecimalPattern("#,##0");
    }

    /**
     * The y range and tick labels: the drawn values with a quarter of the range's decades added below (room for
     * the details panel in the lower left, where a converging run has no data) and a little above; ticks
     * labelled at decades; plain labels (0.01, 1, 10) when the range lies between 1e-4 and 1e5, else scientific
     * ones (1E-7). Returns the axis minimum.
     */
    static double yRange(XYStyler s, XYChart chart) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double y : series.getYData()) {
                if (y > 0) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        double span = Math.max(Math.log10(hi / lo), 1);
        double min = Math.pow(10, Math.log10(lo) - 0.3 * span);
        double max = Math.pow(10, Math.log10(hi) + 0.05 * span);
        s.setYAxisMin(min);
        s.setYAxisMax(max);
        s.setYAxisLogarithmicDecadeOnly(true);
        s.setYAxisDecimalPattern(min >= 1e-4 && max < 1e5 ? "#,##0.####" : "0E0");
        return min;
    }

    private static List<String> details(SolveOutcome o) {
        RunRecord r = o.record();
        SolverConfig c = r.config();
        List<String> lines = new ArrayList<>();
        lines.add("backend " + r.backend() + ", " + c.precision().label() + " precision");
        lines.add(r.device());
        lines.add("updates " + c.updates().label() + (o.solver().updatesDefaulted() ? " (default)" : ""));
        lines.add("averaging " + c.averaging().describe() + (o.solver().averagingDefaulted() ? " (default)" : ""));
        InstancesArgument.Instances in = o.instances();
        if (in.distribution() != null) {
            lines.add("B = " + r.batchSize() + " from " + in.distribution() + ", seed " + in.seed());
        } else if (r.batchSize() > 1) {
            lines.add("B = " + r.batchSize() + " identical copies");
        }
        lines.add(String.format(Locale.ROOT, "%s ms per iteration", NumberText.compact(r.secondsPerIteration() * 1e3)));
        return lines;
    }

    private static double[] metric(List<CheckpointGroup> groups, ToDoubleFunction<CheckpointRecord> metric) {
        return groups.stream().mapToDouble(g -> g.statistics(metric).median()).toArray();
    }

    /** A tenth of the smallest positive NashGap (average or last iterate) of any instance, or 1e-16. */
    private static double floor(List<CheckpointGroup> groups) {
        double min = Double.POSITIVE_INFINITY;
        for (CheckpointGroup g : groups) {
            for (CheckpointRecord r : g.instances()) {
                for (double v : new double[] {r.nashGap(), r.nashGapLastIterate()}) {
                    if (v > 0 && v < min) {
                        min = v;
                    }
                }
            }
        }
        return Double.isInfinite(min) ? 1e-16 : min / 10;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            if (y[k] > 0) {
                xs.add(x[k]);
                ys.add(y[k]);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setLineWidth(2.2f);
        s.setLineStyle(dashed ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
        s.setMarker(dashed ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
    }

    private static void band(XYChart chart, String name, double[] x, List<CheckpointGroup> groups,
                             ToDoubleFunction<CheckpointRecord> metric, double floor, Color color) {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int k = 0; k < n; k++) {
            BatchStatistics s = groups.get(k).statistics(metric);
            px[k] = x[k];
            py[k] = Math.max(s.p90(), floor);
            px[2 * n - 1 - k] = x[k];
            py[2 * n - 1 - k] = Math.max(s.p10(), floor);
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        Color fill = new Color(color.getRed(), color.getGreen(), color.getBlue(), 55);
        s.setFillColor(fill);
        s.setLineColor(fill);
        s.setMarkerColor(fill);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineWidth(0.5f);
    }
}
