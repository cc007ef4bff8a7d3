import type { TokenStorage } from '../shared/desktop-api';

/** Where main keeps sync tokens; 'browser' is the web host's answer and never occurs here. */
export type DesktopTokenStorage = Exclude<TokenStorage, 'browser'>;

/** The part of Electron's safeStorage the token store uses (the async API; the sync one is deprecated). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  /** Linux only: which secret store the key comes from. */
  getSelectedStorageBackend(): string;
  encryptStringAsync(plainText: string): Promise<Uint8Array>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

/** Persistent key-value storage for the ciphertexts (an electron-store file in the app). */
export interface TokenBacking {
  get(key: string): unknown;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export interface TokenStore {
  get(account: string): Promise<string | null>;
  set(account: string, token: string): Promise<DesktopTokenStorage>;
  delete(account: string): Promise<void>;
}

/**
 * Whether a token may be written to disk, encrypted by safeStorage. On Linux without a
 * keyring (no GNOME Keyring / KWallet, e.g. a bare window manager or a server with X
 * forwarding) Electron falls back to 'basic_text': the "encryption" key is a constant in
 * Chromium's source, so a file written that way is as good as plain text. There, and whenever
 * encryption is unavailable, the token is held in memory only and the user signs in again
 * after a restart. 'unknown' means safeStorage was asked before the app was ready; treated the
 * same, because nothing is known about the key yet.
 */
export async function chooseTokenStorage(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<DesktopTokenStorage> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'memory';
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return 'memory';
  }
  return 'keychain';
}

export function createTokenStore(deps: {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  backing: TokenBacking;
  log?: (message: string) => void;
}): TokenStore {
  const inMemory = new Map<string, string>();
  // A prefix keeps account names such as "__proto__" or "" away from the store's own keys.
  const keyOf = (account: string) => `token:${account}`;

  async function encryptAndKeep(account: string, token: string) {
    const encrypted = await deps.safeStorage.encryptStringAsync(token);
    deps.backing.set(keyOf(account), Buffer.from(encrypted).toString('base64'));
  }

  return {
    async get(account) {
      const held = inMemory.get(account);
      if (held !== undefined) return held;
      if ((await chooseTokenStorage(deps.safeStorage, deps.platform)) !== 'keychain') return null;
      const stored = deps.backing.get(keyOf(account));
      if (typeof stored !== 'string') return null;
      try {
        const { result, shouldReEncrypt } = await deps.safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'));
        // The OS key was rotated: store the token again under the new key.
        if (shouldReEncrypt) await encryptAndKeep(account, result);
        return result;
      } catch (error) {
        // A keychain reset or a profile copied from another machine: the user signs in again.
        // The ciphertext is kept, in case the keychain is only locked for now.
        deps.log?.(`Stored token for an account could not be decrypted: ${String(error)}`);
        return null;
      }
    },

    async set(account, token) {
      const storage = await chooseTokenStorage(deps.safeStorage, deps.platform);
      if (storage === 'keychain') {
        await encryptAndKeep(account, token);
        inMemory.delete(account);
      } else {
        inMemory.set(account, token);
        // An older token stored while a keyring was available must not come back later.
        deps.backing.delete(keyOf(account));
      }
      return storage;
    },

    async delete(account) {
      inMemory.delete(account);
      deps.backing.delete(keyOf(account));
    },
  };
}
