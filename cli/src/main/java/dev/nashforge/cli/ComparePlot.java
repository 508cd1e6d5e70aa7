package dev.nashforge.cli;

import dev.nashforge.host.solver.UpdateMode;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chart of {@code nash compare --plot}: median NashGap of the average profile against iterations, one line per
 * algorithm, log-log, in the style of the solve chart ({@link ConvergencePlot#style}). Each algorithm keeps its
 * colour from chart to chart ({@link #color}); simultaneous updates are drawn dashed, alternating ones solid
 * ({@link #stroke}). Stateless.
 */
final class ComparePlot {

    /** Each algorithm's colour, the same in every chart whatever --algos lists (in the default --algos order). */
    private static final Map<String, Color> ALGORITHM_COLORS = Map.of(
            "npcfr+", new Color(214, 39, 40), "npcfr", new Color(148, 103, 189), "cfr+", new Color(31, 119, 180),
            "pcfr+", new Color(255, 127, 14), "dcfr", new Color(44, 160, 44), "lcfr", new Color(140, 86, 75),
            "cfr", new Color(127, 127, 127));
    /** Colours of algorithms without their own, in order of appearance. */
    private static final Color[] OTHER_COLORS = {new Color(23, 190, 207), new Color(188, 189, 34),
            new Color(227, 119, 194)};
    private static final float WIDTH = 2.2f;

    private ComparePlot() {
    }

    /**
     * Draws {@code r} to {@code file} (PNG or SVG by extension).
     *
     * @throws IllegalArgumentException if no median NashGap is positive
     */
    static void write(Path file, CompareResult r) {
        String spec = r.distribution();
        String family = spec.contains("(") ? spec.substring(0, spec.indexOf('(')) : spec;
        XYChart chart = new XYChartBuilder().width(960).height(600)
                .title("Median NashGap on " + r.instances() + " held-out " + family + " "
                        + CompareText.instances(r.instances()) + " ("
                        + r.backend().backend().name() + ")")
                .xAxisTitle("iterations T      (" + spec + ")")
                .yAxisTitle("NashGap of the average profile (median)").build();
        ConvergencePlot.style(chart.getStyler());
        // seven algorithms do not fit in one row under the chart: one per line beside it
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        int others = 0;
        for (CompareResult.AlgorithmResult a : r.algorithms()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (CompareResult.Checkpoint c : a.checkpoints()) {
                if (c.nashGap().median() > 0) {
                    xs.add((double) c.iteration());
                    ys.add(c.nashGap().median());
                }
            }
            Color color = color(a.config().algorithm(), others);
            if (!ALGORITHM_COLORS.containsKey(a.config().algorithm())) {
                others++;
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(CompareCommand.label(a.config()), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(color);
            s.setMarkerColor(color);
            s.setLineWidth(WIDTH);
            s.setLineStyle(stroke(a.config().updates()));
        }
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("--plot: no median NashGap is positive, so there is nothing to draw on"
                    + " log-log axes");
        }
        ConvergencePlot.yRange(chart.getStyler(), chart);
        ConvergencePlot.save(chart, file);
    }

    /** The colour of {@code algorithm}: its own, or the {@code other}-th of the spare colours. */
    static Color color(String algorithm, int other) {
        Color own = ALGORITHM_COLORS.get(algorithm);
        return own != null ? own : OTHER_COLORS[other % OTHER_COLORS.length];
    }

    /** Solid for alternating updates, dashed for simultaneous, so both modes of one algorithm can be told apart. */
    static BasicStroke stroke(UpdateMode updates) {
        return updates == UpdateMode.SIMULTANEOUS
                ? new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f)
                : new BasicStroke(WIDTH);
    }
}
