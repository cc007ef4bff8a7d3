import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Settings, SettingsPatch } from '../shared/settings';
import { App } from './app/App';
import { authorName } from './app/author';
import type { AppServices } from './app/services';
import { storeUnsavedEdits } from './components/unsaved-edits';
import { openDataLayer } from './data/open-data';
import { SyncService } from './data/sync/sync-service';
import { changeLanguage, initI18n } from './i18n';
import { getDesktopApi } from './platform';

async function start() {
  const api = getDesktopApi();
  const initialSettings = await api.getSettings();
  await initI18n(initialSettings.language);
  let author = authorName(initialSettings.userName);
  const data = await openDataLayer(() => author);
  // What was typed just before the last reload or crash, before the first sync takes it along.
  await storeUnsavedEdits(data.db, data.repo);
  const sync = new SyncService({ db: data.db, clock: data.clock, api });
  await sync.start();
  // Ask the browser not to evict our data under storage pressure; unsynced work lives here.
  void navigator.storage?.persist?.().catch(() => false);

  function Root() {
    const [settings, setSettings] = useState<Settings>(initialSettings);
    const services: AppServices = {
      ...data,
      api,
      sync,
      settings,
      async updateSettings(patch: SettingsPatch) {
        const next = await api.setSettings(patch);
        author = authorName(next.userName);
        if (next.language !== settings.language) await changeLanguage(next.language);
        setSettings(next);
      },
    };
    return <App services={services} />;
  }

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}

void start();
