package io.cloister.wasi.http;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code wasi:http/outgoing-handler}: denied by default. A request to a host outside the allow-list
 * fails with {@code HTTP-request-denied}; sending to an allowed host is not implemented yet and
 * fails with {@code internal-error}, so no request ever leaves the enclave from here.
 */
public final class OutgoingHandlerHost {
  private final Set<String> allowedHosts;

  /** Allows the hosts in {@code allowedHosts} (names, compared case-insensitively, no port). */
  public OutgoingHandlerHost(Set<String> allowedHosts) {
    this.allowedHosts =
        allowedHosts.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** {@code handle}: never returns a response. */
  public FutureIncomingResponse handle(OutgoingRequest request, Optional<RequestOptions> options)
      throws HttpErrorException {
    String host = request.authority().map(OutgoingHandlerHost::hostOf).orElse("");
    if (!allowedHosts.contains(host)) {
      throw new HttpErrorException(
          ErrorCode.requestDenied(), "outgoing request to '" + host + "' is not allowed");
    }
    throw new HttpErrorException(
        ErrorCode.internal("outgoing HTTP requests are not implemented by this host"),
        "outgoing request to '" + host + "'");
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
