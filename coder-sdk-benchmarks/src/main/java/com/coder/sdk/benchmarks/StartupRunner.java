package com.coder.sdk.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Times {@link StartupProbe} as whole processes, alternating contenders, and keeps the medians. */
final class StartupRunner {
  static final List<String> CONTENDERS = List.of("sdk", "floor");

  private StartupRunner() {}

  /** Returns the median wall time in milliseconds of {@code runs} processes per contender. */
  static Map<String, Double> run(int runs) throws IOException, InterruptedException {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    CONTENDERS.forEach(contender -> times.put(contender, new ArrayList<>()));
    for (int i = 0; i < runs; i++) {
      for (Map.Entry<String, List<Double>> entry : times.entrySet()) {
        String contender = entry.getKey();
        long start = System.nanoTime();
        int exit = ChildJvm.run(List.of(), StartupProbe.class, contender);
        double millis = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
          throw new IllegalStateException("startup probe " + contender + " exited with " + exit);
        }
        entry.getValue().add(millis);
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    times.forEach((contender, values) -> medians.put(contender, median(values)));
    return medians;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
