package io.cloister.wasi.keyvalue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {

  @Override
  KeyValueStore newStore() {
    return new InMemoryKeyValueStore();
  }

  @Test
  void bucketsAreSharedByNameAndSeparateFromEachOther() throws Exception {
    InMemoryKeyValueBuckets buckets = new InMemoryKeyValueBuckets();
    buckets.open("a").set("k", bytes("v"));
    assertThat(buckets.open("a").exists("k")).isTrue();
    assertThat(buckets.open("b").exists("k")).isFalse();
  }
}
