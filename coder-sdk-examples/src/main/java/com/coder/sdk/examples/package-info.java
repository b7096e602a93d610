/**
 * Runnable programs that use the SDK the way an administrator's script would. Each reads {@code
 * CODER_URL} and {@code CODER_SESSION_TOKEN}.
 */
@NullMarked
package com.coder.sdk.examples;

import org.jspecify.annotations.NullMarked;
