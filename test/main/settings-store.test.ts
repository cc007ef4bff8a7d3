import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// electron-store is `conf` plus Electron's paths; conf runs in Node, so the real storage
// code (file format, JSON-schema validation, our deserialize hook) is exercised here.
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore, settingsJsonSchema, settingsStoreOptions } from '../../main/settings-store';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const settingsFile = () => join(dir, 'settings.json');

function openStore() {
  const conf = new Conf<Settings>({ ...settingsStoreOptions, cwd: dir, configName: 'settings' });
  return { conf, store: createSettingsStore(conf) };
}

describe('settings JSON schema', () => {
  it('is derived from the zod schema: same keys, all required, nothing else allowed', () => {
    expect(Object.keys(settingsJsonSchema.properties).sort()).toEqual(Object.keys(settingsSchema.shape).sort());
    expect([...settingsJsonSchema.required].sort()).toEqual(Object.keys(settingsSchema.shape).sort());
    expect(settingsJsonSchema.additionalProperties).toBe(false);
    expect(settingsJsonSchema.properties.language).toMatchObject({ enum: ['zh-CN', 'en'] });
    expect(settingsJsonSchema.properties.userName).toMatchObject({ type: 'string', maxLength: 50 });
  });
});

describe('settings store (electron-store / conf with the derived schema)', () => {
  it('starts with the defaults and writes them to the file', async () => {
    const { store } = openStore();
    expect(store.get()).toEqual(defaultSettings);
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toEqual(defaultSettings);
  });

  it('keeps valid settings across a reopen', () => {
    openStore().store.set({
      language: 'en',
      userName: '王工',
      syncServerUrl: 'https://sync.example.com',
      companyName: '',
      userPhone: '',
      identityAsked: false,
    });
    expect(openStore().store.get()).toEqual({
      language: 'en',
      userName: '王工',
      syncServerUrl: 'https://sync.example.com',
      companyName: '',
      userPhone: '',
      identityAsked: false,
    });
  });

  it('refuses to write bad values, with a message naming the field', () => {
    const { store } = openStore();
    expect(() => store.set({ ...defaultSettings, language: 'fr' as Settings['language'] })).toThrow(/language/);
    expect(store.get()).toEqual(defaultSettings);
  });

  it('the JSON schema refuses bad values and unknown keys even when zod is bypassed', () => {
    const { conf } = openStore();
    expect(() => conf.set('language', 'fr' as Settings['language'])).toThrow(/Config schema violation: `language`/);
    expect(() => (conf as unknown as Conf).set('theme', 'dark')).toThrow(/must NOT have additional properties/);
    expect(() => conf.set('syncServerUrl', 'not a url')).toThrow(/Config schema violation/);
  });

  it('coerces a hand-edited file: bad values reset, unknown keys dropped, good values kept', async () => {
    await writeFile(
      settingsFile(),
      JSON.stringify({ language: 'klingon', userName: '赵工', syncServerUrl: 42, theme: 'dark' }),
    );
    const { store } = openStore();
    expect(store.get()).toEqual({
      language: 'zh-CN',
      userName: '赵工',
      syncServerUrl: '',
      companyName: '',
      userPhone: '',
      identityAsked: false,
    });
    // The next write replaces the junk in the file.
    store.set(store.get());
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toEqual({
      language: 'zh-CN',
      userName: '赵工',
      syncServerUrl: '',
      companyName: '',
      userPhone: '',
      identityAsked: false,
    });
  });

  it('reads a file that is not JSON at all as the defaults instead of failing to start', async () => {
    await writeFile(settingsFile(), '{ this is not json');
    expect(openStore().store.get()).toEqual(defaultSettings);
  });
});
