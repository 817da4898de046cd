package io.cloister.serve.guest;

import io.cloister.wasi.http.HttpHandlerInvoker;

/** One instance of an app's component: handles one request at a time, closed when discarded. */
public interface GuestInstance extends AutoCloseable {

  /** Calls the instance's {@code wasi:http/incoming-handler} export, one request at a time. */
  HttpHandlerInvoker invoker();

  /**
   * The host resources (handles) the guest holds now; between requests, those it was given and
   * never dropped.
   */
  int heldResources();

  /**
   * Stops the call running in the instance on another thread, where interrupting that thread does
   * not (GraalWasm); the instance is then discarded. Returns at once. Not a default: a wrapper
   * that forgot to pass it on would leave a deadline unable to stop its guest.
   */
  void interrupt();

  /** Releases the instance's memory and resources; it handles no request afterwards. */
  @Override
  void close();
}
