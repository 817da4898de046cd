package io.cloister.wasi.io;

import io.cloister.component.link.HostFunction;
import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import io.cloister.wasi.link.Args;
import io.cloister.wasi.link.Fallible;
import io.cloister.wasi.link.Handles;
import io.cloister.wasi.link.HostDefinitions;
import io.cloister.wasi.link.Results;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code wasi:io} (error, poll, streams) to host definitions. */
public final class IoLink {
  /** {@code wasi:io/error}. */
  public static final String ERROR = "wasi:io/error@0.2.0";

  /** {@code wasi:io/poll}. */
  public static final String POLL = "wasi:io/poll@0.2.0";

  /** {@code wasi:io/streams}. */
  public static final String STREAMS = "wasi:io/streams@0.2.0";

  /** The resource types wasi:io defines, which other interfaces use. */
  public record Types(
      ResourceType error,
      ResourceType pollable,
      ResourceType inputStream,
      ResourceType outputStream) {}

  private final Handles handles;
  private Types types;

  private IoLink(Handles handles) {
    this.handles = handles;
  }

  /** Defines the three interfaces; returns their resource types. */
  public static Types register(HostDefinitions defs, Handles handles) {
    IoLink link = new IoLink(handles);
    ResourceType error = link.registerError(defs);
    ResourceType pollable = link.registerPoll(defs);
    ResourceType in =
        defs.resource(
            STREAMS,
            "input-stream",
            handles.dropper(WasiInputStream.class, WasiInputStream::close));
    ResourceType out =
        defs.resource(
            STREAMS,
            "output-stream",
            handles.dropper(WasiOutputStream.class, WasiOutputStream::close));
    link.types = new Types(error, pollable, in, out);
    link.registerStreams(defs);
    return link.types;
  }

  private ResourceType registerError(HostDefinitions defs) {
    ResourceType error = defs.resource(ERROR, "error", handles.dropper(IoError.class));
    defs.function(
        ERROR,
        "[method]error.to-debug-string",
        a -> Results.one(Results.str(handles.get(a.get(0), error, IoError.class).toDebugString())));
    return error;
  }

  private ResourceType registerPoll(HostDefinitions defs) {
    ResourceType pollable = defs.resource(POLL, "pollable", handles.dropper(Pollable.class));
    defs.function(
        POLL,
        "[method]pollable.ready",
        a -> Results.one(Results.bool(handles.get(a.get(0), pollable, Pollable.class).ready())));
    defs.function(
        POLL,
        "[method]pollable.block",
        a -> {
          PollHost.block(handles.get(a.get(0), pollable, Pollable.class));
          return Results.NONE;
        });
    defs.function(
        POLL,
        "poll",
        a -> {
          List<Pollable> ps = new ArrayList<>();
          for (Value v : Args.list(a.get(0))) {
            ps.add(handles.get(v, pollable, Pollable.class));
          }
          List<Value> ready = new ArrayList<>();
          for (int i : PollHost.poll(ps)) {
            ready.add(Results.u32(i));
          }
          return Results.one(Results.list(ready));
        });
    return pollable;
  }

  private HostFunction guarded(Fallible<StreamException> op) {
    return Fallible.toResult(StreamException.class, e -> streamError(e.error()), op);
  }

  /** Lowers a stream-error: {@code last-operation-failed(own<error>)} or {@code closed}. */
  private Value streamError(StreamError e) {
    return switch (e) {
      case StreamError.LastOperationFailed f ->
          Results.variant(0, handles.own(types.error(), f.error()));
      case StreamError.Closed c -> Results.variant(1);
    };
  }

  private void registerStreams(HostDefinitions defs) {
    String in = "[method]input-stream.";
    String out = "[method]output-stream.";
    defs.function(
        STREAMS, in + "read", guarded(a -> Results.bytes(input(a).read(Args.u64(a.get(1))))));
    defs.function(
        STREAMS,
        in + "blocking-read",
        guarded(a -> Results.bytes(input(a).blockingRead(Args.u64(a.get(1))))));
    defs.function(
        STREAMS, in + "skip", guarded(a -> Results.u64(input(a).skip(Args.u64(a.get(1))))));
    defs.function(
        STREAMS,
        in + "blocking-skip",
        guarded(a -> Results.u64(input(a).blockingSkip(Args.u64(a.get(1))))));
    defs.function(
        STREAMS,
        in + "subscribe",
        a -> Results.one(handles.ownChild(types.pollable(), input(a).subscribe(), a.get(0))));

    defs.function(STREAMS, out + "check-write", guarded(a -> Results.u64(output(a).checkWrite())));
    defs.function(
        STREAMS,
        out + "write",
        guarded(
            a -> {
              output(a).write(Args.bytes(a.get(1)));
              return null;
            }));
    defs.function(
        STREAMS,
        out + "blocking-write-and-flush",
        guarded(
            a -> {
              output(a).blockingWriteAndFlush(Args.bytes(a.get(1)));
              return null;
            }));
    defs.function(
        STREAMS,
        out + "flush",
        guarded(
            a -> {
              output(a).flush();
              return null;
            }));
    defs.function(
        STREAMS,
        out + "blocking-flush",
        guarded(
            a -> {
              output(a).blockingFlush();
              return null;
            }));
    defs.function(
        STREAMS,
        out + "subscribe",
        a -> Results.one(handles.ownChild(types.pollable(), output(a).subscribe(), a.get(0))));
    defs.function(
        STREAMS,
        out + "write-zeroes",
        guarded(
            a -> {
              output(a).writeZeroes(Args.u64(a.get(1)));
              return null;
            }));
    defs.function(
        STREAMS,
        out + "blocking-write-zeroes-and-flush",
        guarded(
            a -> {
              output(a).blockingWriteZeroesAndFlush(Args.u64(a.get(1)));
              return null;
            }));
    defs.function(
        STREAMS,
        out + "splice",
        guarded(
            a ->
                Results.u64(
                    output(a)
                        .splice(
                            handles.get(a.get(1), types.inputStream(), WasiInputStream.class),
                            Args.u64(a.get(2))))));
    defs.function(
        STREAMS,
        out + "blocking-splice",
        guarded(
            a ->
                Results.u64(
                    output(a)
                        .blockingSplice(
                            handles.get(a.get(1), types.inputStream(), WasiInputStream.class),
                            Args.u64(a.get(2))))));
  }

  private WasiInputStream input(List<Value> a) {
    return handles.get(a.get(0), types.inputStream(), WasiInputStream.class);
  }

  private WasiOutputStream output(List<Value> a) {
    return handles.get(a.get(0), types.outputStream(), WasiOutputStream.class);
  }
}
