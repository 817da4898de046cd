package io.cloister.enclave.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an enclave's deployment log (ARCHITECTURE "Deployment log"): what happened to which
 * app, when, with which code, and who asked. Its leaf in the log is the entry's JSON text as
 * {@link ProtocolJson#text(com.fasterxml.jackson.databind.JsonNode)} writes it.
 *
 * @param index its position in the log, from 0
 * @param time when the enclave appended it
 * @param action {@code deploy}, {@code redeploy} or {@code undeploy}
 * @param app the app's name
 * @param codeHash the deployed code's SHA-256 (hex); empty for an undeploy
 * @param routePrefix the app's route prefix; empty for an undeploy
 * @param hostName the app's host name; empty for an undeploy
 * @param capabilities the interfaces granted; empty for an undeploy
 * @param caller who asked: the management credential, as {@code token:<first 16 hex of its
 *     SHA-256>}
 */
public record DeploymentLogEntry(
    long index,
    Instant time,
    String action,
    String app,
    Optional<String> codeHash,
    Optional<String> routePrefix,
    Optional<String> hostName,
    List<String> capabilities,
    String caller) {

  /** The actions an entry records. */
  public static final List<String> ACTIONS = List.of("deploy", "redeploy", "undeploy");

  /** Checks the action; copies. */
  public DeploymentLogEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(caller, "caller");
    if (!ACTIONS.contains(action)) {
      throw new IllegalArgumentException("action must be one of " + ACTIONS + ", got " + action);
    }
    capabilities = List.copyOf(capabilities);
  }

  /** The entry of an undeploy, which names no code, prefix, host name or capabilities. */
  public static DeploymentLogEntry undeploy(long index, Instant time, String app, String caller) {
    return new DeploymentLogEntry(
        index, time, "undeploy", app, Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), caller);
  }

  /** The entry's leaf: its JSON text in UTF-8. */
  public byte[] leaf() {
    return ProtocolJson.text(ProtocolJson.toJson(this)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
