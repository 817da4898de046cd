package io.cloister.wasi.http;

import java.util.OptionalLong;

/** The {@code wasi:http/types.request-options} resource: timeouts of an outgoing request (ns). */
public final class RequestOptions {
  private OptionalLong connectTimeout = OptionalLong.empty();
  private OptionalLong firstByteTimeout = OptionalLong.empty();
  private OptionalLong betweenBytesTimeout = OptionalLong.empty();

  /** {@code connect-timeout}. */
  public synchronized OptionalLong connectTimeout() {
    return connectTimeout;
  }

  /** {@code set-connect-timeout}. */
  public synchronized void setConnectTimeout(OptionalLong nanos) {
    connectTimeout = nanos;
  }

  /** {@code first-byte-timeout}. */
  public synchronized OptionalLong firstByteTimeout() {
    return firstByteTimeout;
  }

  /** {@code set-first-byte-timeout}. */
  public synchronized void setFirstByteTimeout(OptionalLong nanos) {
    firstByteTimeout = nanos;
  }

  /** {@code between-bytes-timeout}. */
  public synchronized OptionalLong betweenBytesTimeout() {
    return betweenBytesTimeout;
  }

  /** {@code set-between-bytes-timeout}. */
  public synchronized void setBetweenBytesTimeout(OptionalLong nanos) {
    betweenBytesTimeout = nanos;
  }
}
