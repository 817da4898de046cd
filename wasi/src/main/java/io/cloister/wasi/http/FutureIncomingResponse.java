package io.cloister.wasi.http;

/**
 * The {@code wasi:http/types.future-incoming-response} resource. {@link OutgoingHandlerHost} never
 * creates one; the type exists so components that import it link.
 */
public final class FutureIncomingResponse {
  private FutureIncomingResponse() {}
}
