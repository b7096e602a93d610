package com.coder.sdk.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.WarmupMode;

/**
 * Runs every benchmark of this module in one go and writes the results: JMH's JSON, a Markdown
 * summary of the ratios, and a chart.
 *
 * <pre>
 * java -jar coder-sdk-benchmarks/target/benchmarks.jar [--smoke] [output directory]
 * </pre>
 *
 * <p>The full run takes about 23 minutes on two cores. {@code --smoke} runs each benchmark once,
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
    ChainedOptionsBuilder options =
        new OptionsBuilder().addProfiler(GCProfiler.class).shouldFailOnError(true);
    if (smoke) {
      options
          .warmupIterations(0)
          .measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(200));
    } else {
      options
          .warmupIterations(4)
          .warmupTime(TimeValue.seconds(2))
          .measurementIterations(5)
          .measurementTime(TimeValue.seconds(2))
          .timeout(TimeValue.minutes(5));
    }
    Options common = options.build();

    List<RunResult> results = new ArrayList<>();
    results.addAll(
        new Runner(
                new OptionsBuilder()
                    .parent(common)
                    .include(DecodeBenchmark.class.getName())
                    .forks(smoke ? 0 : 2)
                    .build())
            .run());
    results.addAll(alternating(common, smoke ? 1 : 4, smoke ? 0 : 1));
    Path jmhJson = out.resolve("jmh.json");
    ResultFormatFactory.getInstance(ResultFormatType.JSON, jmhJson.toString()).writeOut(results);

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

  /**
   * Runs each call benchmark {@code rounds} times, {@code forksPerRound} JVMs each time (0 runs in
   * this JVM), alternating SDK and floor round by round, and returns one result per benchmark that
   * holds all its forks. Run one after the other, the SDK's forks and the floor's would meet
   * different conditions on a shared machine (another guest's load, the host's clock), which would
   * skew their ratio; alternating spreads such drift over both.
   */
  private static List<RunResult> alternating(Options common, int rounds, int forksPerRound)
      throws RunnerException {
    Map<String, List<BenchmarkResult>> forksOf = new LinkedHashMap<>();
    Map<String, BenchmarkParams> params = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (String threads : List.of("1", "16")) {
        for (String call : List.of("Get", "List")) {
          List<String> pair = List.of("sdk" + call + threads, "bare" + call + threads);
          for (String benchmark : round % 2 == 0 ? pair : List.of(pair.get(1), pair.get(0))) {
            ChainedOptionsBuilder fork =
                new OptionsBuilder()
                    .parent(common)
                    .include(callBenchmark(benchmark))
                    .forks(forksPerRound);
            if (threads.equals("16")) {
              // Sixteen busy threads on a few cores starve the JIT's compiler threads: measured
              // straight away, the times were still falling after 18 seconds. Compiling on one
              // thread first, with the same code, reaches a steady state within the warm-up.
              fork.warmupMode(WarmupMode.BULK)
                  .includeWarmup(callBenchmark(benchmark.replace("16", "1")));
            }
            RunResult result = new Runner(fork.build()).runSingle();
            params.putIfAbsent(benchmark, result.getParams());
            forksOf
                .computeIfAbsent(benchmark, name -> new ArrayList<>())
                .addAll(result.getBenchmarkResults());
          }
        }
      }
    }
    List<RunResult> merged = new ArrayList<>();
    forksOf.forEach((benchmark, all) -> merged.add(new RunResult(params.get(benchmark), all)));
    return merged;
  }

  /** Returns the pattern that selects exactly one method of {@link CallBenchmark}. */
  private static String callBenchmark(String method) {
    return "^" + Pattern.quote(CallBenchmark.class.getName() + "." + method) + "$";
  }
}
