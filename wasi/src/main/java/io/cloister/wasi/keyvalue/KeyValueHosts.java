package io.cloister.wasi.keyvalue;

import io.cloister.component.link.Linker;
import io.cloister.wasi.ResourceTable;
import java.util.function.Function;

/**
 * One instance's {@code wasi:keyvalue} hosts, {@code @0.2.0-draft} and {@code @0.2.0-draft2}
 * (store, atomics, batch), over the same {@link KeyValueBuckets}: a component importing either
 * draft sees the same data.
 */
public final class KeyValueHosts {
  private final DraftHost draft;
  private final Draft2Host draft2;

  /** Buckets opened from {@code buckets}, their handles (and draft2's cas) in {@code table}. */
  public KeyValueHosts(ResourceTable table, KeyValueBuckets buckets) {
    this.draft = new DraftHost(table, buckets);
    this.draft2 = new Draft2Host(table, buckets);
  }

  /**
   * Defines both drafts' interfaces on {@code linker}, with their WIT types; each call goes to the
   * hosts {@code hosts} gives for the calling instance's state.
   */
  public static <T> void define(Linker<T> linker, Function<? super T, KeyValueHosts> hosts) {
    Function<? super T, DraftHost> draft = s -> hosts.apply(s).draft;
    io.cloister.wasi.bindings.wasi.keyvalue.draft.StoreLink.define(linker, draft);
    io.cloister.wasi.bindings.wasi.keyvalue.draft.AtomicsLink.define(linker, draft);
    io.cloister.wasi.bindings.wasi.keyvalue.draft.BatchLink.define(linker, draft);
    Function<? super T, Draft2Host> draft2 = s -> hosts.apply(s).draft2;
    io.cloister.wasi.bindings.wasi.keyvalue.draft2.StoreLink.define(linker, draft2);
    io.cloister.wasi.bindings.wasi.keyvalue.draft2.AtomicsLink.define(linker, draft2);
    io.cloister.wasi.bindings.wasi.keyvalue.draft2.BatchLink.define(linker, draft2);
  }

  /** Defines both drafts' interfaces on {@code linker} as denied to every instance. */
  public static <T> void deny(Linker<T> linker) {
    io.cloister.wasi.bindings.wasi.keyvalue.draft.StoreLink.deny(linker);
    io.cloister.wasi.bindings.wasi.keyvalue.draft.AtomicsLink.deny(linker);
    io.cloister.wasi.bindings.wasi.keyvalue.draft.BatchLink.deny(linker);
    io.cloister.wasi.bindings.wasi.keyvalue.draft2.StoreLink.deny(linker);
    io.cloister.wasi.bindings.wasi.keyvalue.draft2.AtomicsLink.deny(linker);
    io.cloister.wasi.bindings.wasi.keyvalue.draft2.BatchLink.deny(linker);
  }

  DraftHost draft() {
    return draft;
  }

  Draft2Host draft2() {
    return draft2;
  }
}
