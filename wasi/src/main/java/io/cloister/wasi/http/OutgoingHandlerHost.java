package io.cloister.wasi.http;

import io.cloister.component.bind.Own;
import io.cloister.component.bind.Result;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.bindings.wasi.http.OutgoingHandler;
import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.bindings.wasi.http.Types;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code wasi:http/outgoing-handler}: denied by default. A request to a host outside the allow-list
 * fails with {@code HTTP-request-denied}; sending to an allowed host is not implemented yet and
 * fails with {@code internal-error}, so no request ever leaves the enclave from here.
 */
public final class OutgoingHandlerHost implements OutgoingHandler {
  private final Set<String> allowedHosts;
  private final ResourceTable table;

  /**
   * Allows the hosts in {@code allowedHosts} (names, compared case-insensitively, no port), for
   * requests in {@code table}.
   */
  public OutgoingHandlerHost(Set<String> allowedHosts, ResourceTable table) {
    this.allowedHosts =
        allowedHosts.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    this.table = table;
  }

  /** {@code handle}: takes the request and its options, never returns a response. */
  @Override
  public Result<Own<Types.FutureIncomingResponse>, ErrorCode> handle(
      Own<Types.OutgoingRequest> request, Optional<Own<Types.RequestOptions>> options) {
    OutgoingRequest req = table.delete(request.rep(), OutgoingRequest.class);
    options.ifPresent(o -> table.delete(o.rep(), RequestOptions.class));
    String host = req.authority().map(OutgoingHandlerHost::hostOf).orElse("");
    if (!allowedHosts.contains(host)) {
      return Result.err(new ErrorCode.HttpRequestDenied());
    }
    return Result.err(
        new ErrorCode.InternalError(
            Optional.of("outgoing HTTP requests to '" + host + "' are not implemented by this host")));
  }

  static String hostOf(String authority) {
    String a = authority.toLowerCase(Locale.ROOT);
    if (a.startsWith("[")) {
      int end = a.indexOf(']');
      return end < 0 ? a : a.substring(0, end + 1);
    }
    int colon = a.lastIndexOf(':');
    return colon < 0 ? a : a.substring(0, colon);
  }
}
