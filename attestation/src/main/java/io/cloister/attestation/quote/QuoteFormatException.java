package io.cloister.attestation.quote;

/**
 * A quote (or a structure inside it) is malformed, truncated or oversized at a known byte offset.
 */
public final class QuoteFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final long offset;

  /** Creates the exception for {@code field} starting at byte {@code offset} of the quote. */
  public QuoteFormatException(String field, long offset, String problem) {
    super(field + " at byte offset " + offset + ": " + problem);
    this.field = field;
    this.offset = offset;
  }

  /** The field being read when the problem was found, e.g. {@code "qe_auth_data.size"}. */
  public String field() {
    return field;
  }

  /** Byte offset (from the start of the quote) of the offending field. */
  public long offset() {
    return offset;
  }
}
