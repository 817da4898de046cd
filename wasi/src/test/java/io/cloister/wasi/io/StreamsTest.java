package io.cloister.wasi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.wasi.WasiTrap;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StreamsTest {

  @Test
  void readReturnsWhatIsAvailableWithoutWaiting() throws Exception {
    BytePipe pipe = new BytePipe(16);
    WasiInputStream in = new WasiInputStream(pipe);
    assertThat(in.read(10)).isEmpty();
    assertThat(in.subscribe().ready()).isFalse();
    pipe.offer("hello".getBytes(StandardCharsets.US_ASCII), 0, 5);
    assertThat(in.subscribe().ready()).isTrue();
    assertThat(new String(in.read(3), StandardCharsets.US_ASCII)).isEqualTo("hel");
    assertThat(in.skip(10)).isEqualTo(2);
    pipe.finish();
    assertThatThrownBy(() -> in.read(1))
        .isInstanceOfSatisfying(
            StreamException.class, e -> assertThat(e.error()).isEqualTo(StreamError.CLOSED));
  }

  @Test
  void blockingReadWaitsForAProducerThread() throws Exception {
    BytePipe pipe = new BytePipe(16);
    WasiInputStream in = new WasiInputStream(pipe);
    CountDownLatch started = new CountDownLatch(1);
    Thread producer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    started.await();
                    Thread.sleep(100);
                    try (OutputStream out = pipe.asOutputStream()) {
                      out.write(new byte[] {1, 2, 3});
                    }
                  } catch (Exception e) {
                    throw new RuntimeException(e);
                  }
                });
    started.countDown();
    long t0 = System.nanoTime();
    byte[] got = in.blockingRead(100);
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    assertThat(got).containsExactly(1, 2, 3);
    producer.join();
    assertThatThrownBy(() -> in.blockingRead(1)).isInstanceOf(StreamException.class);
  }

  @Test
  void writerFailureIsReportedOnceThenClosed() throws Exception {
    BytePipe pipe = new BytePipe(16);
    WasiInputStream in = new WasiInputStream(pipe);
    pipe.offer(new byte[] {9}, 0, 1);
    pipe.fail(new IoError("connection reset"));
    assertThat(in.read(5)).containsExactly(9);
    assertThatThrownBy(() -> in.read(5))
        .isInstanceOfSatisfying(
            StreamException.class,
            e ->
                assertThat(e.error())
                    .isInstanceOfSatisfying(
                        StreamError.LastOperationFailed.class,
                        f -> assertThat(f.error().toDebugString()).isEqualTo("connection reset")));
    assertThatThrownBy(() -> in.read(5))
        .isInstanceOfSatisfying(
            StreamException.class, e -> assertThat(e.error()).isEqualTo(StreamError.CLOSED));
  }

  @Test
  void writeBeyondCheckWriteTraps() throws Exception {
    BytePipe pipe = new BytePipe(8);
    PipeOutputStream out = new PipeOutputStream(pipe);
    assertThat(out.checkWrite()).isEqualTo(8);
    out.write(new byte[5]);
    assertThat(out.checkWrite()).isEqualTo(3);
    assertThatThrownBy(() -> out.write(new byte[4])).isInstanceOf(WasiTrap.class);
    assertThatThrownBy(() -> out.blockingWriteAndFlush(new byte[4097]))
        .isInstanceOf(WasiTrap.class);
  }

  @Test
  void boundedPipeMakesTheWriterWaitForTheReader() throws Exception {
    BytePipe pipe = new BytePipe(4);
    PipeOutputStream out = new PipeOutputStream(pipe);
    AtomicReference<byte[]> received = new AtomicReference<>();
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  WasiInputStream in = new WasiInputStream(pipe);
                  ByteArrayOutputStream all = new ByteArrayOutputStream();
                  try {
                    Thread.sleep(100);
                    while (true) {
                      all.writeBytes(in.blockingRead(1000));
                    }
                  } catch (StreamException end) {
                    received.set(all.toByteArray());
                  } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                  }
                });
    byte[] data = new byte[1000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    // 1000 bytes through a 4-byte buffer: only possible if the writer waits for the reader.
    out.blockingWriteAndFlush(data);
    assertThat(pipe.capacity()).isEqualTo(4);
    pipe.finish();
    reader.join();
    assertThat(received.get()).isEqualTo(data);
  }

  @Test
  void writesFailWhenTheReaderIsGone() throws Exception {
    BytePipe pipe = new BytePipe(4);
    PipeOutputStream out = new PipeOutputStream(pipe);
    pipe.abandon();
    assertThat(out.subscribe().ready()).isTrue();
    assertThatThrownBy(out::checkWrite)
        .isInstanceOfSatisfying(
            StreamException.class,
            e -> assertThat(e.error()).isInstanceOf(StreamError.LastOperationFailed.class));
    assertThatThrownBy(() -> out.write(new byte[1]))
        .isInstanceOfSatisfying(
            StreamException.class, e -> assertThat(e.error()).isEqualTo(StreamError.CLOSED));
  }

  @Test
  void spliceMovesWhatBothSidesAllow() throws Exception {
    BytePipe src = new BytePipe(64);
    BytePipe dst = new BytePipe(3);
    src.offer(new byte[] {1, 2, 3, 4, 5}, 0, 5);
    WasiInputStream in = new WasiInputStream(src);
    PipeOutputStream out = new PipeOutputStream(dst);
    assertThat(out.splice(in, 10)).isEqualTo(3);
    assertThat(out.splice(in, 10)).isZero();
    assertThat(dst.poll(10)).containsExactly(1, 2, 3);
    assertThat(out.blockingSplice(in, 10)).isEqualTo(2);
    assertThat(dst.poll(10)).containsExactly(4, 5);
    out.writeZeroes(2);
    assertThat(dst.poll(10)).containsExactly(0, 0);
  }

  @Test
  void emptyPipeIsClosedAtOnce() {
    WasiInputStream stdin = new WasiInputStream(BytePipe.empty());
    assertThat(stdin.subscribe().ready()).isTrue();
    assertThatThrownBy(() -> stdin.blockingRead(10))
        .isInstanceOfSatisfying(
            StreamException.class, e -> assertThat(e.error()).isEqualTo(StreamError.CLOSED));
  }
}
