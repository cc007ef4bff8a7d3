import { describe, expect, it } from 'vitest';
import { chooseTokenStorage, createTokenStore, type SafeStorageLike, type TokenBacking } from '../../main/token-store';

/** A stand-in for Electron's safeStorage: reversible, but never the plain text. */
function fakeSafeStorage(options: { available: boolean; backend?: string; reEncrypt?: boolean }) {
  const calls = { encrypt: 0, decrypt: 0 };
  let keyVersion = 1;
  const safeStorage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => options.available,
    getSelectedStorageBackend: () => {
      if (options.backend === undefined) throw new Error('getSelectedStorageBackend is Linux-only');
      return options.backend;
    },
    encryptStringAsync: async (plainText) => {
      calls.encrypt++;
      return new TextEncoder().encode(`v${keyVersion}:${[...plainText].reverse().join('')}`);
    },
    decryptStringAsync: async (encrypted) => {
      calls.decrypt++;
      const text = new TextDecoder().decode(encrypted);
      const match = /^v(\d+):(.*)$/s.exec(text);
      if (!match) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return {
        result: [...match[2]!].reverse().join(''),
        shouldReEncrypt: options.reEncrypt === true && Number(match[1]) < keyVersion,
      };
    },
  };
  return { safeStorage, calls, rotateKey: () => keyVersion++ };
}

function mapBacking() {
  const map = new Map<string, string>();
  const backing: TokenBacking = {
    get: (key) => map.get(key),
    set: (key, value) => void map.set(key, value),
    delete: (key) => void map.delete(key),
  };
  return { map, backing };
}

describe('chooseTokenStorage: where a token may live', () => {
  it.each([
    { platform: 'linux', available: true, backend: 'basic_text', expected: 'memory' },
    { platform: 'linux', available: true, backend: 'unknown', expected: 'memory' },
    { platform: 'linux', available: false, backend: 'gnome_libsecret', expected: 'memory' },
    { platform: 'linux', available: true, backend: 'gnome_libsecret', expected: 'keychain' },
    { platform: 'linux', available: true, backend: 'kwallet5', expected: 'keychain' },
    { platform: 'darwin', available: true, backend: undefined, expected: 'keychain' },
    { platform: 'win32', available: true, backend: undefined, expected: 'keychain' },
    { platform: 'darwin', available: false, backend: undefined, expected: 'memory' },
    { platform: 'win32', available: false, backend: undefined, expected: 'memory' },
  ] as const)(
    '$platform, available=$available, backend=$backend → $expected',
    async ({ platform, available, backend, expected }) => {
      const { safeStorage } = fakeSafeStorage({ available, ...(backend ? { backend } : {}) });
      expect(await chooseTokenStorage(safeStorage, platform)).toBe(expected);
    },
  );
});

describe('createTokenStore', () => {
  it('with a keychain: stores only ciphertext, and the token round-trips across a restart', async () => {
    const { safeStorage } = fakeSafeStorage({ available: true, backend: 'gnome_libsecret' });
    const { map, backing } = mapBacking();
    const first = createTokenStore({ safeStorage, platform: 'linux', backing });
    expect(await first.set('engineer@example.com', 'tok-秘密-123')).toBe('keychain');
    expect([...map.keys()]).toEqual(['token:engineer@example.com']);
    const stored = map.get('token:engineer@example.com')!;
    expect(Buffer.from(stored, 'base64').toString('utf8')).not.toContain('tok-秘密-123');

    const afterRestart = createTokenStore({ safeStorage, platform: 'linux', backing });
    expect(await afterRestart.get('engineer@example.com')).toBe('tok-秘密-123');
    await afterRestart.delete('engineer@example.com');
    expect(await afterRestart.get('engineer@example.com')).toBeNull();
    expect(map.size).toBe(0);
  });

  it('on Linux with basic_text: keeps the token in memory only, and it is gone after a restart', async () => {
    const { safeStorage, calls } = fakeSafeStorage({ available: true, backend: 'basic_text' });
    const { map, backing } = mapBacking();
    const store = createTokenStore({ safeStorage, platform: 'linux', backing });
    expect(await store.set('a', 'memory-token')).toBe('memory');
    expect(await store.get('a')).toBe('memory-token');
    expect(map.size).toBe(0);
    expect(calls.encrypt).toBe(0);
    expect(await createTokenStore({ safeStorage, platform: 'linux', backing }).get('a')).toBeNull();
  });

  it('without encryption: memory only; a token stored earlier with a keyring is removed, not resurrected', async () => {
    const { map, backing } = mapBacking();
    const withKeyring = fakeSafeStorage({ available: true, backend: 'kwallet' });
    await createTokenStore({ safeStorage: withKeyring.safeStorage, platform: 'linux', backing }).set('a', 'old');
    expect(map.size).toBe(1);

    const noKeyring = fakeSafeStorage({ available: false, backend: 'kwallet' });
    const store = createTokenStore({ safeStorage: noKeyring.safeStorage, platform: 'linux', backing });
    expect(await store.get('a')).toBeNull();
    expect(await store.set('a', 'new')).toBe('memory');
    expect(map.size).toBe(0);
    expect(await store.get('a')).toBe('new');
  });

  it('keeps accounts apart, including awkward names', async () => {
    const { safeStorage } = fakeSafeStorage({ available: true });
    const store = createTokenStore({ safeStorage, platform: 'darwin', backing: mapBacking().backing });
    await store.set('__proto__', 'p');
    await store.set('a.b.c', 'dots');
    await store.set('a', 'plain');
    expect(await store.get('__proto__')).toBe('p');
    expect(await store.get('a.b.c')).toBe('dots');
    expect(await store.get('a')).toBe('plain');
    expect(await store.get('b')).toBeNull();
  });

  it('re-encrypts when the OS key was rotated', async () => {
    const fake = fakeSafeStorage({ available: true, reEncrypt: true });
    const { map, backing } = mapBacking();
    const store = createTokenStore({ safeStorage: fake.safeStorage, platform: 'win32', backing });
    await store.set('a', 'tok');
    const before = map.get('token:a');
    fake.rotateKey();
    expect(await store.get('a')).toBe('tok');
    expect(map.get('token:a')).not.toBe(before);
    expect(Buffer.from(map.get('token:a')!, 'base64').toString()).toMatch(/^v2:/);
  });

  it('returns null (and logs) when a stored token cannot be decrypted', async () => {
    const { safeStorage } = fakeSafeStorage({ available: true });
    const { map, backing } = mapBacking();
    map.set('token:a', Buffer.from('garbage').toString('base64'));
    const logged: string[] = [];
    const store = createTokenStore({ safeStorage, platform: 'darwin', backing, log: (m) => logged.push(m) });
    expect(await store.get('a')).toBeNull();
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toContain('garbage');
  });
});
