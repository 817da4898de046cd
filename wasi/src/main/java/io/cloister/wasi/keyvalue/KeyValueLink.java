package io.cloister.wasi.keyvalue;

import io.cloister.component.link.HostFunction;
import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import io.cloister.wasi.link.Args;
import io.cloister.wasi.link.Fallible;
import io.cloister.wasi.link.Handles;
import io.cloister.wasi.link.HostDefinitions;
import io.cloister.wasi.link.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds {@code wasi:keyvalue@0.2.0-draft} (store, atomics, batch) to host definitions. In that
 * draft {@code list-keys} cursors are {@code u64}; the store's cursors are keys, so the binding
 * hands out numbers that stand for them, per bucket handle ({@link CursorBook}).
 */
public final class KeyValueLink {
  /** {@code wasi:keyvalue/store}. */
  public static final String STORE = "wasi:keyvalue/store@0.2.0-draft";

  /** {@code wasi:keyvalue/atomics}. */
  public static final String ATOMICS = "wasi:keyvalue/atomics@0.2.0-draft";

  /** {@code wasi:keyvalue/batch}. */
  public static final String BATCH = "wasi:keyvalue/batch@0.2.0-draft";

  private final Handles handles;
  private ResourceType bucket;

  private KeyValueLink(Handles handles) {
    this.handles = handles;
  }

  /** A bucket as the guest holds it: the store and the cursors handed out for it. */
  static final class BucketHandle {
    final KeyValueStore store;
    final CursorBook cursors = new CursorBook();

    BucketHandle(KeyValueStore store) {
      this.store = store;
    }
  }

  /** Defines the three interfaces over {@code buckets}. */
  public static void register(HostDefinitions defs, Handles handles, KeyValueBuckets buckets) {
    KeyValueLink link = new KeyValueLink(handles);
    link.bucket = defs.resource(STORE, "bucket", handles.dropper(BucketHandle.class));
    link.registerStore(defs, buckets);
    link.registerAtomicsAndBatch(defs);
  }

  private static HostFunction kv(Fallible<KeyValueException> op) {
    return Fallible.toResult(KeyValueException.class, e -> error(e.error()), op);
  }

  private static Value error(KeyValueError e) {
    return switch (e) {
      case KeyValueError.NoSuchStore n -> Results.variant(0);
      case KeyValueError.AccessDenied d -> Results.variant(1);
      case KeyValueError.Other o -> Results.variant(2, Results.str(o.message()));
    };
  }

  private void registerStore(HostDefinitions defs, KeyValueBuckets buckets) {
    String m = "[method]bucket.";
    defs.function(
        STORE,
        "open",
        kv(a -> handles.own(bucket, new BucketHandle(buckets.open(Args.str(a.get(0)))))));
    defs.function(
        STORE,
        m + "get",
        kv(a -> Results.option(store(a).get(Args.str(a.get(1))).map(Results::bytes))));
    defs.function(
        STORE,
        m + "set",
        kv(
            a -> {
              store(a).set(Args.str(a.get(1)), Args.bytes(a.get(2)));
              return null;
            }));
    defs.function(
        STORE,
        m + "delete",
        kv(
            a -> {
              store(a).delete(Args.str(a.get(1)));
              return null;
            }));
    defs.function(STORE, m + "exists", kv(a -> Results.bool(store(a).exists(Args.str(a.get(1))))));
    defs.function(
        STORE,
        m + "list-keys",
        kv(
            a -> {
              BucketHandle b = handles.get(a.get(0), bucket, BucketHandle.class);
              Optional<Value> cursor = Args.option(a.get(1));
              Optional<String> after =
                  cursor.isEmpty()
                      ? Optional.empty()
                      : Optional.of(b.cursors.resolve(Args.u64(cursor.get())));
              KeyPage page = b.store.listKeys(after);
              Value next = Results.option(page.cursor().map(c -> Results.u64(b.cursors.issue(c))));
              return new Value.RecordValue(
                  List.of(Results.list(page.keys().stream().map(Results::str).toList()), next));
            }));
  }

  private void registerAtomicsAndBatch(HostDefinitions defs) {
    defs.function(
        ATOMICS,
        "increment",
        kv(a -> Results.u64(store(a).increment(Args.str(a.get(1)), Args.u64(a.get(2))))));
    defs.function(
        BATCH,
        "get-many",
        kv(
            a -> {
              List<Value> out = new ArrayList<>();
              for (Optional<Map.Entry<String, byte[]>> e :
                  BatchHost.getMany(store(a), Args.strings(a.get(1)))) {
                out.add(
                    Results.option(
                        e.map(
                            kvp ->
                                Results.tuple(
                                    Results.str(kvp.getKey()), Results.bytes(kvp.getValue())))));
              }
              return Results.list(out);
            }));
    defs.function(
        BATCH,
        "set-many",
        kv(
            a -> {
              List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
              for (Value v : Args.list(a.get(1))) {
                List<Value> t = Args.tuple(v);
                entries.add(Map.entry(Args.str(t.get(0)), Args.bytes(t.get(1))));
              }
              BatchHost.setMany(store(a), entries);
              return null;
            }));
    defs.function(
        BATCH,
        "delete-many",
        kv(
            a -> {
              BatchHost.deleteMany(store(a), Args.strings(a.get(1)));
              return null;
            }));
  }

  private KeyValueStore store(List<Value> a) {
    return handles.get(a.get(0), bucket, BucketHandle.class).store;
  }
}
