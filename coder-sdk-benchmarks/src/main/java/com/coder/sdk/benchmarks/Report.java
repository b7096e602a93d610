package com.coder.sdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Turns one run's results into ratios against the floor, a Markdown table and a chart. A ratio
 * below 1 means the SDK is cheaper than the floor.
 */
final class Report {
  /** One figure: a ratio with its error, and the target it should meet (NaN when none). */
  record Ratio(String name, double value, double error, double target) {
    boolean met() {
      return Double.isNaN(target) || value <= target;
    }
  }

  private final List<Ratio> ratios = new ArrayList<>();

  /** Reads JMH's JSON results and adds the decode and call ratios. */
  void addJmh(Path jmhJson) throws IOException {
    Map<String, double[]> times = new LinkedHashMap<>();
    Map<String, double[]> allocations = new LinkedHashMap<>();
    for (JsonNode result : new ObjectMapper().readTree(jmhJson.toFile())) {
      String benchmark = result.get("benchmark").asText();
      String name =
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      JsonNode jobs = result.path("params").path("jobs");
      String key = jobs.isMissingNode() ? name : name + "/" + jobs.asText();
      times.put(key, scoreOf(result.get("primaryMetric")));
      result
          .path("secondaryMetrics")
          .fields()
          .forEachRemaining(
              metric -> {
                if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
                  allocations.put(key, scoreOf(metric.getValue()));
                }
              });
    }

    for (String jobs : List.of("1", "100", "10000")) {
      ratio(
          "decode " + jobs + " jobs: time",
          times,
          "DecodeBenchmark.sdk/" + jobs,
          "DecodeBenchmark.floor/" + jobs,
          0.85);
      ratio(
          "decode " + jobs + " jobs: allocation",
          allocations,
          "DecodeBenchmark.sdk/" + jobs,
          "DecodeBenchmark.floor/" + jobs,
          1.0);
      ratio(
          "decode " + jobs + " jobs: tree model time",
          times,
          "DecodeBenchmark.tree/" + jobs,
          "DecodeBenchmark.floor/" + jobs,
          Double.NaN);
    }
    for (String threads : List.of("1", "16")) {
      ratio(
          "list 100 jobs, " + threads + " thread(s)",
          times,
          "CallBenchmark.sdkList" + threads,
          "CallBenchmark.bareList" + threads,
          1.05);
      ratio(
          "get organization, " + threads + " thread(s)",
          times,
          "CallBenchmark.sdkGet" + threads,
          "CallBenchmark.bareGet" + threads,
          1.05);
    }
  }

  /** Adds the peak-heap ratios. */
  void addMemory(Map<String, Integer> smallestHeapMb) {
    double floor = measured(smallestHeapMb, "floor");
    ratios.add(new Ratio("peak heap, SDK", measured(smallestHeapMb, "sdk") / floor, 0, 1.0));
    ratios.add(
        new Ratio(
            "peak heap, body read as String",
            measured(smallestHeapMb, "floor-string") / floor,
            0,
            Double.NaN));
  }

  /** Returns a contender's result; each runner reports every contender it knows. */
  private static <T extends Number> double measured(Map<String, T> results, String contender) {
    T value = results.get(contender);
    if (value == null) {
      throw new IllegalArgumentException(
          "no result for " + contender + "; the run reported " + results.keySet());
    }
    return value.doubleValue();
  }

  /** Adds the start-up ratio. */
  void addStartup(Map<String, Double> medianMillis) {
    ratios.add(
        new Ratio(
            "start-up to first answer",
            measured(medianMillis, "sdk") / measured(medianMillis, "floor"),
            0,
            Double.NaN));
  }

  List<Ratio> ratios() {
    return List.copyOf(ratios);
  }

  /** Returns the ratios as a Markdown table. */
  String markdown() {
    StringBuilder table = new StringBuilder();
    table.append("| figure (SDK / floor) | ratio | error | target | met |\n");
    table.append("|---|---:|---:|---:|:-:|\n");
    for (Ratio ratio : ratios) {
      table.append(
          String.format(
              "| %s | %.3f | ± %.3f | %s | %s |%n",
              ratio.name(),
              ratio.value(),
              ratio.error(),
              Double.isNaN(ratio.target()) ? "—" : String.format("≤ %.2f", ratio.target()),
              Double.isNaN(ratio.target()) ? "" : ratio.met() ? "yes" : "**no**"));
    }
    return table.toString();
  }

  /** Draws the ratios as bars with error bars, and the targets as markers, into a PNG. */
  void chart(Path png, String title) throws IOException {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(1200)
            .height(700)
            .title(title)
            .yAxisTitle("SDK / floor")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisLabelRotation(35);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setOverlapped(true);

    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Double> errors = new ArrayList<>();
    List<Double> targets = new ArrayList<>();
    for (Ratio ratio : ratios) {
      names.add(ratio.name());
      values.add(ratio.value());
      errors.add(Double.isNaN(ratio.error()) ? 0 : ratio.error());
      targets.add(Double.isNaN(ratio.target()) ? 1.0 : ratio.target());
    }
    chart.addSeries("measured ratio", names, values, errors);
    CategorySeries target = chart.addSeries("target (1.0 where none)", names, targets);
    target.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private void ratio(
      String name, Map<String, double[]> scores, String sdk, String floor, double target) {
    double[] a = scores.get(sdk);
    double[] b = scores.get(floor);
    if (a == null || b == null) {
      return;
    }
    double value = a[0] / b[0];
    double error = value * Math.sqrt(square(a[1] / a[0]) + square(b[1] / b[0]));
    ratios.add(new Ratio(name, value, error, target));
  }

  private static double[] scoreOf(JsonNode metric) {
    return new double[] {number(metric.get("score")), number(metric.get("scoreError"))};
  }

  private static double number(JsonNode node) {
    if (node == null) {
      return Double.NaN;
    }
    return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText("NaN"));
  }

  private static double square(double value) {
    return Double.isNaN(value) ? 0 : value * value;
  }
}
