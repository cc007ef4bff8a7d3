import type { Options as ElectronStoreOptions } from 'electron-store';
import { z } from 'zod';
import { coerceSettings, defaultSettings, settingsSchema, type Settings } from '../shared/settings';

/** What the IPC handlers need of the settings file. */
export interface SettingsStore {
  /** Always a complete, valid Settings object, whatever is in the file. */
  get(): Settings;
  /** Replaces the stored settings; refuses (throws) anything the schema rejects. */
  set(settings: Settings): void;
}

/**
 * The part of electron-store (really of its base class `conf`) this module uses. Tests pass a
 * real `conf` instance in a temporary folder, which is what electron-store is minus Electron.
 */
export interface SettingsBacking {
  store: Settings;
}

/**
 * JSON schema for electron-store, derived from the zod schema so the two cannot drift apart.
 * zod's `$schema` key is left out: electron-store wraps the properties into its own root schema.
 */
const derivedSchema = z.toJSONSchema(settingsSchema) as {
  properties: Record<keyof Settings, object>;
  required: (keyof Settings)[];
};

export const settingsJsonSchema = {
  type: 'object',
  properties: derivedSchema.properties,
  required: derivedSchema.required,
  additionalProperties: false,
} as const;

/**
 * Options for the electron-store holding the settings. Writes are checked against the JSON
 * schema (a second line behind the zod check in the IPC handler). Reads go through
 * coerceSettings in `deserialize`, before electron-store validates: a hand-edited or stale file
 * then loses only its bad values instead of throwing "Config schema violation" at start-up, and
 * a file that is not JSON at all reads as the defaults.
 */
export const settingsStoreOptions = {
  name: 'settings',
  schema: settingsJsonSchema.properties,
  rootSchema: { required: settingsJsonSchema.required, additionalProperties: false },
  defaults: defaultSettings,
  accessPropertiesByDotNotation: false,
  deserialize: (text: string): Settings => coerceSettings(parseJsonOrNothing(text)),
} as unknown as ElectronStoreOptions<Settings>;

export function createSettingsStore(backing: SettingsBacking): SettingsStore {
  return {
    get: () => coerceSettings(backing.store),
    set: (settings) => {
      // Assigning the whole object (not key by key) also drops keys an older version stored.
      backing.store = settingsSchema.parse(settings);
    },
  };
}

function parseJsonOrNothing(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
