package com.coder.sdk;

import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.model.ProvisionerJobLog;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The log of a running provisioner job, delivered line by line as the server writes it, from {@link
 * ProvisionerJobs#followLogs}. Lines arrive in order of their ID, each once; iteration blocks until
 * the next line arrives, and ends when the job completes and the server closes the stream.
 *
 * <pre>{@code
 * try (LogStream logs = client.provisionerJobs().followLogs(job)) {
 *   for (ProvisionerJobLog line : logs) {
 *     System.out.println(line.stage() + ": " + line.output());
 *   }
 * }
 * }</pre>
 *
 * <p>Iterate it once, from one thread; {@link #close()} may be called from any thread and ends the
 * iteration. Iterating throws {@link CoderException} if the stream fails.
 */
public final class LogStream implements AutoCloseable, Iterable<ProvisionerJobLog> {
  private static final Object END = new Object();

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final AtomicBoolean iterated = new AtomicBoolean();
  private volatile @Nullable AutoCloseable socket;
  private volatile long lastId;

  LogStream(long afterId) {
    this.lastId = afterId;
  }

  /** {@return the ID of the last line delivered, or the starting ID if none was} */
  public long lastId() {
    return lastId;
  }

  void attach(AutoCloseable socket) {
    this.socket = socket;
  }

  HttpPipeline.StreamSink<ProvisionerJobLog> sink() {
    return new HttpPipeline.StreamSink<>() {
      @Override
      public void onValue(ProvisionerJobLog value) {
        events.add(value);
      }

      @Override
      public void onEnd() {
        events.add(END);
      }

      @Override
      public void onFailure(CoderException failure) {
        events.add(failure);
      }
    };
  }

  /**
   * Returns the iterator over the lines; blocks in {@code hasNext()} until a line arrives or the
   * stream ends.
   *
   * @throws IllegalStateException if called a second time
   */
  @Override
  public Iterator<ProvisionerJobLog> iterator() {
    if (!iterated.compareAndSet(false, true)) {
      throw new IllegalStateException("a LogStream can be iterated only once");
    }
    return new Iterator<>() {
      private @Nullable ProvisionerJobLog next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        while (next == null && !ended) {
          Object event = take();
          if (event == END) {
            ended = true;
          } else if (event instanceof CoderException) {
            ended = true;
            throw (CoderException) event;
          } else {
            ProvisionerJobLog line = (ProvisionerJobLog) event;
            // Stored lines and live lines can overlap while the server switches between them.
            if (line.id() > lastId) {
              lastId = line.id();
              next = line;
            }
          }
        }
        return next != null;
      }

      @Override
      public ProvisionerJobLog next() {
        ProvisionerJobLog line = hasNext() ? next : null;
        if (line == null) {
          throw new NoSuchElementException();
        }
        next = null;
        return line;
      }
    };
  }

  private Object take() {
    try {
      return events.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new CoderException("interrupted while following provisioner job logs", e);
    }
  }

  /** Closes the stream; an iteration in progress ends after the lines already received. */
  @Override
  public void close() {
    AutoCloseable current = socket;
    if (current != null) {
      try {
        current.close();
      } catch (Exception e) {
        // Closing a socket that already failed or closed has nothing left to report.
      }
    }
    events.add(END);
  }
}
