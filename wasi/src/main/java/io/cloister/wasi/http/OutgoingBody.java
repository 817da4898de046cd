package io.cloister.wasi.http;

import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.io.DeferredFlushes;
import io.cloister.wasi.io.IoError;
import io.cloister.wasi.io.Pollable;
import io.cloister.wasi.io.ReadySignal;
import io.cloister.wasi.io.StreamError;
import io.cloister.wasi.io.StreamException;
import io.cloister.wasi.io.WasiOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code wasi:http/types.outgoing-body} resource. Until its response is set, the bytes the guest
 * writes are held (at most {@link #HELD_LIMIT}); once {@linkplain #deliverTo delivered}, the held
 * bytes and every later write go straight to the server's {@link ResponseSink} on the guest's own
 * thread, so a response needs no thread or pipe of its own and the socket's back-pressure reaches
 * the guest as a blocking write.
 *
 * <p>A declared {@code content-length} is enforced: writing past it fails the stream and finishing
 * short of it fails {@code finish}, both with {@code HTTP-response-body-size}, and the response is
 * aborted rather than sent with a wrong length. Dropping the body unfinished aborts it too.
 */
public final class OutgoingBody {
  /**
   * Bytes held before the response is set. A guest that writes more before setting its response
   * sees {@code check-write} return 0 until it does (as in wasmtime, where such a body waits).
   */
  public static final int HELD_LIMIT = 1 << 20;

  /** What {@code check-write} grants at a time once bytes go to the server. */
  static final int DIRECT_PERMIT = 64 * 1024;

  private enum End {
    OPEN,
    FINISHED,
    DROPPED,
    FAILED
  }

  private final ReadySignal signal = new ReadySignal();
  private final OptionalLong declaredLength;
  private final Optional<IoError> unsendable;
  private byte[] held = new byte[0];
  private int heldSize;
  private long written;
  private boolean streamTaken;
  private End end = End.OPEN;
  private Optional<Fields> trailers = Optional.empty();
  private IoError failure;
  private final Runnable flushNow = this::flushNow;
  private ResponseSink sink;
  private OutputStream out;

  private OutgoingBody(OptionalLong declaredLength, Optional<IoError> unsendable) {
    this.declaredLength = declaredLength;
    this.unsendable = unsendable;
  }

  /** The body of a response with {@code headers} (whose {@code content-length} it enforces). */
  static OutgoingBody ofResponse(Fields headers) {
    return new OutgoingBody(contentLength(headers), Optional.empty());
  }

  /** A body nobody will read (a request this host never sends): every write fails at once. */
  static OutgoingBody unsendable(String why) {
    return new OutgoingBody(OptionalLong.empty(), Optional.of(new IoError(why)));
  }

  /** {@code write}: the body's stream, the first time; empty (the WIT's {@code err}) after. */
  public synchronized Optional<WasiOutputStream> write() {
    if (streamTaken) {
      return Optional.empty();
    }
    streamTaken = true;
    return Optional.of(new BodyStream());
  }

  /**
   * {@code finish}: the body is complete, with optional trailers. The binding has already checked
   * that the stream was dropped (the specification's trap). Returns the error the WIT's result
   * carries when the body does not match its declared length.
   */
  public Optional<ErrorCode> finish(Optional<Fields> finalTrailers) {
    synchronized (this) {
      if (end != End.OPEN) {
        return Optional.empty();
      }
      if (declaredLength.isPresent() && written != declaredLength.getAsLong()) {
        fail(sizeError(written, "finished after " + written + " bytes"));
        return Optional.of(new ErrorCode.HttpResponseBodySize(Optional.of(written)));
      }
      end = End.FINISHED;
      trailers = finalTrailers.map(Fields::frozen);
      if (sink == null) {
        return Optional.empty();
      }
    }
    completeDelivery();
    return Optional.empty();
  }

  /** The guest dropped the body without finishing: the response is aborted. */
  public void close() {
    synchronized (this) {
      if (end != End.OPEN) {
        return;
      }
      end = End.DROPPED;
      failure =
          new HttpIoError(
              new ErrorCode.HttpResponseIncomplete(),
              "outgoing-body dropped without finish");
      if (sink == null) {
        return;
      }
    }
    sink.abort(new IOException(failure.toDebugString()));
  }

  /**
   * The response was set: starts it on {@code target} with {@code status} and {@code headers},
   * hands over what was held, and from now on writes go straight to it. A body already finished or
   * dropped completes or aborts the response here.
   */
  void deliverTo(ResponseSink target, int status, List<HttpField> headers) {
    byte[] pending;
    synchronized (this) {
      sink = target;
      pending = Arrays.copyOf(held, heldSize);
      held = null;
      heldSize = 0;
    }
    try {
      OutputStream stream = target.start(status, headers);
      if (pending.length > 0) {
        stream.write(pending);
      }
      synchronized (this) {
        out = stream;
      }
    } catch (IOException e) {
      synchronized (this) {
        if (failure == null) {
          failure = connectionError("the response could not start: " + e.getMessage());
        }
      }
    }
    signal.raise();
    End state;
    synchronized (this) {
      state = end;
    }
    switch (state) {
      case OPEN -> {}
      case FINISHED -> completeDelivery();
      case DROPPED, FAILED -> target.abort(new IOException(failure.toDebugString()));
    }
  }

  private void completeDelivery() {
    List<HttpField> entries;
    synchronized (this) {
      if (failure != null) {
        sink.abort(new IOException(failure.toDebugString()));
        return;
      }
      entries = trailers.map(Fields::entries).orElse(List.of());
    }
    try {
      sink.complete(entries);
    } catch (IOException e) {
      sink.abort(e);
    }
  }

  private synchronized long capacity() throws StreamException {
    if (unsendable.isPresent()) {
      throw failed(unsendable.get());
    }
    if (failure != null) {
      throw failed(failure);
    }
    if (end != End.OPEN) {
      throw StreamException.closed();
    }
    return sink == null ? HELD_LIMIT - heldSize : DIRECT_PERMIT;
  }

  private void accept(byte[] bytes) throws StreamException {
    OutputStream target;
    synchronized (this) {
      if (declaredLength.isPresent() && written + bytes.length > declaredLength.getAsLong()) {
        fail(
            sizeError(
                written + bytes.length, "a write of " + bytes.length + " bytes after " + written));
        throw failed(failure);
      }
      written += bytes.length;
      if (sink == null) {
        hold(bytes);
        return;
      }
      target = out;
    }
    try {
      target.write(bytes);
    } catch (IOException e) {
      throw failed(failWith(connectionError(e)));
    }
  }

  // A flush reaches the socket before the guest next waits (see DeferredFlushes); its failure, if
  // any, fails the body and is reported by the next write.
  private void flushToSink() throws StreamException {
    synchronized (this) {
      if (failure != null) {
        throw failed(failure);
      }
      if (out == null) {
        return;
      }
    }
    DeferredFlushes.defer(flushNow);
  }

  private void flushNow() {
    OutputStream target;
    synchronized (this) {
      target = end == End.OPEN && failure == null ? out : null;
    }
    if (target != null) {
      try {
        target.flush();
      } catch (IOException e) {
        failWith(connectionError(e));
      }
    }
  }

  private void hold(byte[] bytes) {
    if (held.length < heldSize + bytes.length) {
      held = Arrays.copyOf(held, Math.max(heldSize + bytes.length, Math.min(HELD_LIMIT, held.length * 2 + 256)));
    }
    System.arraycopy(bytes, 0, held, heldSize, bytes.length);
    heldSize += bytes.length;
  }

  private synchronized boolean writeReady() {
    return unsendable.isPresent() || failure != null || end != End.OPEN || sink != null
        || heldSize < HELD_LIMIT;
  }

  // Called with the lock held: records the failure; an already started response is aborted.
  private void fail(IoError error) {
    failure = error;
    end = End.FAILED;
    if (sink != null) {
      sink.abort(new IOException(error.toDebugString()));
    }
  }

  private synchronized IoError failWith(IoError error) {
    if (failure == null) {
      fail(error);
    }
    return failure;
  }

  private IoError sizeError(long size, String what) {
    return new HttpIoError(
        new ErrorCode.HttpResponseBodySize(Optional.of(size)),
        "content-length is " + declaredLength.getAsLong() + " but the body had " + what);
  }

  // A write cut short by an interrupt (the server's deadline) keeps the interrupt visible, so the
  // guest's next check stops it.
  private static IoError connectionError(IOException e) {
    if (e instanceof InterruptedIOException) {
      Thread.currentThread().interrupt();
    }
    return connectionError(e.getMessage());
  }

  private static IoError connectionError(String message) {
    return new HttpIoError(new ErrorCode.ConnectionTerminated(), message);
  }

  private static StreamException failed(IoError error) {
    return new StreamException(new StreamError.LastOperationFailed(error));
  }

  // A malformed or repeated content-length was refused by Fields' rules or leaves the length
  // undeclared here; only one valid decimal value declares it.
  private static OptionalLong contentLength(Fields headers) {
    List<byte[]> values = headers.get("content-length");
    if (values.size() != 1) {
      return OptionalLong.empty();
    }
    String text = new String(values.get(0), StandardCharsets.ISO_8859_1).strip();
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(text));
  }

  /** The {@code output-stream} of this body. */
  private final class BodyStream extends WasiOutputStream {
    @Override
    protected long capacity() throws StreamException {
      return OutgoingBody.this.capacity();
    }

    @Override
    protected void accept(byte[] bytes) throws StreamException {
      OutgoingBody.this.accept(bytes);
    }

    @Override
    protected void flushSink() throws StreamException {
      flushToSink();
    }

    @Override
    public Pollable subscribe() {
      return new Pollable() {
        @Override
        public boolean ready() {
          return writeReady();
        }

        @Override
        public ReadySignal signal() {
          return signal;
        }
      };
    }

    /** Dropping the stream leaves the body to its owner (finish or drop decides). */
    @Override
    public void close() {}
  }
}
