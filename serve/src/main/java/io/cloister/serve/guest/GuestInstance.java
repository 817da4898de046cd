package io.cloister.serve.guest;

import io.cloister.wasi.http.IncomingHandler;

/** One instance of an app's component: handles one request at a time, closed when discarded. */
public interface GuestInstance extends AutoCloseable {

  /** The instance's {@code wasi:http/incoming-handler} export. */
  IncomingHandler handler();

  /** Releases the instance's memory and resources; it handles no request afterwards. */
  @Override
  void close();
}
