package io.cloister.enclave.kv;

import io.cloister.enclave.state.SealingKey;
import io.cloister.wasi.keyvalue.KeyValueBuckets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The enclave's sealed key-value store: every app's buckets over one {@link HostStore}. An app's
 * encryption and MAC keys are derived from the sealing key and the app's name ({@code
 * kv/<app>/enc}, {@code kv/<app>/mac}), so a redeploy keeps its data and no other app, whatever
 * bucket and key names it uses, can name, read or list it. There is one {@link SealedStore} per
 * app and bucket for the whole enclave, so two versions of an app running side by side during a
 * redeploy still never lose an update.
 */
public final class SealedKeyValue {
  private record Bucket(String app, String bucket) {}

  private final HostStore host;
  private final SealingKey sealing;
  private final BiConsumer<String, String> tampering;
  private final Map<Bucket, SealedStore> stores = new ConcurrentHashMap<>();

  /**
   * Sealed buckets in {@code host}; each record that fails to authenticate is reported to {@code
   * tampering} with its app and what was found.
   */
  public SealedKeyValue(HostStore host, SealingKey sealing, BiConsumer<String, String> tampering) {
    this.host = host;
    this.sealing = sealing;
    this.tampering = tampering;
  }

  /** The buckets of the app {@code app}. */
  public KeyValueBuckets buckets(String app) {
    byte[] enc = sealing.derive("kv/" + app + "/enc");
    byte[] mac = sealing.derive("kv/" + app + "/mac");
    return identifier ->
        stores.computeIfAbsent(
            new Bucket(app, identifier),
            b -> new SealedStore(app, identifier, host, enc, mac, m -> tampering.accept(app, m)));
  }
}
