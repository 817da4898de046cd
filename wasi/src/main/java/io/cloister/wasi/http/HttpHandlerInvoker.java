package io.cloister.wasi.http;

import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.io.DeferredFlushes;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Calls a guest's incoming handler for one HTTP request: the entry point the HTTP server uses.
 *
 * <p>The host creates an {@code incoming-request} and a {@code response-outparam}, calls the
 * guest's {@code handle}, and delivers what the guest sets to a {@link ResponseSink}, all on the
 * calling thread: the response starts when the guest sets it and its body goes to the sink as the
 * guest writes it (see {@link OutgoingBody}); the request body is read only when the guest takes it
 * (see {@link IncomingBody}). Bodies of any size pass in constant memory.
 *
 * <p>One invoker serves one request at a time (a component instance is single-threaded); the server
 * pools instances for parallel requests.
 */
public final class HttpHandlerInvoker {
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
    IncomingBody body = new IncomingBody(request.body());
    IncomingRequest incoming =
        new IncomingRequest(
            new Method(request.method()),
            Optional.of(request.pathWithQuery()),
            request.scheme().map(Scheme::new),
            request.authority(),
            Fields.received(request.headers()),
            body);

    Answered answered = new Answered(sink);
    try (DeferredFlushes.Scope flushes = DeferredFlushes.open()) {
      guest.handle(incoming, new ResponseOutparam(answered));
    } catch (RuntimeException | Error trap) {
      switch (answered.answer) {
        case ResponseOutparam.Answer.Response r -> r.response().endOfHandler();
        case null, default ->
            sink.fail(new ErrorCode.InternalError(Optional.of("the handler trapped: " + trap.getMessage())));
      }
      throw trap;
    } finally {
      body.close();
    }
    switch (answered.answer) {
      case null -> sink.fail(new ErrorCode.InternalError(Optional.of("the handler returned without setting a response")));
      case ResponseOutparam.Answer.Error e -> sink.fail(e.code());
      case ResponseOutparam.Answer.Response r -> r.response().endOfHandler();
    }
  }

  /** Receives the guest's answer on the guest's thread; a response starts on the sink at once. */
  private static final class Answered implements Consumer<ResponseOutparam.Answer> {
    private final ResponseSink sink;
    private ResponseOutparam.Answer answer;

    Answered(ResponseSink sink) {
      this.sink = sink;
    }

    @Override
    public void accept(ResponseOutparam.Answer a) {
      answer = a;
      if (a instanceof ResponseOutparam.Answer.Response r) {
        r.response().deliverTo(sink);
      }
    }
  }
}
