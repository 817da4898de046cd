package io.cloister.serve.route;

import io.cloister.serve.MountedApp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of the mounted apps, indexed by name, route prefix and host name. A mount
 * or unmount makes a new snapshot, so a request routes against one consistent set of apps.
 */
final class AppRoutes {
  private final Set<String> reserved;
  private final Map<String, LiveApp> byName;
  private final Map<String, LiveApp> byPrefix;
  private final Map<String, LiveApp> byHost;

  private AppRoutes(Set<String> reserved, Map<String, LiveApp> byName) {
    this.reserved = reserved;
    this.byName = Map.copyOf(byName);
    Map<String, LiveApp> prefixes = new HashMap<>();
    Map<String, LiveApp> hosts = new HashMap<>();
    for (LiveApp live : byName.values()) {
      prefixes.put(live.app().routePrefix(), live);
      live.app().hostName().ifPresent(h -> hosts.put(h, live));
    }
    this.byPrefix = Map.copyOf(prefixes);
    this.byHost = Map.copyOf(hosts);
  }

  /** No apps; {@code reserved} are the first path segments (e.g. {@code rpc}) no app may take. */
  static AppRoutes empty(Set<String> reserved) {
    return new AppRoutes(Set.copyOf(reserved), Map.of());
  }

  /**
   * Refuses {@code app} if its prefix is reserved or its prefix or host name belongs to an app of
   * another name (an app of the same name is replaced).
   */
  void check(MountedApp app) {
    String prefix = app.routePrefix();
    if (!prefix.isEmpty() && reserved.contains(prefix.substring(1))) {
      throw new MountRefusedException(app.name(), "route prefix " + prefix + " is reserved");
    }
    LiveApp holder = byPrefix.get(prefix);
    if (holder != null && !holder.app().name().equals(app.name())) {
      throw new MountRefusedException(
          app.name(),
          "route prefix \"" + prefix + "\" belongs to app " + holder.app().name());
    }
    if (app.hostName().isPresent()) {
      LiveApp hostHolder = byHost.get(app.hostName().get());
      if (hostHolder != null && !hostHolder.app().name().equals(app.name())) {
        throw new MountRefusedException(
            app.name(),
            "host name " + app.hostName().get() + " belongs to app " + hostHolder.app().name());
      }
    }
  }

  /** These routes with {@code live} added or replacing the app of its name ({@link #check} first). */
  AppRoutes with(LiveApp live) {
    Map<String, LiveApp> names = new HashMap<>(byName);
    names.put(live.app().name(), live);
    return new AppRoutes(reserved, names);
  }

  /** These routes without the app named {@code name}. */
  AppRoutes without(String name) {
    Map<String, LiveApp> names = new HashMap<>(byName);
    names.remove(name);
    return new AppRoutes(reserved, names);
  }

  Optional<LiveApp> app(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  List<LiveApp> apps() {
    return new ArrayList<>(byName.values());
  }

  int size() {
    return byName.size();
  }

  /**
   * The app for a request to {@code authority} (Host, maybe with a port) and {@code rawPath} with
   * {@code query}: never one under a reserved path; else the app of the host name, whatever the
   * path; else the app whose prefix is the path's first segment, which sees the rest of the path;
   * else the root app.
   */
  Optional<RouteTarget> route(String authority, String rawPath, String query) {
    String path = rawPath.isEmpty() ? "/" : rawPath;
    int segmentEnd = path.indexOf('/', 1);
    String first = path.substring(1, segmentEnd < 0 ? path.length() : segmentEnd);
    if (reserved.contains(first)) {
      return Optional.empty();
    }
    String suffix = query.isEmpty() ? "" : "?" + query;
    LiveApp byHostName = byHost.get(hostOf(authority));
    if (byHostName != null) {
      return Optional.of(new RouteTarget(byHostName, "", path + suffix));
    }
    LiveApp prefixed = first.isEmpty() ? null : byPrefix.get("/" + first);
    if (prefixed != null) {
      String rest = segmentEnd < 0 ? "/" : path.substring(segmentEnd);
      return Optional.of(new RouteTarget(prefixed, "/" + first, rest + suffix));
    }
    LiveApp root = byPrefix.get("");
    return root == null ? Optional.empty() : Optional.of(new RouteTarget(root, "", path + suffix));
  }

  /** The host of a Host header: port stripped, lower case ({@code [v6]} literals kept whole). */
  static String hostOf(String authority) {
    String host = authority;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      host = close < 0 ? host : host.substring(0, close + 1);
    } else {
      int colon = host.lastIndexOf(':');
      host = colon < 0 ? host : host.substring(0, colon);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.toLowerCase(Locale.ROOT);
  }
}
