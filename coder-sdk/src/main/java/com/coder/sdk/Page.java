package com.coder.sdk;

import java.util.List;

/**
 * One page of a paginated listing.
 *
 * @param items the items on this page, in the server's order
 * @param offset the position of the first item in the whole listing
 * @param totalCount the number of items in all pages, as the server counted them for this page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, long offset, long totalCount) {

  /**
   * Creates a page; the SDK does so for each answer. The items are copied.
   *
   * @param items the items on this page, in the server's order
   * @param offset the position of the first item in the whole listing
   * @param totalCount the number of items in all pages, as the server counted them for this page
   */
  public Page {
    items = List.copyOf(items);
  }

  /** {@return true if items remain after this page} */
  public boolean hasNext() {
    return !items.isEmpty() && offset + items.size() < totalCount;
  }
}
