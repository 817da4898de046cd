package io.cloister.attestation.verify;

/** A named appraisal rule; every refusal names the rule it broke by {@link #id()}. */
public enum Rule {
  QUOTE_FORMAT("quote.format", "the quote is well-formed"),
  QUOTE_UNSUPPORTED("quote.unsupported", "the quote type is one this verifier appraises (SGX v3)"),
  QE_VENDOR("quote.qe-vendor", "the quote comes from Intel's quoting enclave vendor"),
  CERTIFICATION_DATA("quote.certification-data", "the certification data is a PCK chain (type 5)"),
  CHAIN_MALFORMED("chain.malformed", "certificate chains parse and are complete"),
  CHAIN_ROOT("chain.root", "every chain ends in a trusted root"),
  CHAIN_SIGNATURE("chain.signature", "every certificate is signed by its issuer, a CA"),
  CHAIN_VALIDITY("chain.validity", "every certificate is valid at the verification time"),
  CHAIN_REVOKED("chain.revoked", "no intermediate CA is on the root CA CRL"),
  PCK_REVOKED("pck.revoked", "the PCK certificate is not on the PCK CRL"),
  CRL_SIGNATURE("crl.signature", "CRLs are signed by their issuing CA"),
  CRL_VALIDITY("crl.validity", "CRLs are current at the verification time"),
  PCK_EXTENSIONS("pck.extensions", "the PCK certificate carries well-formed SGX extensions"),
  QE_REPORT_SIGNATURE("qe.report.signature", "the PCK key signed the QE report"),
  QE_REPORT_DATA("qe.report.data", "the QE report binds SHA-256(attestation key || QE auth data)"),
  QUOTE_SIGNATURE("quote.signature", "the attestation key signed header and report body"),
  COLLATERAL_FORMAT("collateral.format", "the collateral is well-formed"),
  TCB_INFO_SIGNATURE("tcbinfo.signature", "the TCB signing key signed the TCB info"),
  TCB_INFO_VALIDITY("tcbinfo.validity", "the TCB info is current (issueDate..nextUpdate)"),
  TCB_INFO_MISMATCH(
      "tcbinfo.platform", "the TCB info is SGX TCB info for the PCK's FMSPC and PCE-ID"),
  QE_IDENTITY_SIGNATURE("qeidentity.signature", "the TCB signing key signed the QE identity"),
  QE_IDENTITY_VALIDITY("qeidentity.validity", "the QE identity is current (issueDate..nextUpdate)"),
  QE_IDENTITY_MISMATCH(
      "qeidentity.mismatch", "the QE's MRSIGNER, ISV product ID, MISCSELECT and attributes match"),
  TCB_LEVEL_UNKNOWN("tcb.level", "the platform's TCB matches a level of the TCB info"),
  TDX_MODULE_MISMATCH(
      "tdx.module", "the TDX module matches its identity in the TCB info and meets a level"),
  QE_TCB_LEVEL_UNKNOWN("qe.tcb.level", "the QE's ISV SVN matches a level of the QE identity"),
  POLICY_SIMULATED("policy.simulated", "simulated quotes are refused unless allowed"),
  POLICY_MRENCLAVE("policy.mrenclave", "MRENCLAVE equals the expected value"),
  POLICY_MRSIGNER("policy.mrsigner", "MRSIGNER equals the expected value"),
  POLICY_ISV_PROD_ID("policy.isv-prod-id", "ISV product ID equals the expected value"),
  POLICY_ISV_SVN("policy.isv-svn", "ISV SVN is at least the minimum"),
  POLICY_TCB_STATUS("policy.tcb-status", "the TCB status is an accepted one"),
  POLICY_ADVISORY("policy.advisory", "every advisory is an allowed one"),
  POLICY_DEBUG("policy.debug", "debug enclaves are refused unless allowed"),
  POLICY_COLLATERAL_AGE(
      "policy.collateral-age", "the collateral is not older than the maximum age");

  private final String id;
  private final String description;

  Rule(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** Stable identifier, e.g. {@code pck.revoked}. */
  public String id() {
    return id;
  }

  /** What the rule requires. */
  public String description() {
    return description;
  }
}
