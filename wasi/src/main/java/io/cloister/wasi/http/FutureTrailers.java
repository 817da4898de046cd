package io.cloister.wasi.http;

import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.io.Pollable;
import io.cloister.wasi.io.ReadySignal;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code wasi:http/types.future-trailers} resource: the trailers that arrive after a body, or
 * the error that ended it. Completed by the host once; read by the guest once.
 */
public final class FutureTrailers {
  private final ReadySignal signal = new ReadySignal();
  private Outcome outcome;
  private boolean taken;

  /** What {@code get} returns once ready (the inner {@code result}) or after it was taken. */
  public sealed interface Outcome {
    /** {@code ok(ok(trailers))}. */
    record Trailers(Optional<Fields> trailers) implements Outcome {
      public Trailers {
        Objects.requireNonNull(trailers, "trailers");
      }
    }

    /** {@code ok(err(code))}. */
    record Failed(ErrorCode code) implements Outcome {}

    /** {@code err}: the value was already taken by an earlier {@code get}. */
    record AlreadyTaken() implements Outcome {}
  }

  /** Resolves with {@code trailers} (none, or immutable fields); later completions are ignored. */
  public void complete(Optional<Fields> trailers) {
    resolve(new Outcome.Trailers(trailers.map(Fields::frozen)));
  }

  /** Resolves with an error; later completions are ignored. */
  public void fail(ErrorCode code) {
    resolve(new Outcome.Failed(code));
  }

  private void resolve(Outcome o) {
    synchronized (this) {
      if (outcome != null) {
        return;
      }
      outcome = o;
    }
    signal.raise();
  }

  /** {@code get}: empty while pending; then the outcome once, then {@code AlreadyTaken}. */
  public synchronized Optional<Outcome> get() {
    if (outcome == null) {
      return Optional.empty();
    }
    if (taken) {
      return Optional.of(new Outcome.AlreadyTaken());
    }
    taken = true;
    return Optional.of(outcome);
  }

  /** {@code subscribe}: ready once resolved. */
  public Pollable subscribe() {
    return new Pollable() {
      @Override
      public boolean ready() {
        synchronized (FutureTrailers.this) {
          return outcome != null;
        }
      }

      @Override
      public ReadySignal signal() {
        return signal;
      }
    };
  }
}
