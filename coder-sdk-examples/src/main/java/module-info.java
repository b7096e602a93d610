/**
 * Runnable programs that show the Coder Java SDK at work; not published. The main example runs
 * against the test kit's fake deployment when no real one is configured.
 */
module com.coder.sdk.examples {
  requires com.coder.sdk;
  requires com.coder.sdk.testkit;
}
