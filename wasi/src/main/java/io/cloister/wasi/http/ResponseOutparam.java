package io.cloister.wasi.http;

import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@code wasi:http/types.response-outparam} resource: where the guest puts its answer to an
 * incoming request. {@code set} takes ownership of the outparam, so it happens at most once.
 */
public final class ResponseOutparam {
  private final Consumer<Answer> receiver;
  private boolean set;

  /** The guest's answer: a response, or an error code instead of one. */
  public sealed interface Answer {
    /** {@code ok(response)}. */
    record Response(OutgoingResponse response) implements Answer {}

    /** {@code err(code)}. */
    record Error(ErrorCode code) implements Answer {}
  }

  /** An outparam that hands the answer to {@code receiver} (the handler invoker). */
  public ResponseOutparam(Consumer<Answer> receiver) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
  }

  /** {@code set}. */
  public void set(Answer answer) {
    synchronized (this) {
      if (set) {
        throw new IllegalStateException("response-outparam already set");
      }
      set = true;
    }
    receiver.accept(answer);
  }
}
