/**
 * Records and open value types that mirror the JSON of Coder's REST API v2.
 *
 * <p>Every record matches one schema of the API, with JSON names mapped explicitly. Decoding
 * ignores fields this SDK does not know, and open value types such as {@link
 * com.coder.sdk.model.ProvisionerJobStatus} accept strings a newer server adds. Lists and maps are
 * never null: absent or {@code null} collections decode as empty and unmodifiable. Components
 * annotated {@code @Nullable} are ones the server may leave out; their Javadoc says when.
 *
 * <pre>{@code
 * for (ProvisionerJob job : client.provisionerJobs().list("default")) {
 *   if (job.status().equals(ProvisionerJobStatus.FAILED)) {
 *     System.out.println(job.id() + ": " + job.error());   // error is @Nullable
 *   } else if (!job.status().isKnown()) {
 *     System.out.println("status from a newer server: " + job.status().value());
 *   }
 * }
 * }</pre>
 *
 * <p>Response records are built by the SDK from server answers; their canonical constructors may
 * gain components when Coder adds fields, so code outside the SDK should read them, not construct
 * them. Request types have builders, which stay source compatible as fields are added.
 */
@NullMarked
package com.coder.sdk.model;

import org.jspecify.annotations.NullMarked;
