/**
 * The Coder Java SDK test kit: an in-memory fake Coder deployment and a JUnit 5 extension that
 * starts one for a test class.
 *
 * <p>Exports only {@code com.coder.sdk.testkit}; {@code com.coder.sdk.testkit.internal} is the fake
 * server's machinery, opened to Jackson alone so it can write the server's answers. The SDK and
 * JUnit's API appear in the test kit's own API, so modules that read this one read them too.
 */
module com.coder.sdk.testkit {
  requires transitive com.coder.sdk;
  requires transitive org.junit.jupiter.api;
  requires okhttp3;
  requires mockwebserver3;
  requires com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;

  exports com.coder.sdk.testkit;

  opens com.coder.sdk.testkit.internal to
      com.fasterxml.jackson.databind;
}
