package dev.fluxion.examples;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of one or more series, drawn with XChart and saved as a PNG file in the tour's
 * plot directory: {@code examples/target/plots} when the tour runs from its jar or from the
 * module's classes, or the directory the system property {@value #DIRECTORY_PROPERTY} names.
 *
 * <pre>{@code
 * String where = new LineChart("Loss by epoch", "epoch", "loss").logarithmicY()
 *     .add("full batch", epochs, losses)
 *     .save("seed-000-regression-loss");
 * }</pre>
 *
 * <p>Charts are drawn off screen: the JVM is put in headless mode unless it was told otherwise.
 */
final class LineChart {

  /** The system property that overrides where plots are written. */
  static final String DIRECTORY_PROPERTY = "fluxion.plots";

  private static final int WIDTH = 900;

  private static final int HEIGHT = 560;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final XYChart chart;

  /**
   * An empty chart.
   *
   * @param title the title above the plot
   * @param xAxis the x axis's title
   * @param yAxis the y axis's title
   */
  LineChart(String title, String xAxis, String yAxis) {
    chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis)
        .yAxisTitle(yAxis).build();
    var styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
  }

  /**
   * Puts the y axis on a logarithmic scale; every y value must then be positive.
   *
   * @return this chart
   */
  LineChart logarithmicY() {
    chart.getStyler().setYAxisLogarithmic(true);
    return this;
  }

  /**
   * Puts the x axis on a logarithmic scale; every x value must then be positive.
   *
   * @return this chart
   */
  LineChart logarithmicX() {
    chart.getStyler().setXAxisLogarithmic(true);
    return this;
  }

  /**
   * Adds a series drawn as a line without markers; series added later are drawn on top.
   *
   * @param name the series' name in the legend
   * @param x its x values
   * @param y its y values, as many
   * @return this chart
   */
  LineChart add(String name, double[] x, double[] y) {
    chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
    return this;
  }

  /**
   * Adds a series drawn as a line without markers, in a colour of your choice, solid or dashed.
   *
   * @param name the series' name in the legend
   * @param x its x values
   * @param y its y values, as many
   * @param color the line's colour
   * @param dashed whether the line is dashed
   * @return this chart
   */
  LineChart add(String name, double[] x, double[] y, Color color, boolean dashed) {
    chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE).setLineColor(color)
        .setLineStyle(dashed ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
    return this;
  }

  /**
   * Writes the chart as {@code name.png} in the plot directory, creating the directory if needed.
   *
   * @param name the file name, without extension
   * @return where the file is, relative to the working directory when it lies below it
   */
  String save(String name) {
    Path directory = directory();
    Path file = directory.resolve(name + ".png");
    try {
      Files.createDirectories(directory);
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the plot " + file, e);
    }
    return display(file);
  }

  /**
   * Where plots go: the directory named by {@value #DIRECTORY_PROPERTY} if it is set; otherwise
   * {@code plots} beside the examples jar (or beside the {@code classes} directory), which is
   * {@code examples/target/plots} in a Maven build; otherwise {@code plots} in the working
   * directory.
   *
   * @return the plot directory, absolute
   */
  static Path directory() {
    String configured = System.getProperty(DIRECTORY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    CodeSource source = LineChart.class.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      try {
        Path location = Path.of(source.getLocation().toURI());
        Path parent = location.getParent();
        if (parent != null) {
          return parent.resolve("plots").toAbsolutePath().normalize();
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a file on disk (a nested jar, say): fall through to the working directory.
      }
    }
    return Path.of("plots").toAbsolutePath().normalize();
  }

  /**
   * Steps to plot on a logarithmic step axis, where plotting every step would crowd the right
   * end: every step below 100, every 10th below 1000, every 100th below 10000, and so on.
   *
   * @param last the last step, included when it is on that grid
   * @return the steps, from 1, increasing
   */
  static int[] logSpacedSteps(int last) {
    return IntStream.rangeClosed(1, last).filter(t -> t % gridSpacing(t) == 0).toArray();
  }

  /**
   * The values at the given indices, for plotting a per-step series at {@link #logSpacedSteps}.
   *
   * @param values one value per step, indexed by step
   * @param indices the indices to keep
   * @return the kept values, in the order of {@code indices}
   */
  static double[] pick(double[] values, int[] indices) {
    double[] picked = new double[indices.length];
    for (int k = 0; k < indices.length; k++) {
      picked[k] = values[indices[k]];
    }
    return picked;
  }

  /** 1 below 100, 10 below 1000, 100 below 10000, ... */
  private static int gridSpacing(int step) {
    int spacing = 1;
    while (step >= 100L * spacing) {
      spacing *= 10;
    }
    return spacing;
  }

  /** The file relative to the working directory when it is below it, else absolute. */
  private static String display(Path file) {
    Path here = Path.of("").toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }
}
