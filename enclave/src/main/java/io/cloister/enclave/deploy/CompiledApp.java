package io.cloister.enclave.deploy;

import io.cloister.component.link.InstancePre;
import io.cloister.component.runtime.Component;
import io.cloister.serve.guest.GuestFactory;
import io.cloister.wasi.WasiApp;
import io.cloister.wasi.WasiContext;
import java.util.Optional;

/**
 * An app compiled and linked, ready to mount: its component, its WASI linked once ({@code wasi},
 * {@code linked}: what calls of its exported functions instantiate), and the instances of its
 * incoming handler when it has one and may serve HTTP.
 */
public record CompiledApp(
    Component component,
    WasiApp wasi,
    InstancePre<WasiContext> linked,
    Optional<GuestFactory> http) {
  /** {@code http} or {@code rpc}: how the app is reached. */
  public String serving() {
    return http.isPresent() ? "http" : "rpc";
  }
}
