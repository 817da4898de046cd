package io.cloister.wasi.http;

import io.cloister.component.link.HostFunction;
import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import io.cloister.wasi.WasiTrap;
import io.cloister.wasi.io.IoLink;
import io.cloister.wasi.link.Args;
import io.cloister.wasi.link.Fallible;
import io.cloister.wasi.link.Handles;
import io.cloister.wasi.link.HostDefinitions;
import io.cloister.wasi.link.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Binds {@code wasi:http/types} and {@code wasi:http/outgoing-handler} to host definitions, and
 * turns a guest's {@code incoming-handler.handle} export into an {@link IncomingHandler}.
 */
public final class HttpLink {
  /** {@code wasi:http/types}. */
  public static final String TYPES = "wasi:http/types@0.2.0";

  /** {@code wasi:http/outgoing-handler}. */
  public static final String OUTGOING_HANDLER = "wasi:http/outgoing-handler@0.2.0";

  /** {@code wasi:http/incoming-handler}, the export the host calls. */
  public static final String INCOMING_HANDLER = "wasi:http/incoming-handler@0.2.0";

  /** The resource types of wasi:http/types that the host creates itself. */
  public record Types(ResourceType incomingRequest, ResourceType responseOutparam) {}

  private final Handles handles;
  private final IoLink.Types io;
  private ResourceType fields;
  private ResourceType incomingRequest;
  private ResourceType outgoingRequest;
  private ResourceType requestOptions;
  private ResourceType responseOutparam;
  private ResourceType incomingResponse;
  private ResourceType incomingBody;
  private ResourceType futureTrailers;
  private ResourceType outgoingResponse;
  private ResourceType outgoingBody;
  private ResourceType futureIncomingResponse;

  private HttpLink(Handles handles, IoLink.Types io) {
    this.handles = handles;
    this.io = io;
  }

  /** Defines wasi:http/types and outgoing-handler; returns the types an invoker needs. */
  public static Types register(
      HostDefinitions defs, Handles handles, IoLink.Types io, OutgoingHandlerHost outgoing) {
    HttpLink link = new HttpLink(handles, io);
    link.defineResources(defs);
    link.registerFields(defs);
    link.registerIncoming(defs);
    link.registerOutgoingResponse(defs);
    link.registerOutgoingRequest(defs, outgoing);
    link.registerUnreachable(defs);
    return new Types(link.incomingRequest, link.responseOutparam);
  }

  /**
   * The guest's handle export as an {@link IncomingHandler}: the request and outparam become owned
   * handles passed to {@code handleExport}, which calls into the component.
   */
  public static IncomingHandler incomingHandler(
      Types types, Handles handles, Function<List<Value>, List<Value>> handleExport) {
    return (request, responseOut) ->
        handleExport.apply(
            List.of(
                handles.own(types.incomingRequest(), request),
                handles.own(types.responseOutparam(), responseOut)));
  }

  private void defineResources(HostDefinitions defs) {
    fields = defs.resource(TYPES, "fields", handles.dropper(Fields.class));
    incomingRequest =
        defs.resource(
            TYPES,
            "incoming-request",
            handles.dropper(IncomingRequest.class, IncomingRequest::close));
    outgoingRequest =
        defs.resource(TYPES, "outgoing-request", handles.dropper(OutgoingRequest.class));
    requestOptions = defs.resource(TYPES, "request-options", handles.dropper(RequestOptions.class));
    responseOutparam =
        defs.resource(TYPES, "response-outparam", handles.dropper(ResponseOutparam.class));
    incomingResponse = defs.resource(TYPES, "incoming-response", handles.dropper(Object.class));
    incomingBody =
        defs.resource(
            TYPES, "incoming-body", handles.dropper(IncomingBody.class, IncomingBody::close));
    futureTrailers = defs.resource(TYPES, "future-trailers", handles.dropper(FutureTrailers.class));
    outgoingResponse =
        defs.resource(TYPES, "outgoing-response", handles.dropper(OutgoingResponse.class));
    outgoingBody =
        defs.resource(
            TYPES, "outgoing-body", handles.dropper(OutgoingBody.class, OutgoingBody::close));
    futureIncomingResponse =
        defs.resource(
            TYPES, "future-incoming-response", handles.dropper(FutureIncomingResponse.class));
  }

  private static HostFunction headerResult(Fallible<HeaderException> op) {
    return Fallible.toResult(HeaderException.class, e -> Results.variant(e.error().ordinal()), op);
  }

  private void registerFields(HostDefinitions defs) {
    String m = "[method]fields.";
    defs.function(
        TYPES, "[constructor]fields", a -> Results.one(handles.own(fields, new Fields())));
    defs.function(
        TYPES,
        "[static]fields.from-list",
        headerResult(
            a -> {
              List<HttpField> entries = new ArrayList<>();
              for (Value e : Args.list(a.get(0))) {
                List<Value> t = Args.tuple(e);
                entries.add(new HttpField(Args.str(t.get(0)), Args.bytes(t.get(1))));
              }
              return handles.own(fields, Fields.fromList(entries));
            }));
    defs.function(
        TYPES,
        m + "get",
        a ->
            Results.one(
                Results.list(
                    fields(a).get(Args.str(a.get(1))).stream().map(Results::bytes).toList())));
    defs.function(
        TYPES, m + "has", a -> Results.one(Results.bool(fields(a).has(Args.str(a.get(1))))));
    defs.function(
        TYPES,
        m + "set",
        headerResult(
            a -> {
              List<byte[]> values = Args.list(a.get(2)).stream().map(Args::bytes).toList();
              fields(a).set(Args.str(a.get(1)), values);
              return null;
            }));
    defs.function(
        TYPES,
        m + "delete",
        headerResult(
            a -> {
              fields(a).delete(Args.str(a.get(1)));
              return null;
            }));
    defs.function(
        TYPES,
        m + "append",
        headerResult(
            a -> {
              fields(a).append(Args.str(a.get(1)), Args.bytes(a.get(2)));
              return null;
            }));
    defs.function(TYPES, m + "entries", a -> Results.one(entries(fields(a))));
    defs.function(TYPES, m + "clone", a -> Results.one(handles.own(fields, fields(a).copy())));
    defs.function(
        TYPES,
        "http-error-code",
        a -> {
          Object err = handles.get(a.get(0), io.error(), Object.class);
          return Results.one(
              err instanceof HttpIoError h ? Results.some(errorCode(h.code())) : Results.none());
        });
  }

  private void registerIncoming(HostDefinitions defs) {
    String m = "[method]incoming-request.";
    defs.function(TYPES, m + "method", a -> Results.one(method(request(a).method())));
    defs.function(
        TYPES,
        m + "path-with-query",
        a -> Results.one(Results.option(request(a).pathWithQuery().map(Results::str))));
    defs.function(
        TYPES,
        m + "scheme",
        a -> Results.one(Results.option(request(a).scheme().map(HttpLink::scheme))));
    defs.function(
        TYPES,
        m + "authority",
        a -> Results.one(Results.option(request(a).authority().map(Results::str))));
    defs.function(
        TYPES,
        m + "headers",
        a -> Results.one(handles.ownChild(fields, request(a).headers(), a.get(0))));
    defs.function(
        TYPES,
        m + "consume",
        a ->
            Results.one(
                request(a)
                    .consume()
                    .map(b -> Results.ok(handles.own(incomingBody, b)))
                    .orElse(Results.err())));

    defs.function(
        TYPES,
        "[method]incoming-body.stream",
        a -> {
          IncomingBody body = handles.get(a.get(0), incomingBody, IncomingBody.class);
          return Results.one(
              body.stream()
                  .map(s -> Results.ok(handles.ownChild(io.inputStream(), s, a.get(0))))
                  .orElse(Results.err()));
        });
    defs.function(
        TYPES,
        "[static]incoming-body.finish",
        a -> {
          IncomingBody body =
              takeParent(a.get(0), incomingBody, IncomingBody.class, "incoming-body.finish");
          return Results.one(handles.own(futureTrailers, body.finish()));
        });
    defs.function(
        TYPES,
        "[method]future-trailers.subscribe",
        a ->
            Results.one(
                handles.ownChild(
                    io.pollable(),
                    handles.get(a.get(0), futureTrailers, FutureTrailers.class).subscribe(),
                    a.get(0))));
    defs.function(
        TYPES,
        "[method]future-trailers.get",
        a -> {
          Optional<FutureTrailers.Outcome> o =
              handles.get(a.get(0), futureTrailers, FutureTrailers.class).get();
          if (o.isEmpty()) {
            return Results.one(Results.none());
          }
          Value inner =
              switch (o.get()) {
                case FutureTrailers.Outcome.Trailers t ->
                    Results.ok(
                        Results.ok(Results.option(t.trailers().map(f -> handles.own(fields, f)))));
                case FutureTrailers.Outcome.Failed f ->
                    Results.ok(Results.err(errorCode(f.code())));
                case FutureTrailers.Outcome.AlreadyTaken x -> Results.err();
              };
          return Results.one(Results.some(inner));
        });
    defs.function(
        TYPES,
        "[static]response-outparam.set",
        a -> {
          ResponseOutparam out = handles.take(a.get(0), responseOutparam, ResponseOutparam.class);
          Value.ResultValue r = Args.result(a.get(1));
          if (r.isOk()) {
            out.set(
                new ResponseOutparam.Answer.Response(
                    handles.take(
                        r.payload().orElseThrow(), outgoingResponse, OutgoingResponse.class)));
          } else {
            out.set(new ResponseOutparam.Answer.Error(liftErrorCode(r.payload().orElseThrow())));
          }
          return Results.NONE;
        });
  }

  private void registerOutgoingResponse(HostDefinitions defs) {
    String m = "[method]outgoing-response.";
    defs.function(
        TYPES,
        "[constructor]outgoing-response",
        a ->
            Results.one(
                handles.own(
                    outgoingResponse,
                    new OutgoingResponse(handles.take(a.get(0), fields, Fields.class)))));
    defs.function(
        TYPES, m + "status-code", a -> Results.one(new Value.U16(response(a).statusCode())));
    defs.function(
        TYPES,
        m + "set-status-code",
        a ->
            Results.one(
                response(a).setStatusCode(Args.u32(a.get(1))) ? Results.ok() : Results.err()));
    defs.function(
        TYPES,
        m + "headers",
        a -> Results.one(handles.ownChild(fields, response(a).headers(), a.get(0))));
    defs.function(
        TYPES,
        m + "body",
        a ->
            Results.one(
                response(a)
                    .body()
                    .map(b -> Results.ok(handles.own(outgoingBody, b)))
                    .orElse(Results.err())));
    defs.function(
        TYPES,
        "[method]outgoing-body.write",
        a -> {
          OutgoingBody body = handles.get(a.get(0), outgoingBody, OutgoingBody.class);
          return Results.one(
              body.write()
                  .map(s -> Results.ok(handles.ownChild(io.outputStream(), s, a.get(0))))
                  .orElse(Results.err()));
        });
    defs.function(
        TYPES,
        "[static]outgoing-body.finish",
        a -> {
          OutgoingBody body =
              takeParent(a.get(0), outgoingBody, OutgoingBody.class, "outgoing-body.finish");
          Optional<Fields> trailers =
              Args.option(a.get(1)).map(t -> handles.take(t, fields, Fields.class));
          return Results.one(
              body.finish(trailers)
                  .map(code -> Results.err(errorCode(code)))
                  .orElse(Results.ok()));
        });
  }

  private void registerOutgoingRequest(HostDefinitions defs, OutgoingHandlerHost outgoing) {
    String m = "[method]outgoing-request.";
    defs.function(
        TYPES,
        "[constructor]outgoing-request",
        a ->
            Results.one(
                handles.own(
                    outgoingRequest,
                    new OutgoingRequest(handles.take(a.get(0), fields, Fields.class)))));
    defs.function(
        TYPES,
        m + "body",
        a ->
            Results.one(
                outRequest(a)
                    .body()
                    .map(b -> Results.ok(handles.own(outgoingBody, b)))
                    .orElse(Results.err())));
    defs.function(TYPES, m + "method", a -> Results.one(method(outRequest(a).method())));
    defs.function(
        TYPES, m + "set-method", a -> unitResult(outRequest(a).setMethod(liftMethod(a.get(1)))));
    defs.function(
        TYPES,
        m + "path-with-query",
        a -> Results.one(Results.option(outRequest(a).pathWithQuery().map(Results::str))));
    defs.function(
        TYPES,
        m + "set-path-with-query",
        a -> unitResult(outRequest(a).setPathWithQuery(Args.option(a.get(1)).map(Args::str))));
    defs.function(
        TYPES,
        m + "scheme",
        a -> Results.one(Results.option(outRequest(a).scheme().map(HttpLink::scheme))));
    defs.function(
        TYPES,
        m + "set-scheme",
        a -> unitResult(outRequest(a).setScheme(Args.option(a.get(1)).map(HttpLink::liftScheme))));
    defs.function(
        TYPES,
        m + "authority",
        a -> Results.one(Results.option(outRequest(a).authority().map(Results::str))));
    defs.function(
        TYPES,
        m + "set-authority",
        a -> unitResult(outRequest(a).setAuthority(Args.option(a.get(1)).map(Args::str))));
    defs.function(
        TYPES,
        m + "headers",
        a -> Results.one(handles.ownChild(fields, outRequest(a).headers(), a.get(0))));

    defs.function(
        TYPES,
        "[constructor]request-options",
        a -> Results.one(handles.own(requestOptions, new RequestOptions())));
    String o = "[method]request-options.";
    defs.function(
        TYPES, o + "connect-timeout", a -> Results.one(duration(options(a).connectTimeout())));
    defs.function(
        TYPES,
        o + "set-connect-timeout",
        a -> {
          options(a).setConnectTimeout(liftDuration(a.get(1)));
          return Results.one(Results.ok());
        });
    defs.function(
        TYPES, o + "first-byte-timeout", a -> Results.one(duration(options(a).firstByteTimeout())));
    defs.function(
        TYPES,
        o + "set-first-byte-timeout",
        a -> {
          options(a).setFirstByteTimeout(liftDuration(a.get(1)));
          return Results.one(Results.ok());
        });
    defs.function(
        TYPES,
        o + "between-bytes-timeout",
        a -> Results.one(duration(options(a).betweenBytesTimeout())));
    defs.function(
        TYPES,
        o + "set-between-bytes-timeout",
        a -> {
          options(a).setBetweenBytesTimeout(liftDuration(a.get(1)));
          return Results.one(Results.ok());
        });

    defs.function(
        OUTGOING_HANDLER,
        "handle",
        a -> {
          OutgoingRequest req = handles.take(a.get(0), outgoingRequest, OutgoingRequest.class);
          Optional<RequestOptions> opts =
              Args.option(a.get(1)).map(v -> handles.take(v, requestOptions, RequestOptions.class));
          try {
            return Results.one(
                Results.ok(handles.own(futureIncomingResponse, outgoing.handle(req, opts))));
          } catch (HttpErrorException e) {
            return Results.one(Results.err(errorCode(e.code())));
          }
        });
  }

  /** Functions on resources this host never creates: a call means a forged handle. */
  private void registerUnreachable(HostDefinitions defs) {
    for (String f :
        List.of(
            "[method]incoming-response.status",
            "[method]incoming-response.headers",
            "[method]incoming-response.consume",
            "[method]future-incoming-response.subscribe",
            "[method]future-incoming-response.get")) {
      defs.function(
          TYPES,
          f,
          a -> {
            throw new WasiTrap("wasi:http/types " + f + ": no such resource exists in this host");
          });
    }
  }

  // ---- conversions ----

  private <T> T takeParent(Value handle, ResourceType type, Class<T> cls, String function) {
    if (handle instanceof Value.ResourceValue r && handles.table().hasChildren(r.rep())) {
      throw new WasiTrap(
          "wasi:http/types " + function + ": its stream must be dropped before finishing");
    }
    return handles.take(handle, type, cls);
  }

  private static List<Value> unitResult(boolean ok) {
    return Results.one(ok ? Results.ok() : Results.err());
  }

  private Value entries(Fields f) {
    return Results.list(
        f.entries().stream()
            .map(e -> Results.tuple(Results.str(e.name()), Results.bytes(e.value())))
            .toList());
  }

  /** Lowers an error-code. */
  static Value errorCode(ErrorCode code) {
    return new Value.VariantValue(code.kind().ordinal(), code.payload());
  }

  /** Lifts an error-code. */
  static ErrorCode liftErrorCode(Value v) {
    int i = Args.caseIndex(v);
    ErrorCode.Kind[] kinds = ErrorCode.Kind.values();
    if (i < 0 || i >= kinds.length) {
      throw new IllegalArgumentException("error-code case " + i + " out of range");
    }
    return new ErrorCode(
        kinds[i], v instanceof Value.VariantValue vv ? vv.payload() : Optional.empty());
  }

  private static Value method(Method m) {
    int i = m.caseIndex();
    return i < Method.STANDARD.size()
        ? Results.variant(i)
        : Results.variant(i, Results.str(m.name()));
  }

  private static Method liftMethod(Value v) {
    int i = Args.caseIndex(v);
    return i < Method.STANDARD.size()
        ? new Method(Method.STANDARD.get(i))
        : new Method(Args.str(Args.payload(v)));
  }

  private static Value scheme(Scheme s) {
    int i = s.caseIndex();
    return i < 2 ? Results.variant(i) : Results.variant(i, Results.str(s.name()));
  }

  private static Scheme liftScheme(Value v) {
    return switch (Args.caseIndex(v)) {
      case 0 -> Scheme.HTTP;
      case 1 -> Scheme.HTTPS;
      default -> new Scheme(Args.str(Args.payload(v)));
    };
  }

  private static Value duration(OptionalLong d) {
    return d.isPresent() ? Results.some(Results.u64(d.getAsLong())) : Results.none();
  }

  private static OptionalLong liftDuration(Value v) {
    Optional<Value> o = Args.option(v);
    return o.isPresent() ? OptionalLong.of(Args.u64(o.get())) : OptionalLong.empty();
  }

  private Fields fields(List<Value> a) {
    return handles.get(a.get(0), fields, Fields.class);
  }

  private IncomingRequest request(List<Value> a) {
    return handles.get(a.get(0), incomingRequest, IncomingRequest.class);
  }

  private OutgoingResponse response(List<Value> a) {
    return handles.get(a.get(0), outgoingResponse, OutgoingResponse.class);
  }

  private OutgoingRequest outRequest(List<Value> a) {
    return handles.get(a.get(0), outgoingRequest, OutgoingRequest.class);
  }

  private RequestOptions options(List<Value> a) {
    return handles.get(a.get(0), requestOptions, RequestOptions.class);
  }
}
