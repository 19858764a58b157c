/**
 * The pointer-keyed hash map behind the strategies' caches and the ledger:
 * random operations agree with a JS Map.
 *
 * @module
 */
import { test } from "node:test";
import { assertEquals } from "@std/assert";
import { PtrMap } from "../../src/base/ptr_map.ts";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

test("PtrMap: random sets and deletes agree with Map, through growth and shrinking", () => {
  const random = lcg(42);
  // Addresses like the allocator's: 47-bit, 16-byte aligned, clustered.
  const keys = Array.from({ length: 5000 }, (_, i) => 0x5600_0000_0000 + i * 48 + (i % 5) * 16);
  const map = new PtrMap<number>();
  const model = new Map<number, number>();
  for (let step = 0; step < 100_000; step++) {
    const key = keys[Math.floor(random() * (step < 50_000 ? keys.length : 300))]!;
    if (random() < 0.45) assertEquals(map.delete(key), model.delete(key));
    else {
      map.set(key, step);
      model.set(key, step);
    }
    assertEquals(map.size, model.size);
  }
  for (const [k, v] of model) assertEquals(map.get(k), v);
  assertEquals(map.keys().sort(), [...model.keys()].sort());
  assertEquals(map.values().sort(), [...model.values()].sort());
  for (const k of keys) if (!model.has(k)) assertEquals(map.get(k), undefined);
  map.clear();
  assertEquals(map.size, 0);
  assertEquals(map.get(keys[0]!), undefined);
});
