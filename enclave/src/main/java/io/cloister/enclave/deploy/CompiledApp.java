package io.cloister.enclave.deploy;

import io.cloister.component.runtime.Component;
import io.cloister.serve.guest.GuestFactory;
import io.cloister.wasi.WasiHost;
import java.util.Optional;

/**
 * An app compiled and linked, ready to mount: its component (for its exported functions), its WASI
 * configuration, and the instances of its incoming handler when it has one and may serve HTTP.
 */
public record CompiledApp(Component component, WasiHost host, Optional<GuestFactory> http) {
  /** {@code http} or {@code rpc}: how the app is reached. */
  public String serving() {
    return http.isPresent() ? "http" : "rpc";
  }
}
