package io.cloister.enclave.deploy;

import io.cloister.attestation.ratls.AppDescriptor;
import io.cloister.enclave.state.DeploymentRecord;

/** A deployed app as it runs: its record, its host name, and its compiled code. */
public record RunningApp(DeploymentRecord record, String hostName, CompiledApp compiled) {

  /** The app's name. */
  public String name() {
    return record.name();
  }

  /** The app's route prefix. */
  public String routePrefix() {
    return record.spec().routePrefix();
  }

  /** The app as the Config Merkle tree and its certificate publish it. */
  public AppDescriptor descriptor() {
    return new AppDescriptor(
        name(), routePrefix(), hostName, record.codeHash(), record.capabilities());
  }
}
