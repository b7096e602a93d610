package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.LogLevel;
import com.coder.sdk.model.LogSource;
import com.coder.sdk.model.ProvisionerJobLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The log lines of provisioner jobs and the streams that follow them. IDs grow across the whole
 * deployment, as Coder's log table numbers them. Not thread-safe: the store calls it under its
 * lock, so a follower sees stored lines, then new ones, in order and each once.
 */
final class JobLogs {
  /** A stream that receives lines as they are written, such as a WebSocket. */
  interface Follower {
    /** Delivers one line. */
    void send(ProvisionerJobLog line);

    /** Ends the stream normally: the job completed. */
    void end();
  }

  private final Map<UUID, List<ProvisionerJobLog>> lines = new HashMap<>();
  private final Map<UUID, List<Follower>> followers = new HashMap<>();
  private long lastId;

  /** Stores a line and delivers it to the job's followers. */
  ProvisionerJobLog append(
      UUID job, Instant at, LogSource source, LogLevel level, String stage, String output) {
    ProvisionerJobLog line = new ProvisionerJobLog(++lastId, at, source, level, stage, output);
    lines.computeIfAbsent(job, key -> new ArrayList<>()).add(line);
    for (Follower follower : followers.getOrDefault(job, List.of())) {
      follower.send(line);
    }
    return line;
  }

  /** Returns the job's lines with an ID above {@code after}, oldest first. */
  List<ProvisionerJobLog> after(UUID job, long after) {
    List<ProvisionerJobLog> result = new ArrayList<>();
    for (ProvisionerJobLog line : lines.getOrDefault(job, List.of())) {
      if (line.id() > after) {
        result.add(line);
      }
    }
    return result;
  }

  /**
   * Sends the stored lines above {@code after}, then ends the stream if the job has completed or
   * keeps it for later lines otherwise.
   */
  void follow(UUID job, long after, boolean completed, Follower follower) {
    after(job, after).forEach(follower::send);
    if (completed) {
      follower.end();
    } else {
      followers.computeIfAbsent(job, key -> new ArrayList<>()).add(follower);
    }
  }

  /** Forgets a follower whose client went away. */
  void unfollow(UUID job, Follower follower) {
    List<Follower> current = followers.get(job);
    if (current != null) {
      current.remove(follower);
    }
  }

  /** Ends every stream of a job that completed. */
  void end(UUID job) {
    List<Follower> ended = followers.remove(job);
    if (ended != null) {
      ended.forEach(Follower::end);
    }
  }

  /** Drops a deleted job's lines and ends its streams. */
  void remove(UUID job) {
    end(job);
    lines.remove(job);
  }
}
