import { describe, expect, it } from 'vitest';
import { ByteBoundedCache } from './byte-bounded-cache.ts';

describe('the byte-bounded cache', () => {
  it('evicts the least recently used entries once the bytes held pass the bound', () => {
    // given a cache of 10 bytes holding a (4), b (4), with a used last
    const cache = new ByteBoundedCache<string>(10);
    cache.set('a', 'A', 4);
    cache.set('b', 'B', 4);
    expect(cache.get('a')).toBe('A');

    // when c (4) arrives
    cache.set('c', 'C', 4);

    // then b, the least recently used, is gone
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.bytesHeld).toBe(8);
  });

  it('does not keep a value larger than the whole cache', () => {
    // given a cache holding one small entry
    const cache = new ByteBoundedCache<string>(10);
    cache.set('a', 'A', 4);

    // when a value of 11 bytes is set
    cache.set('huge', 'H', 11);

    // then it is not kept and the small entry survives
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
  });
});
