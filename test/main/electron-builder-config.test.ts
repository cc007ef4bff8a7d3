import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// Both come with the toolchain (ajv through electron-store's conf, app-builder-lib through
// electron-builder): electron-builder's own JSON schema catches misspelt or misplaced options.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own configuration schema', () => {
    const require = createRequire(import.meta.url);
    const schemaPath = join(dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.fieldbook.app');
    expect(config.productName).toBe('Fieldbook');
  });

  it('ships only the build output and package.json, and no node_modules', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!node_modules/**']));
    const included = (config.files as string[]).filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/**', 'package.json']);
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.asar).toBe(true);
    // The packaged main process starts from the bundled file electron-vite writes.
    expect(packageJson.main).toBe('out/main/index.js');
  });

  it('flips the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and deb on Linux, nsis on Windows, dmg on macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('carries the Chinese name where the platform shows it, ASCII in file names', () => {
    expect(config.linux.desktop.entry.Name).toContain('运维现场手册');
    expect(config.nsis.shortcutName).toContain('运维现场手册');
    const artifactNames = [
      config.linux.artifactName,
      config.appImage.artifactName,
      config.nsis.artifactName,
      config.dmg.artifactName,
    ];
    for (const name of artifactNames) {
      expect(name).toMatch(/^[\x20-\x7e]+$/);
      expect(name).toContain('${version}');
    }
  });

  it('gives the deb the maintainer and homepage package.json lacks', () => {
    expect(config.deb.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux.maintainer).toBe(config.deb.maintainer);
    expect(config.extraMetadata.homepage).toMatch(/^https:\/\//);
  });
});
