package io.cloister.wasi.random;

import io.cloister.wasi.WasiTrap;
import java.security.SecureRandom;

/** {@code wasi:random/random}: cryptographically secure bytes from a {@link SecureRandom}. */
public final class RandomHost implements io.cloister.wasi.bindings.wasi.random.Random {
  /** The largest request served at once; a guest asking for more gets a trap, not an OOM. */
  public static final long MAX_BYTES = 1 << 20;

  private final SecureRandom random;

  /** Bytes from {@code random}. */
  public RandomHost(SecureRandom random) {
    this.random = random;
  }

  /** {@code get-random-bytes}. */
  @Override
  public byte[] getRandomBytes(long len) {
    byte[] out = new byte[checkedLength("wasi:random/random.get-random-bytes", len)];
    random.nextBytes(out);
    return out;
  }

  /** {@code get-random-u64}. */
  @Override
  public long getRandomU64() {
    return random.nextLong();
  }

  static int checkedLength(String function, long len) {
    if (len < 0 || len > MAX_BYTES) {
      throw new WasiTrap(
          function
              + ": "
              + Long.toUnsignedString(len)
              + " bytes requested, at most "
              + MAX_BYTES
              + " served at once");
    }
    return (int) len;
  }
}
