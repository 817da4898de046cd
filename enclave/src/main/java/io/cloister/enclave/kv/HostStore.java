package io.cloister.enclave.kv;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The untrusted, host-side store of the sealed key-value store: opaque keys to opaque values. It
 * sees ciphertext only; what it must guarantee (durability of an acknowledged write, atomic single
 * writes, ordered prefix scans) is in docs/kv-store.md. Thread-safe.
 */
public interface HostStore extends AutoCloseable {

  /** The value under {@code key}, if any. */
  Optional<byte[]> get(byte[] key) throws HostStoreException;

  /** Stores {@code value} under {@code key}, durably before it returns. */
  void put(byte[] key, byte[] value) throws HostStoreException;

  /** Removes {@code key}, durably before it returns. */
  void delete(byte[] key) throws HostStoreException;

  /** One write of a batch: a put, or a delete when {@code value} is null. */
  record Write(byte[] key, byte[] value) {}

  /** Applies every write of {@code batch} atomically (all or none), durably before it returns. */
  void write(List<Write> batch) throws HostStoreException;

  /** Every entry whose key starts with {@code prefix}, in key order. */
  List<Map.Entry<byte[], byte[]>> scan(byte[] prefix) throws HostStoreException;

  @Override
  void close();

  /** The host store failed; the message says how. */
  final class HostStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure with its cause. */
    public HostStoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
