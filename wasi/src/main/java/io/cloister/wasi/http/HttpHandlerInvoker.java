package io.cloister.wasi.http;

import io.cloister.wasi.io.BytePipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls a guest's incoming handler for one HTTP request: the entry point the HTTP server uses.
 *
 * <p>The host creates an {@code incoming-request} and a {@code response-outparam}, calls the
 * guest's {@code handle}, and delivers what the guest sets to a {@link ResponseSink}. Bodies stream
 * both ways through bounded pipes of {@link #REQUEST_BODY_BUFFER} and {@link
 * OutgoingResponse#BODY_BUFFER} bytes, each pumped by a virtual thread, so a body of any size
 * passes in constant memory and the guest may keep writing its body after setting the response.
 *
 * <p>One invoker serves one request at a time (a component instance is single-threaded); the server
 * pools instances for parallel requests.
 */
public final class HttpHandlerInvoker {
  /** Bytes of request body read ahead of the guest at most. */
  public static final int REQUEST_BODY_BUFFER = 64 * 1024;

  private final IncomingHandler guest;

  /** An invoker calling {@code guest}. */
  public HttpHandlerInvoker(IncomingHandler guest) {
    this.guest = guest;
  }

  /**
   * Handles {@code request}, delivering the response to {@code sink}; returns once the response was
   * completely delivered, aborted or failed. If the guest traps, the sink learns it first ({@code
   * fail} or {@code abort}) and the trap is rethrown: the instance must then be discarded.
   */
  public synchronized void handle(IncomingRequestData request, ResponseSink sink) {
    BytePipe requestPipe = new BytePipe(REQUEST_BODY_BUFFER);
    FutureTrailers requestTrailers = new FutureTrailers();
    Thread.ofVirtual()
        .name("request-body-pump")
        .start(() -> pumpRequestBody(request.body(), requestPipe, requestTrailers));

    IncomingRequest incoming =
        new IncomingRequest(
            new Method(request.method()),
            Optional.of(request.pathWithQuery()),
            request.scheme().map(Scheme::new),
            request.authority(),
            Fields.received(request.headers()),
            new IncomingBody(requestPipe, requestTrailers));

    AtomicReference<ResponseOutparam.Answer> answer = new AtomicReference<>();
    AtomicReference<Thread> pump = new AtomicReference<>();
    ResponseOutparam out =
        new ResponseOutparam(
            a -> {
              answer.set(a);
              if (a instanceof ResponseOutparam.Answer.Response r) {
                pump.set(
                    Thread.ofVirtual()
                        .name("response-body-pump")
                        .start(() -> pumpResponse(r.response(), sink)));
              }
            });
    try {
      guest.handle(incoming, out);
    } catch (RuntimeException | Error trap) {
      if (answer.get() instanceof ResponseOutparam.Answer.Response r) {
        r.response().endOfHandler();
        awaitDelivery(pump.get(), r.response());
      } else {
        sink.fail(ErrorCode.internal("the handler trapped: " + trap.getMessage()));
      }
      throw trap;
    } finally {
      requestPipe.abandon();
    }
    switch (answer.get()) {
      case null -> sink.fail(ErrorCode.internal("the handler returned without setting a response"));
      case ResponseOutparam.Answer.Error e -> sink.fail(e.code());
      case ResponseOutparam.Answer.Response r -> {
        r.response().endOfHandler();
        awaitDelivery(pump.get(), r.response());
      }
    }
  }

  private static void pumpRequestBody(InputStream body, BytePipe pipe, FutureTrailers trailers) {
    try (OutputStream to = pipe.asOutputStream()) {
      body.transferTo(to);
    } catch (IOException e) {
      // Either the guest stopped reading (the pipe is abandoned) or the client's stream broke.
      pipe.fail(
          new HttpIoError(
              ErrorCode.of(ErrorCode.Kind.CONNECTION_TERMINATED),
              "request body: " + e.getMessage()));
    } finally {
      trailers.complete(Optional.empty());
    }
  }

  private static void pumpResponse(OutgoingResponse response, ResponseSink sink) {
    BytePipe pipe = response.bodyPipe();
    try (InputStream body = pipe.asInputStream()) {
      OutputStream to = sink.start(response.statusCode(), response.headers().entries());
      body.transferTo(to);
      List<HttpField> trailers = response.trailers().map(Fields::entries).orElse(List.of());
      sink.complete(trailers);
    } catch (IOException e) {
      sink.abort(e);
    }
  }

  /**
   * Waits until the response body was delivered. If the calling thread is interrupted (a deadline
   * of the server), the delivery is cut short: the body fails and the pump is interrupted, so the
   * sink gets {@code abort}; the interrupt status is kept.
   */
  private static void awaitDelivery(Thread pump, OutgoingResponse response) {
    try {
      pump.join();
    } catch (InterruptedException e) {
      response
          .bodyPipe()
          .fail(
              new HttpIoError(
                  ErrorCode.of(ErrorCode.Kind.HTTP_RESPONSE_TIMEOUT),
                  "response delivery interrupted"));
      pump.interrupt();
      boolean done = false;
      while (!done) {
        try {
          pump.join();
          done = true;
        } catch (InterruptedException again) {
          // keep waiting: the pump ends promptly now that its pipe failed
        }
      }
      Thread.currentThread().interrupt();
    }
  }
}
