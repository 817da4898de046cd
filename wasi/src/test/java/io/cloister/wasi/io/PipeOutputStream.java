package io.cloister.wasi.io;

/** An output stream that fills a {@link BytePipe}: the simplest sink for testing {@link WasiOutputStream}. */
final class PipeOutputStream extends WasiOutputStream {
  private final BytePipe pipe;

  /** A stream writing into {@code pipe}. */
  PipeOutputStream(BytePipe pipe) {
    this.pipe = pipe;
  }

  @Override
  protected long capacity() throws StreamException {
    return pipe.writable();
  }

  @Override
  protected void accept(byte[] bytes) throws StreamException {
    pipe.offer(bytes, 0, bytes.length);
  }

  @Override
  public Pollable subscribe() {
    return new Pollable() {
      @Override
      public boolean ready() {
        return pipe.writeReady();
      }

      @Override
      public ReadySignal signal() {
        return pipe.signal();
      }
    };
  }

  /** Dropping the stream leaves the pipe to its owner (the body decides finish or failure). */
  @Override
  public void close() {}
}
