import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: `${import.meta.dirname}/../..` });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('layering rules', () => {
  it('shared/ may not import electron, Node or the renderer, nor touch DOM globals', async () => {
    expect(await ruleIds('shared/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds('shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        'shared/probe.ts',
        "import { FieldbookDb } from '../renderer/data/db';\nexport const a = FieldbookDb;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('shared/probe.ts', 'export const a = window.location.href;\n')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIds('shared/probe.ts', "import { z } from 'zod';\nexport const a = z.string();\n")).toEqual([]);
  });

  it('renderer/ may not import electron, Node or main/', async () => {
    expect(
      await ruleIds('renderer/probe.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('renderer/probe.ts', "import path from 'node:path';\nexport const a = path;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds('renderer/probe.ts', "import * as m from '../main/window';\nexport const a = m;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds('renderer/probe.ts', "import Dexie from 'dexie';\nexport const a = Dexie;\n")).toEqual([]);
  });

  it('main/ may not import the renderer', async () => {
    expect(
      await ruleIds(
        'main/probe.ts',
        "import { Repository } from '../renderer/data/repository';\nexport const a = Repository;\n",
      ),
    ).toContain('no-restricted-imports');
  });
});
