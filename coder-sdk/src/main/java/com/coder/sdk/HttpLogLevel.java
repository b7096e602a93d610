package com.coder.sdk;

/**
 * How much of each HTTP exchange a {@link CoderClient} logs; see {@link
 * CoderClient.Builder#logging(HttpLogLevel)}.
 *
 * <p>Records go to the {@link System.Logger} named {@code com.coder.sdk.http} at level {@code
 * DEBUG}, so they appear only when that logger is enabled for debug output. Credentials never
 * appear: header values are printed only for an allow-list of harmless headers ({@code
 * Content-Type}, {@code Retry-After}, the rate-limit headers and a few more); every other value,
 * {@code Coder-Session-Token}, {@code Authorization}, cookies and proxy credentials included, is
 * replaced by {@code ██}. Bodies have license JWTs, session tokens and fields named like secrets
 * masked, and are cut after 4 KiB.
 */
public enum HttpLogLevel {
  /** Logs nothing. The default. */
  NONE,
  /** Logs the request line, and the status, URL and duration of each answer. */
  BASIC,
  /** Logs {@link #BASIC} plus request and response headers, values redacted as described above. */
  HEADERS,
  /** Logs {@link #HEADERS} plus JSON and text bodies, masked and cut after 4 KiB. */
  BODY
}
