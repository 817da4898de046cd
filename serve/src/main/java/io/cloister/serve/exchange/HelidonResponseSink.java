package io.cloister.serve.exchange;

import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.http.ErrorCodes;
import io.cloister.wasi.http.HttpField;
import io.cloister.wasi.http.ResponseSink;
import io.cloister.wasi.io.DeferredFlushes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers a guest's response to a Helidon {@link ServerResponse}. The guest's thread calls it
 * while the request's thread waits; once the exchange has {@linkplain #expire expired} every
 * further call from the guest is refused, so an abandoned guest can never write into a response
 * that the server already answered or aborted.
 */
final class HelidonResponseSink implements ResponseSink {
  private enum State {
    WAITING,
    STREAMING,
    DONE,
    FAILED,
    ABORTED,
    EXPIRED
  }

  /** Bytes of body kept back so that a small response is sent in one write. */
  static final int ONE_SHOT = 16 * 1024;

  private final ServerResponse response;
  private State state = State.WAITING;
  private volatile boolean overdue;
  private OutputStream body;
  private final CompletableFuture<Void> answered = new CompletableFuture<>();
  private byte[] pending;
  private int pendingSize;

  HelidonResponseSink(ServerResponse response) {
    this.response = response;
  }

  @Override
  public synchronized OutputStream start(int status, List<HttpField> headers) throws IOException {
    if (overdue) {
      throw new IOException("the exchange missed its deadline");
    }
    if (state != State.WAITING) {
      throw new IOException("the exchange is over (" + state + ")");
    }
    response.status(Status.create(status));
    for (HttpField field : headers) {
      response
          .headers()
          .add(HeaderValues.create(HeaderNames.create(field.name()), field.valueLatin1()));
    }
    state = State.STREAMING;
    answered.complete(null);
    return new GuardedStream();
  }

  @Override
  public synchronized void complete(List<HttpField> trailers) throws IOException {
    checkStreaming();
    // HTTP/1.1 trailers go out only when the guest announced them in a Trailer header.
    boolean withTrailers = !trailers.isEmpty() && response.headers().contains(HeaderNames.TRAILER);
    if (withTrailers) {
      for (HttpField field : trailers) {
        response
            .trailers()
            .add(HeaderValues.create(HeaderNames.create(field.name()), field.valueLatin1()));
      }
    }
    if (body == null && !withTrailers) {
      // The whole body is here and nothing was flushed: one write, with its content-length, made
      // when the guest next waits or its call ends (DeferredFlushes). On the request's own thread
      // that is after the guest gave back its carrier place, so the socket write does not hold it.
      byte[] whole = pendingSize == 0 ? new byte[0] : Arrays.copyOf(pending, pendingSize);
      pending = null;
      pendingSize = 0;
      DeferredFlushes.defer(() -> sendWhole(whole));
    } else {
      openBody().close();
    }
    state = State.DONE;
  }

  @Override
  public synchronized void abort(Exception cause) {
    if (state == State.STREAMING) {
      state = State.ABORTED;
    }
  }

  @Override
  public synchronized void fail(ErrorCode code) {
    if (state == State.WAITING && !overdue) {
      sendError(Status.INTERNAL_SERVER_ERROR_500, "the app failed to answer: " + ErrorCodes.describe(code));
      state = State.FAILED;
      answered.complete(null);
    }
  }

  /**
   * The guest missed a deadline and is being stopped on its own thread: it may no longer start a
   * response, and its failure is not answered as a 500, since the thread that ran it {@linkplain
   * #expire expires} the exchange once the guest stopped.
   */
  void overdue() {
    overdue = true;
  }

  /** Completes when the guest started a response or failed without one. */
  CompletableFuture<Void> answered() {
    return answered;
  }

  /**
   * The deadline passed: answers {@code status} with {@code message} when nothing was sent yet;
   * returns whether the exchange must instead be aborted (a response had started).
   */
  synchronized boolean expire(Status status, String message) {
    State before = state;
    state = State.EXPIRED;
    if (before == State.WAITING) {
      sendError(status, message);
      return false;
    }
    return before == State.STREAMING;
  }

  private void sendWhole(byte[] whole) {
    try {
      response.send(whole);
    } catch (RuntimeException clientGone) {
      synchronized (this) {
        state = State.ABORTED;
      }
    }
  }

  /** Whether the response started but could not be completed: the connection must be cut. */
  synchronized boolean aborted() {
    return state == State.ABORTED;
  }

  private void sendError(Status status, String message) {
    response.status(status);
    response.headers().set(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
    response.send((message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Answers {@code status} with {@code message} for a guest that cannot be stopped, from another
   * thread than the request's, which stays with the guest: the client is told not to send another
   * request on this connection, since nobody will read it.
   */
  synchronized void abandon(Status status, String message) {
    State before = state;
    state = State.EXPIRED;
    if (before == State.WAITING) {
      response.headers().set(HeaderValues.CONNECTION_CLOSE);
      sendError(status, message);
    }
  }

  // Called with the lock held, or by the guest's thread while streaming.
  private OutputStream openBody() throws IOException {
    if (body == null) {
      body = response.outputStream();
      if (pendingSize > 0) {
        body.write(pending, 0, pendingSize);
      }
      pending = null;
      pendingSize = 0;
    }
    return body;
  }

  private synchronized void checkStreaming() throws IOException {
    if (state != State.STREAMING) {
      throw new IOException("the exchange is over (" + state + ")");
    }
  }

  /**
   * The body stream handed to the guest: refuses writes once the exchange is over. Up to {@link
   * #ONE_SHOT} bytes are kept until the body completes, so a small response goes out in one piece;
   * a larger body or a flush opens Helidon's streaming output. The write itself happens outside the
   * lock, so a slow client never blocks {@link #expire}.
   */
  private final class GuardedStream extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      checkStreaming();
      if (body == null && pendingSize + length <= ONE_SHOT) {
        if (pending == null || pending.length < pendingSize + length) {
          int size = Math.min(ONE_SHOT, Math.max(pendingSize + length, 2 * pendingSize + 64));
          pending = pending == null ? new byte[size] : Arrays.copyOf(pending, size);
        }
        System.arraycopy(bytes, offset, pending, pendingSize, length);
        pendingSize += length;
        return;
      }
      openBody().write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      checkStreaming();
      openBody().flush();
    }
  }
}
