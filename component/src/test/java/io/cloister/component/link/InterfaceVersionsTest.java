package io.cloister.component.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterfaceVersionsTest {

  @Test
  void sameMinorOfZeroMajorIsCompatible() {
    assertThat(InterfaceVersions.compatible("wasi:cli/environment@0.2.12", "wasi:cli/environment@0.2.0")).isTrue();
    assertThat(InterfaceVersions.compatible("wasi:cli/environment@0.2.0", "wasi:cli/environment@0.2.12")).isTrue();
    assertThat(InterfaceVersions.compatible("wasi:cli/environment@0.3.0", "wasi:cli/environment@0.2.0")).isFalse();
    assertThat(InterfaceVersions.compatible("wasi:cli/environment@0.0.1", "wasi:cli/environment@0.0.2")).isFalse();
  }

  @Test
  void sameMajorIsCompatibleFromOneOn() {
    assertThat(InterfaceVersions.compatible("a:b/c@1.4.0", "a:b/c@1.0.3")).isTrue();
    assertThat(InterfaceVersions.compatible("a:b/c@2.0.0", "a:b/c@1.9.9")).isFalse();
  }

  @Test
  void prereleasesAndOtherPackagesMatchOnlyExactly() {
    assertThat(InterfaceVersions.compatible("a:b/c@0.1.0-draft", "a:b/c@0.1.0-draft")).isTrue();
    assertThat(InterfaceVersions.compatible("a:b/c@0.1.0-draft", "a:b/c@0.1.0")).isFalse();
    assertThat(InterfaceVersions.compatible("a:b/c@0.1.0", "a:b/c@0.1.1-rc1")).isFalse();
    assertThat(InterfaceVersions.compatible("a:b/c@0.1.0", "a:b/d@0.1.0")).isFalse();
    assertThat(InterfaceVersions.compatible("a:b/c", "a:b/c@0.1.0")).isFalse();
    assertThat(InterfaceVersions.compatible("a:b/c", "a:b/c")).isTrue();
  }
}
