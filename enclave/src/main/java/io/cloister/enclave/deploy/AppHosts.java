package io.cloister.enclave.deploy;

import io.cloister.enclave.logs.AppLogs;
import io.cloister.enclave.state.DeploymentRecord;
import io.cloister.wasi.Capability;
import io.cloister.wasi.WasiHost;
import io.cloister.enclave.kv.SealedKeyValue;

/**
 * Each app's WASI configuration: its name and version, its variables, its capabilities, its log
 * stream, and its own buckets in the sealed key-value store (kept by name, so a redeploy keeps
 * the data).
 */
public final class AppHosts {
  private final AppLogs logs;
  private final SealedKeyValue keyValue;

  /** Apps log to {@code logs} and keep key-value data, by name, in {@code keyValue}. */
  public AppHosts(AppLogs logs, SealedKeyValue keyValue) {
    this.logs = logs;
    this.keyValue = keyValue;
  }

  /** The WASI configuration of the app {@code record} deploys. */
  public WasiHost hostFor(DeploymentRecord record) {
    WasiHost.Builder b =
        WasiHost.builder(record.name())
            .version(record.codeHashHex().substring(0, 12))
            .log(logs.of(record.name()))
            .capabilities(Capability.parseAll(record.capabilities()))
            .keyValue(keyValue.buckets(record.name()));
    record.spec().env().forEach(b::variable);
    return b.build();
  }
}
