package io.cloister.wasi.io;

import io.cloister.component.bind.Borrow;
import io.cloister.component.bind.Own;
import io.cloister.component.bind.Result;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.bindings.wasi.io.Poll;
import io.cloister.wasi.bindings.wasi.io.Streams;

/**
 * {@code wasi:io/streams} over one instance's table: each call goes to the {@link WasiInputStream}
 * or {@link WasiOutputStream} behind the handle; a {@link StreamException} becomes the {@code
 * stream-error} result, its error a new {@code error} resource.
 */
public final class StreamsHost implements Streams {
  private final ResourceTable table;

  /** Streams in {@code table}. */
  public StreamsHost(ResourceTable table) {
    this.table = table;
  }

  /** A stream operation that may fail with a {@link StreamException}. */
  @FunctionalInterface
  private interface Op<T> {
    T run() throws StreamException;
  }

  private <T> Result<T, StreamError> guarded(Op<T> op) {
    try {
      T v = op.run();
      return v == null ? new Result.Ok<>(null) : Result.ok(v);
    } catch (StreamException e) {
      return Result.err(error(e.error()));
    }
  }

  private StreamError error(io.cloister.wasi.io.StreamError e) {
    return switch (e) {
      case io.cloister.wasi.io.StreamError.LastOperationFailed f ->
          new StreamError.LastOperationFailed(new Own<>(table.push(f.error())));
      case io.cloister.wasi.io.StreamError.Closed c -> new StreamError.Closed();
    };
  }

  private WasiInputStream in(Borrow<InputStream> h) {
    return table.get(h.rep(), WasiInputStream.class);
  }

  private WasiOutputStream out(Borrow<OutputStream> h) {
    return table.get(h.rep(), WasiOutputStream.class);
  }

  @Override
  public Result<byte[], StreamError> inputStreamRead(Borrow<InputStream> self, long len) {
    return guarded(() -> in(self).read(len));
  }

  @Override
  public Result<byte[], StreamError> inputStreamBlockingRead(Borrow<InputStream> self, long len) {
    return guarded(() -> in(self).blockingRead(len));
  }

  @Override
  public Result<Long, StreamError> inputStreamSkip(Borrow<InputStream> self, long len) {
    return guarded(() -> in(self).skip(len));
  }

  @Override
  public Result<Long, StreamError> inputStreamBlockingSkip(Borrow<InputStream> self, long len) {
    return guarded(() -> in(self).blockingSkip(len));
  }

  @Override
  public Own<Poll.Pollable> inputStreamSubscribe(Borrow<InputStream> self) {
    return new Own<>(table.pushChild(in(self).subscribe(), self.rep()));
  }

  @Override
  public void dropInputStream(Own<InputStream> handle) {
    table.delete(handle.rep(), WasiInputStream.class).close();
  }

  @Override
  public Result<Long, StreamError> outputStreamCheckWrite(Borrow<OutputStream> self) {
    return guarded(() -> out(self).checkWrite());
  }

  @Override
  public Result<Void, StreamError> outputStreamWrite(Borrow<OutputStream> self, byte[] contents) {
    return guarded(
        () -> {
          out(self).write(contents);
          return null;
        });
  }

  @Override
  public Result<Void, StreamError> outputStreamBlockingWriteAndFlush(
      Borrow<OutputStream> self, byte[] contents) {
    return guarded(
        () -> {
          out(self).blockingWriteAndFlush(contents);
          return null;
        });
  }

  @Override
  public Result<Void, StreamError> outputStreamFlush(Borrow<OutputStream> self) {
    return guarded(
        () -> {
          out(self).flush();
          return null;
        });
  }

  @Override
  public Result<Void, StreamError> outputStreamBlockingFlush(Borrow<OutputStream> self) {
    return guarded(
        () -> {
          out(self).blockingFlush();
          return null;
        });
  }

  @Override
  public Own<Poll.Pollable> outputStreamSubscribe(Borrow<OutputStream> self) {
    return new Own<>(table.pushChild(out(self).subscribe(), self.rep()));
  }

  @Override
  public Result<Void, StreamError> outputStreamWriteZeroes(Borrow<OutputStream> self, long len) {
    return guarded(
        () -> {
          out(self).writeZeroes(len);
          return null;
        });
  }

  @Override
  public Result<Void, StreamError> outputStreamBlockingWriteZeroesAndFlush(
      Borrow<OutputStream> self, long len) {
    return guarded(
        () -> {
          out(self).blockingWriteZeroesAndFlush(len);
          return null;
        });
  }

  @Override
  public Result<Long, StreamError> outputStreamSplice(
      Borrow<OutputStream> self, Borrow<InputStream> src, long len) {
    return guarded(() -> out(self).splice(in(src), len));
  }

  @Override
  public Result<Long, StreamError> outputStreamBlockingSplice(
      Borrow<OutputStream> self, Borrow<InputStream> src, long len) {
    return guarded(() -> out(self).blockingSplice(in(src), len));
  }

  @Override
  public void dropOutputStream(Own<OutputStream> handle) {
    table.delete(handle.rep(), WasiOutputStream.class).close();
  }
}
