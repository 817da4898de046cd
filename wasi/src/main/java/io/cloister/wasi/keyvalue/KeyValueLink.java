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
 * Binds {@code wasi:keyvalue@0.2.0-draft} and {@code @0.2.0-draft2} (store, atomics, batch) to host
 * definitions over the same {@link KeyValueBuckets}, so a component importing either draft sees the
 * same data. The drafts differ only in their ABI ({@link KeyValueDraft}) and in draft2's
 * compare-and-swap ({@code atomics.cas}, {@code atomics.swap}).
 */
public final class KeyValueLink {
  private static final KeyValueDraft DRAFT = new KeyValueDraft.Draft();
  private static final KeyValueDraft DRAFT2 = new KeyValueDraft.Draft2();

  /** {@code wasi:keyvalue/store@0.2.0-draft}. */
  public static final String STORE = DRAFT.iface("store");

  /** {@code wasi:keyvalue/atomics@0.2.0-draft}. */
  public static final String ATOMICS = DRAFT.iface("atomics");

  /** {@code wasi:keyvalue/batch@0.2.0-draft}. */
  public static final String BATCH = DRAFT.iface("batch");

  /** {@code wasi:keyvalue/store@0.2.0-draft2}. */
  public static final String STORE_DRAFT2 = DRAFT2.iface("store");

  /** {@code wasi:keyvalue/atomics@0.2.0-draft2}. */
  public static final String ATOMICS_DRAFT2 = DRAFT2.iface("atomics");

  /** {@code wasi:keyvalue/batch@0.2.0-draft2}. */
  public static final String BATCH_DRAFT2 = DRAFT2.iface("batch");

  private final Handles handles;
  private final KeyValueDraft draft;
  private final ResourceType bucket;

  private KeyValueLink(HostDefinitions defs, Handles handles, KeyValueDraft draft) {
    this.handles = handles;
    this.draft = draft;
    this.bucket =
        defs.resource(draft.iface("store"), "bucket", handles.dropper(BucketHandle.class));
  }

  /**
   * A bucket as the guest holds it: the store, and the numbers handed out as 0.2.0-draft cursors.
   */
  record BucketHandle(KeyValueStore store, CursorBook cursors) {}

  /** A draft2 compare-and-swap: the key and the value it had when the operation began. */
  private record CasHandle(KeyValueStore store, String key, Optional<byte[]> expected) {
    static CasHandle begin(KeyValueStore store, String key) throws KeyValueException {
      return new CasHandle(store, key, store.get(key));
    }
  }

  /** Defines both drafts' store, atomics and batch over {@code buckets}. */
  public static void register(HostDefinitions defs, Handles handles, KeyValueBuckets buckets) {
    new KeyValueLink(defs, handles, DRAFT).registerCommon(defs, buckets);
    KeyValueLink draft2 = new KeyValueLink(defs, handles, DRAFT2);
    draft2.registerCommon(defs, buckets);
    draft2.registerCas(defs);
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

  private void registerCommon(HostDefinitions defs, KeyValueBuckets buckets) {
    registerStore(defs, buckets);
    defs.function(
        draft.iface("atomics"),
        "increment",
        kv(a -> draft.counter(store(a).increment(Args.str(a.get(1)), Args.u64(a.get(2))))));
    registerBatch(defs);
  }

  private void registerStore(HostDefinitions defs, KeyValueBuckets buckets) {
    String iface = draft.iface("store");
    String m = "[method]bucket.";
    defs.function(
        iface,
        "open",
        kv(
            a ->
                handles.own(
                    bucket, new BucketHandle(buckets.open(Args.str(a.get(0))), new CursorBook()))));
    defs.function(
        iface,
        m + "get",
        kv(a -> Results.option(store(a).get(Args.str(a.get(1))).map(Results::bytes))));
    defs.function(
        iface,
        m + "set",
        kv(
            a -> {
              store(a).set(Args.str(a.get(1)), Args.bytes(a.get(2)));
              return null;
            }));
    defs.function(
        iface,
        m + "delete",
        kv(
            a -> {
              store(a).delete(Args.str(a.get(1)));
              return null;
            }));
    defs.function(iface, m + "exists", kv(a -> Results.bool(store(a).exists(Args.str(a.get(1))))));
    defs.function(
        iface,
        m + "list-keys",
        kv(
            a -> {
              BucketHandle b = handles.get(a.get(0), bucket, BucketHandle.class);
              Optional<Value> cursor = Args.option(a.get(1));
              KeyPage page =
                  b.store()
                      .listKeys(
                          cursor.isEmpty()
                              ? Optional.empty()
                              : Optional.of(draft.after(b, cursor.get())));
              Value next = Results.option(page.cursor().map(c -> draft.cursor(b, c)));
              return new Value.RecordValue(
                  List.of(Results.list(page.keys().stream().map(Results::str).toList()), next));
            }));
  }

  private void registerBatch(HostDefinitions defs) {
    String iface = draft.iface("batch");
    defs.function(
        iface,
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
        iface,
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
        iface,
        "delete-many",
        kv(
            a -> {
              BatchHost.deleteMany(store(a), Args.strings(a.get(1)));
              return null;
            }));
  }

  // draft2's atomics.cas resource and atomics.swap, over KeyValueStore.compareAndSwap
  private void registerCas(HostDefinitions defs) {
    String iface = draft.iface("atomics");
    ResourceType cas = defs.resource(iface, "cas", handles.dropper(CasHandle.class));
    defs.function(
        iface,
        "[static]cas.new",
        kv(a -> handles.own(cas, CasHandle.begin(store(a), Args.str(a.get(1))))));
    defs.function(
        iface,
        "[method]cas.current",
        kv(
            a ->
                Results.option(
                    handles.get(a.get(0), cas, CasHandle.class).expected().map(Results::bytes))));
    // cas-error: store-error(error) is case 0, cas-failed(cas) case 1 with a fresh operation
    defs.function(
        iface,
        "swap",
        a -> {
          CasHandle op = handles.take(a.get(0), cas, CasHandle.class);
          Value failure;
          try {
            if (op.store().compareAndSwap(op.key(), op.expected(), Args.bytes(a.get(1)))) {
              return Results.one(Results.ok());
            }
            failure = Results.variant(1, handles.own(cas, CasHandle.begin(op.store(), op.key())));
          } catch (KeyValueException e) {
            failure = Results.variant(0, error(e.error()));
          }
          return Results.one(Results.err(failure));
        });
  }

  private KeyValueStore store(List<Value> a) {
    return handles.get(a.get(0), bucket, BucketHandle.class).store();
  }
}
