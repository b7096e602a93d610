package com.coder.sdk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, for each {@link MemoryProbe} contender, the smallest heap limit ({@code -Xmx}) at which
 * decoding a large job list succeeds: a measure of peak live heap that does not depend on when the
 * collector runs.
 */
final class MemoryRunner {
  static final List<String> CONTENDERS = List.of("sdk", "floor", "floor-string");

  private MemoryRunner() {}

  /** Returns the smallest fitting heap in MiB by contender, searched to {@code precisionMb}. */
  static Map<String, Integer> run(int jobs, int precisionMb)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile("coder-jobs-", ".json");
    try {
      Files.write(file, Fixtures.jobs(jobs));
      Map<String, Integer> results = new LinkedHashMap<>();
      for (String contender : CONTENDERS) {
        results.put(contender, smallestHeap(contender, file, jobs, precisionMb));
      }
      return results;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static int smallestHeap(String contender, Path file, int jobs, int precisionMb)
      throws IOException, InterruptedException {
    int fits = 8192;
    int fails = 16;
    if (!fits(contender, file, jobs, fits)) {
      throw new IllegalStateException(contender + " does not fit in " + fits + " MiB");
    }
    while (fits - fails > precisionMb) {
      int middle = (fits + fails) / 2;
      if (fits(contender, file, jobs, middle)) {
        fits = middle;
      } else {
        fails = middle;
      }
    }
    return fits;
  }

  private static boolean fits(String contender, Path file, int jobs, int heapMb)
      throws IOException, InterruptedException {
    int exit =
        ChildJvm.run(
            // An OutOfMemoryError can strike the server's thread instead of the decoder's; the
            // flag ends the JVM with exit code 3 whichever thread it hits.
            List.of("-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
            MemoryProbe.class,
            contender,
            file.toString(),
            Integer.toString(jobs));
    if (exit != 0 && exit != 3) {
      throw new IllegalStateException(contender + " failed with exit code " + exit);
    }
    return exit == 0;
  }
}
