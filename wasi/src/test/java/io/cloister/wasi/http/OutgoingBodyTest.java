package io.cloister.wasi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.io.DeferredFlushes;
import io.cloister.wasi.io.StreamError;
import io.cloister.wasi.io.StreamException;
import io.cloister.wasi.io.WasiOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutgoingBodyTest {

  /** A sink whose stream records writes and flushes in order. */
  private static final class FlushRecordingSink extends HttpHandlerInvokerTest.RecordingSink {
    final List<String> streamEvents = new ArrayList<>();

    @Override
    public synchronized OutputStream start(int status, List<HttpField> headers) {
      OutputStream inner = super.start(status, headers);
      return new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          streamEvents.add("write " + len);
          try {
            inner.write(b, off, len);
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        }

        @Override
        public void flush() {
          streamEvents.add("flush");
        }
      };
    }
  }

  private static OutgoingResponse response(String... headerPairs) throws HeaderException {
    List<HttpField> fields = new ArrayList<>();
    for (int i = 0; i < headerPairs.length; i += 2) {
      fields.add(HttpField.of(headerPairs[i], headerPairs[i + 1]));
    }
    return new OutgoingResponse(Fields.fromList(fields));
  }

  private static void writeAll(WasiOutputStream out, int bytes) throws StreamException {
    byte[] chunk = new byte[4096];
    for (int left = bytes; left > 0; left -= chunk.length) {
      out.write(java.util.Arrays.copyOf(chunk, Math.min(chunk.length, left)));
    }
  }

  @Test
  void bodyWrittenBeforeTheResponseIsSetIsHeldThenDelivered() throws Exception {
    OutgoingResponse response = response();
    OutgoingBody body = response.body().orElseThrow();
    WasiOutputStream out = body.write().orElseThrow();
    writeAll(out, 200 * 1024); // more than any pipe between guest and server used to hold
    FlushRecordingSink sink = new FlushRecordingSink();
    response.deliverTo(sink);
    assertThat(sink.bodyBytes).isEqualTo(200 * 1024);
    out.close();
    assertThat(body.finish(Optional.empty())).isEmpty();
    assertThat(sink.events).containsExactly("start", "complete");
  }

  @Test
  void heldBytesAreBoundedUntilTheResponseIsSet() throws Exception {
    OutgoingResponse response = response();
    WasiOutputStream out = response.body().orElseThrow().write().orElseThrow();
    writeAll(out, OutgoingBody.HELD_LIMIT);
    assertThat(out.checkWrite()).isZero();
    assertThat(out.subscribe().ready()).isFalse();
    response.deliverTo(new HttpHandlerInvokerTest.RecordingSink());
    assertThat(out.checkWrite()).isPositive();
    assertThat(out.subscribe().ready()).isTrue();
  }

  @Test
  void writingPastContentLengthFailsTheStreamAndAbortsTheResponse() throws Exception {
    OutgoingResponse response = response("content-length", "5");
    OutgoingBody body = response.body().orElseThrow();
    WasiOutputStream out = body.write().orElseThrow();
    HttpHandlerInvokerTest.RecordingSink sink = new HttpHandlerInvokerTest.RecordingSink();
    response.deliverTo(sink);
    out.write(new byte[3]);
    assertThatThrownBy(() -> out.write(new byte[3]))
        .isInstanceOfSatisfying(
            StreamException.class,
            e -> {
              StreamError.LastOperationFailed failed = (StreamError.LastOperationFailed) e.error();
              assertThat(((HttpIoError) failed.error()).code())
                  .isInstanceOf(ErrorCode.HttpResponseBodySize.class);
            });
    assertThat(sink.events).containsExactly("start", "abort");
    assertThat(sink.bodyBytes).isEqualTo(3);
  }

  @Test
  void finishingShortOfContentLengthIsAnErrorAndAbortsTheResponse() throws Exception {
    OutgoingResponse response = response("Content-Length", "10");
    OutgoingBody body = response.body().orElseThrow();
    WasiOutputStream out = body.write().orElseThrow();
    HttpHandlerInvokerTest.RecordingSink sink = new HttpHandlerInvokerTest.RecordingSink();
    response.deliverTo(sink);
    out.write(new byte[4]);
    out.close();
    assertThat(body.finish(Optional.empty()))
        .contains(new ErrorCode.HttpResponseBodySize(Optional.of(4L)));
    assertThat(sink.events).containsExactly("start", "abort");
  }

  @Test
  void exactContentLengthCompletes() throws Exception {
    OutgoingResponse response = response("content-length", "8");
    OutgoingBody body = response.body().orElseThrow();
    WasiOutputStream out = body.write().orElseThrow();
    out.write(new byte[8]);
    HttpHandlerInvokerTest.RecordingSink sink = new HttpHandlerInvokerTest.RecordingSink();
    response.deliverTo(sink);
    out.close();
    assertThat(body.finish(Optional.empty())).isEmpty();
    assertThat(sink.events).containsExactly("start", "complete");
  }

  @Test
  void flushesWaitForTheGuestsNextWaitWithinAScope() throws Exception {
    OutgoingResponse response = response();
    WasiOutputStream out = response.body().orElseThrow().write().orElseThrow();
    FlushRecordingSink sink = new FlushRecordingSink();
    response.deliverTo(sink);
    try (DeferredFlushes.Scope scope = DeferredFlushes.open()) {
      out.blockingWriteAndFlush(new byte[10]);
      out.blockingWriteAndFlush(new byte[20]);
      assertThat(sink.streamEvents).containsExactly("write 10", "write 20");
      DeferredFlushes.runPending(); // what PollHost does before it waits
      assertThat(sink.streamEvents).containsExactly("write 10", "write 20", "flush");
      out.blockingWriteAndFlush(new byte[5]);
    }
    assertThat(sink.streamEvents)
        .containsExactly("write 10", "write 20", "flush", "write 5", "flush");
  }

  @Test
  void flushesOutsideAScopeHappenAtOnce() throws Exception {
    OutgoingResponse response = response();
    WasiOutputStream out = response.body().orElseThrow().write().orElseThrow();
    FlushRecordingSink sink = new FlushRecordingSink();
    response.deliverTo(sink);
    out.blockingWriteAndFlush(new byte[7]);
    assertThat(sink.streamEvents).containsExactly("write 7", "flush");
  }
}
