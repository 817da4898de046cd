package io.cloister.enclave.manage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloister.attestation.ratls.CertificateSet;
import io.cloister.enclave.certs.EnclaveCertificates;
import io.cloister.enclave.certs.EnclaveIdentity;
import io.cloister.enclave.deploy.Deployer;
import io.cloister.enclave.deploy.DeploymentException;
import io.cloister.enclave.deploy.RunningApp;
import io.cloister.enclave.logs.AppLogStream;
import io.cloister.enclave.logs.AppLogs;
import io.cloister.enclave.protocol.DeployResult;
import io.cloister.enclave.protocol.DeploymentSpec;
import io.cloister.enclave.protocol.EnclaveInfo;
import io.cloister.enclave.protocol.LogEntry;
import io.cloister.enclave.protocol.ManagementPaths;
import io.cloister.enclave.protocol.Problem;
import io.cloister.enclave.protocol.ProtocolFormatException;
import io.cloister.enclave.protocol.ProtocolJson;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The management API's routes. A filter authenticates every request first: without the manager
 * token (as {@code Authorization: Bearer TOKEN}) the answer is 401 and the connection is closed, so
 * not a byte of a body is read (and a client that sent {@code Expect: 100-continue} never gets to
 * send one).
 */
public final class ManagementApi {
  private static final HeaderName DEPLOYMENT = HeaderNames.create(ManagementPaths.DEPLOYMENT_HEADER);
  private static final String VERSION = "0.1.0";

  private final ManagerToken token;
  private final Deployer deployer;
  private final EnclaveCertificates certificates;
  private final EnclaveIdentity identity;
  private final String hostName;
  private final AppLogs logs;
  private final BooleanSupplier stopping;

  /** Routes over {@code deployer}; a log stream ends once {@code stopping} says so. */
  public ManagementApi(
      ManagerToken token,
      Deployer deployer,
      EnclaveCertificates certificates,
      EnclaveIdentity identity,
      String hostName,
      AppLogs logs,
      BooleanSupplier stopping) {
    this.token = token;
    this.deployer = deployer;
    this.certificates = certificates;
    this.identity = identity;
    this.hostName = hostName;
    this.logs = logs;
    this.stopping = stopping;
  }

  /** Paths under this prefix (the attestation endpoints) are served without the token. */
  public static final String PUBLIC = "/.well-known/cloister/";

  /** Adds the routes to {@code routing}. */
  public void routing(HttpRouting.Builder routing) {
    routing
        .addFilter(this::authenticate)
        .get(ManagementPaths.ENCLAVE, this::info)
        .get(ManagementPaths.APPS, this::apps)
        .get(ManagementPaths.APPS + "/{name}", this::app)
        .put(ManagementPaths.APPS + "/{name}", this::deploy)
        .delete(ManagementPaths.APPS + "/{name}", this::undeploy)
        .get(ManagementPaths.APPS + "/{name}/logs", this::logs)
        .any(
            (req, res) ->
                ProblemResponses.send(
                    res,
                    Problem.of(
                        "not-found",
                        "Not found",
                        404,
                        req.prologue().method().text()
                            + " "
                            + req.path().rawPath()
                            + " is not part of the management API (docs/enclave.md)")));
  }

  private void authenticate(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (req.path().path().startsWith(PUBLIC)) {
      chain.proceed(); // attestation material: public, and what a caller checks before anything
      return;
    }
    Optional<String> auth = req.headers().first(HeaderNames.AUTHORIZATION);
    String presented =
        auth.filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).map(a -> a.substring(7).strip()).orElse(null);
    if (token.matches(presented)) {
      chain.proceed();
      return;
    }
    res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"cloister-enclave\"");
    res.header(HeaderNames.CONNECTION, "close");
    ProblemResponses.send(
        res,
        Problem.of(
            "unauthenticated",
            "Unauthenticated",
            401,
            auth.isEmpty()
                ? "the management API needs the manager token: Authorization: Bearer TOKEN"
                : "the token presented is not this enclave's manager token"));
    // Closing (rather than reading the body away to reuse the connection) is the point.
    throw new CloseConnectionException("unauthenticated management request; connection closed");
  }

  private void info(ServerRequest req, ServerResponse res) {
    CertificateSet set = certificates.current();
    EnclaveInfo info =
        new EnclaveInfo(
            hostName,
            identity.attester(),
            identity.simulated(),
            identity.mrEnclaveHex(),
            identity.mrSignerHex(),
            HexFormat.of().formatHex(set.merkleRoot()),
            EnclaveCertificates.fingerprint(set.enclaveCertificate()),
            EnclaveCertificates.appFingerprints(set),
            set.notAfter(),
            deployer.running().size(),
            VERSION);
    json(res, ProtocolJson.toJson(info));
  }

  private void apps(ServerRequest req, ServerResponse res) {
    json(res, ProtocolJson.appsToJson(deployer.statuses()));
  }

  private void app(ServerRequest req, ServerResponse res) {
    String name = req.path().pathParameters().get("name");
    Optional<RunningApp> app = deployer.running(name);
    if (app.isEmpty()) {
      notFound(res, name);
      return;
    }
    json(res, ProtocolJson.toJson(Deployer.status(app.get(), certificates.current())));
  }

  private void deploy(ServerRequest req, ServerResponse res) {
    String name = req.path().pathParameters().get("name");
    Optional<String> header = req.headers().first(DEPLOYMENT);
    if (header.isEmpty()) {
      ProblemResponses.send(
          res,
          Problem.of(
              "invalid-deployment",
              "Invalid deployment",
              400,
              "the deployment spec is missing: send it as JSON in the "
                  + ManagementPaths.DEPLOYMENT_HEADER
                  + " header, and the artifact's bytes as the body"));
      throw new CloseConnectionException("deploy without a spec; connection closed");
    }
    DeploymentSpec spec;
    try {
      spec = ProtocolJson.deploymentSpec(ProtocolJson.parse(header.get()));
    } catch (ProtocolFormatException e) {
      ProblemResponses.send(
          res,
          Problem.of(
              "invalid-deployment",
              "Invalid deployment",
              400,
              ManagementPaths.DEPLOYMENT_HEADER + " header: " + e.getMessage()));
      throw new CloseConnectionException("deploy with a malformed spec; connection closed");
    }
    if (!spec.name().equals(name)) {
      ProblemResponses.send(
          res,
          Problem.of(
                  "invalid-deployment",
                  "Invalid deployment",
                  400,
                  "the spec names the app '" + spec.name() + "' but the path names '" + name + "'")
              .withField("name"));
      throw new CloseConnectionException("deploy with mismatched names; connection closed");
    }
    if (!req.content().hasEntity()) {
      ProblemResponses.send(
          res,
          Problem.of(
              "invalid-artifact", "Invalid artifact", 400, "the request has no body: send the artifact's bytes"));
      return;
    }
    DeployResult result;
    try {
      result = deployer.deploy(spec, req.content().inputStream(), token.callerId());
    } catch (DeploymentException e) {
      ProblemResponses.send(res, ProblemResponses.of(e));
      if (!req.content().consumed()) {
        // a refusal before the whole upload was read: do not read the rest to keep the connection
        throw new CloseConnectionException("deploy refused; connection closed");
      }
      return;
    }
    json(res, ProtocolJson.toJson(result));
  }

  private void undeploy(ServerRequest req, ServerResponse res) {
    try {
      json(res, ProtocolJson.toJson(deployer.undeploy(req.path().pathParameters().get("name"), token.callerId())));
    } catch (DeploymentException e) {
      ProblemResponses.send(res, ProblemResponses.of(e));
    }
  }

  private void logs(ServerRequest req, ServerResponse res) {
    String name = req.path().pathParameters().get("name");
    boolean follow = !"false".equals(req.query().first("follow").orElse("true"));
    if (deployer.running(name).isEmpty() && logs.find(name).isEmpty()) {
      notFound(res, name);
      return;
    }
    AppLogStream stream = logs.of(name);
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    try (AppLogStream.Subscription sub = stream.subscribe();
        OutputStream out = res.outputStream()) {
      for (LogEntry e : sub.backlog()) {
        event(out, e);
      }
      out.flush();
      while (follow && !stopping.getAsBoolean()) {
        LogEntry e = sub.next(1000);
        if (e == null) {
          out.write(": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII));
        } else {
          event(out, e);
        }
        out.flush();
      }
    } catch (IOException | UncheckedIOException e) {
      // the subscriber went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void event(OutputStream out, LogEntry e) throws IOException {
    String data = ProtocolJson.text(ProtocolJson.toJson(e));
    out.write(("id: " + e.sequence() + "\nevent: log\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void notFound(ServerResponse res, String name) {
    ProblemResponses.send(res, Problem.of("not-found", "Not found", 404, "no app named '" + name + "'"));
  }

  private static void json(ServerResponse res, JsonNode node) {
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(ProtocolJson.text(node).getBytes(StandardCharsets.UTF_8));
  }
}
