package io.cloister.wasi.keyvalue;

import io.cloister.component.bind.Borrow;
import io.cloister.component.bind.Own;
import io.cloister.component.bind.Result;
import io.cloister.component.bind.Tuple2;
import io.cloister.wasi.ResourceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the hosts of both wasi:keyvalue drafts share: every store, atomics and batch function whose
 * signature is the same in both, over one instance's table and one app's buckets. The methods are
 * named as the generated interfaces name them, so a draft's host only adds what differs: its error
 * cases, its {@code list-keys} cursors and (draft2) compare-and-swap.
 *
 * @param <B> the draft's {@code bucket} resource
 * @param <E> the draft's {@code store.error}
 */
abstract class KeyValueHost<B, E> {
  /**
   * A bucket as the guest holds it: the store, and the numbers handed out as 0.2.0-draft cursors
   * (unused in draft2, whose cursors are stateless).
   */
  record OpenBucket(KeyValueStore store, CursorBook cursors) {}

  /** A key-value operation that may fail with a {@link KeyValueException}. */
  @FunctionalInterface
  interface Op<T> {
    T run() throws KeyValueException;
  }

  /** A key-value operation without result that may fail with a {@link KeyValueException}. */
  @FunctionalInterface
  interface Action {
    void run() throws KeyValueException;
  }

  /** The key a draft's {@code list-keys} cursor continues after. */
  @FunctionalInterface
  interface After<C> {
    String key(OpenBucket bucket, C cursor) throws KeyValueException;
  }

  final ResourceTable table;
  private final KeyValueBuckets buckets;
  private final Supplier<E> noSuchStore;
  private final Supplier<E> accessDenied;
  private final Function<String, E> other;

  /** Hosts over {@code table} and {@code buckets}, answering errors with the draft's cases. */
  KeyValueHost(
      ResourceTable table,
      KeyValueBuckets buckets,
      Supplier<E> noSuchStore,
      Supplier<E> accessDenied,
      Function<String, E> other) {
    this.table = table;
    this.buckets = buckets;
    this.noSuchStore = noSuchStore;
    this.accessDenied = accessDenied;
    this.other = other;
  }

  /** The draft's {@code error} for {@code e}. */
  final E error(KeyValueError e) {
    return switch (e) {
      case KeyValueError.NoSuchStore n -> noSuchStore.get();
      case KeyValueError.AccessDenied d -> accessDenied.get();
      case KeyValueError.Other o -> other.apply(o.message());
    };
  }

  /** {@code op}'s value, or its failure as the draft's error: never a trap. */
  final <T> Result<T, E> result(Op<T> op) {
    try {
      return new Result.Ok<>(op.run());
    } catch (KeyValueException e) {
      return Result.err(error(e.error()));
    }
  }

  /** {@link #result} for an operation without a value. */
  final Result<Void, E> done(Action action) {
    return result(
        () -> {
          action.run();
          return null;
        });
  }

  final OpenBucket bucket(Borrow<B> handle) {
    return table.get(handle.rep(), OpenBucket.class);
  }

  final KeyValueStore store(Borrow<B> handle) {
    return bucket(handle).store();
  }

  /**
   * {@code list-keys} with the draft's cursors: {@code after} resolves a guest's cursor to the key
   * the store continues after, {@code issue} makes the guest's cursor for the store's next one.
   */
  final <C, R> Result<R, E> listKeys(
      Borrow<B> handle,
      Optional<C> cursor,
      After<C> after,
      BiFunction<OpenBucket, String, C> issue,
      BiFunction<List<String>, Optional<C>, R> response) {
    OpenBucket b = bucket(handle);
    return result(
        () -> {
          Optional<String> from =
              cursor.isEmpty() ? Optional.empty() : Optional.of(after.key(b, cursor.get()));
          KeyPage page = b.store().listKeys(from);
          return response.apply(page.keys(), page.cursor().map(k -> issue.apply(b, k)));
        });
  }

  /** {@code store.open}. */
  public Result<Own<B>, E> open(String identifier) {
    return result(
        () -> new Own<>(table.push(new OpenBucket(buckets.open(identifier), new CursorBook()))));
  }

  /** {@code bucket.get}. */
  public Result<Optional<byte[]>, E> bucketGet(Borrow<B> self, String key) {
    KeyValueStore store = store(self);
    return result(() -> store.get(key));
  }

  /** {@code bucket.set}. */
  public Result<Void, E> bucketSet(Borrow<B> self, String key, byte[] value) {
    KeyValueStore store = store(self);
    return done(() -> store.set(key, value));
  }

  /** {@code bucket.delete}. */
  public Result<Void, E> bucketDelete(Borrow<B> self, String key) {
    KeyValueStore store = store(self);
    return done(() -> store.delete(key));
  }

  /** {@code bucket.exists}. */
  public Result<Boolean, E> bucketExists(Borrow<B> self, String key) {
    KeyValueStore store = store(self);
    return result(() -> store.exists(key));
  }

  /** The guest dropped its bucket. */
  public void dropBucket(Own<B> handle) {
    table.delete(handle.rep(), OpenBucket.class);
  }

  /** {@code atomics.increment}: draft's {@code u64} and draft2's {@code s64} are the same bits. */
  public Result<Long, E> increment(Borrow<B> bucket, String key, long delta) {
    KeyValueStore store = store(bucket);
    return result(() -> store.increment(key, delta));
  }

  // batch: several keys in one call; set-many and delete-many are all-or-nothing where the store
  // can make them so (KeyValueStore.setMany), each key's operation is atomic everywhere

  /** {@code batch.get-many}: for each key, its key and value when present. */
  public Result<List<Optional<Tuple2<String, byte[]>>>, E> getMany(
      Borrow<B> bucket, List<String> keys) {
    KeyValueStore store = store(bucket);
    return result(
        () -> {
          List<Optional<Tuple2<String, byte[]>>> out = new ArrayList<>(keys.size());
          for (String key : keys) {
            out.add(store.get(key).map(v -> new Tuple2<>(key, v)));
          }
          return out;
        });
  }

  /** {@code batch.set-many}. */
  public Result<Void, E> setMany(Borrow<B> bucket, List<Tuple2<String, byte[]>> keyValues) {
    KeyValueStore store = store(bucket);
    return done(
        () ->
            store.setMany(
                keyValues.stream()
                    .<java.util.Map.Entry<String, byte[]>>map(
                        kv -> new java.util.AbstractMap.SimpleImmutableEntry<>(kv.v0(), kv.v1()))
                    .toList()));
  }

  /** {@code batch.delete-many}. */
  public Result<Void, E> deleteMany(Borrow<B> bucket, List<String> keys) {
    KeyValueStore store = store(bucket);
    return done(
        () -> store.deleteMany(keys));
  }
}
