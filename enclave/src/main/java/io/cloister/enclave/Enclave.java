package io.cloister.enclave;

import io.cloister.artifact.cache.AuthenticatedCodeCache;
import io.cloister.artifact.cache.CompiledCodeCache;
import io.cloister.artifact.cache.DirectoryCodeCache;
import io.cloister.attestation.attester.AttestationException;
import io.cloister.attestation.attester.Attester;
import io.cloister.attestation.attester.GramineAttester;
import io.cloister.attestation.collateral.PcsClient;
import io.cloister.attestation.attester.SimulatedAttester;
import io.cloister.attestation.attester.SimulationAuthority;
import io.cloister.attestation.freshness.FreshnessResponder;
import io.cloister.attestation.ratls.RaTlsIssuer;
import io.cloister.enclave.certs.EnclaveCertificates;
import io.cloister.enclave.certs.EnclaveIdentity;
import io.cloister.enclave.deploy.AppCompiler;
import io.cloister.enclave.deploy.AppHosts;
import io.cloister.enclave.deploy.DeployWarmUp;
import io.cloister.enclave.deploy.Deployer;
import io.cloister.enclave.deploy.RunningApp;
import io.cloister.enclave.logs.AppLogs;
import io.cloister.enclave.logs.LogLines;
import io.cloister.enclave.manage.ManagementApi;
import io.cloister.enclave.manage.ManagerToken;
import io.cloister.enclave.history.DeploymentLog;
import io.cloister.enclave.kv.HostStore;
import io.cloister.enclave.kv.RocksHostStore;
import io.cloister.enclave.kv.SealedKeyValue;
import io.cloister.enclave.history.DeploymentLogException;
import io.cloister.enclave.route.HealthRoutes;
import io.cloister.enclave.route.LogRoutes;
import io.cloister.enclave.state.RecordSeal;
import io.cloister.enclave.state.SealingKey;
import io.cloister.enclave.rpc.McpRoutes;
import io.cloister.enclave.rpc.RpcApps;
import io.cloister.enclave.rpc.RpcRoutes;
import io.cloister.enclave.route.ServedApps;
import io.cloister.enclave.route.CollateralSource;
import io.cloister.enclave.route.PccsCollateral;
import io.cloister.enclave.route.SimulatedCollateral;
import io.cloister.enclave.route.WellKnownRoutes;
import io.cloister.enclave.state.DirectoryEnclaveStore;
import io.cloister.enclave.state.EnclaveStore;
import io.cloister.enclave.state.EnclaveStoreException;
import io.cloister.serve.AppLimits;
import io.cloister.serve.AppServer;
import io.cloister.serve.ListenerOptions;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.spec.SecretKeySpec;

/**
 * The enclave runtime process: it brings back its deployed apps, issues its certificates, and
 * serves the apps on one HTTPS listener and the management API on another, both with the same
 * RA-TLS certificates. Started by {@link #start}, stopped by {@link #close}.
 */
public final class Enclave implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Enclave.class.getName());

  private final EnclaveOptions options;
  private final EnclaveIdentity identity;
  private final ManagerToken token;
  private final EnclaveCertificates certificates;
  private final Deployer deployer;
  private final AppServer apps;
  private final WebServer manage;
  private final ScheduledExecutorService renewal;
  private final AtomicBoolean stopping;

  private Enclave(
      EnclaveOptions options,
      EnclaveIdentity identity,
      ManagerToken token,
      EnclaveCertificates certificates,
      Deployer deployer,
      AppServer apps,
      WebServer manage,
      ScheduledExecutorService renewal,
      AtomicBoolean stopping) {
    this.options = options;
    this.identity = identity;
    this.token = token;
    this.certificates = certificates;
    this.deployer = deployer;
    this.apps = apps;
    this.manage = manage;
    this.renewal = renewal;
    this.stopping = stopping;
  }

  /**
   * Starts an enclave as {@code options} say; app log lines are printed on {@code console}.
   *
   * @throws EnclaveStartException naming what could not be set up
   */
  public static Enclave start(EnclaveOptions options, PrintStream console)
      throws EnclaveStartException {
    try {
      Files.createDirectories(options.dataDir());
    } catch (IOException e) {
      throw new EnclaveStartException("cannot create the data directory " + options.dataDir(), e);
    }
    Attester attester = attester(options);
    EnclaveIdentity identity;
    try {
      identity = EnclaveIdentity.of(options.attester(), attester);
    } catch (AttestationException e) {
      throw new EnclaveStartException("the attester cannot quote: " + e.getMessage(), e);
    }
    ManagerToken token;
    try {
      token = ManagerToken.loadOrCreate(options.dataDir());
    } catch (IOException e) {
      throw new EnclaveStartException("the manager token: " + e.getMessage(), e);
    }
    SealingKey sealing;
    try {
      sealing =
          identity.simulated()
              ? SealingKey.simulated(options.dataDir())
              : SealingKey.gramine(GramineAttester.DEFAULT_DIRECTORY.resolve("keys"));
    } catch (IOException e) {
      throw new EnclaveStartException("the sealing key: " + e.getMessage(), e);
    }
    EnclaveStore store;
    try {
      store =
          DirectoryEnclaveStore.open(
              options.dataDir().resolve("state"),
              new RecordSeal(sealing.derive("deployment-records/aead")));
    } catch (EnclaveStoreException e) {
      throw new EnclaveStartException(e.getMessage(), e);
    }
    DeploymentLog deploymentLog;
    try {
      deploymentLog =
          DeploymentLog.open(options.dataDir().resolve("log"), sealing.derive("deployment-log/mac"));
    } catch (DeploymentLogException e) {
      // The host changed the log: serving on would hide it. An operator must look first.
      throw new EnclaveStartException(
          "refusing to serve: " + e.getMessage() + " (" + e.kind() + "); an operator must restore"
              + " the log or move it aside knowingly",
          e);
    }
    AppLogs logs = new AppLogs(entry -> console.println(LogLines.format(entry)));
    AppCompiler compiler =
        new AppCompiler(
            options.engine(),
            options.maxMemoryBytes(),
            codeCache(options, sealing),
            w -> LOG.log(Level.WARNING, w));
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RocksHostStore keyValueStore;
    try {
      keyValueStore = RocksHostStore.open(options.dataDir().resolve("kv-sealed"));
    } catch (HostStore.HostStoreException e) {
      throw new EnclaveStartException(e.getMessage(), e);
    }
    SealedKeyValue keyValue =
        new SealedKeyValue(
            keyValueStore,
            sealing,
            (app, what) -> {
              LOG.log(Level.WARNING, "key-value tampering detected for app " + app + ": " + what);
              metrics
                  .counter("cloister_kv_tampering", "app", app)
                  .increment(); // cloister_kv_tampering_total in /metrics
            });
    AppHosts hosts = new AppHosts(logs, keyValue);
    List<RunningApp> restored;
    try {
      restored = Deployer.restore(store, compiler, hosts, options.hostName());
    } catch (EnclaveStoreException e) {
      throw new EnclaveStartException("cannot read the deployments: " + e.getMessage(), e);
    }
    EnclaveCertificates certificates;
    try {
      certificates =
          EnclaveCertificates.issue(
              new RaTlsIssuer(attester),
              Clock.systemUTC(),
              Deployer.configOf(
                  options.hostName(), identity.mrEnclave(), restored, deploymentLog.head()));
    } catch (AttestationException e) {
      throw new EnclaveStartException("cannot issue the certificates: " + e.getMessage(), e);
    }
    AtomicBoolean stopping = new AtomicBoolean();
    AtomicBoolean ready = new AtomicBoolean();
    FreshnessResponder freshness = new FreshnessResponder(attester);
    LogRoutes logRoutes = new LogRoutes(deploymentLog, certificates);
    WellKnownRoutes wellKnown = new WellKnownRoutes(freshness, Optional.of(collateralSource(options, attester)));
    HealthRoutes health = new HealthRoutes(() -> ready.get() && !stopping.get());
    RpcApps rpcApps = new RpcApps();
    RpcRoutes rpc = new RpcRoutes(rpcApps, metrics);
    McpRoutes mcp = new McpRoutes(
            rpcApps,
            Optional.ofNullable(Enclave.class.getPackage().getImplementationVersion()).orElse("development"),
            metrics);
    AppServer appServer =
        AppServer.start(
            ListenerOptions.defaults().withHost(options.bind()).withPort(options.port()),
            Optional.of(certificates.serverContext()),
            routing -> {
              wellKnown.routing(routing);
              logRoutes.routing(routing);
              health.routing(routing);
              rpc.routing(routing);
              mcp.routing(routing);
              routing.get(
                  "/metrics",
                  (req, res) -> {
                    res.header(
                        io.helidon.http.HeaderNames.CONTENT_TYPE,
                        "text/plain; version=0.0.4; charset=utf-8");
                    res.send(metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                  });
            },
            metrics);
    ServedApps served =
        new ServedApps(
            appServer, rpcApps, AppLimits.defaults().withMaxMemory(options.maxMemoryBytes()));
    restored.forEach(served::mount);
    Deployer deployer =
        new Deployer(
            options.hostName(),
            identity.mrEnclave(),
            store,
            certificates,
            served,
            compiler,
            hosts,
            Clock.systemUTC(),
            options.maxArtifactBytes(),
            deploymentLog,
            restored);
    ManagementApi api =
        new ManagementApi(
            token, deployer, certificates, identity, options.hostName(), logs, stopping::get);
    WebServer manage;
    try {
      manage =
          WebServer.builder()
              .host(options.bind())
              .port(options.managePort())
              .shutdownHook(false)
              .maxPayloadSize(options.maxArtifactBytes())
              .tls(Tls.builder().sslContext(certificates.serverContext()).build())
              .routing(
                  routing -> {
                    wellKnown.routing(routing);
                    logRoutes.routing(routing);
                    api.routing(routing);
                  })
              .build()
              .start();
    } catch (RuntimeException e) {
      appServer.close();
      throw new EnclaveStartException("cannot start the management listener: " + e.getMessage(), e);
    }
    ScheduledExecutorService renewal =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("certificate-renewal").daemon().factory());
    renewal.scheduleWithFixedDelay(
        () -> {
          try {
            if (certificates.renewIfDue()) {
              LOG.log(Level.INFO, "renewed the certificates before they expire");
            }
          } catch (AttestationException | RuntimeException e) {
            LOG.log(Level.ERROR, "cannot renew the certificates: " + e.getMessage(), e);
          }
        },
        10,
        10,
        TimeUnit.MINUTES);
    ready.set(true);
    DeployWarmUp.start(options.maxMemoryBytes());
    return new Enclave(
        options,
        identity,
        token,
        certificates,
        deployer,
        appServer,
        manage,
        renewal,
        stopping);
  }

  /**
   * Where Chicory's generated classes are kept so a restart does not recompile: {@code
   * DATA/code-cache}, each entry HMAC-tagged with a key derived from the sealing key, so that a
   * class the enclave defines is one its own compiler wrote; an entry the host edited is refused and
   * recompiled from the wasm.
   */
  private static Optional<CompiledCodeCache> codeCache(EnclaveOptions options, SealingKey sealing) {
    return Optional.of(
        new AuthenticatedCodeCache(
            new DirectoryCodeCache(options.dataDir().resolve("code-cache")),
            new SecretKeySpec(sealing.derive("code-cache/mac"), "HmacSHA256"),
            what -> LOG.log(Level.WARNING, what + "; recompiling from the wasm")));
  }

  /**
   * A simulated enclave offers collateral from its own simulation authority; a hardware one
   * Intel's, fetched from the PCCS ({@code --pccs}) or Intel's PCS.
   */
  private static CollateralSource collateralSource(EnclaveOptions options, Attester attester) {
    if (attester instanceof SimulatedAttester simulated) {
      return new SimulatedCollateral(simulated.authority(), Clock.systemUTC());
    }
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
    PcsClient pcs =
        options
            .pccs()
            .map(uri -> PcsClient.pccs(uri, http, Clock.systemUTC()))
            .orElseGet(
                () ->
                    new PcsClient(
                        PcsClient.INTEL_PCS,
                        PcsClient.INTEL_ROOT_CA_CRL,
                        http,
                        Clock.systemUTC(),
                        java.time.Duration.ofSeconds(30)));
    return new PccsCollateral(pcs, attester);
  }

  private static Attester attester(EnclaveOptions options) throws EnclaveStartException {
    if (options.attester().equals("gramine")) {
      GramineAttester gramine = new GramineAttester();
      if (!gramine.available()) {
        throw new EnclaveStartException(
            "--attester gramine: no Gramine attestation interface at "
                + GramineAttester.DEFAULT_DIRECTORY
                + " (run under gramine-sgx with sgx.remote_attestation = \"dcap\")",
            null);
      }
      return gramine;
    }
    try {
      SimulationAuthority authority =
          SimulationAuthority.loadOrCreate(options.dataDir().resolve("simulation"));
      return new SimulatedAttester(authority, runtimeJars());
    } catch (AttestationException | IOException e) {
      throw new EnclaveStartException("cannot set up the simulated attester: " + e.getMessage(), e);
    }
  }

  /**
   * The jars this runtime runs from, what the simulated MRENCLAVE measures: the class path's jars
   * and the jars their manifests' {@code Class-Path} names ({@code java -jar cloister.jar} puts only
   * the launcher jar on the class path).
   */
  static List<Path> runtimeJars() throws IOException {
    java.util.Set<Path> jars = new java.util.LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath().normalize();
      if (!entry.endsWith(".jar") || !Files.isRegularFile(p) || !jars.add(p)) {
        continue;
      }
      try (java.util.jar.JarFile jar = new java.util.jar.JarFile(p.toFile())) {
        java.util.jar.Manifest manifest = jar.getManifest();
        String classPath =
            manifest == null
                ? null
                : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
        if (classPath != null) {
          for (String dep : classPath.trim().split("\\s+")) {
            Path d = p.resolveSibling(dep).normalize();
            if (Files.isRegularFile(d)) {
              jars.add(d);
            }
          }
        }
      }
    }
    return List.copyOf(jars);
  }

  /** The enclave's identity. */
  public EnclaveIdentity identity() {
    return identity;
  }

  /** The manager token. */
  public ManagerToken token() {
    return token;
  }

  /** The certificates. */
  public EnclaveCertificates certificates() {
    return certificates;
  }

  /** The deployer. */
  public Deployer deployer() {
    return deployer;
  }

  /** The apps' listener, e.g. {@code https://127.0.0.1:8443/}. */
  public URI appsUri() {
    return URI.create("https://" + options.bind() + ":" + apps.port() + "/");
  }

  /** The management listener, e.g. {@code https://127.0.0.1:9443}. */
  public URI manageUri() {
    return URI.create("https://" + options.bind() + ":" + manage.port());
  }

  /** The options it runs with. */
  public EnclaveOptions options() {
    return options;
  }

  /** Stops: no new connections, requests in flight finish within the stop grace, then exits. */
  @Override
  public void close() {
    stopping.set(true);
    renewal.shutdownNow();
    manage.stop();
    apps.close(options.stopGrace());
    // The key-value database is left open: a guest abandoned past its deadline may still hold
    // it, and RocksDB must not be used after close. Every acknowledged write is already synced.
  }
}
