package io.cloister.component.fuzz;

/** What the fuzzer feeds its inputs to, and which failures are a correct, typed rejection. */
public interface FuzzTarget {
  /** Processes one input; returns normally if it was accepted. */
  void accept(byte[] input) throws Exception;

  /** Whether {@code failure} is the typed error the target promises for bad input (not a finding). */
  boolean isTypedRejection(Throwable failure);
}
