package io.cloister.wasi.random;

import java.security.SecureRandom;

/**
 * {@code wasi:random/insecure-seed}: a 128-bit seed for hash-map DoS protection, fixed for the life
 * of the instance as the specification asks.
 */
public final class InsecureSeedHost
    implements io.cloister.wasi.bindings.wasi.random.InsecureSeed {
  private final long first;
  private final long second;

  /** A seed drawn once from {@code random}. */
  public InsecureSeedHost(SecureRandom random) {
    this.first = random.nextLong();
    this.second = random.nextLong();
  }

  /** {@code insecure-seed}: the same two numbers on every call. */
  @Override
  public io.cloister.component.bind.Tuple2<Long, Long> insecureSeed() {
    return new io.cloister.component.bind.Tuple2<>(first, second);
  }
}
