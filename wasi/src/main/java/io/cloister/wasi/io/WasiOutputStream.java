package io.cloister.wasi.io;

import io.cloister.wasi.WasiTrap;
import java.util.Arrays;

/**
 * The {@code wasi:io/streams.output-stream} resource. Subclasses supply the sink (free space,
 * accepting bytes, readiness); this class implements the interface's rules on top: writes never
 * exceed what {@code check-write} allows, blocking variants wait through {@link PollHost}, and a
 * failure is reported once, after which the stream is closed.
 */
public abstract class WasiOutputStream {
  /** The most a {@code blocking-write-and-flush} may carry, as the specification fixes. */
  public static final int BLOCKING_WRITE_LIMIT = 4096;

  private boolean failureReported;

  /** Bytes the sink accepts now without waiting; 0 when full. */
  protected abstract long capacity() throws StreamException;

  /** Accepts bytes that fit in {@link #capacity()}. */
  protected abstract void accept(byte[] bytes) throws StreamException;

  /** Readiness for writing (space, or an error to report). */
  public abstract Pollable subscribe();

  /** The guest dropped the stream. */
  public abstract void close();

  /** {@code check-write}: how many bytes {@link #write} accepts now. */
  public final long checkWrite() throws StreamException {
    checkOpen();
    try {
      return capacity();
    } catch (StreamException e) {
      throw reported(e);
    }
  }

  /** {@code write}: accepts all of {@code contents}; traps when it exceeds {@code check-write}. */
  public final void write(byte[] contents) throws StreamException {
    long permitted = checkWrite();
    if (contents.length > permitted) {
      throw new WasiTrap(
          "wasi:io/streams.output-stream.write of "
              + contents.length
              + " bytes exceeds the "
              + permitted
              + " that check-write permits");
    }
    if (contents.length > 0) {
      try {
        accept(contents);
      } catch (StreamException e) {
        throw reported(e);
      }
    }
  }

  /** Hands written bytes on to where they go; a sink that forwards each write does nothing. */
  protected void flushSink() throws StreamException {}

  /** {@code flush}. */
  public final void flush() throws StreamException {
    checkWrite();
    try {
      flushSink();
    } catch (StreamException e) {
      throw reported(e);
    }
  }

  /** {@code blocking-flush}. */
  public final void blockingFlush() throws StreamException {
    flush();
  }

  /** {@code blocking-write-and-flush}: writes at most 4096 bytes, waiting for space as needed. */
  public final void blockingWriteAndFlush(byte[] contents) throws StreamException {
    if (contents.length > BLOCKING_WRITE_LIMIT) {
      throw new WasiTrap(
          "wasi:io/streams.output-stream.blocking-write-and-flush of "
              + contents.length
              + " bytes exceeds the limit of "
              + BLOCKING_WRITE_LIMIT);
    }
    int off = 0;
    while (off < contents.length) {
      long permitted = checkWrite();
      if (permitted == 0) {
        PollHost.block(subscribe());
        continue;
      }
      int n = (int) Math.min(permitted, contents.length - off);
      write(Arrays.copyOfRange(contents, off, off + n));
      off += n;
    }
    flush();
  }

  /** {@code write-zeroes}: like {@link #write} with {@code len} zero bytes. */
  public final void writeZeroes(long len) throws StreamException {
    long permitted = checkWrite();
    if (len < 0 || len > permitted) {
      throw new WasiTrap(
          "wasi:io/streams.output-stream.write-zeroes of "
              + Long.toUnsignedString(len)
              + " bytes exceeds the "
              + permitted
              + " that check-write permits");
    }
    write(new byte[(int) len]);
  }

  /** {@code blocking-write-zeroes-and-flush}: at most 4096 zero bytes, waiting for space. */
  public final void blockingWriteZeroesAndFlush(long len) throws StreamException {
    if (len < 0 || len > BLOCKING_WRITE_LIMIT) {
      throw new WasiTrap(
          "wasi:io/streams.output-stream.blocking-write-zeroes-and-flush of "
              + Long.toUnsignedString(len)
              + " bytes exceeds the limit of "
              + BLOCKING_WRITE_LIMIT);
    }
    blockingWriteAndFlush(new byte[(int) len]);
  }

  /**
   * {@code splice}: moves up to {@code len} bytes that {@code src} has now and this stream accepts
   * now; returns how many moved.
   */
  public final long splice(WasiInputStream src, long len) throws StreamException {
    long permitted = checkWrite();
    long n = Long.compareUnsigned(len, permitted) < 0 ? len : permitted;
    if (n == 0) {
      return 0;
    }
    byte[] bytes = src.read(n);
    write(bytes);
    return bytes.length;
  }

  /** {@code blocking-splice}: like {@link #splice} but waits for space and for data. */
  public final long blockingSplice(WasiInputStream src, long len) throws StreamException {
    long permitted;
    while ((permitted = checkWrite()) == 0) {
      PollHost.block(subscribe());
    }
    long n = Long.compareUnsigned(len, permitted) < 0 ? len : permitted;
    byte[] bytes = src.blockingRead(n);
    write(bytes);
    return bytes.length;
  }

  private void checkOpen() throws StreamException {
    if (failureReported) {
      throw StreamException.closed();
    }
  }

  // After last-operation-failed has been returned once, the stream counts as closed.
  private StreamException reported(StreamException e) {
    if (e.error() instanceof StreamError.LastOperationFailed) {
      failureReported = true;
    }
    return e;
  }
}
