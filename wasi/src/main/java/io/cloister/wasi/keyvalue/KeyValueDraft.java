package io.cloister.wasi.keyvalue;

import io.cloister.component.values.Value;
import io.cloister.wasi.link.Args;
import io.cloister.wasi.link.Results;

/**
 * What differs between the wasi:keyvalue drafts bound here: the package version, the type of {@code
 * list-keys} cursors and the counter type of {@code atomics.increment}. Everything else, storage
 * included, is shared.
 */
sealed interface KeyValueDraft {

  /** The package version, e.g. {@code 0.2.0-draft}. */
  String version();

  /** The key a guest's {@code list-keys} cursor continues after. */
  String after(KeyValueLink.BucketHandle bucket, Value cursor) throws KeyValueException;

  /** The guest's cursor for continuing after {@code lastKey}. */
  Value cursor(KeyValueLink.BucketHandle bucket, String lastKey);

  /** A counter as {@code increment} returns it. */
  Value counter(long value);

  /** The interface {@code name} of this draft, e.g. {@code wasi:keyvalue/store@0.2.0-draft}. */
  default String iface(String name) {
    return "wasi:keyvalue/" + name + "@" + version();
  }

  /**
   * {@code 0.2.0-draft}: {@code u64} cursors, numbers standing for keys per bucket handle ({@link
   * CursorBook}); {@code u64} counters.
   */
  record Draft() implements KeyValueDraft {
    @Override
    public String version() {
      return "0.2.0-draft";
    }

    @Override
    public String after(KeyValueLink.BucketHandle bucket, Value cursor) throws KeyValueException {
      return bucket.cursors().resolve(Args.u64(cursor));
    }

    @Override
    public Value cursor(KeyValueLink.BucketHandle bucket, String lastKey) {
      return Results.u64(bucket.cursors().issue(lastKey));
    }

    @Override
    public Value counter(long value) {
      return Results.u64(value);
    }
  }

  /** {@code 0.2.0-draft2}: {@code string} cursors ({@link KeyCursor}); {@code s64} counters. */
  record Draft2() implements KeyValueDraft {
    @Override
    public String version() {
      return "0.2.0-draft2";
    }

    @Override
    public String after(KeyValueLink.BucketHandle bucket, Value cursor) throws KeyValueException {
      return KeyCursor.decode(Args.str(cursor));
    }

    @Override
    public Value cursor(KeyValueLink.BucketHandle bucket, String lastKey) {
      return Results.str(KeyCursor.encode(lastKey));
    }

    @Override
    public Value counter(long value) {
      return Results.s64(value);
    }
  }
}
