package io.cloister.enclave.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up finds its component in the jar and takes it through compile, link and instance. */
class DeployWarmUpTest {
  @Test
  void theBuiltInComponentCompilesLinksAndServesHttp() {
    assertThat(DeployWarmUp.run(64L << 20)).isTrue();
  }

  @Test
  void aCapTooSmallForItFailsQuietly() {
    // One page is less than the component's own memory: instantiation fails, the warm-up says so.
    assertThat(DeployWarmUp.run(64 * 1024 - 1)).isFalse();
  }
}
