package io.cloister.attestation.collateral;

import java.util.List;
import java.util.Optional;

/**
 * A TDX module identity from TDX TCB info ({@code tdxModuleIdentities}): the expected signer and
 * attributes of TDX module version {@code id} (e.g. {@code TDX_01}) and its TCB levels by ISV SVN.
 *
 * @param id "TDX_" followed by the module's major version in two hex digits
 * @param mrSigner expected MRSIGNERSEAM, 48 bytes
 * @param attributes expected SEAMATTRIBUTES (after masking), 8 bytes
 * @param attributesMask mask applied to SEAMATTRIBUTES, 8 bytes
 * @param levels TCB levels by the module's SVN, newest first
 */
public record TdxModuleIdentity(
    String id, byte[] mrSigner, byte[] attributes, byte[] attributesMask, List<QeTcbLevel> levels) {

  /** Copies arrays and the list. */
  public TdxModuleIdentity {
    mrSigner = mrSigner.clone();
    attributes = attributes.clone();
    attributesMask = attributesMask.clone();
    levels = List.copyOf(levels);
  }

  @Override
  public byte[] mrSigner() {
    return mrSigner.clone();
  }

  @Override
  public byte[] attributes() {
    return attributes.clone();
  }

  @Override
  public byte[] attributesMask() {
    return attributesMask.clone();
  }

  /** The first level whose ISV SVN the module meets. */
  public Optional<QeTcbLevel> levelFor(int moduleSvn) {
    return levels.stream().filter(l -> moduleSvn >= l.isvSvn()).findFirst();
  }
}
