package io.cloister.wasi.http;

import io.cloister.component.json.JsonValues;
import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.bindings.wasi.http.TypesLink;

/** Text for {@code wasi:http/types.error-code} values, with the case named as the WIT names it. */
public final class ErrorCodes {
  private ErrorCodes() {}

  /** {@code code} as JSON, e.g. {@code {"internal-error":"the handler trapped"}}. */
  public static String describe(ErrorCode code) {
    return JsonValues.toJson(TypesLink.typeErrorCode(), TypesLink.lowerErrorCode(code)).toString();
  }
}
