package io.cloister.wasi.keyvalue;

import io.cloister.component.bind.Borrow;
import io.cloister.component.bind.Result;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.bindings.wasi.keyvalue.draft.Atomics;
import io.cloister.wasi.bindings.wasi.keyvalue.draft.Batch;
import io.cloister.wasi.bindings.wasi.keyvalue.draft.Store;
import java.util.Optional;

/**
 * {@code wasi:keyvalue@0.2.0-draft} store, atomics and batch. Its {@code list-keys} cursors are
 * {@code u64}: numbers each bucket handle hands out for the key the listing continues after ({@link
 * CursorBook}).
 */
final class DraftHost extends KeyValueHost<Store.Bucket, Store.Error>
    implements Store, Atomics, Batch {

  DraftHost(ResourceTable table, KeyValueBuckets buckets) {
    super(
        table,
        buckets,
        Store.Error.NoSuchStore::new,
        Store.Error.AccessDenied::new,
        Store.Error.Other::new);
  }

  @Override
  public Result<KeyResponse, Store.Error> bucketListKeys(
      Borrow<Store.Bucket> self, Optional<Long> cursor) {
    return listKeys(
        self,
        cursor,
        (b, n) -> b.cursors().resolve(n),
        (b, key) -> b.cursors().issue(key),
        KeyResponse::new);
  }
}
