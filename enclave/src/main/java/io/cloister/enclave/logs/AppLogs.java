package io.cloister.enclave.logs;

import io.cloister.enclave.protocol.LogEntry;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Every app's {@link AppLogStream}, by name. A redeployed app keeps its stream (subscribers follow
 * it across versions); an undeployed app's stream stays readable until the name is reused.
 */
public final class AppLogs {
  private final ConcurrentHashMap<String, AppLogStream> streams = new ConcurrentHashMap<>();
  private final Consumer<LogEntry> host;

  /** Streams whose lines also go to {@code host}. */
  public AppLogs(Consumer<LogEntry> host) {
    this.host = host;
  }

  /** The stream of {@code app}, made on first use. */
  public AppLogStream of(String app) {
    return streams.computeIfAbsent(app, a -> new AppLogStream(a, host));
  }

  /** The stream of {@code app} if it ever logged or was deployed. */
  public Optional<AppLogStream> find(String app) {
    return Optional.ofNullable(streams.get(app));
  }
}
