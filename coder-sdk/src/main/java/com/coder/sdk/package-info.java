/**
 * A Java client for the REST API v2 of Coder deployments.
 *
 * <p>Start with {@link com.coder.sdk.CoderClient}:
 *
 * <pre>{@code
 * try (CoderClient coder = CoderClient.fromEnvironment()) {
 *   List<ProvisionerJob> pending = coder.provisionerJobs().list("default",
 *       ProvisionerJobFilter.builder().status(ProvisionerJobStatus.PENDING).build());
 * } catch (NotFoundException e) {
 *   System.err.println(e.getMessage());
 * }
 * }</pre>
 *
 * <p>Everything the SDK throws for a failed call extends {@link com.coder.sdk.CoderException}.
 * Nothing in this package accepts or returns null unless annotated {@code @Nullable} (JSpecify); a
 * null argument where none is allowed fails at once with a {@link NullPointerException} naming the
 * argument, before anything is sent.
 */
@NullMarked
package com.coder.sdk;

import org.jspecify.annotations.NullMarked;
