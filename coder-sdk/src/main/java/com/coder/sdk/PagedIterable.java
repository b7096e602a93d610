package com.coder.sdk;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A listing that the server returns in pages, fetched lazily: iterating asks for the next page only
 * when the items of the current one are used up.
 *
 * <pre>{@code
 * for (OrganizationMemberWithUserData member : client.members().list("default")) {
 *   System.out.println(member.username());
 * }
 * long admins = client.members().list("default").stream()
 *     .filter(m -> m.roles().stream().anyMatch(r -> r.name().equals("organization-admin")))
 *     .count();
 * }</pre>
 *
 * <p>Each iteration starts again from the first page, so items added or removed on the server
 * between pages may be skipped or seen twice. Iterating may throw any {@link CoderException}.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  /** Fetches one page; offset and limit are in items. */
  @FunctionalInterface
  interface PageFetcher<T> {
    Page<T> fetch(long offset, int limit);
  }

  private final int pageSize;
  private final PageFetcher<T> fetcher;

  PagedIterable(int pageSize, PageFetcher<T> fetcher) {
    this.pageSize = pageSize;
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher == null");
  }

  /** Returns the items of all pages, fetching each page when it is needed. */
  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = byPage().iterator();
    return new Iterator<>() {
      private Iterator<T> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          current = pages.next().items().iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** {@return the items of all pages as a sequential stream that fetches pages as it goes} */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /** {@return the pages themselves, each fetched when the iterator reaches it} */
  public Iterable<Page<T>> byPage() {
    return () ->
        new Iterator<>() {
          private @Nullable Page<T> last;

          @Override
          public boolean hasNext() {
            return last == null || last.hasNext();
          }

          @Override
          public Page<T> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            long offset = last == null ? 0 : last.offset() + last.items().size();
            last = fetcher.fetch(offset, pageSize);
            return last;
          }
        };
  }
}
