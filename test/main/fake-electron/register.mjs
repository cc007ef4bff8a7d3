// `node --import ./register.mjs`: makes `import … from 'electron'` load ./electron.mjs, so the
// built main bundle runs in plain Node (the Electron binary is not available everywhere).
import { register } from 'node:module';

register('./resolve-electron.mjs', import.meta.url);
