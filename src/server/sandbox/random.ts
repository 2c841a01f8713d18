/** FNV-1a, 32-bit. Only used to turn ids into PRNG seeds, never for security. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seed for one independent aspect (`salt`) of an account, so adding an aspect never shifts the others. */
export function seedOf(id: string, salt: string): number {
  return fnv1a(`${id}\u0000${salt}`);
}

/** Deterministic PRNG (mulberry32) with the few helpers the generators need. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  static for(id: string, salt: string): Rng {
    return new Rng(seedOf(id, salt));
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks from `[item, weight]` pairs. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [item, weight] of entries) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return entries[entries.length - 1][0];
  }

  /** A log-uniform amount between min and max: many small values, a few large ones, as real spending. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.between(Math.log(min), Math.log(max)));
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += Math.floor(this.next() * 10);
    return out;
  }

  hex(count: number): string {
    let out = '';
    while (out.length < count) out += Math.floor(this.next() * 0x10000).toString(16).padStart(4, '0');
    return out.slice(0, count);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

/** A Mongo-ObjectId-looking 24-hex id, stable for the same inputs. */
export function objectIdFor(id: string, salt: string, atMs = Date.UTC(2024, 0, 1)): string {
  const seconds = Math.floor(atMs / 1000).toString(16).padStart(8, '0');
  return seconds + seedOf(id, salt).toString(16).padStart(8, '0') + seedOf(salt, id).toString(16).padStart(8, '0');
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Unpredictable tokens for session ids, job ids and codes (Web Crypto, available in every fetch runtime). */
export function randomToken(length: number, alphabet = TOKEN_ALPHABET): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

export function randomObjectId(atMs: number): string {
  return Math.floor(atMs / 1000).toString(16).padStart(8, '0') + randomToken(16, '0123456789abcdef');
}
