/** Runnable programs that show the Coder Java SDK at work; not published. */
module com.coder.sdk.examples {
  requires com.coder.sdk;
}
