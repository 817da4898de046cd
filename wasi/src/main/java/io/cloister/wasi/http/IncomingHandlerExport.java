package io.cloister.wasi.http;

import io.cloister.component.runtime.Component;
import io.cloister.component.link.InterfaceVersions;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.ComponentFunction;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.bindings.wasi.http.IncomingHandlerLink;
import io.cloister.wasi.bindings.wasi.http.TypesLink;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A component's {@code wasi:http/incoming-handler.handle} export (any 0.2.x version), called by the
 * host: the request and the outparam go to the guest as owned handles of the resource types its
 * linker defined for {@code wasi:http/types}.
 */
public final class IncomingHandlerExport {
  /** The export's interface; a component may export any compatible 0.2.x version of it. */
  public static final String INTERFACE = IncomingHandlerLink.INTERFACE;

  private final ResourceType request;
  private final ResourceType outparam;

  private IncomingHandlerExport(ResourceType request, ResourceType outparam) {
    this.request = request;
    this.outparam = outparam;
  }

  /** The export as components linked by {@code linker} (which defines wasi:http/types) see it. */
  public static IncomingHandlerExport of(Linker<?> linker) {
    return new IncomingHandlerExport(
        linker.resourceType(TypesLink.INTERFACE, "incoming-request"),
        linker.resourceType(TypesLink.INTERFACE, "response-outparam"));
  }

  /** Whether {@code component} exports an incoming handler (any compatible 0.2.x version). */
  public static boolean isExportedBy(Component component) {
    return component.type().exports().stream()
        .anyMatch(d -> InterfaceVersions.compatible(d.name(), INTERFACE));
  }

  /**
   * An invoker for {@code instance}'s export, whose handles live in {@code table}.
   *
   * @throws NoSuchElementException if the component exports no incoming handler
   */
  public HttpHandlerInvoker bind(ComponentInstance instance, ResourceTable table) {
    String exported =
        instance.exports().exports().keySet().stream()
            .filter(name -> InterfaceVersions.compatible(name, INTERFACE))
            .findFirst()
            .orElseThrow(
                () ->
                    new NoSuchElementException(
                        "the component exports no "
                            + InterfaceVersions.unversioned(INTERFACE)
                            + " (any 0.2.x)"));
    ComponentFunction handle = instance.exportedFunction(exported, "handle");
    return new HttpHandlerInvoker(
        (req, out) ->
            handle.call(
                List.of(
                    new Value.ResourceValue(request, table.push(req), true),
                    new Value.ResourceValue(outparam, table.push(out), true))));
  }
}
