package dev.nashforge.cli;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart of {@code nash compare --plot}: median NashGap of the average profile against iterations, one line per
 * algorithm, log-log, in the style of the solve chart ({@link ConvergencePlot#style}). Stateless.
 */
final class ComparePlot {

    private static final Color[] PALETTE = {new Color(214, 39, 40), new Color(148, 103, 189),
            new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(140, 86, 75),
            new Color(127, 127, 127), new Color(23, 190, 207)};

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
        int k = 0;
        for (CompareResult.AlgorithmResult a : r.algorithms()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (CompareResult.Checkpoint c : a.checkpoints()) {
                if (c.nashGap().median() > 0) {
                    xs.add((double) c.iteration());
                    ys.add(c.nashGap().median());
                }
            }
            Color color = PALETTE[k++ % PALETTE.length];
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(CompareCommand.label(a.config()), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(color);
            s.setMarkerColor(color);
            s.setLineWidth(2.2f);
            s.setLineStyle(new BasicStroke(2.2f));
        }
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("--plot: no median NashGap is positive, so there is nothing to draw on"
                    + " log-log axes");
        }
        ConvergencePlot.yRange(chart.getStyler(), chart);
        ConvergencePlot.save(chart, file);
    }
}
