package io.cloister.serve.exchange;

import io.cloister.serve.guest.GuestInstantiationException;
import io.cloister.serve.guest.GuestPool;
import io.cloister.wasi.http.HttpField;
import io.cloister.wasi.http.IncomingRequestData;
import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Helidon handler for every request: maps it onto the guest's incoming handler, running the
 * guest on a thread of its own under two deadlines, one until the guest answers (starts a response
 * or fails) and one for the whole exchange. A guest that misses either is interrupted and its
 * instance discarded; the client gets 503 when nothing was sent yet, a cut connection otherwise. A
 * trapped guest or one that never sets a response gets 500.
 */
public final class ExchangeHandler implements Handler {
  private static final System.Logger LOG = System.getLogger(ExchangeHandler.class.getName());

  private final GuestPool pool;
  private final Executor guestThreads;
  private final Duration answerDeadline;
  private final Duration exchangeDeadline;

  /**
   * A handler lending instances from {@code pool} and running them on {@code guestThreads}
   * (platform threads: a guest stuck in a loop must not pin a virtual thread's carrier).
   */
  public ExchangeHandler(
      GuestPool pool, Executor guestThreads, Duration answerDeadline, Duration exchangeDeadline) {
    this.pool = pool;
    this.guestThreads = guestThreads;
    this.answerDeadline = answerDeadline;
    this.exchangeDeadline = exchangeDeadline;
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) {
    long start = System.nanoTime();
    String requestLine = request.prologue().method().text() + " " + pathWithQuery(request);
    GuestPool.Lease lease;
    try {
      lease = pool.acquire();
    } catch (GuestInstantiationException e) {
      LOG.log(Level.ERROR, "cannot instantiate the app for " + requestLine, e);
      response.status(Status.SERVICE_UNAVAILABLE_503);
      response.headers().set(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
      response.send(
          ("the app could not be instantiated: " + e.getMessage() + "\n")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    HelidonResponseSink sink = new HelidonResponseSink(response);
    IncomingRequestData data = requestData(request);
    GuestCall call = GuestCall.start(guestThreads, () -> lease.invoker().handle(data, sink));
    boolean healthy = false;
    try {
      await(CompletableFuture.anyOf(sink.answered(), call.done()), answerDeadline);
      await(call.done(), exchangeDeadline.minusNanos(System.nanoTime() - start));
      healthy = !sink.aborted();
    } catch (TimeoutException e) {
      call.interrupt();
      boolean cut =
          sink.expire(
              Status.SERVICE_UNAVAILABLE_503,
              "the app did not answer within its deadline (" + deadlineText() + ")");
      LOG.log(Level.WARNING, requestLine + ": the app missed its deadline; instance discarded");
      if (cut) {
        throw new ExchangeAbortedException(requestLine + ": response cut at the deadline");
      }
    } catch (ExecutionException e) {
      // The guest trapped: the invoker already told the sink (500, or an aborted body).
      LOG.log(Level.WARNING, requestLine + ": the app trapped: " + e.getCause());
    } catch (InterruptedException e) {
      call.interrupt();
      Thread.currentThread().interrupt();
      sink.expire(Status.SERVICE_UNAVAILABLE_503, "the server is stopping");
    } finally {
      if (healthy) {
        lease.release();
      } else {
        lease.discard();
      }
    }
    if (sink.aborted()) {
      throw new ExchangeAbortedException(
          requestLine + ": the response body could not be completed");
    }
  }

  private String deadlineText() {
    return "answer "
        + answerDeadline.toMillis()
        + " ms, exchange "
        + exchangeDeadline.toMillis()
        + " ms";
  }

  private static void await(CompletableFuture<?> future, Duration timeout)
      throws TimeoutException, ExecutionException, InterruptedException {
    future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
  }

  private static IncomingRequestData requestData(ServerRequest request) {
    List<HttpField> headers = new ArrayList<>();
    for (Header header : request.headers()) {
      for (String value : header.allValues()) {
        headers.add(new HttpField(header.name(), value.getBytes(StandardCharsets.ISO_8859_1)));
      }
    }
    InputStream body =
        request.content().hasEntity()
            ? request.content().inputStream()
            : InputStream.nullInputStream();
    return new IncomingRequestData(
        request.prologue().method().text(),
        pathWithQuery(request),
        Optional.of(request.isSecure() ? "https" : "http"),
        Optional.of(request.authority()),
        headers,
        body);
  }

  private static String pathWithQuery(ServerRequest request) {
    String path = request.prologue().uriPath().rawPath();
    String query = request.prologue().query().rawValue();
    return query.isEmpty() ? path : path + "?" + query;
  }
}
