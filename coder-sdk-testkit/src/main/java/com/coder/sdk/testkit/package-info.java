/**
 * A fake Coder deployment for integration tests: {@link com.coder.sdk.testkit.FakeCoderServer}
 * answers the organization, member, user, license, entitlement, build info, provisioner daemon and
 * provisioner job routes of Coder's REST API v2 from an in-memory store, with the server's status
 * codes, messages and JSON shapes, and lets a test seed state, drive provisioner jobs through their
 * states and write their logs, inject faults and inspect the requests it received. {@link
 * com.coder.sdk.testkit.FakeCoder} starts one for a JUnit 5 test class.
 *
 * <pre>{@code
 * @FakeCoder
 * class QueueReportTest {
 *   @Test
 *   void reportsPendingJobs(FakeCoderServer coder, CoderClient client) {
 *     coder.provisionerJobs().enqueue(
 *         ProvisionerJobSpec.builder(ProvisionerJobType.WORKSPACE_BUILD).build());
 *     assertThat(new QueueReport(client).pending()).hasSize(1);
 *   }
 * }
 * }</pre>
 */
@NullMarked
package com.coder.sdk.testkit;

import org.jspecify.annotations.NullMarked;
