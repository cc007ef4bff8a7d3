import { z } from 'zod';

/**
 * User settings. One schema for both hosts: electron-store (main process) gets its JSON schema
 * from it, the web host validates localStorage with it.
 */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const settingFields = {
  language: z.enum(languages),
  /** Shown as the author of every change made on this device. */
  userName: z.string().trim().max(50),
  /** The engineer's mobile number, offered when they add themselves to a project team. */
  userPhone: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .regex(/^[+\d][\d\s()-]{4,24}$/),
  ]),
  /** The first-start question (your name, your phone) was answered or skipped: not asked again. */
  identityAsked: z.boolean(),
  /** Address of the team sync server, e.g. https://fieldbook.example.com */
  syncServerUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  /** The service provider's company, on the cover and as 乙方 of every Word deliverable. */
  companyName: z.string().trim().max(100),
};

export const settingsSchema = z.object({
  language: settingFields.language.default('zh-CN'),
  userName: settingFields.userName.default(''),
  userPhone: settingFields.userPhone.default(''),
  identityAsked: settingFields.identityAsked.default(false),
  syncServerUrl: settingFields.syncServerUrl.default(''),
  companyName: settingFields.companyName.default(''),
});
export type Settings = z.infer<typeof settingsSchema>;

// Built from the fields without their defaults: zod applies defaults inside .partial(), which
// would reset every setting a patch does not mention.
export const settingsPatchSchema = z.object(settingFields).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

/** Reads possibly stale or hand-edited stored settings: unknown keys dropped, bad values reset. */
export function coerceSettings(stored: unknown): Settings {
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    const field = settingsSchema.shape[key].safeParse(source[key]);
    result[key] = field.success ? field.data : defaultSettings[key];
  }
  return result as Settings;
}
