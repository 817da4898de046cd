package io.cloister.component.engine;

/**
 * A core memory's declared initial size does not fit in its component instance's memory cap ({@link
 * EngineOptions#maxMemoryBytes()}): the instance cannot be made.
 */
public final class MemoryCapExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long capBytes;

  /**
   * The memory {@code where} declares {@code initialBytes} while the instance's other memories
   * already hold {@code usedBytes} of the {@code capBytes} cap.
   */
  public MemoryCapExceededException(
      String where, long initialBytes, long usedBytes, long capBytes) {
    super(
        where
            + " declares an initial memory of "
            + initialBytes
            + " bytes, over the instance's memory cap of "
            + capBytes
            + " bytes"
            + (usedBytes > 0 ? " (" + usedBytes + " bytes already taken by other memories)" : ""));
    this.capBytes = capBytes;
  }

  /** The cap, in bytes, that the memory did not fit in. */
  public long capBytes() {
    return capBytes;
  }
}
