package io.cloister.wasi;

import io.cloister.wasi.clocks.ClockSource;
import io.cloister.wasi.keyvalue.InMemoryKeyValueBuckets;
import io.cloister.wasi.keyvalue.KeyValueBuckets;
import io.cloister.wasi.logging.AppLog;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One app's WASI configuration: name, version, environment, log, key-value storage, clock,
 * randomness and outgoing-HTTP allow-list. Immutable and shared by all of the app's instances;
 * {@link #newContext()} gives the per-instance state that goes on a linker.
 */
public final class WasiHost {
  /** The variable carrying the app's name in every app's environment. */
  public static final String APP_NAME_VARIABLE = "CLOISTER_APP_NAME";

  /** The variable carrying the app's version in every app's environment. */
  public static final String APP_VERSION_VARIABLE = "CLOISTER_APP_VERSION";

  private final String appName;
  private final String appVersion;
  private final List<Map.Entry<String, String>> environment;
  private final List<String> arguments;
  private final AppLog log;
  private final KeyValueBuckets keyValue;
  private final ClockSource clock;
  private final SecureRandom random;
  private final Set<String> outgoingAllowList;
  private final Set<Capability> capabilities;

  private WasiHost(Builder b) {
    this.appName = b.appName;
    this.appVersion = b.appVersion;
    List<Map.Entry<String, String>> env = new ArrayList<>();
    env.add(Map.entry(APP_NAME_VARIABLE, appName));
    env.add(Map.entry(APP_VERSION_VARIABLE, appVersion));
    b.variables.forEach((k, v) -> env.add(Map.entry(k, v)));
    this.environment = List.copyOf(env);
    List<String> args = new ArrayList<>();
    args.add(appName);
    args.addAll(b.arguments);
    this.arguments = List.copyOf(args);
    this.log = b.log;
    this.keyValue = b.keyValue;
    this.clock = b.clock;
    this.random = b.random;
    this.outgoingAllowList = Set.copyOf(b.outgoingAllowList);
    EnumSet<Capability> granted = EnumSet.noneOf(Capability.class);
    granted.addAll(b.capabilities);
    this.capabilities = Collections.unmodifiableSet(granted);
  }

  /** A builder for the app named {@code appName}. */
  public static Builder builder(String appName) {
    return new Builder(appName);
  }

  /** State for one new component instance: its resource table and the WASI hosts over it. */
  public WasiContext newContext() {
    return new WasiContext(this);
  }

  /** The app's name. */
  public String appName() {
    return appName;
  }

  /** The app's version. */
  public String appVersion() {
    return appVersion;
  }

  /** What {@code get-environment} returns: the app's name and version, then its variables. */
  public List<Map.Entry<String, String>> environment() {
    return environment;
  }

  /** What {@code get-arguments} returns: the app's name, then the configured arguments. */
  public List<String> arguments() {
    return arguments;
  }

  /** Where the app's log lines go. */
  public AppLog log() {
    return log;
  }

  /** The app's key-value buckets. */
  public KeyValueBuckets keyValue() {
    return keyValue;
  }

  /** The app's clocks. */
  public ClockSource clock() {
    return clock;
  }

  /** The app's source of secure randomness. */
  public SecureRandom random() {
    return random;
  }

  /** Host names outgoing HTTP requests may go to (none by default). */
  public Set<String> outgoingAllowList() {
    return outgoingAllowList;
  }

  /** The interfaces the app is granted; every other one is linked to its denial. */
  public Set<Capability> capabilities() {
    return capabilities;
  }

  /**
   * Builds a {@link WasiHost}; defaults: version "0", no variables, log and store in memory, the
   * {@link Capability#DEFAULTS default capabilities}.
   */
  public static final class Builder {
    private final String appName;
    private String appVersion = "0";
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private AppLog log = r -> {};
    private KeyValueBuckets keyValue = new InMemoryKeyValueBuckets();
    private ClockSource clock = ClockSource.SYSTEM;
    private SecureRandom random = new SecureRandom();
    private final Set<String> outgoingAllowList = new TreeSet<>();
    private Set<Capability> capabilities = Capability.DEFAULTS;

    private Builder(String appName) {
      this.appName = Objects.requireNonNull(appName, "appName");
    }

    /** The app's version, shown to it as {@value #APP_VERSION_VARIABLE}. */
    public Builder version(String version) {
      this.appVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /** Adds an environment variable the app sees (and replaces one of the same name). */
    public Builder variable(String name, String value) {
      if (name.equals(APP_NAME_VARIABLE) || name.equals(APP_VERSION_VARIABLE)) {
        throw new IllegalArgumentException(name + " is set by the host");
      }
      variables.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /** Adds a command-line argument after the app's name. */
    public Builder argument(String argument) {
      arguments.add(Objects.requireNonNull(argument));
      return this;
    }

    /** Where log records and stdout/stderr lines go. */
    public Builder log(AppLog log) {
      this.log = Objects.requireNonNull(log);
      return this;
    }

    /** The app's key-value buckets. */
    public Builder keyValue(KeyValueBuckets keyValue) {
      this.keyValue = Objects.requireNonNull(keyValue);
      return this;
    }

    /** The clocks the app reads. */
    public Builder clock(ClockSource clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The secure randomness the app gets. */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /** Allows outgoing HTTP requests to {@code host} (which this host does not send yet). */
    public Builder allowOutgoingHost(String host) {
      outgoingAllowList.add(Objects.requireNonNull(host));
      return this;
    }

    /** The interfaces the app may use (default: {@link Capability#DEFAULTS}). */
    public Builder capabilities(Set<Capability> granted) {
      this.capabilities = EnumSet.noneOf(Capability.class);
      this.capabilities.addAll(granted);
      return this;
    }

    /** The configuration. */
    public WasiHost build() {
      return new WasiHost(this);
    }
  }
}
