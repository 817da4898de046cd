package io.cloister.serve.exchange;

/**
 * A response had started but could not be completed (the guest trapped, ran out of time or its body
 * failed): thrown out of the request handler so that Helidon cuts the connection instead of ending
 * the body as if it were complete.
 */
public final class ExchangeAbortedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An aborted exchange, explained by {@code message}. */
  public ExchangeAbortedException(String message) {
    super(message);
  }
}
