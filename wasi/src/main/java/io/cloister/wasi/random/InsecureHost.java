package io.cloister.wasi.random;

import java.util.random.RandomGenerator;

/** {@code wasi:random/insecure}: fast, non-cryptographic randomness. */
public final class InsecureHost implements io.cloister.wasi.bindings.wasi.random.Insecure {
  private final RandomGenerator random;

  /** Numbers from {@code random}. */
  public InsecureHost(RandomGenerator random) {
    this.random = random;
  }

  /** {@code get-insecure-random-bytes}. */
  @Override
  public byte[] getInsecureRandomBytes(long len) {
    byte[] out =
        new byte[RandomHost.checkedLength("wasi:random/insecure.get-insecure-random-bytes", len)];
    random.nextBytes(out);
    return out;
  }

  /** {@code get-insecure-random-u64}. */
  @Override
  public long getInsecureRandomU64() {
    return random.nextLong();
  }
}
