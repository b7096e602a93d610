package com.coder.sdk.internal;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * A serialised request body. A body of a call that is not safe to repeat is one-shot: OkHttp then
 * never sends it a second time on its own (after a dropped connection, a 408, a 503 with {@code
 * Retry-After: 0}, or a 307), so only the SDK's retry rules decide.
 */
final class JsonBody extends RequestBody {
  private final byte[] bytes;
  private final @Nullable MediaType type;
  private final boolean oneShot;

  JsonBody(byte[] bytes, @Nullable MediaType type, boolean oneShot) {
    this.bytes = bytes;
    this.type = type;
    this.oneShot = oneShot;
  }

  /** Returns the bytes sent, for the logger: a one-shot body cannot be written twice. */
  byte[] bytes() {
    return bytes;
  }

  @Override
  public @Nullable MediaType contentType() {
    return type;
  }

  @Override
  public long contentLength() {
    return bytes.length;
  }

  @Override
  public boolean isOneShot() {
    return oneShot;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(bytes);
  }
}
