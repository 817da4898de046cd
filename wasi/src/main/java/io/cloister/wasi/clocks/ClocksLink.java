package io.cloister.wasi.clocks;

import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import io.cloister.wasi.link.Args;
import io.cloister.wasi.link.Handles;
import io.cloister.wasi.link.HostDefinitions;
import io.cloister.wasi.link.Results;
import java.util.List;

/** Binds {@code wasi:clocks} (wall-clock, monotonic-clock) to host definitions. */
public final class ClocksLink {
  /** {@code wasi:clocks/wall-clock}. */
  public static final String WALL_CLOCK = "wasi:clocks/wall-clock@0.2.0";

  /** {@code wasi:clocks/monotonic-clock}. */
  public static final String MONOTONIC_CLOCK = "wasi:clocks/monotonic-clock@0.2.0";

  private ClocksLink() {}

  /** Defines wall-clock. */
  public static void registerWallClock(HostDefinitions defs, WallClockHost wall) {
    defs.function(WALL_CLOCK, "now", a -> Results.one(datetime(wall.now())));
    defs.function(WALL_CLOCK, "resolution", a -> Results.one(datetime(wall.resolution())));
  }

  /** Defines monotonic-clock; its pollables are of {@code pollable}. */
  public static void registerMonotonicClock(
      HostDefinitions defs, MonotonicClockHost mono, Handles handles, ResourceType pollable) {
    defs.function(MONOTONIC_CLOCK, "now", a -> Results.one(Results.u64(mono.now())));
    defs.function(MONOTONIC_CLOCK, "resolution", a -> Results.one(Results.u64(mono.resolution())));
    defs.function(
        MONOTONIC_CLOCK,
        "subscribe-instant",
        a -> Results.one(handles.own(pollable, mono.subscribeInstant(Args.u64(a.get(0))))));
    defs.function(
        MONOTONIC_CLOCK,
        "subscribe-duration",
        a -> Results.one(handles.own(pollable, mono.subscribeDuration(Args.u64(a.get(0))))));
  }

  private static Value datetime(WallClockHost.Datetime d) {
    return new Value.RecordValue(List.of(Results.u64(d.seconds()), Results.u32(d.nanoseconds())));
  }
}
