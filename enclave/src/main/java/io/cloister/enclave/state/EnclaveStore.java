package io.cloister.enclave.state;

import java.io.InputStream;
import java.util.List;

/**
 * Where the enclave keeps its deployments so that a restart brings them back. Every write is
 * durable when the call returns. Implementations: {@link DirectoryEnclaveStore} (a directory on
 * the host, in the clear: the next issue seals it).
 */
public interface EnclaveStore {

  /**
   * Receives an artifact: streams {@code in} into the staging area, computing its SHA-256, and
   * refuses one of more than {@code maxBytes} as soon as it is longer (without reading the rest).
   *
   * @throws ArtifactTooLargeException past {@code maxBytes}
   */
  StagedArtifact stage(InputStream in, long maxBytes)
      throws EnclaveStoreException, ArtifactTooLargeException;

  /** Records {@code deployment} with the artifact {@code staged}, replacing one of the same name. */
  void put(DeploymentRecord deployment, StagedArtifact staged) throws EnclaveStoreException;

  /** Forgets the deployment of {@code name}; its artifact goes when no deployment names it. */
  void remove(String name) throws EnclaveStoreException;

  /** Every deployment kept, by name. */
  List<DeploymentRecord> deployments() throws EnclaveStoreException;

  /** The artifact of {@code deployment}, checked against its code hash. */
  byte[] artifact(DeploymentRecord deployment) throws EnclaveStoreException;
}
