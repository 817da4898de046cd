package io.cloister.enclave.kv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * {@link HostStore} on an embedded RocksDB: every write goes through the WAL, synced before it
 * returns ({@code WriteOptions.sync}), so a write the app was told succeeded survives {@code kill
 * -9} and a power cut.
 */
public final class RocksHostStore implements HostStore {
  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final Options options;
  private final WriteOptions durable;

  private RocksHostStore(RocksDB db, Options options, WriteOptions durable) {
    this.db = db;
    this.options = options;
    this.durable = durable;
  }

  /** Opens (creating) the database in {@code dir}. */
  public static RocksHostStore open(Path dir) throws HostStoreException {
    Options options = new Options().setCreateIfMissing(true);
    try {
      Files.createDirectories(dir);
      RocksDB db = RocksDB.open(options, dir.toString());
      return new RocksHostStore(db, options, new WriteOptions().setSync(true));
    } catch (RocksDBException | java.io.IOException e) {
      options.close();
      throw new HostStoreException("cannot open the key-value database in " + dir + ": " + e, e);
    }
  }

  @Override
  public Optional<byte[]> get(byte[] key) throws HostStoreException {
    try {
      return Optional.ofNullable(db.get(key));
    } catch (RocksDBException e) {
      throw new HostStoreException("cannot read from the key-value database: " + e, e);
    }
  }

  @Override
  public void put(byte[] key, byte[] value) throws HostStoreException {
    try {
      db.put(durable, key, value);
    } catch (RocksDBException e) {
      throw new HostStoreException("cannot write to the key-value database: " + e, e);
    }
  }

  @Override
  public void delete(byte[] key) throws HostStoreException {
    try {
      db.delete(durable, key);
    } catch (RocksDBException e) {
      throw new HostStoreException("cannot delete from the key-value database: " + e, e);
    }
  }

  @Override
  public void write(List<Write> batch) throws HostStoreException {
    try (WriteBatch b = new WriteBatch()) {
      for (Write w : batch) {
        if (w.value() == null) {
          b.delete(w.key());
        } else {
          b.put(w.key(), w.value());
        }
      }
      db.write(durable, b);
    } catch (RocksDBException e) {
      throw new HostStoreException("cannot write a batch to the key-value database: " + e, e);
    }
  }

  @Override
  public List<Map.Entry<byte[], byte[]>> scan(byte[] prefix) {
    List<Map.Entry<byte[], byte[]>> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator()) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        byte[] k = it.key();
        if (k.length < prefix.length || !Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
          break;
        }
        out.add(new AbstractMap.SimpleImmutableEntry<>(k, it.value()));
      }
    }
    return out;
  }

  @Override
  public void close() {
    durable.close();
    db.close();
    options.close();
  }
}
