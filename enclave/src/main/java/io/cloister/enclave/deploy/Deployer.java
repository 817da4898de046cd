package io.cloister.enclave.deploy;

import io.cloister.artifact.Artifact;
import io.cloister.artifact.ArtifactException;
import io.cloister.attestation.attester.AttestationException;
import io.cloister.attestation.ratls.AppDescriptor;
import io.cloister.attestation.ratls.CertificateSet;
import io.cloister.attestation.ratls.EnclaveConfig;
import io.cloister.enclave.certs.EnclaveCertificates;
import io.cloister.enclave.protocol.AppStatus;
import io.cloister.enclave.protocol.DeployResult;
import io.cloister.enclave.protocol.DeploymentSpec;
import io.cloister.enclave.protocol.InvalidDeploymentException;
import io.cloister.enclave.state.ArtifactTooLargeException;
import io.cloister.enclave.history.DeploymentLog;
import io.cloister.enclave.history.DeploymentLogException;
import io.cloister.enclave.protocol.DeploymentLogEntry;
import io.cloister.enclave.protocol.LogTreeHead;
import io.cloister.enclave.state.DeploymentRecord;
import io.cloister.enclave.state.EnclaveStore;
import io.cloister.enclave.state.EnclaveStoreException;
import io.cloister.enclave.state.StagedArtifact;
import io.cloister.wasi.Capability;
import io.cloister.wasi.WasiHost;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one door through which apps are deployed, redeployed and undeployed. A deployment is
 * checked, received, hashed and compiled before anything changes; then, under one lock, its
 * certificates are issued for the new configuration, it is recorded durably, mounted, and the new
 * certificates are swapped in. A step that fails leaves the enclave as it was.
 */
public final class Deployer {
  private static final System.Logger LOG = System.getLogger(Deployer.class.getName());

  private final String enclaveHostName;
  private final byte[] measurement;
  private final EnclaveStore store;
  private final EnclaveCertificates certificates;
  private final AppMounts mounts;
  private final AppCompiler compiler;
  private final AppHosts hosts;
  private final Clock clock;
  private final long maxArtifactBytes;
  private final DeploymentLog log;
  private final Map<String, RunningApp> running = new LinkedHashMap<>();

  /**
   * A deployer over the apps already {@code running} (restored by {@link #restore}) and already
   * mounted, whose certificates are {@code certificates}; every change is appended to {@code log}.
   */
  public Deployer(
      String enclaveHostName,
      byte[] measurement,
      EnclaveStore store,
      EnclaveCertificates certificates,
      AppMounts mounts,
      AppCompiler compiler,
      AppHosts hosts,
      Clock clock,
      long maxArtifactBytes,
      DeploymentLog log,
      List<RunningApp> restored) {
    this.enclaveHostName = enclaveHostName;
    this.measurement = measurement.clone();
    this.store = store;
    this.certificates = certificates;
    this.mounts = mounts;
    this.compiler = compiler;
    this.hosts = hosts;
    this.clock = clock;
    this.maxArtifactBytes = maxArtifactBytes;
    this.log = log;
    restored.forEach(app -> running.put(app.name(), app));
  }

  /**
   * Brings back every deployment in {@code store}: each compiled from its kept artifact. One that
   * cannot be brought back (its artifact gone or changed, or no longer compiling) is logged and
   * left out; its record stays for an operator to redeploy or remove.
   */
  public static List<RunningApp> restore(
      EnclaveStore store, AppCompiler compiler, AppHosts hosts, String enclaveHostName)
      throws EnclaveStoreException {
    List<RunningApp> apps = new ArrayList<>();
    for (DeploymentRecord record : store.deployments()) {
      try {
        Artifact artifact = readArtifact(store.artifact(record));
        CompiledApp compiled =
            compiler.compile(
                artifact.componentBytes(),
                hosts.hostFor(record),
                compiler.engineFor(record.spec().engine(), artifact.componentBytes().length),
                record.spec().limits().maxMemoryBytes());
        apps.add(new RunningApp(record, hostNameOf(record.spec(), enclaveHostName), compiled));
      } catch (EnclaveStoreException | DeploymentException e) {
        LOG.log(Level.ERROR, "app " + record.name() + " could not be brought back: " + e.getMessage());
      }
    }
    return apps;
  }

  /** The configuration {@code apps} give: what the Merkle tree and certificates publish. */
  public static EnclaveConfig configOf(
      String enclaveHostName, byte[] measurement, List<RunningApp> apps, LogTreeHead log) {
    return new EnclaveConfig(
            enclaveHostName, measurement, apps.stream().map(RunningApp::descriptor).toList())
        .withDeploymentLog(log.size(), log.rootBytes());
  }

  /** The host name an app gets: its spec's, else {@code NAME.ENCLAVE-HOST}. */
  static String hostNameOf(DeploymentSpec spec, String enclaveHostName) {
    return spec.hostName().orElse(spec.name() + "." + enclaveHostName);
  }

  /**
   * Deploys the artifact read from {@code artifact} under {@code spec}, or redeploys the app of
   * that name.
   */
  public DeployResult deploy(DeploymentSpec spec, InputStream artifact, String caller)
      throws DeploymentException {
    try {
      spec.validate();
    } catch (InvalidDeploymentException e) {
      throw new DeploymentException(
          DeploymentException.Kind.INVALID_SPEC, e.field(), e.getMessage(), e);
    }
    List<String> capabilities;
    try {
      capabilities =
          spec.capabilities().isEmpty()
              ? Capability.names(Capability.DEFAULTS)
              : Capability.names(Capability.parseAll(spec.capabilities()));
    } catch (IllegalArgumentException e) {
      throw new DeploymentException(
          DeploymentException.Kind.INVALID_SPEC, "capabilities", e.getMessage(), e);
    }
    String hostName = hostNameOf(spec, enclaveHostName);
    synchronized (this) {
      checkConflicts(spec.name(), spec.routePrefix(), hostName); // fail before the upload is read
    }
    try (StagedArtifact staged = stage(artifact)) {
      Artifact upload = readArtifact(staged.bytes());
      DeploymentRecord record =
          new DeploymentRecord(
              spec,
              capabilities,
              staged.codeHash(),
              upload.kind().name().toLowerCase(java.util.Locale.ROOT),
              staged.size(),
              clock.instant());
      WasiHost host;
      try {
        host = hosts.hostFor(record);
      } catch (IllegalArgumentException e) {
        throw new DeploymentException(DeploymentException.Kind.INVALID_SPEC, "env", e.getMessage(), e);
      }
      CompiledApp compiled =
          compiler.compile(
              upload.componentBytes(),
              host,
              compiler.engineFor(spec.engine(), upload.componentBytes().length),
              spec.limits().maxMemoryBytes());
      RunningApp app = new RunningApp(record, hostName, compiled);
      synchronized (this) {
        checkConflicts(spec.name(), spec.routePrefix(), hostName);
        boolean redeploy = running.containsKey(spec.name());
        List<RunningApp> next = new ArrayList<>(running.values());
        next.removeIf(a -> a.name().equals(spec.name()));
        next.add(app);
        // Logged before it takes effect (the log may name a change a crash or a failure then
        // undid, never miss one that happened), and its new head is in the new configuration.
        LogTreeHead logHead =
            append(
                index ->
                    new DeploymentLogEntry(
                        index,
                        clock.instant(),
                        redeploy ? "redeploy" : "deploy",
                        spec.name(),
                        Optional.of(record.codeHashHex()),
                        Optional.of(spec.routePrefix()),
                        Optional.of(hostName),
                        capabilities,
                        caller));
        EnclaveConfig config = configOf(enclaveHostName, measurement, next, logHead);
        CertificateSet set = issue(config);
        try {
          store.put(record, staged);
        } catch (EnclaveStoreException e) {
          throw internal("cannot record the deployment of " + spec.name(), e);
        }
        mounts.mount(app);
        running.put(app.name(), app);
        certificates.install(config, set);
        LOG.log(
            Level.INFO,
            (redeploy ? "redeployed " : "deployed ")
                + spec.name()
                + " at "
                + spec.routePrefix()
                + " ("
                + hostName
                + "), code hash "
                + record.codeHashHex());
        return result(Optional.of(app), redeploy, set, logHead);
      }
    } catch (IOException e) {
      throw internal("cannot read the staged artifact", e);
    }
  }

  /** Removes the app {@code name}. */
  public synchronized DeployResult undeploy(String name, String caller) throws DeploymentException {
    RunningApp app = running.get(name);
    if (app == null) {
      throw new DeploymentException(DeploymentException.Kind.NOT_FOUND, "no app named '" + name + "'");
    }
    List<RunningApp> next = new ArrayList<>(running.values());
    next.remove(app);
    LogTreeHead logHead =
        append(index -> DeploymentLogEntry.undeploy(index, clock.instant(), name, caller));
    EnclaveConfig config = configOf(enclaveHostName, measurement, next, logHead);
    CertificateSet set = issue(config);
    try {
      store.remove(name);
    } catch (EnclaveStoreException e) {
      throw internal("cannot remove the deployment of " + name, e);
    }
    mounts.unmount(name);
    running.remove(name);
    certificates.install(config, set);
    LOG.log(Level.INFO, "undeployed " + name);
    return result(Optional.empty(), true, set, logHead);
  }

  /** The running apps, in deployment order. */
  public synchronized List<RunningApp> running() {
    return List.copyOf(running.values());
  }

  /** The running app {@code name}. */
  public synchronized Optional<RunningApp> running(String name) {
    return Optional.ofNullable(running.get(name));
  }

  /** The status of every running app. */
  public List<AppStatus> statuses() {
    CertificateSet set = certificates.current();
    return running().stream().map(a -> status(a, set)).toList();
  }

  /** The status of {@code app} under the certificates {@code set}. */
  public static AppStatus status(RunningApp app, CertificateSet set) {
    DeploymentRecord r = app.record();
    return new AppStatus(
        r.name(),
        r.spec().routePrefix(),
        Optional.of(app.hostName()),
        r.codeHashHex(),
        r.capabilities(),
        r.artifactKind(),
        r.artifactSize(),
        r.deployedAt(),
        app.compiled().serving(),
        EnclaveCertificates.fingerprint(set.select(Optional.of(app.hostName()))));
  }

  /** The deployment log's current head. */
  public LogTreeHead logHead() {
    return log.head();
  }

  private LogTreeHead append(java.util.function.LongFunction<DeploymentLogEntry> entry)
      throws DeploymentException {
    try {
      return log.append(entry);
    } catch (DeploymentLogException e) {
      throw internal("cannot append to the deployment log", e);
    }
  }

  private DeployResult result(
      Optional<RunningApp> app, boolean redeploy, CertificateSet set, LogTreeHead logHead) {
    return new DeployResult(
        app.map(a -> status(a, set)).orElse(null),
        redeploy,
        java.util.HexFormat.of().formatHex(set.merkleRoot()),
        EnclaveCertificates.fingerprint(set.enclaveCertificate()),
        EnclaveCertificates.appFingerprints(set),
        logHead);
  }

  private void checkConflicts(String name, String prefix, String hostName)
      throws DeploymentException {
    if (hostName.equals(enclaveHostName)) {
      throw new DeploymentException(
          DeploymentException.Kind.CONFLICT,
          "hostName",
          "'" + hostName + "' is the enclave's own host name",
          null);
    }
    for (RunningApp other : running.values()) {
      if (other.name().equals(name)) {
        continue; // a redeploy may keep or change its own prefix and host name
      }
      if (other.routePrefix().equals(prefix)) {
        throw new DeploymentException(
            DeploymentException.Kind.CONFLICT,
            "routePrefix",
            "the route prefix " + prefix + " is held by the app '" + other.name() + "'",
            null);
      }
      if (other.hostName().equals(hostName)) {
        throw new DeploymentException(
            DeploymentException.Kind.CONFLICT,
            "hostName",
            "the host name " + hostName + " is held by the app '" + other.name() + "'",
            null);
      }
    }
  }

  /**
   * What an upload holds ({@code artifact} module): a component, or a {@code .cwasm} of one, of
   * which only the component's wasm is used (the enclave compiles it itself); a core module, a
   * wasmtime ELF file and anything else are refused saying what they are.
   */
  private static Artifact readArtifact(byte[] bytes) throws DeploymentException {
    try {
      return Artifact.read(bytes);
    } catch (ArtifactException e) {
      throw new DeploymentException(
          DeploymentException.Kind.INVALID_ARTIFACT, null, e.getMessage(), e);
    }
  }

  private StagedArtifact stage(InputStream artifact) throws DeploymentException {
    try {
      return store.stage(artifact, maxArtifactBytes);
    } catch (ArtifactTooLargeException e) {
      throw new DeploymentException(DeploymentException.Kind.TOO_LARGE, null, e.getMessage(), e);
    } catch (EnclaveStoreException e) {
      throw internal("cannot receive the artifact", e);
    }
  }

  private CertificateSet issue(EnclaveConfig config) throws DeploymentException {
    try {
      return certificates.issueFor(config);
    } catch (AttestationException e) {
      throw internal("cannot obtain a quote for the new configuration", e);
    }
  }

  private static DeploymentException internal(String what, Exception e) {
    LOG.log(Level.ERROR, what + ": " + e.getMessage(), e);
    return new DeploymentException(
        DeploymentException.Kind.INTERNAL, null, what + ": " + e.getMessage(), e);
  }
}
