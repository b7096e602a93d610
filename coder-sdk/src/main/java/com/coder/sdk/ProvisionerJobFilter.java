package com.coder.sdk;

import com.coder.sdk.model.ProvisionerJobStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Narrows {@link ProvisionerJobs#list(String, ProvisionerJobFilter)}. Criteria combine with AND;
 * several statuses combine with OR. Only criteria that were set are sent, because older servers
 * reject query parameters they do not know.
 *
 * <pre>{@code
 * ProvisionerJobFilter stuck = ProvisionerJobFilter.builder()
 *     .status(ProvisionerJobStatus.PENDING, ProvisionerJobStatus.RUNNING)
 *     .tag("scope", "organization")
 *     .limit(200)
 *     .build();
 * }</pre>
 *
 * <p>Without a limit the server returns at most 50 jobs, newest first. Immutable and thread-safe.
 */
public final class ProvisionerJobFilter {
  private static final ProvisionerJobFilter NONE = builder().build();

  private final List<ProvisionerJobStatus> statuses;
  private final Map<String, String> tags;
  private final List<UUID> ids;
  private final @Nullable UUID initiator;
  private final @Nullable Integer limit;

  private ProvisionerJobFilter(Builder builder) {
    this.statuses = List.copyOf(builder.statuses);
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tags));
    this.ids = List.copyOf(builder.ids);
    this.initiator = builder.initiator;
    this.limit = builder.limit;
  }

  /** {@return a filter that sets nothing: the server's default of the 50 newest jobs} */
  public static ProvisionerJobFilter none() {
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

  /** {@return a builder holding this filter's criteria} */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.statuses.addAll(statuses);
    builder.tags.putAll(tags);
    builder.ids.addAll(ids);
    builder.initiator = initiator;
    builder.limit = limit;
    return builder;
  }

  /** {@return the statuses to match (any of them); empty for all statuses} */
  public List<ProvisionerJobStatus> statuses() {
    return statuses;
  }

  /** {@return the tags a job must carry (all of them); empty for no tag criterion} */
  public Map<String, String> tags() {
    return tags;
  }

  /** {@return the job IDs to match; empty for any job} */
  public List<UUID> ids() {
    return ids;
  }

  /** {@return the user who must have started the jobs, if set} */
  public Optional<UUID> initiator() {
    return Optional.ofNullable(initiator);
  }

  /** {@return the maximum number of jobs, if set; 0 means no limit} */
  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProvisionerJobFilter
        && ((ProvisionerJobFilter) other).statuses.equals(statuses)
        && ((ProvisionerJobFilter) other).tags.equals(tags)
        && ((ProvisionerJobFilter) other).ids.equals(ids)
        && Objects.equals(((ProvisionerJobFilter) other).initiator, initiator)
        && Objects.equals(((ProvisionerJobFilter) other).limit, limit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statuses, tags, ids, initiator, limit);
  }

  @Override
  public String toString() {
    return "ProvisionerJobFilter{statuses="
        + statuses
        + ", tags="
        + tags
        + ", ids="
        + ids
        + ", initiator="
        + initiator
        + ", limit="
        + limit
        + "}";
  }

  /** Collects the criteria of a {@link ProvisionerJobFilter}. Not thread-safe. */
  public static final class Builder {
    private final Set<ProvisionerJobStatus> statuses = new LinkedHashSet<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Set<UUID> ids = new LinkedHashSet<>();
    private @Nullable UUID initiator;
    private @Nullable Integer limit;

    private Builder() {}

    /**
     * Adds statuses to match; a job matches if it has any of them. {@link
     * ProvisionerJobStatus#UNKNOWN} is refused: no job is stored with it, and the server fails on
     * it.
     *
     * @param statuses the statuses to add
     * @return this builder
     * @throws IllegalArgumentException for {@code UNKNOWN}, a blank value, or a value with a comma
     */
    public Builder status(ProvisionerJobStatus... statuses) {
      Objects.requireNonNull(statuses, "statuses == null");
      for (ProvisionerJobStatus status : statuses) {
        Objects.requireNonNull(status, "statuses contains null");
        if (status.equals(ProvisionerJobStatus.UNKNOWN)
            || status.value().isBlank()
            || status.value().contains(",")) {
          throw new IllegalArgumentException(
              "cannot filter by status \""
                  + status.value()
                  + "\"; use one of "
                  + filterableStatuses());
        }
        this.statuses.add(status);
      }
      return this;
    }

    /**
     * Requires jobs to carry tag {@code key} with {@code value}; replaces an earlier value.
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
     * Adds every entry of {@code tags} as by {@link #tag(String, String)}.
     *
     * @param tags tag names and values
     * @return this builder
     * @throws IllegalArgumentException if a key is empty
     */
    public Builder tags(Map<String, String> tags) {
      Objects.requireNonNull(tags, "tags == null");
      tags.forEach(this::tag);
      return this;
    }

    /**
     * Restricts the result to these job IDs.
     *
     * @param ids the job IDs to add
     * @return this builder
     */
    public Builder ids(UUID... ids) {
      Objects.requireNonNull(ids, "ids == null");
      for (UUID id : ids) {
        this.ids.add(Objects.requireNonNull(id, "ids contains null"));
      }
      return this;
    }

    /**
     * Restricts the result to jobs started by this user (an ID, not a username). Recent servers
     * only: older ones reject the parameter with {@link BadRequestException}.
     *
     * @param userId the ID of the user who started the jobs
     * @return this builder
     */
    public Builder initiator(UUID userId) {
      this.initiator = Objects.requireNonNull(userId, "userId == null");
      return this;
    }

    /**
     * Asks for at most {@code limit} jobs, newest first. Default: the server's 50.
     *
     * @param limit the maximum number of jobs, at least 1
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

    /**
     * Asks for every matching job, however many; sends {@code limit=0}.
     *
     * @return this builder
     */
    public Builder noLimit() {
      this.limit = 0;
      return this;
    }

    /** {@return the filter} */
    public ProvisionerJobFilter build() {
      return new ProvisionerJobFilter(this);
    }

    private static List<String> filterableStatuses() {
      List<String> names = new ArrayList<>();
      for (ProvisionerJobStatus status : ProvisionerJobStatus.knownValues()) {
        if (!status.equals(ProvisionerJobStatus.UNKNOWN)) {
          names.add(status.value());
        }
      }
      return names;
    }
  }
}
