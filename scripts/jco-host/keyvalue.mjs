// In-memory wasi:keyvalue@0.2.0-draft (store, atomics) for `jco serve`, so the benchmark's
// peer can run the JavaScript app (jco ships no keyvalue host). Used by scripts/bench-http.sh.
const buckets = new Map();

class Bucket {
  #entries;
  constructor(entries) {
    this.#entries = entries;
  }
  get(key) {
    return this.#entries.get(key);
  }
  set(key, value) {
    this.#entries.set(key, value);
  }
  delete(key) {
    this.#entries.delete(key);
  }
  exists(key) {
    return this.#entries.has(key);
  }
  listKeys() {
    return { keys: [...this.#entries.keys()], cursor: undefined };
  }
  static entriesOf(bucket) {
    return bucket.#entries;
  }
}

export const store = {
  Bucket,
  open(identifier) {
    if (!buckets.has(identifier)) buckets.set(identifier, new Map());
    return new Bucket(buckets.get(identifier));
  },
};

export const atomics = {
  increment(bucket, key, delta) {
    const entries = Bucket.entriesOf(bucket);
    const value = (entries.get(key) ?? 0n) + delta;
    entries.set(key, value);
    return value;
  },
};
