package com.coder.sdk.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this module in one go and writes the results: JMH's JSON, a Markdown
 * summary of the ratios, and a chart.
 *
 * <pre>
 * java -jar coder-sdk-benchmarks/target/benchmarks.jar [--smoke] [output directory]
 * </pre>
 *
 * <p>The full run takes about half an hour on two cores. {@code --smoke} runs each benchmark once,
 * briefly and without warm-up, to show that they all still work; its numbers mean nothing.
 */
public final class RunAll {
  private RunAll() {}

  public static void main(String[] args) throws Exception {
    boolean smoke = false;
    Path out = Path.of("target", "benchmark-results");
    for (String arg : args) {
      if (arg.equals("--smoke")) {
        smoke = true;
      } else {
        out = Path.of(arg);
      }
    }
    Files.createDirectories(out);
    run(smoke, out);
  }

  /** Runs everything and returns the report; throws if a benchmark fails. */
  static Report run(boolean smoke, Path out) throws Exception {
    Path jmhJson = out.resolve("jmh.json");
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(DecodeBenchmark.class.getName())
            .include(CallBenchmark.class.getName())
            .addProfiler(GCProfiler.class)
            .resultFormat(ResultFormatType.JSON)
            .result(jmhJson.toString())
            .shouldFailOnError(true);
    if (smoke) {
      options
          .forks(0)
          .warmupIterations(0)
          .measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(200));
    } else {
      options
          .forks(2)
          .warmupIterations(4)
          .warmupTime(TimeValue.seconds(2))
          .measurementIterations(5)
          .measurementTime(TimeValue.seconds(2))
          .timeout(TimeValue.minutes(5));
    }
    new Runner(options.build()).run();

    int largeList = smoke ? 2_000 : 100_000;
    Map<String, Integer> heap = MemoryRunner.run(largeList, smoke ? 256 : 8);
    Map<String, Double> startup = StartupRunner.run(smoke ? 1 : 11);

    Report report = new Report();
    report.addJmh(jmhJson);
    report.addMemory(heap);
    report.addStartup(startup);

    String summary =
        "Run on "
            + LocalDate.now()
            + (smoke ? " (smoke mode: numbers are meaningless)" : "")
            + "\n\n"
            + report.markdown()
            + "\nSmallest heap that fits a list of "
            + largeList
            + " jobs (MiB): "
            + heap
            + "\nStart-up to first answer, median (ms): "
            + startup
            + "\n";
    Files.writeString(out.resolve("summary.md"), summary);
    report.chart(
        out.resolve("benchmarks.png"), "Coder Java SDK against the floor, " + LocalDate.now());
    System.out.println(summary);
    return report;
  }
}
