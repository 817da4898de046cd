package io.cloister.wasi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.io.PollHost;
import io.cloister.wasi.io.StreamException;
import io.cloister.wasi.io.WasiInputStream;
import io.cloister.wasi.io.WasiOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class HttpHandlerInvokerTest {

  /** Records what the invoker delivers; counts and checksums the body instead of keeping it. */
  static class RecordingSink implements ResponseSink {
    final List<String> events = new ArrayList<>();
    int status;
    List<HttpField> headers;
    List<HttpField> trailers;
    ErrorCode failure;
    long bodyBytes;
    final CRC32 crc = new CRC32();
    final ByteArrayOutputStream smallBody = new ByteArrayOutputStream();

    @Override
    public synchronized OutputStream start(int status, List<HttpField> headers) {
      events.add("start");
      this.status = status;
      this.headers = headers;
      return new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bodyBytes += len;
          crc.update(b, off, len);
          if (smallBody.size() < 1 << 16) {
            smallBody.write(b, off, Math.min(len, 1 << 16));
          }
        }
      };
    }

    @Override
    public synchronized void complete(List<HttpField> trailers) {
      events.add("complete");
      this.trailers = trailers;
    }

    @Override
    public synchronized void abort(Exception cause) {
      events.add("abort");
    }

    @Override
    public synchronized void fail(ErrorCode code) {
      events.add("fail");
      failure = code;
    }
  }

  private static IncomingRequestData request(String method, InputStream body) {
    return new IncomingRequestData(
        method,
        "/echo?x=1",
        Optional.of("https"),
        Optional.of("app.example"),
        List.of(HttpField.of("Content-Type", "application/octet-stream")),
        Optional.of(body));
  }

  /** A guest that answers 200 at once and copies the request body into the response body. */
  private static final IncomingHandler ECHO =
      (req, out) -> {
        try {
          OutgoingResponse resp =
              new OutgoingResponse(
                  Fields.fromList(
                      List.of(HttpField.of("x-path", req.pathWithQuery().orElseThrow()))));
          OutgoingBody body = resp.body().orElseThrow();
          out.set(new ResponseOutparam.Answer.Response(resp));
          WasiOutputStream w = body.write().orElseThrow();
          WasiInputStream r = req.consume().orElseThrow().stream().orElseThrow();
          while (true) {
            byte[] chunk;
            try {
              chunk = r.blockingRead(WasiOutputStream.BLOCKING_WRITE_LIMIT);
            } catch (StreamException end) {
              break;
            }
            w.blockingWriteAndFlush(chunk);
          }
          body.finish(Optional.of(Fields.fromList(List.of(HttpField.of("x-done", "yes")))));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };

  @Test
  void echoesABodyWithHeadersAndTrailers() {
    RecordingSink sink = new RecordingSink();
    byte[] body = "hello, cloister".getBytes(StandardCharsets.UTF_8);
    new HttpHandlerInvoker(ECHO).handle(request("POST", new ByteArrayInputStream(body)), sink);
    assertThat(sink.events).containsExactly("start", "complete");
    assertThat(sink.status).isEqualTo(200);
    assertThat(sink.headers).containsExactly(HttpField.of("x-path", "/echo?x=1"));
    assertThat(sink.smallBody.toByteArray()).isEqualTo(body);
    assertThat(sink.trailers).containsExactly(HttpField.of("x-done", "yes"));
  }

  @Test
  void oneGibibyteStreamsThroughInConstantMemory() {
    long size = 1L << 30;
    CRC32 sent = new CRC32();
    InputStream body = new PatternStream(size, sent);
    RecordingSink sink = new RecordingSink();
    new HttpHandlerInvoker(ECHO).handle(request("PUT", body), sink);
    assertThat(sink.events).containsExactly("start", "complete");
    assertThat(sink.bodyBytes).isEqualTo(size);
    assertThat(sink.crc.getValue()).isEqualTo(sent.getValue());
  }

  @Test
  void guestErrorCodeBecomesAFailure() {
    RecordingSink sink = new RecordingSink();
    new HttpHandlerInvoker(
            (req, out) -> out.set(new ResponseOutparam.Answer.Error(new ErrorCode.HttpRequestDenied())))
        .handle(request("GET", InputStream.nullInputStream()), sink);
    assertThat(sink.events).containsExactly("fail");
    assertThat(sink.failure).isEqualTo(new ErrorCode.HttpRequestDenied());
  }

  @Test
  void returningWithoutAResponseIsAnInternalError() {
    RecordingSink sink = new RecordingSink();
    new HttpHandlerInvoker((req, out) -> {})
        .handle(request("GET", InputStream.nullInputStream()), sink);
    assertThat(sink.events).containsExactly("fail");
    assertThat(sink.failure).isInstanceOf(ErrorCode.InternalError.class);
  }

  @Test
  void aResponseWhoseBodyWasNeverTakenIsEmptyAndComplete() {
    RecordingSink sink = new RecordingSink();
    new HttpHandlerInvoker(
            (req, out) -> {
              OutgoingResponse resp = new OutgoingResponse(new Fields());
              assertThat(resp.setStatusCode(99)).isFalse();
              assertThat(resp.setStatusCode(204)).isTrue();
              out.set(new ResponseOutparam.Answer.Response(resp));
            })
        .handle(request("GET", InputStream.nullInputStream()), sink);
    assertThat(sink.events).containsExactly("start", "complete");
    assertThat(sink.status).isEqualTo(204);
    assertThat(sink.bodyBytes).isZero();
  }

  @Test
  void aBodyNotFinishedBeforeReturningAborts() {
    RecordingSink sink = new RecordingSink();
    new HttpHandlerInvoker(
            (req, out) -> {
              OutgoingResponse resp = new OutgoingResponse(new Fields());
              OutgoingBody body = resp.body().orElseThrow();
              out.set(new ResponseOutparam.Answer.Response(resp));
              try {
                body.write().orElseThrow().blockingWriteAndFlush(new byte[100]);
              } catch (StreamException e) {
                throw new IllegalStateException(e);
              }
            })
        .handle(request("GET", InputStream.nullInputStream()), sink);
    assertThat(sink.events).containsExactly("start", "abort");
  }

  @Test
  void aTrapIsReportedToTheSinkAndRethrown() {
    RecordingSink before = new RecordingSink();
    HttpHandlerInvoker trapsAtOnce =
        new HttpHandlerInvoker(
            (req, out) -> {
              throw new IllegalStateException("unreachable executed");
            });
    assertThatThrownBy(
            () -> trapsAtOnce.handle(request("GET", InputStream.nullInputStream()), before))
        .hasMessage("unreachable executed");
    assertThat(before.events).containsExactly("fail");

    RecordingSink after = new RecordingSink();
    HttpHandlerInvoker trapsMidBody =
        new HttpHandlerInvoker(
            (req, out) -> {
              OutgoingResponse resp = new OutgoingResponse(new Fields());
              resp.body().orElseThrow();
              out.set(new ResponseOutparam.Answer.Response(resp));
              throw new IllegalStateException("trap");
            });
    assertThatThrownBy(
            () -> trapsMidBody.handle(request("GET", InputStream.nullInputStream()), after))
        .hasMessage("trap");
    assertThat(after.events).containsExactly("start", "abort");
  }

  @Test
  void anUnreadLargeRequestBodyDoesNotHang() {
    RecordingSink sink = new RecordingSink();
    new HttpHandlerInvoker(
            (req, out) ->
                out.set(new ResponseOutparam.Answer.Response(new OutgoingResponse(new Fields()))))
        .handle(request("POST", new PatternStream(1L << 30, new CRC32())), sink);
    assertThat(sink.events).containsExactly("start", "complete");
  }

  @Test
  void trailersResolveWhenTheGuestFinishesAnUnreadBody() {
    RecordingSink sink = new RecordingSink();
    new HttpHandlerInvoker(
            (req, out) -> {
              FutureTrailers trailers = req.consume().orElseThrow().finish();
              PollHost.block(trailers.subscribe());
              assertThat(trailers.get())
                  .contains(new FutureTrailers.Outcome.Trailers(Optional.empty()));
              assertThat(trailers.get()).contains(new FutureTrailers.Outcome.AlreadyTaken());
              out.set(new ResponseOutparam.Answer.Response(new OutgoingResponse(new Fields())));
            })
        .handle(request("POST", new PatternStream(1 << 20, new CRC32())), sink);
    assertThat(sink.events).containsExactly("start", "complete");
  }

  @Test
  void interruptingTheCallerAbortsASlowDelivery() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    ResponseSink slowClient =
        new ResponseSink() {
          @Override
          public OutputStream start(int status, List<HttpField> headers) {
            events.add("start");
            return new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                try {
                  Thread.sleep(60_000); // a client that stopped reading
                } catch (InterruptedException e) {
                  throw new InterruptedIOException("write interrupted");
                }
              }
            };
          }

          @Override
          public void complete(List<HttpField> trailers) {
            events.add("complete");
          }

          @Override
          public void abort(Exception cause) {
            events.add("abort");
          }

          @Override
          public void fail(ErrorCode code) {
            events.add("fail");
          }
        };
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        Thread.ofPlatform()
            .start(
                () -> {
                  // The guest's write fails, so this guest traps; the interrupt status survives.
                  try {
                    new HttpHandlerInvoker(ECHO)
                        .handle(request("POST", new ByteArrayInputStream(new byte[10])), slowClient);
                  } catch (IllegalStateException trap) {
                    events.add("trap");
                  }
                  stillInterrupted.set(Thread.currentThread().isInterrupted());
                });
    Thread.sleep(300);
    caller.interrupt();
    caller.join(10_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(events).containsExactly("start", "abort", "trap");
    assertThat(stillInterrupted).isTrue();
  }

  @Test
  void requestPartsAreVisibleAndTheBodyIsConsumedOnce() {
    RecordingSink sink = new RecordingSink();
    new HttpHandlerInvoker(
            (req, out) -> {
              assertThat(req.method().caseIndex()).isEqualTo(2); // post
              assertThat(req.scheme()).contains(Scheme.HTTPS);
              assertThat(req.authority()).contains("app.example");
              assertThat(req.headers().isImmutable()).isTrue();
              IncomingBody body = req.consume().orElseThrow();
              assertThat(req.consume()).isEmpty();
              assertThat(body.stream()).isPresent();
              assertThat(body.stream()).isEmpty();
              out.set(new ResponseOutparam.Answer.Error(new ErrorCode.InternalError(Optional.of("done"))));
            })
        .handle(request("POST", InputStream.nullInputStream()), sink);
    assertThat(sink.failure).isEqualTo(new ErrorCode.InternalError(Optional.of("done")));
  }

  /** {@code size} bytes of a repeating pattern, generated on the fly, checksummed as read. */
  static final class PatternStream extends InputStream {
    private final long size;
    private final CRC32 crc;
    private long pos;

    PatternStream(long size, CRC32 crc) {
      this.size = size;
      this.crc = crc;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((pos + i) * 31 >>> 3);
      }
      crc.update(b, off, n);
      pos += n;
      return n;
    }
  }
}
