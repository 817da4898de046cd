package io.cloister.artifact;

/** Malformed bytes: where in the file ({@link #offset()}) and what was expected there. */
public final class ArtifactFormatException extends ArtifactException {
  private final long offset;
  private final String expected;

  /**
   * @param offset the byte offset in the file where the problem is
   * @param expected what the format requires there
   */
  public ArtifactFormatException(long offset, String expected) {
    super("at byte offset " + offset + ": expected " + expected);
    this.offset = offset;
    this.expected = expected;
  }

  /** The byte offset in the file where the problem is. */
  public long offset() {
    return offset;
  }

  /** What the format requires at {@link #offset()}. */
  public String expected() {
    return expected;
  }
}
