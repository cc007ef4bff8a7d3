import ElectronStore from 'electron-store';
import type { Settings } from '../shared/settings';
import { createSettingsStore, settingsStoreOptions, type SettingsStore } from './settings-store';
import type { TokenBacking } from './token-store';

/**
 * The two electron-store files in the user-data folder. Kept apart from settings-store.ts and
 * token-store.ts because importing electron-store loads Electron, which unit tests cannot.
 */
export function openSettingsStore(): SettingsStore {
  return createSettingsStore(new ElectronStore<Settings>(settingsStoreOptions));
}

export function openTokenBacking(): TokenBacking {
  // Account names may contain dots (e-mail addresses): keys are taken literally, not as paths.
  const store = new ElectronStore<Record<string, string>>({
    name: 'tokens',
    accessPropertiesByDotNotation: false,
  });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}
