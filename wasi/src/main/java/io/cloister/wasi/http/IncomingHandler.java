package io.cloister.wasi.http;

/**
 * A guest's {@code wasi:http/incoming-handler.handle} export, seen from the host: the binding layer
 * turns the resources into handles and calls into the component; tests may implement it in Java.
 */
@FunctionalInterface
public interface IncomingHandler {

  /** Handles one request; the answer goes through {@code responseOut}. */
  void handle(IncomingRequest request, ResponseOutparam responseOut);
}
