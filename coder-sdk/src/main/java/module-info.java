/**
 * The Coder Java SDK: a client for the REST API v2 of Coder deployments.
 *
 * <p>Exports the client ({@code com.coder.sdk}) and the models ({@code com.coder.sdk.model}). The
 * plumbing in {@code com.coder.sdk.internal} is not API; it is exported only to the SDK's own test
 * kit. OkHttp is part of the API (a caller may pass its own {@code OkHttpClient}), so modules that
 * read this one read OkHttp too.
 */
module com.coder.sdk {
  requires transitive okhttp3;
  requires com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires static transitive org.jspecify;

  exports com.coder.sdk;
  exports com.coder.sdk.model;
  exports com.coder.sdk.internal to
      com.coder.sdk.testkit;

  // Jackson builds the records and reads the open value types by reflection.
  opens com.coder.sdk.model to
      com.fasterxml.jackson.databind;
}
