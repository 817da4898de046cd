package io.cloister.wasi.http;

import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Where {@link HttpHandlerInvoker} delivers the guest's response: implemented by the HTTP server.
 * Calls come in one of these orders: {@code start}, body writes, {@code complete}; or {@code
 * start}, body writes, {@code abort}; or {@code fail} alone. They may come from a thread other than
 * the one that called {@link HttpHandlerInvoker#handle}, but never concurrently.
 */
public interface ResponseSink {

  /**
   * The guest set its response: send the status line and headers, and return the stream the body's
   * bytes go to (the invoker never closes it). An exception here abandons the body: the guest's
   * further writes fail.
   */
  OutputStream start(int status, List<HttpField> headers) throws IOException;

  /** The body is complete; {@code trailers} is empty when the guest sent none. */
  void complete(List<HttpField> trailers) throws IOException;

  /** After {@link #start}: the body cannot be completed; the server should abort the exchange. */
  void abort(Exception cause);

  /**
   * Instead of {@link #start}: no response exists, because the guest answered with an error code,
   * returned without answering, or trapped. The server answers with an error status.
   */
  void fail(ErrorCode code);
}
