package com.coder.sdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every benchmark once, briefly, so that they keep compiling and working. */
class BenchmarksSmokeTest {
  @Test
  void everyBenchmarkRunsAndTheReportIsWritten(@TempDir Path out) throws Exception {
    Report report = RunAll.run(true, out);

    assertThat(report.ratios())
        .extracting(Report.Ratio::name)
        .contains(
            "decode 10000 jobs: time",
            "decode 100 jobs: allocation",
            "list 100 jobs, 16 thread(s)",
            "get organization, 1 thread(s)",
            "peak heap, SDK",
            "start-up to first answer");
    assertThat(report.ratios()).allSatisfy(ratio -> assertThat(ratio.value()).isPositive());
    assertThat(out.resolve("jmh.json")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("summary.md"))).contains("| figure (SDK / floor) |");
    assertThat(out.resolve("benchmarks.png")).isNotEmptyFile();
  }
}
