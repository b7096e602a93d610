package com.coder.sdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against a {@link FakeCoderServer}: the extension starts one server for
 * the class (or one per test method), injects it and a {@link com.coder.sdk.CoderClient} for it
 * into test constructors and methods, and closes both afterwards.
 *
 * <pre>{@code
 * @FakeCoder
 * class ProvisionerQueueTest {
 *   @Test
 *   void jobGoesThroughItsStates(FakeCoderServer coder, CoderClient client) {
 *     ProvisionerJob job = coder.provisionerJobs().enqueue(
 *         ProvisionerJobSpec.builder(ProvisionerJobType.WORKSPACE_BUILD).build());
 *     assertThat(client.provisionerJobs().get("default", job.id()).status())
 *         .isEqualTo(ProvisionerJobStatus.PENDING);
 *   }
 * }
 * }</pre>
 *
 * <p>With the default {@code perMethod = false}, the test methods of a class share one server and
 * see each other's state; use unique names, or set {@code perMethod = true} for a fresh server per
 * test. Nested classes use the server of the class that carries the annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FakeCoderExtension.class)
public @interface FakeCoder {
  /**
   * {@return whether the server starts licensed for multiple organizations} See {@link
   * FakeCoderServer.Builder#licensed}. Default true.
   */
  boolean licensed() default true;

  /** {@return whether every test method gets a server of its own} Default false: one per class. */
  boolean perMethod() default false;
}
