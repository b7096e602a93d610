/**
 * The machinery of the fake server: routing, the in-memory store, and the rules of Coder's
 * handlers. Not part of the public API; it may change in any release.
 */
@NullMarked
package com.coder.sdk.testkit.internal;

import org.jspecify.annotations.NullMarked;
