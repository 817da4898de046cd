package io.cloister.wasi.http;

import io.cloister.component.bind.Borrow;
import io.cloister.component.bind.Own;
import io.cloister.component.bind.Result;
import io.cloister.component.bind.Tuple2;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.WasiTrap;
import io.cloister.wasi.bindings.wasi.http.Types;
import io.cloister.wasi.bindings.wasi.io.Error.ErrorResource;
import io.cloister.wasi.bindings.wasi.io.Poll.Pollable;
import io.cloister.wasi.bindings.wasi.io.Streams.InputStream;
import io.cloister.wasi.bindings.wasi.io.Streams.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code wasi:http/types} over one instance's table: each handle names one of this package's
 * objects ({@link Fields}, {@link IncomingRequest}, {@link OutgoingBody}, ...). Headers and
 * streams are children of the resource they came from, so the guest must drop them first, as the
 * WIT demands.
 */
public final class HttpTypesHost implements Types {
  private final ResourceTable table;

  /** Resources in {@code table}. */
  public HttpTypesHost(ResourceTable table) {
    this.table = table;
  }

  // ---- error ----

  @Override
  public Optional<ErrorCode> httpErrorCode(Borrow<ErrorResource> err) {
    return table.get(err.rep(), Object.class) instanceof HttpIoError h
        ? Optional.of(h.code())
        : Optional.empty();
  }

  // ---- fields ----

  /** A header operation that may be refused with a {@link HeaderException}. */
  @FunctionalInterface
  private interface HeaderOp<T> {
    T run() throws HeaderException;
  }

  private static <T> Result<T, HeaderError> headers(HeaderOp<T> op) {
    try {
      return new Result.Ok<>(op.run());
    } catch (HeaderException e) {
      return Result.err(
          switch (e.error()) {
            case INVALID_SYNTAX -> new HeaderError.InvalidSyntax();
            case FORBIDDEN -> new HeaderError.Forbidden();
            case IMMUTABLE -> new HeaderError.Immutable();
          });
    }
  }

  private io.cloister.wasi.http.Fields fields(Borrow<Fields> h) {
    return table.get(h.rep(), io.cloister.wasi.http.Fields.class);
  }

  private Own<Fields> own(io.cloister.wasi.http.Fields f) {
    return new Own<>(table.push(f));
  }

  @Override
  public Own<Fields> newFields() {
    return own(new io.cloister.wasi.http.Fields());
  }

  @Override
  public Result<Own<Fields>, HeaderError> fieldsFromList(List<Tuple2<String, byte[]>> entries) {
    List<HttpField> list = new ArrayList<>(entries.size());
    for (Tuple2<String, byte[]> e : entries) {
      list.add(new HttpField(e.v0(), e.v1()));
    }
    return headers(() -> own(io.cloister.wasi.http.Fields.fromList(list)));
  }

  @Override
  public List<byte[]> fieldsGet(Borrow<Fields> self, String name) {
    return fields(self).get(name);
  }

  @Override
  public boolean fieldsHas(Borrow<Fields> self, String name) {
    return fields(self).has(name);
  }

  @Override
  public Result<Void, HeaderError> fieldsSet(Borrow<Fields> self, String name, List<byte[]> value) {
    return headers(
        () -> {
          fields(self).set(name, value);
          return null;
        });
  }

  @Override
  public Result<Void, HeaderError> fieldsDelete(Borrow<Fields> self, String name) {
    return headers(
        () -> {
          fields(self).delete(name);
          return null;
        });
  }

  @Override
  public Result<Void, HeaderError> fieldsAppend(Borrow<Fields> self, String name, byte[] value) {
    return headers(
        () -> {
          fields(self).append(name, value);
          return null;
        });
  }

  @Override
  public List<Tuple2<String, byte[]>> fieldsEntries(Borrow<Fields> self) {
    return fields(self).entries().stream().map(e -> new Tuple2<>(e.name(), e.value())).toList();
  }

  @Override
  public Own<Fields> fieldsClone(Borrow<Fields> self) {
    return own(fields(self).copy());
  }

  @Override
  public void dropFields(Own<Fields> handle) {
    table.delete(handle.rep(), io.cloister.wasi.http.Fields.class);
  }

  // ---- incoming request and body ----

  private io.cloister.wasi.http.IncomingRequest request(Borrow<IncomingRequest> h) {
    return table.get(h.rep(), io.cloister.wasi.http.IncomingRequest.class);
  }

  @Override
  public Method incomingRequestMethod(Borrow<IncomingRequest> self) {
    return method(request(self).method());
  }

  @Override
  public Optional<String> incomingRequestPathWithQuery(Borrow<IncomingRequest> self) {
    return request(self).pathWithQuery();
  }

  @Override
  public Optional<Scheme> incomingRequestScheme(Borrow<IncomingRequest> self) {
    return request(self).scheme().map(HttpTypesHost::scheme);
  }

  @Override
  public Optional<String> incomingRequestAuthority(Borrow<IncomingRequest> self) {
    return request(self).authority();
  }

  @Override
  public Own<Fields> incomingRequestHeaders(Borrow<IncomingRequest> self) {
    return new Own<>(table.pushChild(request(self).headers(), self.rep()));
  }

  @Override
  public Result<Own<IncomingBody>, Void> incomingRequestConsume(Borrow<IncomingRequest> self) {
    return request(self)
        .consume()
        .<Result<Own<IncomingBody>, Void>>map(b -> Result.ok(new Own<>(table.push(b))))
        .orElse(Result.err());
  }

  @Override
  public void dropIncomingRequest(Own<IncomingRequest> handle) {
    table.delete(handle.rep(), io.cloister.wasi.http.IncomingRequest.class).close();
  }

  @Override
  public Result<Own<InputStream>, Void> incomingBodyStream(Borrow<IncomingBody> self) {
    return table
        .get(self.rep(), io.cloister.wasi.http.IncomingBody.class)
        .stream()
        .<Result<Own<InputStream>, Void>>map(
            s -> Result.ok(new Own<>(table.pushChild(s, self.rep()))))
        .orElse(Result.err());
  }

  @Override
  public Own<FutureTrailers> incomingBodyFinish(Own<IncomingBody> body) {
    io.cloister.wasi.http.IncomingBody b =
        takeParent(body.rep(), io.cloister.wasi.http.IncomingBody.class, "incoming-body.finish");
    return new Own<>(table.push(b.finish()));
  }

  @Override
  public void dropIncomingBody(Own<IncomingBody> handle) {
    table.delete(handle.rep(), io.cloister.wasi.http.IncomingBody.class).close();
  }

  private io.cloister.wasi.http.FutureTrailers trailers(Borrow<FutureTrailers> h) {
    return table.get(h.rep(), io.cloister.wasi.http.FutureTrailers.class);
  }

  @Override
  public Own<Pollable> futureTrailersSubscribe(Borrow<FutureTrailers> self) {
    return new Own<>(table.pushChild(trailers(self).subscribe(), self.rep()));
  }

  @Override
  public Optional<Result<Result<Optional<Own<Fields>>, ErrorCode>, Void>> futureTrailersGet(
      Borrow<FutureTrailers> self) {
    return trailers(self)
        .get()
        .map(
            outcome ->
                switch (outcome) {
                  case io.cloister.wasi.http.FutureTrailers.Outcome.Trailers t ->
                      Result.ok(new Result.Ok<>(t.trailers().map(this::own)));
                  case io.cloister.wasi.http.FutureTrailers.Outcome.Failed f ->
                      Result.ok(Result.err(f.code()));
                  case io.cloister.wasi.http.FutureTrailers.Outcome.AlreadyTaken x ->
                      Result.err();
                });
  }

  @Override
  public void dropFutureTrailers(Own<FutureTrailers> handle) {
    table.delete(handle.rep(), io.cloister.wasi.http.FutureTrailers.class);
  }

  // ---- response outparam, outgoing response and body ----

  @Override
  public void responseOutparamSet(
      Own<ResponseOutparam> param, Result<Own<OutgoingResponse>, ErrorCode> response) {
    io.cloister.wasi.http.ResponseOutparam out =
        table.delete(param.rep(), io.cloister.wasi.http.ResponseOutparam.class);
    out.set(
        switch (response) {
          case Result.Ok<Own<OutgoingResponse>, ErrorCode> ok ->
              new io.cloister.wasi.http.ResponseOutparam.Answer.Response(
                  table.delete(ok.value().rep(), io.cloister.wasi.http.OutgoingResponse.class));
          case Result.Err<Own<OutgoingResponse>, ErrorCode> err ->
              new io.cloister.wasi.http.ResponseOutparam.Answer.Error(err.error());
        });
  }

  @Override
  public void dropResponseOutparam(Own<ResponseOutparam> handle) {
    table.delete(handle.rep(), io.cloister.wasi.http.ResponseOutparam.class);
  }

  private io.cloister.wasi.http.OutgoingResponse response(Borrow<OutgoingResponse> h) {
    return table.get(h.rep(), io.cloister.wasi.http.OutgoingResponse.class);
  }

  @Override
  public Own<OutgoingResponse> newOutgoingResponse(Own<Fields> headers) {
    return new Own<>(
        table.push(
            new io.cloister.wasi.http.OutgoingResponse(
                table.delete(headers.rep(), io.cloister.wasi.http.Fields.class))));
  }

  @Override
  public short outgoingResponseStatusCode(Borrow<OutgoingResponse> self) {
    return (short) response(self).statusCode();
  }

  @Override
  public Result<Void, Void> outgoingResponseSetStatusCode(
      Borrow<OutgoingResponse> self, short statusCode) {
    return unit(response(self).setStatusCode(Short.toUnsignedInt(statusCode)));
  }

  @Override
  public Own<Fields> outgoingResponseHeaders(Borrow<OutgoingResponse> self) {
    return new Own<>(table.pushChild(response(self).headers(), self.rep()));
  }

  @Override
  public Result<Own<OutgoingBody>, Void> outgoingResponseBody(Borrow<OutgoingResponse> self) {
    return body(response(self).body());
  }

  @Override
  public void dropOutgoingResponse(Own<OutgoingResponse> handle) {
    table.delete(handle.rep(), io.cloister.wasi.http.OutgoingResponse.class);
  }

  private Result<Own<OutgoingBody>, Void> body(Optional<io.cloister.wasi.http.OutgoingBody> body) {
    return body.<Result<Own<OutgoingBody>, Void>>map(b -> Result.ok(new Own<>(table.push(b))))
        .orElse(Result.err());
  }

  @Override
  public Result<Own<OutputStream>, Void> outgoingBodyWrite(Borrow<OutgoingBody> self) {
    return table
        .get(self.rep(), io.cloister.wasi.http.OutgoingBody.class)
        .write()
        .<Result<Own<OutputStream>, Void>>map(
            s -> Result.ok(new Own<>(table.pushChild(s, self.rep()))))
        .orElse(Result.err());
  }

  @Override
  public Result<Void, ErrorCode> outgoingBodyFinish(
      Own<OutgoingBody> body, Optional<Own<Fields>> trailers) {
    io.cloister.wasi.http.OutgoingBody b =
        takeParent(body.rep(), io.cloister.wasi.http.OutgoingBody.class, "outgoing-body.finish");
    Optional<io.cloister.wasi.http.Fields> t =
        trailers.map(h -> table.delete(h.rep(), io.cloister.wasi.http.Fields.class));
    return b.finish(t).<Result<Void, ErrorCode>>map(Result::err).orElse(Result.ok());
  }

  @Override
  public void dropOutgoingBody(Own<OutgoingBody> handle) {
    table.delete(handle.rep(), io.cloister.wasi.http.OutgoingBody.class).close();
  }

  // ---- outgoing request and options ----

  private io.cloister.wasi.http.OutgoingRequest outRequest(Borrow<OutgoingRequest> h) {
    return table.get(h.rep(), io.cloister.wasi.http.OutgoingRequest.class);
  }

  @Override
  public Own<OutgoingRequest> newOutgoingRequest(Own<Fields> headers) {
    return new Own<>(
        table.push(
            new io.cloister.wasi.http.OutgoingRequest(
                table.delete(headers.rep(), io.cloister.wasi.http.Fields.class))));
  }

  @Override
  public Result<Own<OutgoingBody>, Void> outgoingRequestBody(Borrow<OutgoingRequest> self) {
    return body(outRequest(self).body());
  }

  @Override
  public Method outgoingRequestMethod(Borrow<OutgoingRequest> self) {
    return method(outRequest(self).method());
  }

  @Override
  public Result<Void, Void> outgoingRequestSetMethod(Borrow<OutgoingRequest> self, Method method) {
    return unit(outRequest(self).setMethod(method(method)));
  }

  @Override
  public Optional<String> outgoingRequestPathWithQuery(Borrow<OutgoingRequest> self) {
    return outRequest(self).pathWithQuery();
  }

  @Override
  public Result<Void, Void> outgoingRequestSetPathWithQuery(
      Borrow<OutgoingRequest> self, Optional<String> pathWithQuery) {
    return unit(outRequest(self).setPathWithQuery(pathWithQuery));
  }

  @Override
  public Optional<Scheme> outgoingRequestScheme(Borrow<OutgoingRequest> self) {
    return outRequest(self).scheme().map(HttpTypesHost::scheme);
  }

  @Override
  public Result<Void, Void> outgoingRequestSetScheme(
      Borrow<OutgoingRequest> self, Optional<Scheme> scheme) {
    return unit(outRequest(self).setScheme(scheme.map(HttpTypesHost::scheme)));
  }

  @Override
  public Optional<String> outgoingRequestAuthority(Borrow<OutgoingRequest> self) {
    return outRequest(self).authority();
  }

  @Override
  public Result<Void, Void> outgoingRequestSetAuthority(
      Borrow<OutgoingRequest> self, Optional<String> authority) {
    return unit(outRequest(self).setAuthority(authority));
  }

  @Override
  public Own<Fields> outgoingRequestHeaders(Borrow<OutgoingRequest> self) {
    return new Own<>(table.pushChild(outRequest(self).headers(), self.rep()));
  }

  @Override
  public void dropOutgoingRequest(Own<OutgoingRequest> handle) {
    table.delete(handle.rep(), io.cloister.wasi.http.OutgoingRequest.class);
  }

  private io.cloister.wasi.http.RequestOptions options(Borrow<RequestOptions> h) {
    return table.get(h.rep(), io.cloister.wasi.http.RequestOptions.class);
  }

  @Override
  public Own<RequestOptions> newRequestOptions() {
    return new Own<>(table.push(new io.cloister.wasi.http.RequestOptions()));
  }

  @Override
  public Optional<Long> requestOptionsConnectTimeout(Borrow<RequestOptions> self) {
    return duration(options(self).connectTimeout());
  }

  @Override
  public Result<Void, Void> requestOptionsSetConnectTimeout(
      Borrow<RequestOptions> self, Optional<Long> duration) {
    options(self).setConnectTimeout(duration(duration));
    return Result.ok();
  }

  @Override
  public Optional<Long> requestOptionsFirstByteTimeout(Borrow<RequestOptions> self) {
    return duration(options(self).firstByteTimeout());
  }

  @Override
  public Result<Void, Void> requestOptionsSetFirstByteTimeout(
      Borrow<RequestOptions> self, Optional<Long> duration) {
    options(self).setFirstByteTimeout(duration(duration));
    return Result.ok();
  }

  @Override
  public Optional<Long> requestOptionsBetweenBytesTimeout(Borrow<RequestOptions> self) {
    return duration(options(self).betweenBytesTimeout());
  }

  @Override
  public Result<Void, Void> requestOptionsSetBetweenBytesTimeout(
      Borrow<RequestOptions> self, Optional<Long> duration) {
    options(self).setBetweenBytesTimeout(duration(duration));
    return Result.ok();
  }

  @Override
  public void dropRequestOptions(Own<RequestOptions> handle) {
    table.delete(handle.rep(), io.cloister.wasi.http.RequestOptions.class);
  }

  // ---- resources this host never creates: a call means a forged handle ----

  private static WasiTrap neverCreated(String function) {
    return new WasiTrap("wasi:http/types " + function + ": no such resource exists in this host");
  }

  @Override
  public short incomingResponseStatus(Borrow<IncomingResponse> self) {
    throw neverCreated("incoming-response.status");
  }

  @Override
  public Own<Fields> incomingResponseHeaders(Borrow<IncomingResponse> self) {
    throw neverCreated("incoming-response.headers");
  }

  @Override
  public Result<Own<IncomingBody>, Void> incomingResponseConsume(Borrow<IncomingResponse> self) {
    throw neverCreated("incoming-response.consume");
  }

  @Override
  public void dropIncomingResponse(Own<IncomingResponse> handle) {
    throw neverCreated("incoming-response drop");
  }

  @Override
  public Own<Pollable> futureIncomingResponseSubscribe(Borrow<FutureIncomingResponse> self) {
    throw neverCreated("future-incoming-response.subscribe");
  }

  @Override
  public Optional<Result<Result<Own<IncomingResponse>, ErrorCode>, Void>>
      futureIncomingResponseGet(Borrow<FutureIncomingResponse> self) {
    throw neverCreated("future-incoming-response.get");
  }

  @Override
  public void dropFutureIncomingResponse(Own<FutureIncomingResponse> handle) {
    throw neverCreated("future-incoming-response drop");
  }

  // ---- conversions ----

  /** Removes a body whose stream the guest must have dropped first. */
  private <T> T takeParent(int rep, Class<T> cls, String function) {
    if (table.hasChildren(rep)) {
      throw new WasiTrap(
          "wasi:http/types " + function + ": its stream must be dropped before finishing");
    }
    return table.delete(rep, cls);
  }

  private static Result<Void, Void> unit(boolean ok) {
    return ok ? Result.ok() : Result.err();
  }

  private static Method method(io.cloister.wasi.http.Method m) {
    return switch (m.name()) {
      case "GET" -> new Method.Get();
      case "HEAD" -> new Method.Head();
      case "POST" -> new Method.Post();
      case "PUT" -> new Method.Put();
      case "DELETE" -> new Method.Delete();
      case "CONNECT" -> new Method.Connect();
      case "OPTIONS" -> new Method.Options();
      case "TRACE" -> new Method.Trace();
      case "PATCH" -> new Method.Patch();
      default -> new Method.Other(m.name());
    };
  }

  private static io.cloister.wasi.http.Method method(Method m) {
    return new io.cloister.wasi.http.Method(
        switch (m) {
          case Method.Get x -> "GET";
          case Method.Head x -> "HEAD";
          case Method.Post x -> "POST";
          case Method.Put x -> "PUT";
          case Method.Delete x -> "DELETE";
          case Method.Connect x -> "CONNECT";
          case Method.Options x -> "OPTIONS";
          case Method.Trace x -> "TRACE";
          case Method.Patch x -> "PATCH";
          case Method.Other o -> o.value();
        });
  }

  private static Scheme scheme(io.cloister.wasi.http.Scheme s) {
    return switch (s.caseIndex()) {
      case 0 -> new Scheme.Http();
      case 1 -> new Scheme.Https();
      default -> new Scheme.Other(s.name());
    };
  }

  private static io.cloister.wasi.http.Scheme scheme(Scheme s) {
    return switch (s) {
      case Scheme.Http x -> io.cloister.wasi.http.Scheme.HTTP;
      case Scheme.Https x -> io.cloister.wasi.http.Scheme.HTTPS;
      case Scheme.Other o -> new io.cloister.wasi.http.Scheme(o.value());
    };
  }

  private static Optional<Long> duration(OptionalLong d) {
    return d.isPresent() ? Optional.of(d.getAsLong()) : Optional.empty();
  }

  private static OptionalLong duration(Optional<Long> d) {
    return d.map(OptionalLong::of).orElse(OptionalLong.empty());
  }
}
