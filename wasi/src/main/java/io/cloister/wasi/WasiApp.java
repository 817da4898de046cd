package io.cloister.wasi;

import io.cloister.component.link.ComponentLinkException;
import io.cloister.component.link.InstancePre;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.wasi.http.IncomingHandlerExport;
import java.util.List;

/**
 * WASI linked once for one app: a {@link Linker} whose host state is each instance's {@link
 * WasiContext}. Components are type-checked against it once ({@link #prepare}); each instance then
 * only needs {@link #newContext()}. Thread-safe once built.
 */
public final class WasiApp {
  private final WasiHost host;
  private final Linker<WasiContext> linker = new Linker<>();
  private final IncomingHandlerExport incomingHandler;
  private final List<String> denied;

  private WasiApp(WasiHost host, Component unknownImportsOf) {
    this.host = host;
    WasiContext.define(linker, host.capabilities(), ctx -> ctx);
    this.incomingHandler = IncomingHandlerExport.of(linker);
    this.denied =
        unknownImportsOf == null
            ? List.of()
            : List.copyOf(
                linker.defineUnknownImports(
                    unknownImportsOf,
                    name ->
                        args -> {
                          throw new WasiTrap(name + " is not provided by this host");
                        }));
  }

  /** WASI for the app configured by {@code host}. */
  public static WasiApp of(WasiHost host) {
    return new WasiApp(host, null);
  }

  /**
   * WASI for the app configured by {@code host}, with every interface {@code component} imports
   * from outside WASI linked to functions that trap when called (deny by default), so that a
   * component with such imports still runs the exports that do not use them.
   */
  public static WasiApp denyingUnknownImports(WasiHost host, Component component) {
    return new WasiApp(host, component);
  }

  /** The imports outside WASI that are linked to trapping functions, in import order. */
  public List<String> deniedImports() {
    return denied;
  }

  /**
   * Resolves and type-checks {@code component}'s imports against WASI, once.
   *
   * @throws ComponentLinkException if an import is missing or has another type than WASI's
   */
  public InstancePre<WasiContext> prepare(Component component) throws ComponentLinkException {
    return linker.prepare(component);
  }

  /** The state of one new instance, to pass to {@link InstancePre#instantiate}. */
  public WasiContext newContext() {
    WasiContext context = host.newContext();
    context.bind(incomingHandler);
    return context;
  }
}
