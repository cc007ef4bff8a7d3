import { z } from 'zod';
import type { Settings, SettingsPatch } from './settings';

/**
 * Everything the renderer asks of its host. Implemented by preload/ (Electron, over IPC) and by
 * renderer/platform/web-desktop-api.ts (a plain browser). The renderer only ever sees this type.
 */
export interface DesktopApi {
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  /** Asks where to save (Electron: a save dialog; browser: a download). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Lets the user pick files to import; an empty list when cancelled. */
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>;
  getAppInfo(): Promise<AppInfo>;
  /** Opens an http(s) link in the system browser; other schemes are refused. */
  openExternal(url: string): Promise<void>;
  /** Secure token store for the sync session: the OS keychain in Electron. */
  getToken(account: string): Promise<string | null>;
  setToken(account: string, token: string): Promise<TokenStorage>;
  deleteToken(account: string): Promise<void>;
}

/** IPC channel of every DesktopApi method: one table, so preload and main cannot drift apart. */
export const desktopChannels = {
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  saveFile: 'file:save',
  openFiles: 'file:open',
  getAppInfo: 'app:info',
  openExternal: 'shell:open-external',
  getToken: 'token:get',
  setToken: 'token:set',
  deleteToken: 'token:delete',
} as const satisfies Record<keyof DesktopApi, string>;

export type DesktopChannel = (typeof desktopChannels)[keyof DesktopApi];

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9*]{1,10}$/i))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const saveFileRequestSchema = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', '文件名不能包含路径'),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, '文件内容必须是字节'),
  filters: z.array(fileFilterSchema).max(10).optional(),
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;
export type SaveFileResult = { status: 'saved'; path: string } | { status: 'cancelled' };

export const openFilesRequestSchema = z.object({
  filters: z.array(fileFilterSchema).max(10).optional(),
  multiple: z.boolean().optional(),
});
export type OpenFilesRequest = z.infer<typeof openFilesRequestSchema>;
export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  host: 'electron' | 'web';
  version: string;
  /** Where this host keeps the user's data (a folder in Electron, the browser profile on the web). */
  dataLocation: string;
}

/**
 * Where a token ended up: 'keychain' when the OS protects it, 'memory' when it is only held
 * for this session (Linux without a keyring, where Electron's safeStorage would store plain text).
 */
export type TokenStorage = 'keychain' | 'memory' | 'browser';

export const accountSchema = z.string().min(1).max(300);
export const tokenSchema = z.string().min(1).max(4096);

export const externalUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, '只能打开 http 或 https 链接');
