package io.cloister.wasi.http;

import io.cloister.component.values.Value;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code wasi:http/types.error-code} variant: a {@link Kind} (the case) and its payload exactly
 * as the WIT declares it, as a component {@link Value} (absent for cases without payload).
 */
public record ErrorCode(Kind kind, Optional<Value> payload) {
  public ErrorCode {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
    if (payload.isPresent() != kind.hasPayload) {
      throw new IllegalArgumentException(
          kind.witName + (kind.hasPayload ? " needs a payload" : " has no payload"));
    }
  }

  /** The cases, in WIT order (the ordinal is the case index). */
  public enum Kind {
    DNS_TIMEOUT("DNS-timeout", false),
    DNS_ERROR("DNS-error", true),
    DESTINATION_NOT_FOUND("destination-not-found", false),
    DESTINATION_UNAVAILABLE("destination-unavailable", false),
    DESTINATION_IP_PROHIBITED("destination-IP-prohibited", false),
    DESTINATION_IP_UNROUTABLE("destination-IP-unroutable", false),
    CONNECTION_REFUSED("connection-refused", false),
    CONNECTION_TERMINATED("connection-terminated", false),
    CONNECTION_TIMEOUT("connection-timeout", false),
    CONNECTION_READ_TIMEOUT("connection-read-timeout", false),
    CONNECTION_WRITE_TIMEOUT("connection-write-timeout", false),
    CONNECTION_LIMIT_REACHED("connection-limit-reached", false),
    TLS_PROTOCOL_ERROR("TLS-protocol-error", false),
    TLS_CERTIFICATE_ERROR("TLS-certificate-error", false),
    TLS_ALERT_RECEIVED("TLS-alert-received", true),
    HTTP_REQUEST_DENIED("HTTP-request-denied", false),
    HTTP_REQUEST_LENGTH_REQUIRED("HTTP-request-length-required", false),
    HTTP_REQUEST_BODY_SIZE("HTTP-request-body-size", true),
    HTTP_REQUEST_METHOD_INVALID("HTTP-request-method-invalid", false),
    HTTP_REQUEST_URI_INVALID("HTTP-request-URI-invalid", false),
    HTTP_REQUEST_URI_TOO_LONG("HTTP-request-URI-too-long", false),
    HTTP_REQUEST_HEADER_SECTION_SIZE("HTTP-request-header-section-size", true),
    HTTP_REQUEST_HEADER_SIZE("HTTP-request-header-size", true),
    HTTP_REQUEST_TRAILER_SECTION_SIZE("HTTP-request-trailer-section-size", true),
    HTTP_REQUEST_TRAILER_SIZE("HTTP-request-trailer-size", true),
    HTTP_RESPONSE_INCOMPLETE("HTTP-response-incomplete", false),
    HTTP_RESPONSE_HEADER_SECTION_SIZE("HTTP-response-header-section-size", true),
    HTTP_RESPONSE_HEADER_SIZE("HTTP-response-header-size", true),
    HTTP_RESPONSE_BODY_SIZE("HTTP-response-body-size", true),
    HTTP_RESPONSE_TRAILER_SECTION_SIZE("HTTP-response-trailer-section-size", true),
    HTTP_RESPONSE_TRAILER_SIZE("HTTP-response-trailer-size", true),
    HTTP_RESPONSE_TRANSFER_CODING("HTTP-response-transfer-coding", true),
    HTTP_RESPONSE_CONTENT_CODING("HTTP-response-content-coding", true),
    HTTP_RESPONSE_TIMEOUT("HTTP-response-timeout", false),
    HTTP_UPGRADE_FAILED("HTTP-upgrade-failed", false),
    HTTP_PROTOCOL_ERROR("HTTP-protocol-error", false),
    LOOP_DETECTED("loop-detected", false),
    CONFIGURATION_ERROR("configuration-error", false),
    INTERNAL_ERROR("internal-error", true);

    private final String witName;
    private final boolean hasPayload;

    Kind(String witName, boolean hasPayload) {
      this.witName = witName;
      this.hasPayload = hasPayload;
    }

    /** The case name as the WIT spells it. */
    public String witName() {
      return witName;
    }

    /** Whether the case carries a payload. */
    public boolean hasPayload() {
      return hasPayload;
    }
  }

  /** A case without payload. */
  public static ErrorCode of(Kind kind) {
    return new ErrorCode(kind, Optional.empty());
  }

  /** {@code HTTP-request-denied}. */
  public static ErrorCode requestDenied() {
    return of(Kind.HTTP_REQUEST_DENIED);
  }

  /** {@code HTTP-response-body-size(some(size))}: a body that does not match its length. */
  public static ErrorCode responseBodySize(long size) {
    return new ErrorCode(
        Kind.HTTP_RESPONSE_BODY_SIZE,
        Optional.of(new Value.OptionValue(Optional.of(new Value.U64(size)))));
  }

  /** {@code internal-error(some(message))}. */
  public static ErrorCode internal(String message) {
    return new ErrorCode(
        Kind.INTERNAL_ERROR,
        Optional.of(new Value.OptionValue(Optional.of(new Value.Str(message)))));
  }

  @Override
  public String toString() {
    return payload.map(p -> kind.witName + "(" + p + ")").orElse(kind.witName);
  }
}
