package com.coder.sdk.internal;

import com.coder.sdk.CoderTimeoutException.Timeout;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;

/**
 * Follows one attempt through OkHttp's events, to tell afterwards which timeout fired and whether
 * any byte of the request can have reached the server.
 */
final class CallPhase extends EventListener {
  private volatile Timeout phase = Timeout.CONNECT;
  private volatile boolean requestStarted;

  /** Returns the timeout that governs what the attempt was doing last. */
  Timeout phase() {
    return phase;
  }

  /**
   * Returns true once OkHttp began to write the request on a connection. Until then the server
   * cannot have received it, which is what makes repeating a POST safe.
   */
  boolean requestStarted() {
    return requestStarted;
  }

  @Override
  public void dnsStart(Call call, String domainName) {
    phase = Timeout.CONNECT;
  }

  @Override
  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    phase = Timeout.CONNECT;
  }

  @Override
  public void requestHeadersStart(Call call) {
    requestStarted = true;
    phase = Timeout.WRITE;
  }

  @Override
  public void requestHeadersEnd(Call call, Request request) {
    phase = request.body() == null ? Timeout.READ : Timeout.WRITE;
  }

  @Override
  public void requestBodyEnd(Call call, long byteCount) {
    phase = Timeout.READ;
  }

  @Override
  public void requestFailed(Call call, IOException ioe) {
    phase = Timeout.WRITE;
  }

  @Override
  public void responseHeadersStart(Call call) {
    phase = Timeout.READ;
  }
}
