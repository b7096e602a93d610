package com.coder.sdk.testkit;

import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobStatus;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What {@link FakeCoderServer#seedSampleData()} created: a small deployment to point example
 * programs and exploratory tests at.
 *
 * @param organizations the organizations created: {@code data-platform} and {@code mobile}
 * @param daemons the daemons registered, as they were when seeding finished: {@code dp-builder-1}
 *     (untagged) and {@code dp-gpu-1} ({@code gpu=a100}, busy) in {@code data-platform}, {@code
 *     mobile-builder-1} in {@code mobile}
 * @param jobs the jobs created, newest first, as they were when seeding finished
 */
public record SampleData(
    List<Organization> organizations, List<ProvisionerDaemon> daemons, List<ProvisionerJob> jobs) {

  /**
   * Creates the record, copying the lists.
   *
   * @param organizations the organizations created
   * @param daemons the daemons registered
   * @param jobs the jobs created, newest first
   */
  public SampleData {
    organizations = List.copyOf(organizations);
    daemons = List.copyOf(daemons);
    jobs = List.copyOf(jobs);
  }

  /**
   * {@return the newest seeded job that had {@code status} when seeding finished}
   *
   * @param status the status the job had
   * @throws NoSuchElementException if no seeded job had it
   */
  public ProvisionerJob job(ProvisionerJobStatus status) {
    return jobs.stream()
        .filter(job -> job.status().equals(status))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no seeded job is " + status));
  }
}
