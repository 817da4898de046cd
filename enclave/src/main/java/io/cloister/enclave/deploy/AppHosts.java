package io.cloister.enclave.deploy;

import io.cloister.enclave.logs.AppLogs;
import io.cloister.enclave.state.DeploymentRecord;
import io.cloister.wasi.Capability;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.keyvalue.FileKeyValueBuckets;
import java.nio.file.Path;

/**
 * Each app's WASI configuration: its name and version, its variables, its capabilities, its log
 * stream, and its own key-value directory (kept by name, so a redeploy keeps the data; sealed in
 * the next issue).
 */
public final class AppHosts {
  private final AppLogs logs;
  private final Path keyValueRoot;

  /** Apps log to {@code logs} and keep key-value data under {@code keyValueRoot/NAME}. */
  public AppHosts(AppLogs logs, Path keyValueRoot) {
    this.logs = logs;
    this.keyValueRoot = keyValueRoot;
  }

  /** The WASI configuration of the app {@code record} deploys. */
  public WasiHost hostFor(DeploymentRecord record) {
    WasiHost.Builder b =
        WasiHost.builder(record.name())
            .version(record.codeHashHex().substring(0, 12))
            .log(logs.of(record.name()))
            .capabilities(Capability.parseAll(record.capabilities()))
            .keyValue(new FileKeyValueBuckets(keyValueRoot.resolve(record.name())));
    record.spec().env().forEach(b::variable);
    return b.build();
  }
}
