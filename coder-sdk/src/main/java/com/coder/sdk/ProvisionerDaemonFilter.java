package com.coder.sdk;

import com.coder.sdk.model.ProvisionerDaemonStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Narrows {@link ProvisionerDaemons#list(String, ProvisionerDaemonFilter)}. Only criteria that were
 * set are sent. Immutable and thread-safe.
 *
 * <pre>{@code
 * ProvisionerDaemonFilter busy = ProvisionerDaemonFilter.builder()
 *     .status(ProvisionerDaemonStatus.BUSY)
 *     .includeOffline()
 *     .build();
 * }</pre>
 *
 * @param statuses the statuses to match (any of them); empty for all
 * @param tags the tags a daemon must carry; empty for no tag criterion
 * @param includeOffline whether daemons not seen recently are listed (the server leaves them out by
 *     default)
 * @param limit the maximum number of daemons, or null for the server's default
 */
public record ProvisionerDaemonFilter(
    List<ProvisionerDaemonStatus> statuses,
    Map<String, String> tags,
    boolean includeOffline,
    @Nullable Integer limit) {

  private static final ProvisionerDaemonFilter NONE = builder().build();

  /**
   * Creates a filter; {@link #builder()} reads better. The collections are copied.
   *
   * @param statuses the statuses to match (any of them); empty for all
   * @param tags the tags a daemon must carry; empty for no tag criterion
   * @param includeOffline whether daemons not seen recently are listed (the server leaves them out
   *     by default)
   * @param limit the maximum number of daemons, or null for the server's default
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public ProvisionerDaemonFilter {
    statuses = List.copyOf(statuses);
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }

  /** {@return a filter that sets nothing} */
  public static ProvisionerDaemonFilter none() {
    return NONE;
  }

  /**
   * Starts a filter with no criteria.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the criteria of a {@link ProvisionerDaemonFilter}. Not thread-safe. */
  public static final class Builder {
    private final Set<ProvisionerDaemonStatus> statuses = new LinkedHashSet<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private boolean includeOffline;
    private @Nullable Integer limit;

    private Builder() {}

    /**
     * Adds statuses to match; a daemon matches if it has any of them.
     *
     * @param statuses the statuses to add
     * @return this builder
     */
    public Builder status(ProvisionerDaemonStatus... statuses) {
      Objects.requireNonNull(statuses, "statuses == null");
      for (ProvisionerDaemonStatus status : statuses) {
        this.statuses.add(Objects.requireNonNull(status, "statuses contains null"));
      }
      return this;
    }

    /**
     * Requires daemons to carry tag {@code key} with {@code value}.
     *
     * @param key the tag name; not empty
     * @param value the tag value; may be empty
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is empty
     */
    public Builder tag(String key, String value) {
      Objects.requireNonNull(key, "tag key == null");
      Objects.requireNonNull(value, "value of tag \"" + key + "\" == null");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("tag key is empty");
      }
      tags.put(key, value);
      return this;
    }

    /**
     * Lists daemons that have not been seen recently too.
     *
     * @return this builder
     */
    public Builder includeOffline() {
      this.includeOffline = true;
      return this;
    }

    /**
     * Asks for at most {@code limit} daemons. Default: the server's limit.
     *
     * @param limit the maximum number of daemons, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1, was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** {@return the filter} */
    public ProvisionerDaemonFilter build() {
      return new ProvisionerDaemonFilter(List.copyOf(statuses), tags, includeOffline, limit);
    }
  }
}
