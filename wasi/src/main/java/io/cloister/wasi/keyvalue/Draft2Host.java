package io.cloister.wasi.keyvalue;

import io.cloister.component.bind.Borrow;
import io.cloister.component.bind.Own;
import io.cloister.component.bind.Result;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.bindings.wasi.keyvalue.draft2.Atomics;
import io.cloister.wasi.bindings.wasi.keyvalue.draft2.Batch;
import io.cloister.wasi.bindings.wasi.keyvalue.draft2.Store;
import java.util.Optional;

/**
 * {@code wasi:keyvalue@0.2.0-draft2} store, atomics and batch. Its {@code list-keys} cursors are
 * stateless strings ({@link KeyCursor}); its {@code atomics.cas} is a compare-and-swap over {@link
 * KeyValueStore#compareAndSwap}.
 */
final class Draft2Host extends KeyValueHost<Store.Bucket, Store.Error>
    implements Store, Atomics, Batch {

  /** A compare-and-swap: the key and the value it had when the operation began. */
  private record CasOperation(KeyValueStore store, String key, Optional<byte[]> expected) {
    static CasOperation begin(KeyValueStore store, String key) throws KeyValueException {
      return new CasOperation(store, key, store.get(key));
    }
  }

  Draft2Host(ResourceTable table, KeyValueBuckets buckets) {
    super(
        table,
        buckets,
        Store.Error.NoSuchStore::new,
        Store.Error.AccessDenied::new,
        Store.Error.Other::new);
  }

  @Override
  public Result<KeyResponse, Store.Error> bucketListKeys(
      Borrow<Store.Bucket> self, Optional<String> cursor) {
    return listKeys(
        self,
        cursor,
        (b, c) -> KeyCursor.decode(c),
        (b, key) -> KeyCursor.encode(key),
        KeyResponse::new);
  }

  @Override
  public Result<Own<Cas>, Store.Error> casNew(Borrow<Store.Bucket> bucket, String key) {
    KeyValueStore store = store(bucket);
    return result(() -> new Own<>(table.push(CasOperation.begin(store, key))));
  }

  @Override
  public Result<Optional<byte[]>, Store.Error> casCurrent(Borrow<Cas> self) {
    return Result.ok(table.get(self.rep(), CasOperation.class).expected());
  }

  @Override
  public void dropCas(Own<Cas> handle) {
    table.delete(handle.rep(), CasOperation.class);
  }

  /**
   * Stores {@code value} if the key still has the operation's value; otherwise {@code cas-failed}
   * with a fresh operation that holds the current one, for the guest to retry.
   */
  @Override
  public Result<Void, CasError> swap(Own<Cas> cas, byte[] value) {
    // the guest handed its handle over: the operation is consumed either way
    CasOperation op = table.delete(cas.rep(), CasOperation.class);
    try {
      if (op.store().compareAndSwap(op.key(), op.expected(), value)) {
        return Result.ok();
      }
      return Result.err(
          new CasError.CasFailed(new Own<>(table.push(CasOperation.begin(op.store(), op.key())))));
    } catch (KeyValueException e) {
      return Result.err(new CasError.StoreError(error(e.error())));
    }
  }
}
