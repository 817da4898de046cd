package io.cloister.serve;

import io.cloister.serve.guest.GuestFactory;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An app as an {@link AppServer} serves it: reached under {@code routePrefix}, or by any path on a
 * request whose Host is {@code hostName}.
 *
 * @param name the app's name, a DNS label (lower-case letters, digits, inner hyphens; 1..63)
 * @param routePrefix {@code /label} (one path segment, a DNS label), or {@code ""} (also given as
 *     {@code "/"}) for the root, which gets every path no other app or reserved route takes
 * @param hostName a host name whose requests go to this app whatever their path (lower-cased)
 * @param guests makes the app's instances
 * @param limits what the app may use
 */
public record MountedApp(
    String name,
    String routePrefix,
    Optional<String> hostName,
    GuestFactory guests,
    AppLimits limits) {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  public MountedApp {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(routePrefix, "routePrefix");
    Objects.requireNonNull(hostName, "hostName");
    Objects.requireNonNull(guests, "guests");
    Objects.requireNonNull(limits, "limits");
    if (!LABEL.matcher(name).matches()) {
      throw new IllegalArgumentException("app name is not a DNS label: \"" + name + "\"");
    }
    if (routePrefix.equals("/")) {
      routePrefix = "";
    }
    if (!routePrefix.isEmpty()
        && !(routePrefix.startsWith("/") && LABEL.matcher(routePrefix.substring(1)).matches())) {
      throw new IllegalArgumentException(
          "route prefix of app " + name + " is not /label or the root: \"" + routePrefix + "\"");
    }
    hostName = hostName.map(h -> h.toLowerCase(Locale.ROOT));
    if (hostName.isPresent() && (hostName.get().length() > 253 || !HOST.matcher(hostName.get()).matches())) {
      throw new IllegalArgumentException(
          "host name of app " + name + " is not a DNS name: \"" + hostName.get() + "\"");
    }
  }

  /** Whether this app is mounted at the root. */
  public boolean atRoot() {
    return routePrefix.isEmpty();
  }
}
