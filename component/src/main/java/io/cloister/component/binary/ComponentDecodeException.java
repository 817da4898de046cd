package io.cloister.component.binary;

/**
 * A component binary that is malformed, truncated, hostile or invalid: names the byte offset at
 * which decoding stopped and the rule that was broken.
 */
public final class ComponentDecodeException extends Exception {
  private final long offset;
  private final String rule;

  /** A failure at {@code offset} (bytes from the start of the outermost binary). */
  public ComponentDecodeException(long offset, String rule) {
    super("at byte offset " + offset + ": " + rule);
    this.offset = offset;
    this.rule = rule;
  }

  /** The byte offset at which the problem was found, or -1 when it concerns the whole binary. */
  public long offset() {
    return offset;
  }

  /** The rule that was broken, without the offset. */
  public String rule() {
    return rule;
  }
}
