package io.cloister.engine.graalwasm;

import java.util.OptionalLong;

/** A core memory's limits in 64 KiB pages, as its module declares them (maximum optional). */
public record MemoryLimits(long initialPages, OptionalLong maximumPages, boolean shared, boolean memory64) {

  /** Bytes in a WebAssembly page. */
  public static final long PAGE_SIZE = 65536;
}
