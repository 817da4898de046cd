package io.cloister.serve.exchange;

import io.cloister.serve.guest.GuestInstantiationException;
import io.cloister.serve.guest.GuestPool;
import io.cloister.serve.metrics.AppMetrics;
import io.cloister.serve.metrics.GuestError;
import io.cloister.wasi.http.HttpField;
import io.cloister.wasi.http.IncomingRequestData;
import io.cloister.wasi.io.DeferredFlushes;
import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
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
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One app's exchanges: maps each request routed to it onto the guest's incoming handler under two
 * deadlines, one until the guest answers (starts a response or fails) and one for the whole
 * exchange. A guest that misses either is interrupted and its instance discarded; the client gets
 * 503 when nothing was sent yet, a cut connection otherwise. A trapped guest or one that never sets
 * a response gets 500.
 *
 * <p>The guest runs on the request's own virtual thread while the app's share of the server's
 * {@link CarrierBudget} allows
 * (no hand-off: the fast path), watched by the {@link DeadlineWatchdog}; beyond the budget it runs
 * on a platform thread of its own while the request's thread waits, and a guest that ignores the
 * interrupt there is abandoned rather than waited for.
 *
 * <p>A request body may pause for at most the body silence per read ({@link
 * SilenceLimitedInputStream}). What the app left of a body is read away after the response, up to
 * {@link #DRAIN_LIMIT} bytes within one body silence, so the connection can serve another request;
 * a longer or slower rest closes the connection instead. Helidon would drain it without bounds, for
 * as long as its client cares to send.
 */
public final class ExchangeHandler implements AutoCloseable {
  /** The header telling an app under a route prefix what the prefix was. */
  public static final String FORWARDED_PREFIX = "x-forwarded-prefix";

  private static final System.Logger LOG = System.getLogger(ExchangeHandler.class.getName());
  /** How much of a body its app left unread is read away to keep the connection (Go's bound). */
  public static final int DRAIN_LIMIT = 256 * 1024;

  private final GuestPool pool;
  private final ServerResources shared;
  private final CarrierBudget.Share carriers;
  private final DeadlineWatchdog watchdog;
  private final Duration answerDeadline;
  private final Duration exchangeDeadline;
  private final Duration bodySilence;
  private final long maxPayloadSize;
  private final AppMetrics metrics;

  /**
   * A handler lending instances from {@code pool} under {@code rules}, taking a share of the
   * server's {@code shared} carriers, watchdog and guest threads, and counting guest errors in
   * {@code metrics}.
   */
  public ExchangeHandler(
      GuestPool pool, ServerResources shared, ExchangeRules rules, AppMetrics metrics) {
    this.pool = pool;
    this.shared = shared;
    this.carriers = shared.carriers().share();
    this.watchdog = shared.watchdog();
    this.answerDeadline = rules.answerDeadline();
    this.exchangeDeadline = rules.exchangeDeadline();
    this.bodySilence = rules.bodySilence();
    this.maxPayloadSize = rules.maxPayloadSize();
    this.metrics = metrics;
  }

  /** Gives the app's carrier share back to the others. */
  @Override
  public void close() {
    carriers.close();
  }

  /**
   * Serves {@code request} with the guest, which sees {@code target} (path and query) as its path
   * and, when {@code prefix} is not empty, the route prefix it was reached under in {@link
   * #FORWARDED_PREFIX}.
   */
  public void handle(
      ServerRequest request, ServerResponse response, String prefix, String target) {
    long start = System.nanoTime();
    if (maxPayloadSize >= 0 && request.headers().contentLength().orElse(0) > maxPayloadSize) {
      response.status(Status.REQUEST_ENTITY_TOO_LARGE_413);
      response.header(HeaderValues.CONNECTION_CLOSE);
      response.headers().set(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
      response.send(
          ("the request body is over the app's limit of " + maxPayloadSize + " bytes\n")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    GuestPool.Lease lease;
    try {
      lease = pool.acquire();
    } catch (GuestInstantiationException e) {
      metrics.guestError(GuestError.INSTANTIATION);
      LOG.log(Level.ERROR, "cannot instantiate the app for " + requestLine(request), e);
      response.status(Status.SERVICE_UNAVAILABLE_503);
      response.headers().set(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
      response.send(
          ("the app could not be instantiated: " + e.getMessage() + "\n")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    HelidonResponseSink sink = new HelidonResponseSink(response);
    Optional<SilenceLimitedInputStream> body =
        request.content().hasEntity()
            ? Optional.of(
                new SilenceLimitedInputStream(
                    request.content().inputStream(), watchdog, bodySilence, maxPayloadSize))
            : Optional.empty();
    IncomingRequestData data = requestData(request, prefix, target, body);
    boolean healthy = false;
    // A small response is written when this scope closes, after the guest's carrier place and
    // instance were given back: the socket write is the longest part of a small exchange.
    try (DeferredFlushes.Scope flushes = DeferredFlushes.open()) {
      try {
        if (carriers.tryEnter()) {
          try {
            healthy = runHere(lease, data, sink, request, start);
          } finally {
            carriers.exit();
          }
        } else {
          healthy = runOnGuestThread(lease, data, sink, request, start);
        }
      } finally {
        if (healthy) {
          lease.release();
        } else {
          lease.discard();
        }
      }
    }
    if (sink.aborted()) {
      throw new ExchangeAbortedException(
          requestLine(request) + ": the response body could not be completed");
    }
    if (body.isPresent()
        && !request.content().consumed()
        && !body.get().drain(DRAIN_LIMIT, System.nanoTime() + bodySilence.toNanos())) {
      throw new CloseConnectionException(
          requestLine(request)
              + ": the rest of the request body the app left unread was over "
              + DRAIN_LIMIT
              + " bytes or too slow to read away; connection closed");
    }
  }

  /** The fast path: the guest runs on this (the request's) thread. Returns whether it is healthy. */
  private boolean runHere(
      GuestPool.Lease lease,
      IncomingRequestData data,
      HelidonResponseSink sink,
      ServerRequest request,
      long start) {
    DeadlineWatchdog.Watch watch =
        watchdog.watch(sink, start, answerDeadline, exchangeDeadline, lease::interrupt);
    boolean trapped = false;
    try {
      lease.invoker().handle(data, sink);
    } catch (RuntimeException | Error trap) {
      // Error too: a guest whose memory growth exhausts the heap is discarded, which frees it.
      trapped = true;
      if (!watch.fired()) {
        metrics.guestError(GuestError.TRAP);
        LOG.log(Level.WARNING, requestLine(request) + ": the app trapped: " + trap);
      }
    } finally {
      watch.close();
    }
    if (watch.fired()) {
      missedDeadline(sink, request);
      return false;
    }
    return !trapped && !sink.aborted();
  }

  /** Beyond the carrier budget: the guest runs on a platform thread while this one waits. */
  private boolean runOnGuestThread(
      GuestPool.Lease lease,
      IncomingRequestData data,
      HelidonResponseSink sink,
      ServerRequest request,
      long start) {
    GuestCall call =
        GuestCall.start(
            shared.guestThreads(), () -> lease.invoker().handle(data, sink), lease::interrupt);
    try {
      await(CompletableFuture.anyOf(sink.answered(), call.done()), answerDeadline);
      await(call.done(), exchangeDeadline.minusNanos(System.nanoTime() - start));
      return !sink.aborted();
    } catch (TimeoutException e) {
      // Overdue first, as the watchdog does on the fast path: the interrupted guest traps at once
      // and would otherwise answer its own 500 from its interrupted thread, racing the 503 below;
      // when that write failed midway, the 503 found the response already sent, Helidon logged
      // the IllegalStateException's stack trace and the client got no answer at all.
      sink.overdue();
      call.interrupt();
      missedDeadline(sink, request);
    } catch (ExecutionException e) {
      // The guest trapped: the invoker already told the sink (500, or an aborted body).
      metrics.guestError(GuestError.TRAP);
      LOG.log(Level.WARNING, requestLine(request) + ": the app trapped: " + e.getCause());
    } catch (InterruptedException e) {
      sink.overdue();
      call.interrupt();
      Thread.currentThread().interrupt();
      sink.expire(Status.SERVICE_UNAVAILABLE_503, "the server is stopping");
    }
    return false;
  }

  private void missedDeadline(HelidonResponseSink sink, ServerRequest request) {
    metrics.guestError(GuestError.DEADLINE);
    boolean cut =
        sink.expire(
            Status.SERVICE_UNAVAILABLE_503,
            "the app did not answer within its deadline (" + deadlineText() + ")");
    LOG.log(
        Level.WARNING, requestLine(request) + ": the app missed its deadline; instance discarded");
    if (cut) {
      throw new ExchangeAbortedException(requestLine(request) + ": response cut at the deadline");
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

  private static IncomingRequestData requestData(
      ServerRequest request,
      String prefix,
      String target,
      Optional<SilenceLimitedInputStream> body) {
    List<HttpField> headers = new ArrayList<>();
    for (Header header : request.headers()) {
      // The client's own prefix header would let it tell the app a prefix it was not reached by.
      if (header.name().toLowerCase(Locale.ROOT).equals(FORWARDED_PREFIX)) {
        continue;
      }
      for (String value : header.allValues()) {
        headers.add(new HttpField(header.name(), value.getBytes(StandardCharsets.ISO_8859_1)));
      }
    }
    if (!prefix.isEmpty()) {
      headers.add(new HttpField(FORWARDED_PREFIX, prefix.getBytes(StandardCharsets.US_ASCII)));
    }
    return new IncomingRequestData(
        request.prologue().method().text(),
        target,
        Optional.of(request.isSecure() ? "https" : "http"),
        Optional.of(request.authority()),
        headers,
        body.map(InputStream.class::cast));
  }

  private static String requestLine(ServerRequest request) {
    return request.prologue().method().text() + " " + pathWithQuery(request);
  }

  private static String pathWithQuery(ServerRequest request) {
    String path = request.prologue().uriPath().rawPath();
    String query = request.prologue().query().rawValue();
    return query.isEmpty() ? path : path + "?" + query;
  }
}
