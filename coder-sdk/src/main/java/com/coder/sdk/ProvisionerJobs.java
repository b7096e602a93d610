package com.coder.sdk;

import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.internal.RetryTimer;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobInput;
import com.coder.sdk.model.ProvisionerJobLog;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.model.Response;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The provisioner jobs of an organization: {@code
 * /api/v2/organizations/{organization}/provisionerjobs}. Get one from {@link
 * CoderClient#provisionerJobs()}.
 *
 * <pre>{@code
 * List<ProvisionerJob> queue = client.provisionerJobs().list("default",
 *     ProvisionerJobFilter.builder().status(ProvisionerJobStatus.PENDING).build());
 * for (ProvisionerJob job : queue) {
 *   System.out.println(job.queuePosition() + "/" + job.queueSize() + " " + job.type());
 * }
 * }</pre>
 *
 * <p>Reading jobs needs read access to provisioner jobs in the organization (owners, organization
 * admins and template admins); the server reports a lack of access as {@link NotFoundException}.
 * Thread-safe. Each method but {@link #followLogs}, which streams already, has an {@code ...Async}
 * sibling that returns a {@link CompletableFuture}; cancelling it cancels the HTTP call.
 */
public final class ProvisionerJobs {
  /**
   * The first pause between polls in {@link #await}; it doubles up to {@link #MAX_POLL_INTERVAL}.
   */
  static final Duration FIRST_POLL_INTERVAL = Duration.ofMillis(250);

  /** The longest pause between polls in {@link #await}. */
  static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);

  private final HttpPipeline http;
  private final RetryTimer timer;

  ProvisionerJobs(HttpPipeline http) {
    this(http, RetryTimer.system());
  }

  ProvisionerJobs(HttpPipeline http, RetryTimer timer) {
    this.http = http;
    this.timer = timer;
  }

  /**
   * Lists the organization's jobs that match {@code filter}, newest first. Sends {@code GET
   * /api/v2/organizations/{organization}/provisionerjobs} with only the criteria that were set.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param filter the criteria to send; {@link ProvisionerJobFilter#none()} for the server's
   *     default
   * @return the matching jobs, newest first
   * @throws NotFoundException if the organization does not exist or the caller may not read its
   *     jobs
   * @throws BadRequestException if the server does not know a criterion (older servers and {@code
   *     initiator})
   */
  public List<ProvisionerJob> list(String organization, ProvisionerJobFilter filter) {
    return http.callForList(listRequest(organization, filter), ProvisionerJob.class);
  }

  /**
   * Lists jobs of an organization named by ID; see {@link #list(String, ProvisionerJobFilter)}.
   *
   * @param organization the organization's ID
   * @param filter the criteria to send
   * @return the matching jobs, newest first
   */
  public List<ProvisionerJob> list(UUID organization, ProvisionerJobFilter filter) {
    return list(Arguments.organization(organization), filter);
  }

  /**
   * Lists the organization's 50 newest jobs; see {@link #list(String, ProvisionerJobFilter)}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @return up to 50 jobs, newest first
   */
  public List<ProvisionerJob> list(String organization) {
    return list(organization, ProvisionerJobFilter.none());
  }

  /**
   * Lists the 50 newest jobs of an organization named by ID.
   *
   * @param organization the organization's ID
   * @return up to 50 jobs, newest first
   */
  public List<ProvisionerJob> list(UUID organization) {
    return list(Arguments.organization(organization), ProvisionerJobFilter.none());
  }

  /**
   * Lists jobs without blocking; see {@link #list(String, ProvisionerJobFilter)}. Arguments are
   * checked at once, so a bad one throws instead of failing the future.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param filter the criteria to send; {@link ProvisionerJobFilter#none()} for the server's
   *     default
   * @return a future of the matching jobs, newest first; it fails with the exceptions {@link
   *     #list(String, ProvisionerJobFilter)} throws
   */
  public CompletableFuture<List<ProvisionerJob>> listAsync(
      String organization, ProvisionerJobFilter filter) {
    return http.callForListAsync(listRequest(organization, filter), ProvisionerJob.class);
  }

  /**
   * Lists jobs of an organization named by ID without blocking; see {@link #list(String,
   * ProvisionerJobFilter)}.
   *
   * @param organization the organization's ID
   * @param filter the criteria to send
   * @return a future of the matching jobs, newest first
   */
  public CompletableFuture<List<ProvisionerJob>> listAsync(
      UUID organization, ProvisionerJobFilter filter) {
    return listAsync(Arguments.organization(organization), filter);
  }

  /**
   * Lists the organization's 50 newest jobs without blocking.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @return a future of up to 50 jobs, newest first
   */
  public CompletableFuture<List<ProvisionerJob>> listAsync(String organization) {
    return listAsync(organization, ProvisionerJobFilter.none());
  }

  /**
   * Lists the 50 newest jobs of an organization named by ID without blocking.
   *
   * @param organization the organization's ID
   * @return a future of up to 50 jobs, newest first
   */
  public CompletableFuture<List<ProvisionerJob>> listAsync(UUID organization) {
    return listAsync(Arguments.organization(organization), ProvisionerJobFilter.none());
  }

  private ApiRequest listRequest(String organization, ProvisionerJobFilter filter) {
    Objects.requireNonNull(filter, "filter == null");
    ApiRequest request =
        ApiRequest.get("organizations", Arguments.organization(organization), "provisionerjobs");

    // Alphabetical, as Coder's own client sends them.
    if (!filter.ids().isEmpty()) {
      StringJoiner ids = new StringJoiner(",");
      filter.ids().forEach(id -> ids.add(id.toString()));
      request.query("ids", ids.toString());
    }
    filter.initiator().ifPresent(initiator -> request.query("initiator", initiator.toString()));
    filter.limit().ifPresent(limit -> request.query("limit", Integer.toString(limit)));
    if (!filter.statuses().isEmpty()) {
      StringJoiner statuses = new StringJoiner(",");
      filter.statuses().stream().map(ProvisionerJobStatus::value).forEach(statuses::add);
      request.query("status", statuses.toString());
    }
    if (!filter.tags().isEmpty()) {
      request.query("tags", http.toJson(filter.tags()));
    }
    return request;
  }

  /**
   * Gets one job. Sends {@code GET /api/v2/organizations/{organization}/provisionerjobs/{job}}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param job the job's ID
   * @return the job
   * @throws NotFoundException if the job does not exist, belongs to another organization, or the
   *     caller may not read it
   */
  public ProvisionerJob get(String organization, UUID job) {
    return http.call(getRequest(organization, job), ProvisionerJob.class);
  }

  /**
   * Gets one job of an organization named by ID; see {@link #get(String, UUID)}.
   *
   * @param organization the organization's ID
   * @param job the job's ID
   * @return the job
   */
  public ProvisionerJob get(UUID organization, UUID job) {
    return get(Arguments.organization(organization), job);
  }

  /**
   * Waits until the job reaches a terminal state, reading it again with growing pauses (from 250
   * ms, doubling, up to 5 s) and never past the timeout. Each reading sends {@code GET
   * /api/v2/organizations/{organization}/provisionerjobs/{job}}.
   *
   * <pre>{@code
   * ProvisionerJob done = client.provisionerJobs().await("default", jobId, Duration.ofMinutes(10));
   * }</pre>
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param job the job's ID
   * @param timeout how long to wait in all; zero reads the job once
   * @return the job once it succeeded
   * @throws ProvisionerJobFailedException if it failed or was canceled; carries the job with its
   *     error and error code
   * @throws ProvisionerJobTimeoutException if it was still running after {@code timeout}; names the
   *     last status seen
   * @throws CoderException if reading the job fails, or the thread is interrupted (the interrupt
   *     flag is kept)
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public ProvisionerJob await(String organization, UUID job, Duration timeout) {
    Poll poll = new Poll(organization, job, timeout);
    while (true) {
      ProvisionerJob current = get(poll.organization, job);
      if (poll.finished(current)) {
        return current;
      }
      try {
        timer.delay(poll.nextPause(current)).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CoderException("interrupted while waiting for provisioner job " + job, e);
      } catch (ExecutionException e) {
        throw new CoderException("the timer failed while waiting for provisioner job " + job, e);
      }
    }
  }

  /**
   * Waits for the job without blocking; see {@link #await(String, UUID, Duration)}. Each read goes
   * through OkHttp's dispatcher and each pause runs on a timer, so no thread is held while the job
   * runs. The future fails with the same exceptions {@code await} throws; cancelling it stops the
   * polling and cancels a read in flight.
   *
   * <pre>{@code
   * client.provisionerJobs().awaitAsync(job, Duration.ofMinutes(10))
   *     .thenAccept(done -> System.out.println("finished at " + done.completedAt()));
   * }</pre>
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param job the job's ID
   * @param timeout how long to wait at most
   * @return a future of the job once it succeeded; it fails with the exceptions {@code await}
   *     throws
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public CompletableFuture<ProvisionerJob> awaitAsync(
      String organization, UUID job, Duration timeout) {
    Poll poll = new Poll(organization, job, timeout);
    CompletableFuture<ProvisionerJob> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    result.whenComplete(
        (done, failure) -> {
          CompletableFuture<?> step = inFlight.get();
          if (result.isCancelled() && step != null) {
            step.cancel(true);
          }
        });
    pollAsync(poll, result, inFlight);
    return result;
  }

  /**
   * Waits for a job of an organization named by ID without blocking; see {@link #awaitAsync}.
   *
   * @param organization the organization's ID
   * @param job the job's ID
   * @param timeout how long to wait at most
   * @return a future of the job once it succeeded
   */
  public CompletableFuture<ProvisionerJob> awaitAsync(
      UUID organization, UUID job, Duration timeout) {
    return awaitAsync(Arguments.organization(organization), job, timeout);
  }

  /**
   * Waits for {@code job} to finish without blocking; see {@link #awaitAsync}.
   *
   * @param job the job, as read from the server; its organization and ID are used
   * @param timeout how long to wait at most
   * @return a future of the job once it succeeded
   */
  public CompletableFuture<ProvisionerJob> awaitAsync(ProvisionerJob job, Duration timeout) {
    Objects.requireNonNull(job, "job == null");
    return awaitAsync(job.organizationId().toString(), job.id(), timeout);
  }

  private void pollAsync(
      Poll poll,
      CompletableFuture<ProvisionerJob> result,
      AtomicReference<CompletableFuture<?>> inFlight) {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<ProvisionerJob> read = getAsync(poll.organization, poll.job);
    inFlight.set(read);
    if (result.isCancelled()) {
      read.cancel(true);
      return;
    }
    read.whenComplete(
        (current, failure) -> {
          if (failure != null) {
            result.completeExceptionally(unwrap(failure));
            return;
          }
          Duration pause;
          try {
            if (poll.finished(current)) {
              result.complete(current);
              return;
            }
            pause = poll.nextPause(current);
          } catch (CoderException e) {
            result.completeExceptionally(e);
            return;
          }
          CompletableFuture<Void> wait = timer.delay(pause);
          inFlight.set(wait);
          wait.thenRun(() -> pollAsync(poll, result, inFlight));
        });
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** The state of one wait: its deadline and the pause before the next read. */
  private final class Poll {
    final String organization;
    final UUID job;
    final Duration timeout;
    final long deadline;
    Duration pause = FIRST_POLL_INTERVAL;

    Poll(String organization, UUID job, Duration timeout) {
      this.organization = Arguments.organization(organization);
      this.job = Objects.requireNonNull(job, "job == null");
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
      }
      this.deadline = timer.nanoTime() + timeout.toNanos();
    }

    /**
     * Returns whether {@code current} succeeded, and throws if it ended any other way; false while
     * it still runs.
     */
    boolean finished(ProvisionerJob current) {
      if (!current.status().isTerminal()) {
        return false;
      }
      if (current.status().equals(ProvisionerJobStatus.SUCCEEDED)) {
        return true;
      }
      throw new ProvisionerJobFailedException(current);
    }

    /** Returns how long to wait before the next read, or throws if the time is up. */
    Duration nextPause(ProvisionerJob current) {
      long remaining = deadline - timer.nanoTime();
      if (remaining <= 0) {
        throw new ProvisionerJobTimeoutException(current, timeout);
      }
      Duration wait = pause.toNanos() < remaining ? pause : Duration.ofNanos(remaining);
      Duration doubled = pause.multipliedBy(2);
      pause = doubled.compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : doubled;
      return wait;
    }
  }

  /**
   * Waits for a job of an organization named by ID; see {@link #await(String, UUID, Duration)}.
   *
   * @param organization the organization's ID
   * @param job the job's ID
   * @param timeout how long to wait in all
   * @return the job once it succeeded
   */
  public ProvisionerJob await(UUID organization, UUID job, Duration timeout) {
    return await(Arguments.organization(organization), job, timeout);
  }

  /**
   * Waits for {@code job} to finish; see {@link #await(String, UUID, Duration)}.
   *
   * @param job the job to wait for; its organization and ID are used
   * @param timeout how long to wait in all
   * @return the job once it succeeded
   */
  public ProvisionerJob await(ProvisionerJob job, Duration timeout) {
    Objects.requireNonNull(job, "job == null");
    return await(job.organizationId().toString(), job.id(), timeout);
  }

  /**
   * {@return the job's stored log lines, oldest first} Coder keeps logs under the template version
   * or workspace build that owns the job, so this sends {@code GET
   * /api/v2/templateversions/{id}/logs}, {@code .../dry-run/{job}/logs} or {@code
   * /api/v2/workspacebuilds/{id}/logs}, chosen by the job's type and input.
   *
   * @param job the job, as returned by {@link #list} or {@link #get}
   * @throws IllegalArgumentException if the job's type is unknown to this SDK or its input lacks
   *     the owner's ID
   */
  public List<ProvisionerJobLog> logs(ProvisionerJob job) {
    return logs(job, 0);
  }

  /**
   * {@return the job's log lines whose ID is greater than {@code afterId}; see {@link
   * #logs(ProvisionerJob)}}
   *
   * @param job the job, as returned by {@link #list} or {@link #get}
   * @param afterId the ID of the last line already seen; 0 for all
   */
  public List<ProvisionerJobLog> logs(ProvisionerJob job, long afterId) {
    return http.callForList(logsRequest(job, afterId), ProvisionerJobLog.class);
  }

  /**
   * Returns the job's stored log lines without blocking; see {@link #logs(ProvisionerJob)}.
   *
   * @param job the job, as read from the server; its type and input name the owner
   * @return a future of the log lines, oldest first
   */
  public CompletableFuture<List<ProvisionerJobLog>> logsAsync(ProvisionerJob job) {
    return logsAsync(job, 0);
  }

  /**
   * Returns the job's log lines after {@code afterId} without blocking; see {@link
   * #logs(ProvisionerJob, long)}.
   *
   * @param job the job, as read from the server; its type and input name the owner
   * @param afterId the ID of the last line already seen; 0 for all
   * @return a future of the newer log lines, oldest first
   */
  public CompletableFuture<List<ProvisionerJobLog>> logsAsync(ProvisionerJob job, long afterId) {
    return http.callForListAsync(logsRequest(job, afterId), ProvisionerJobLog.class);
  }

  private static ApiRequest logsRequest(ProvisionerJob job, long afterId) {
    ApiRequest request = ApiRequest.get(ownedBy(job, "logs"));
    if (afterId > 0) {
      request.query("after", Long.toString(afterId));
    }
    return request;
  }

  /**
   * Follows the job's log from the start; see {@link #followLogs(ProvisionerJob, long)}.
   *
   * @param job the job, as returned by {@link #list} or {@link #get}
   * @return the stream of log lines; close it when done
   */
  public LogStream followLogs(ProvisionerJob job) {
    return followLogs(job, 0);
  }

  /**
   * Follows the job's log: the stored lines after {@code afterId}, then each new line as the job
   * writes it, until the job completes. The server streams over a WebSocket, opened with the same
   * credentials and origin rule as every other call; redirects are not followed. Close the stream
   * when done.
   *
   * @param job the job, as returned by {@link #list} or {@link #get}
   * @param afterId the ID of the last line already seen; 0 for all
   * @return the stream of log lines; close it when done
   * @throws IllegalArgumentException if the job's type is unknown to this SDK or its input lacks
   *     the owner's ID
   */
  public LogStream followLogs(ProvisionerJob job, long afterId) {
    ApiRequest request = ApiRequest.get(ownedBy(job, "logs")).query("follow", "");
    if (afterId > 0) {
      request.query("after", Long.toString(afterId));
    }
    LogStream stream = new LogStream(afterId);
    stream.attach(http.stream(request, ProvisionerJobLog.class, stream.sink()));
    return stream;
  }

  /**
   * Cancels the job. A pending job becomes canceled at once; a running one becomes canceling until
   * its daemon stops. Sends {@code PATCH .../cancel} on the template version or workspace build
   * that owns the job (see {@link #logs(ProvisionerJob)}).
   *
   * @param job the job, as returned by {@link #list} or {@link #get}
   * @return the server's confirmation message
   * @throws BadRequestException if the job already completed or was already canceled
   * @throws ForbiddenException if the template does not let the caller cancel builds
   */
  public Response cancel(ProvisionerJob job) {
    return http.callForMessage(ApiRequest.patch(ownedBy(job, "cancel")));
  }

  /**
   * Cancels the job without blocking; see {@link #cancel(ProvisionerJob)}.
   *
   * @param job the job, as read from the server; its type and input name the owner
   * @return a future of the server's confirmation message
   */
  public CompletableFuture<Response> cancelAsync(ProvisionerJob job) {
    return http.callForMessageAsync(ApiRequest.patch(ownedBy(job, "cancel")));
  }

  /** Returns the path of the template version or workspace build that owns {@code job}. */
  private static String[] ownedBy(ProvisionerJob job, String action) {
    Objects.requireNonNull(job, "job == null");
    ProvisionerJobType type = job.type();
    ProvisionerJobInput input = job.input();
    if (type.equals(ProvisionerJobType.WORKSPACE_BUILD) && input.workspaceBuildId() != null) {
      return new String[] {"workspacebuilds", input.workspaceBuildId().toString(), action};
    }
    if (type.equals(ProvisionerJobType.TEMPLATE_VERSION_IMPORT)
        && input.templateVersionId() != null) {
      return new String[] {"templateversions", input.templateVersionId().toString(), action};
    }
    if (type.equals(ProvisionerJobType.TEMPLATE_VERSION_DRY_RUN)
        && input.templateVersionId() != null) {
      return new String[] {
        "templateversions",
        input.templateVersionId().toString(),
        "dry-run",
        job.id().toString(),
        action
      };
    }
    throw new IllegalArgumentException(
        "cannot tell what owns provisioner job "
            + job.id()
            + " of type "
            + type.value()
            + " with input "
            + input
            + ", so its "
            + action
            + " endpoint is unknown");
  }

  /**
   * Gets one job without blocking; see {@link #get(String, UUID)}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param job the job's ID
   * @return a future of the job; it fails with the exceptions {@link #get(String, UUID)} throws
   */
  public CompletableFuture<ProvisionerJob> getAsync(String organization, UUID job) {
    return http.callAsync(getRequest(organization, job), ProvisionerJob.class);
  }

  /**
   * Gets one job of an organization named by ID without blocking; see {@link #get(String, UUID)}.
   *
   * @param organization the organization's ID
   * @param job the job's ID
   * @return a future of the job
   */
  public CompletableFuture<ProvisionerJob> getAsync(UUID organization, UUID job) {
    return getAsync(Arguments.organization(organization), job);
  }

  private static ApiRequest getRequest(String organization, UUID job) {
    Objects.requireNonNull(job, "job == null");
    return ApiRequest.get(
        "organizations", Arguments.organization(organization), "provisionerjobs", job.toString());
  }
}
