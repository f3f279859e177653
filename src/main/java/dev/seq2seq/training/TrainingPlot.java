package dev.seq2seq.training;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes the training-loss and dev-BLEU curves of a run as a PNG. */
final class TrainingPlot {
    private TrainingPlot() {}

    static void write(TrainingState state, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries loss = new XYSeries("training loss");
        for (TrainingState.LossPoint p : state.losses) {
            loss.add(p.step(), p.loss());
        }
        XYSeries bleu = new XYSeries("dev BLEU");
        for (TrainingState.DevPoint p : state.dev) {
            bleu.add(p.step(), p.bleu());
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new NumberAxis("step"));
        plot.setDataset(0, new XYSeriesCollection(loss));
        plot.setRangeAxis(0, new NumberAxis("loss (cross-entropy per token)"));
        plot.setRenderer(0, new XYLineAndShapeRenderer(true, false));
        plot.setDataset(1, new XYSeriesCollection(bleu));
        plot.setRangeAxis(1, new NumberAxis("dev BLEU"));
        plot.setRenderer(1, new XYLineAndShapeRenderer(true, true));
        plot.mapDatasetToRangeAxis(1, 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
    }
}
