package io.cloister.attestation.ratls;

import java.util.Arrays;
import java.util.List;

/** Enclave configurations shared by the RA-TLS tests. */
final class TestConfigs {

  static final String ENCLAVE_HOST = "enclave.test";
  static final String HELLO_HOST = "hello.apps.test";
  static final String SHOP_HOST = "shop.apps.test";

  private TestConfigs() {}

  static byte[] filled(int b) {
    byte[] out = new byte[32];
    Arrays.fill(out, (byte) b);
    return out;
  }

  static AppDescriptor hello() {
    return new AppDescriptor(
        "hello",
        "/hello",
        HELLO_HOST,
        filled(0xaa),
        List.of("wasi:http/incoming-handler", "wasi:keyvalue/store"));
  }

  static AppDescriptor shop() {
    return new AppDescriptor("shop", "/shop", SHOP_HOST, filled(0xbb));
  }

  static EnclaveConfig twoApps() {
    return new EnclaveConfig(ENCLAVE_HOST, filled(0x11), List.of(hello(), shop()));
  }

  static EnclaveConfig oneApp() {
    return new EnclaveConfig(ENCLAVE_HOST, filled(0x11), List.of(hello()));
  }
}
