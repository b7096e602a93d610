package com.coder.sdk.examples;

import com.coder.sdk.CoderClient;
import com.coder.sdk.CoderException;
import com.coder.sdk.LogStream;
import com.coder.sdk.ProvisionerJobFailedException;
import com.coder.sdk.ProvisionerJobTimeoutException;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobLog;
import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;

/**
 * Streams the log of a provisioner job while it runs, then waits for its outcome; exits 0 when it
 * succeeded and 1 otherwise.
 *
 * <pre>
 * ./mvnw -q -pl coder-sdk-examples -am compile exec:java \
 *   -Dexec.mainClass=com.coder.sdk.examples.FollowJob -Dexec.args="default 6f1c...-job-id"
 * </pre>
 */
public final class FollowJob {
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private FollowJob() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: FollowJob <organization> <job id>");
      System.exit(2);
    }
    try (CoderClient coder = CoderClient.fromEnvironment()) {
      boolean succeeded = run(coder, args[0], UUID.fromString(args[1]), System.out);
      System.exit(succeeded ? 0 : 1);
    } catch (IllegalArgumentException | IllegalStateException | CoderException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Prints the job's log as it arrives and returns whether the job succeeded. */
  static boolean run(CoderClient coder, String organization, UUID jobId, PrintStream out) {
    ProvisionerJob job = coder.provisionerJobs().get(organization, jobId);
    out.println("Job " + job.id() + " (" + job.type() + ") is " + job.status());

    if (!job.status().isTerminal()) {
      try (LogStream logs = coder.provisionerJobs().followLogs(job)) {
        String stage = "";
        for (ProvisionerJobLog line : logs) {
          if (!line.stage().equals(stage)) {
            stage = line.stage();
            out.println("== " + stage);
          }
          out.println("   " + line.output());
        }
      }
    } else {
      coder.provisionerJobs().logs(job).forEach(line -> out.println("   " + line.output()));
    }

    try {
      ProvisionerJob done = coder.provisionerJobs().await(job, TIMEOUT);
      out.println(
          "Job succeeded"
              + (done.completedAt() == null
                  ? ""
                  : " after " + Duration.between(done.createdAt(), done.completedAt())));
      return true;
    } catch (ProvisionerJobFailedException e) {
      out.println(e.getMessage());
      return false;
    } catch (ProvisionerJobTimeoutException e) {
      out.println(e.getMessage());
      return false;
    }
  }
}
