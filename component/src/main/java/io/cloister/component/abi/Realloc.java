package io.cloister.component.abi;

/** The {@code realloc} canonical option: the guest's {@code cabi_realloc}, as the runtime wraps it. */
@FunctionalInterface
public interface Realloc {

  /**
   * Calls the guest's allocator.
   *
   * @return the new pointer (checked by the caller for alignment and bounds)
   */
  int realloc(int originalPtr, int originalSize, int alignment, int newSize);
}
