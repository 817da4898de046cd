package io.cloister.serve;

import io.cloister.serve.guest.GuestFactory;
import io.cloister.serve.guest.GuestInstance;
import io.cloister.wasi.clocks.ClockSource;
import io.cloister.wasi.http.Fields;
import io.cloister.wasi.http.HeaderException;
import io.cloister.wasi.http.HttpField;
import io.cloister.wasi.http.HttpHandlerInvoker;
import io.cloister.wasi.http.IncomingBody;
import io.cloister.wasi.http.IncomingRequest;
import io.cloister.wasi.http.OutgoingBody;
import io.cloister.wasi.http.OutgoingResponse;
import io.cloister.wasi.http.ResponseOutparam;
import io.cloister.wasi.io.PollHost;
import io.cloister.wasi.io.StreamException;
import io.cloister.wasi.io.WasiInputStream;
import io.cloister.wasi.io.WasiOutputStream;
import io.cloister.wasi.logging.AppLog;
import io.cloister.wasi.logging.LogLevel;
import io.cloister.wasi.logging.LoggingHost;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Java incoming handlers that behave like the WAT fixtures in fixtures/http, driving the wasi host
 * resources exactly as a guest's calls would: the server is tested without wasm.
 */
final class JavaGuests {
  /** Instances made by {@link #factory}, for the instance-policy tests. */
  final AtomicInteger made = new AtomicInteger();

  /** Instances closed. */
  final AtomicInteger closed = new AtomicInteger();

  /** Stops the uninterruptible {@code stuck} handler at the end of a test. */
  final AtomicBoolean release = new AtomicBoolean();

  private final AppLog log;

  JavaGuests(AppLog log) {
    this.log = log;
  }

  /** Each instance dispatches on the first path segment to the handler of that name. */
  GuestFactory factory() {
    return () -> {
      made.incrementAndGet();
      HttpHandlerInvoker invoker = new HttpHandlerInvoker(this::route);
      return new GuestInstance() {
        @Override
        public HttpHandlerInvoker invoker() {
          return invoker;
        }

        @Override
        public int heldResources() {
          return 0;
        }

        @Override
        public void interrupt() {
          // Java guests stop on their thread's interrupt, which the deadline sends
        }

        @Override
        public void close() {
          closed.incrementAndGet();
        }
      };
    };
  }

  private void route(IncomingRequest request, ResponseOutparam out) {
    String path = request.pathWithQuery().orElse("/");
    String name = path.split("[/?]")[1];
    try {
      switch (name) {
        case "hello" ->
            respond(
                out,
                200,
                List.of(HttpField.of("content-type", "text/plain")),
                "Hello, world!\n".getBytes(StandardCharsets.UTF_8));
        case "echo" -> echo(request, out);
        case "count" -> count(request, out);
        case "headers" -> headers(request, out);
        case "stream" -> stream(out, Long.parseLong(path.substring(path.indexOf("mib=") + 4)));
        case "trap" -> throw new IllegalStateException("unreachable executed");
        case "trap-mid-body" -> trapMidBody(out);
        case "no-response" -> {}
        case "loop" -> {
          // Spins until interrupted, as Chicory code does at its interruption checks.
          while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
          }
          throw new IllegalStateException("interrupted");
        }
        case "stuck" -> {
          // Never looks at the interrupt flag: the server must abandon it.
          while (!release.get()) {
            Thread.onSpinWait();
          }
        }
        case "logging" -> logging(out);
        case "trailers" -> trailers(out);
        default -> respond(out, 404, List.of(), new byte[0]);
      }
    } catch (HeaderException | StreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void respond(
      ResponseOutparam out, int status, List<HttpField> headers, byte[] body)
      throws HeaderException, StreamException {
    OutgoingBody outgoing = start(out, status, headers);
    WasiOutputStream stream = outgoing.write().orElseThrow();
    for (int at = 0; at < body.length; at += WasiOutputStream.BLOCKING_WRITE_LIMIT) {
      stream.blockingWriteAndFlush(
          Arrays.copyOfRange(
              body, at, Math.min(body.length, at + WasiOutputStream.BLOCKING_WRITE_LIMIT)));
    }
    stream.close();
    outgoing.finish(Optional.empty());
  }

  private static OutgoingBody start(ResponseOutparam out, int status, List<HttpField> headers)
      throws HeaderException {
    OutgoingResponse response = new OutgoingResponse(Fields.fromList(headers));
    response.setStatusCode(status);
    OutgoingBody body = response.body().orElseThrow();
    out.set(new ResponseOutparam.Answer.Response(response));
    return body;
  }

  private static void echo(IncomingRequest request, ResponseOutparam out)
      throws HeaderException, StreamException {
    List<HttpField> headers = new ArrayList<>();
    headers.add(HttpField.of("x-echo-method", request.method().name()));
    headers.add(HttpField.of("x-echo-path", request.pathWithQuery().orElse("")));
    IncomingBody incoming = request.consume().orElseThrow();
    WasiInputStream in = incoming.stream().orElseThrow();
    OutgoingBody outgoing = start(out, 200, headers);
    WasiOutputStream stream = outgoing.write().orElseThrow();
    while (true) {
      byte[] chunk;
      try {
        chunk = in.blockingRead(WasiOutputStream.BLOCKING_WRITE_LIMIT);
      } catch (StreamException closed) {
        break;
      }
      stream.blockingWriteAndFlush(chunk);
    }
    in.close();
    stream.close();
    outgoing.finish(Optional.empty());
  }

  /** Reads the whole request body in 64 KiB reads and answers its length. */
  private static void count(IncomingRequest request, ResponseOutparam out)
      throws HeaderException, StreamException {
    IncomingBody incoming = request.consume().orElseThrow();
    WasiInputStream in = incoming.stream().orElseThrow();
    long total = 0;
    while (true) {
      try {
        total += in.blockingRead(65536).length;
      } catch (StreamException closed) {
        break;
      }
    }
    in.close();
    respond(out, 200, List.of(), Long.toString(total).getBytes(StandardCharsets.US_ASCII));
  }

  private static void headers(IncomingRequest request, ResponseOutparam out)
      throws HeaderException, StreamException {
    StringBuilder body = new StringBuilder();
    List<HttpField> entries = request.headers().entries();
    for (HttpField field : entries) {
      body.append(field.name()).append(": ").append(field.valueLatin1()).append('\n');
    }
    respond(
        out,
        200,
        List.of(
            HttpField.of("content-type", "text/plain"),
            HttpField.of("x-fixture", "headers"),
            HttpField.of("x-multi", "one"),
            HttpField.of("x-multi", "two"),
            HttpField.of("x-request-header-count", Integer.toString(entries.size()))),
        body.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Like stream-large: check-write, write what it permits, block when it permits nothing. */
  private static void stream(ResponseOutparam out, long mib)
      throws HeaderException, StreamException {
    byte[] pattern = new byte[65536 + 26];
    for (int i = 0; i < pattern.length; i++) {
      pattern[i] = (byte) ('a' + i % 26);
    }
    OutgoingBody outgoing =
        start(out, 200, List.of(HttpField.of("content-type", "application/octet-stream")));
    WasiOutputStream stream = outgoing.write().orElseThrow();
    long remaining = mib << 20;
    long offset = 0;
    while (remaining > 0) {
      long permit = stream.checkWrite();
      if (permit == 0) {
        PollHost.block(stream.subscribe());
        continue;
      }
      int n = (int) Math.min(Math.min(permit, remaining), 65536);
      int from = (int) (offset % 26);
      stream.write(Arrays.copyOfRange(pattern, from, from + n));
      offset += n;
      remaining -= n;
    }
    stream.blockingFlush();
    stream.close();
    outgoing.finish(Optional.empty());
  }

  private static void trapMidBody(ResponseOutparam out) throws HeaderException, StreamException {
    OutgoingBody outgoing = start(out, 200, List.of());
    WasiOutputStream stream = outgoing.write().orElseThrow();
    // More than Helidon buffers before it commits the response: the status line is on the wire.
    for (int i = 0; i < 256; i++) {
      stream.blockingWriteAndFlush(new byte[WasiOutputStream.BLOCKING_WRITE_LIMIT]);
    }
    throw new IllegalStateException("trap after the body started");
  }

  private static void trailers(ResponseOutparam out) throws HeaderException, StreamException {
    OutgoingBody outgoing = start(out, 200, List.of(HttpField.of("trailer", "x-checksum")));
    WasiOutputStream stream = outgoing.write().orElseThrow();
    stream.blockingWriteAndFlush("body".getBytes(StandardCharsets.UTF_8));
    stream.close();
    outgoing.finish(Optional.of(Fields.fromList(List.of(HttpField.of("x-checksum", "42")))));
  }

  private void logging(ResponseOutparam out) throws HeaderException, StreamException {
    LoggingHost logging = new LoggingHost(log, ClockSource.SYSTEM);
    for (LogLevel level : LogLevel.values()) {
      logging.log(level, "logging-fixture", level.name().toLowerCase() + " message");
    }
    respond(out, 200, List.of(), "logged\n".getBytes(StandardCharsets.UTF_8));
  }
}
