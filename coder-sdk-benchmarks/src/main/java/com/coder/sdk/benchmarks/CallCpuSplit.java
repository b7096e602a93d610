package com.coder.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A diagnostic, not a benchmark: shows where the CPU time of one "get organization" call goes, by
 * thread, for the SDK and for the bare OkHttp call, made as {@link CallBenchmark} makes them, on
 * its loopback server. The two alternate in rounds, each round's calls shared among the calling
 * threads (one by default); the first two rounds warm up and are not counted.
 *
 * <pre>
 * java -cp coder-sdk-benchmarks/target/benchmarks.jar \
 *     com.coder.sdk.benchmarks.CallCpuSplit [calls per round] [rounds] [calling threads]
 * </pre>
 *
 * <p>A thread's CPU time counts what it spent running, in Java and in the kernel, but not what it
 * spent waiting; on a machine with few cores that is steadier than wall time. Threads are grouped
 * by name with digits dropped. OkHttp renames its task thread for each task, so the connection
 * pool's clean-up shows under the name of whatever task that thread ran last. The rest of the
 * process (garbage collection, the JIT) appears as {@code <jvm>}.
 */
public final class CallCpuSplit {
  private CallCpuSplit() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int callers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    if (callers < 1 || callers > 16 || calls < callers || rounds < 3) {
      System.err.println(
          "usage: CallCpuSplit [calls per round, at least the threads] [rounds, at least 3]"
              + " [calling threads, 1 to 16]");
      System.exit(2);
    }

    Map<String, Double> perCall = measure(calls, rounds, callers);
    System.out.println(
        "microseconds per call, " + counted(calls, rounds, callers) + " calls each:");
    perCall.forEach(
        (name, micros) -> {
          if (Math.abs(micros) >= 0.1) {
            System.out.printf("  %-55s %8.1f%n", name, micros);
          }
        });
  }

  /**
   * Runs the rounds and returns microseconds per counted call, keyed by the contender ({@code sdk}
   * or {@code bare}) and the thread group, such as {@code "sdk <wall time>"}.
   */
  static Map<String, Double> measure(int callsPerRound, int rounds, int callers) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    Map<String, Long> nanos = new TreeMap<>();
    CallBenchmark calls = new CallBenchmark();
    calls.start();
    ExecutorService pool =
        Executors.newFixedThreadPool(callers, task -> new Thread(task, "caller"));
    try {
      for (int round = 0; round < rounds; round++) {
        for (String contender : new String[] {"sdk", "bare"}) {
          Callable<?> oneCall = contender.equals("sdk") ? calls::sdkGet1 : calls::bareGet1;
          Callable<Void> share =
              () -> {
                for (int i = 0; i < callsPerRound / callers; i++) {
                  oneCall.call();
                }
                return null;
              };

          Map<Long, Long> before = cpuById(threads);
          long wallStart = System.nanoTime();
          long processStart = os.getProcessCpuTime();
          if (callers == 1) {
            share.call();
          } else {
            for (Future<Void> done : pool.invokeAll(Collections.nCopies(callers, share))) {
              done.get();
            }
          }
          long wall = System.nanoTime() - wallStart;
          long process = os.getProcessCpuTime() - processStart;
          if (round < 2) {
            continue;
          }

          long inThreads = 0;
          for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread == null) {
              continue;
            }
            long now = threads.getThreadCpuTime(thread.getThreadId());
            long spent = now - before.getOrDefault(thread.getThreadId(), 0L);
            if (now > 0 && spent > 0) {
              inThreads += spent;
              String group = thread.getThreadName().replaceAll("[0-9]+", "N");
              nanos.merge(contender + " " + group, spent, Long::sum);
            }
          }
          nanos.merge(contender + " <jvm>", process - inThreads, Long::sum);
          nanos.merge(contender + " <process CPU>", process, Long::sum);
          nanos.merge(contender + " <wall time>", wall, Long::sum);
        }
      }
    } finally {
      pool.shutdown();
      calls.stop();
    }

    long counted = counted(callsPerRound, rounds, callers);
    Map<String, Double> perCall = new TreeMap<>();
    nanos.forEach((name, total) -> perCall.put(name, total / 1e3 / counted));
    return perCall;
  }

  /** Returns how many calls each contender makes outside the two warm-up rounds. */
  private static long counted(int calls, int rounds, int callers) {
    return (long) (calls / callers) * callers * (rounds - 2);
  }

  private static Map<Long, Long> cpuById(ThreadMXBean threads) {
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      cpu.put(id, threads.getThreadCpuTime(id));
    }
    return cpu;
  }
}
