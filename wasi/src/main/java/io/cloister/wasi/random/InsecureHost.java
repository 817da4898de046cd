package io.cloister.wasi.random;

import java.util.random.RandomGenerator;

/** {@code wasi:random/insecure}: fast, non-cryptographic randomness. */
public final class InsecureHost {
  private final RandomGenerator random;

  /** Numbers from {@code random}. */
  public InsecureHost(RandomGenerator random) {
    this.random = random;
  }

  /** {@code get-insecure-random-bytes}. */
  public byte[] getInsecureRandomBytes(long len) {
    byte[] out =
        new byte[RandomHost.checkedLength("wasi:random/insecure.get-insecure-random-bytes", len)];
    random.nextBytes(out);
    return out;
  }

  /** {@code get-insecure-random-u64}. */
  public long getInsecureRandomU64() {
    return random.nextLong();
  }
}
