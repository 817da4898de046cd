package io.cloister.wasi.random;

import io.cloister.wasi.link.Args;
import io.cloister.wasi.link.HostDefinitions;
import io.cloister.wasi.link.Results;

/** Binds {@code wasi:random} (random, insecure, insecure-seed) to host definitions. */
public final class RandomLink {
  /** {@code wasi:random/random}. */
  public static final String RANDOM = "wasi:random/random@0.2.0";

  /** {@code wasi:random/insecure}. */
  public static final String INSECURE = "wasi:random/insecure@0.2.0";

  /** {@code wasi:random/insecure-seed}. */
  public static final String INSECURE_SEED = "wasi:random/insecure-seed@0.2.0";

  private RandomLink() {}

  /** Defines the three interfaces. */
  public static void register(
      HostDefinitions defs, RandomHost random, InsecureHost insecure, InsecureSeedHost seed) {
    defs.function(
        RANDOM,
        "get-random-bytes",
        a -> Results.one(Results.bytes(random.getRandomBytes(Args.u64(a.get(0))))));
    defs.function(RANDOM, "get-random-u64", a -> Results.one(Results.u64(random.getRandomU64())));
    defs.function(
        INSECURE,
        "get-insecure-random-bytes",
        a -> Results.one(Results.bytes(insecure.getInsecureRandomBytes(Args.u64(a.get(0))))));
    defs.function(
        INSECURE,
        "get-insecure-random-u64",
        a -> Results.one(Results.u64(insecure.getInsecureRandomU64())));
    defs.function(
        INSECURE_SEED,
        "insecure-seed",
        a -> {
          long[] s = seed.insecureSeed();
          return Results.one(Results.tuple(Results.u64(s[0]), Results.u64(s[1])));
        });
  }
}
