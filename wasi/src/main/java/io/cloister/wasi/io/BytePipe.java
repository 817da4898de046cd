package io.cloister.wasi.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A bounded byte queue between a producer and a consumer on different threads, the backing store of
 * pipe streams (request bodies fed by the HTTP server). Its capacity
 * bounds memory whatever the body size: a producer waits (Java side) or is told to wait through
 * {@code check-write} (guest side) while it is full.
 *
 * <p>States: open; finished by the writer (end of data once drained); failed by the writer (the
 * reader gets the error after draining); abandoned by the reader (writes fail).
 */
public final class BytePipe {
  private final byte[] ring;
  private final ReadySignal signal = new ReadySignal();
  private int head;
  private int size;
  private boolean finished;
  private IoError failure;
  private boolean abandoned;

  /** A pipe holding at most {@code capacity} bytes. */
  public BytePipe(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.ring = new byte[capacity];
  }

  /** A pipe that is already at its end: reads report {@code closed} (an empty stdin). */
  public static BytePipe empty() {
    BytePipe p = new BytePipe(1);
    p.finish();
    return p;
  }

  /** Raised on every state change, for pollables on either end. */
  public ReadySignal signal() {
    return signal;
  }

  /** The capacity in bytes. */
  public int capacity() {
    return ring.length;
  }

  // ---- writer side ----

  /** Free space now; fails when the reader is gone or the pipe was finished. */
  public synchronized int writable() throws StreamException {
    checkWritable();
    return ring.length - size;
  }

  /** Appends {@code len} bytes that fit in the free space ({@link #writable()}); never waits. */
  public void offer(byte[] src, int off, int len) throws StreamException {
    synchronized (this) {
      checkWritable();
      if (len > ring.length - size) {
        throw new IllegalStateException("offer of " + len + " bytes exceeds free space");
      }
      copyIn(src, off, len);
    }
    signal.raise();
  }

  /** Whether a writer could make progress now (space, or an error to report). */
  public synchronized boolean writeReady() {
    return abandoned || finished || failure != null || size < ring.length;
  }

  /** Ends the data: once drained, the reader sees the end. Idempotent. */
  public void finish() {
    synchronized (this) {
      finished = true;
      notifyAll();
    }
    signal.raise();
  }

  /** Ends the data with an error the reader gets after draining what was written. */
  public void fail(IoError error) {
    synchronized (this) {
      if (!finished && failure == null) {
        failure = error;
      }
      notifyAll();
    }
    signal.raise();
  }

  // ---- reader side ----

  /**
   * Takes up to {@code max} bytes that are available now; an empty array when none are yet. Throws
   * {@code closed} at the end, or {@code last-operation-failed} when the writer failed.
   */
  public byte[] poll(int max) throws StreamException {
    byte[] out;
    synchronized (this) {
      if (size == 0) {
        checkReadable();
        return new byte[0];
      }
      out = new byte[Math.min(max, size)];
      copyOut(out, 0, out.length);
    }
    signal.raise();
    return out;
  }

  /** Discards up to {@code max} available bytes; like {@link #poll} but returns the count. */
  public int discard(int max) throws StreamException {
    int n;
    synchronized (this) {
      if (size == 0) {
        checkReadable();
        return 0;
      }
      n = Math.min(max, size);
      head = (head + n) % ring.length;
      size -= n;
    }
    signal.raise();
    return n;
  }

  /** Whether a reader could make progress now (data, end, or error). */
  public synchronized boolean readReady() {
    return size > 0 || finished || failure != null || abandoned;
  }

  /** The reader will read no more: further writes fail and a waiting writer wakes. */
  public void abandon() {
    synchronized (this) {
      abandoned = true;
      size = 0;
      notifyAll();
    }
    signal.raise();
  }

  /**
   * The writer end as a blocking {@link OutputStream} for Java producers such as the HTTP server.
   * {@code close()} finishes the pipe.
   */
  public OutputStream asOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
          int n = awaitSpace();
          int chunk = Math.min(n, len);
          try {
            offer(b, off, chunk);
          } catch (StreamException e) {
            throw new IOException(e.getMessage(), e);
          }
          off += chunk;
          len -= chunk;
        }
      }

      @Override
      public void close() {
        finish();
      }
    };
  }

  private int awaitSpace() throws IOException {
    synchronized (this) {
      while (true) {
        try {
          checkWritable();
        } catch (StreamException e) {
          throw new IOException(e.getMessage(), e);
        }
        if (size < ring.length) {
          return ring.length - size;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while writing a pipe");
        }
      }
    }
  }

  private void checkWritable() throws StreamException {
    if (abandoned) {
      throw new StreamException(
          new StreamError.LastOperationFailed(new IoError("the reader closed the stream")));
    }
    if (finished || failure != null) {
      throw StreamException.closed();
    }
  }

  private void checkReadable() throws StreamException {
    if (failure != null) {
      throw new StreamException(new StreamError.LastOperationFailed(failure));
    }
    if (finished || abandoned) {
      throw StreamException.closed();
    }
  }

  private void copyIn(byte[] src, int off, int len) {
    int tail = (head + size) % ring.length;
    int first = Math.min(len, ring.length - tail);
    System.arraycopy(src, off, ring, tail, first);
    System.arraycopy(src, off + first, ring, 0, len - first);
    size += len;
    notifyAll();
  }

  private void copyOut(byte[] dst, int off, int len) {
    int first = Math.min(len, ring.length - head);
    System.arraycopy(ring, head, dst, off, first);
    System.arraycopy(ring, 0, dst, off + first, len - first);
    head = (head + len) % ring.length;
    size -= len;
    notifyAll();
  }
}
