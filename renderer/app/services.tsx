import { createContext, useContext } from 'react';
import type { DesktopApi } from '../../shared/desktop-api';
import type { Settings, SettingsPatch } from '../../shared/settings';
import type { DataLayer } from '../data/open-data';
import type { SyncService } from '../data/sync/sync-service';

export interface AppServices extends DataLayer {
  api: DesktopApi;
  sync: SyncService;
  settings: Settings;
  updateSettings(patch: SettingsPatch): Promise<void>;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}
