package io.cloister.serve.exchange;

import io.helidon.webserver.CloseConnectionException;

/**
 * A response had started but could not be completed (the guest trapped, ran out of time or its body
 * failed): thrown out of the request handler so that Helidon cuts the connection instead of ending
 * the body as if it were complete.
 *
 * <p>A {@link CloseConnectionException}, which Helidon closes the connection on quietly: any other
 * exception escaping a handler is logged by Helidon with its stack trace, some twenty lines for
 * every client that hangs up mid-body. The exchange handler has already logged the one line that
 * says what happened.
 */
public final class ExchangeAbortedException extends CloseConnectionException {
  private static final long serialVersionUID = 1L;

  /** An aborted exchange, explained by {@code message}. */
  public ExchangeAbortedException(String message) {
    super(message);
  }
}
