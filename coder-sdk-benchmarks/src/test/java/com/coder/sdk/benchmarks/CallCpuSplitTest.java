package com.coder.sdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallCpuSplitTest {
  @Test
  void splitsBothClientsCpuByThreadOnSeveralCallingThreads() throws Exception {
    Map<String, Double> perCall = CallCpuSplit.measure(40, 3, 4);

    for (String contender : new String[] {"sdk", "bare"}) {
      assertThat(perCall.get(contender + " <wall time>")).isPositive();
      assertThat(perCall.get(contender + " <process CPU>")).isPositive();
      assertThat(perCall.get(contender + " caller")).isPositive();
      assertThat(perCall.keySet())
          .anyMatch(name -> name.startsWith(contender + " ") && name.contains("HTTP-Dispatcher"));
    }
  }
}
