import i18next from 'i18next';
import type { DesktopApi } from '../../../shared/desktop-api';
import type { HybridLogicalClock } from '../../../shared/hlc';
import type { QuotaExceeded } from '../../../shared/sync/protocol';
import type { FieldbookDb } from '../db';
import { SyncEngine, type SyncReport } from './sync-engine';
import { SyncHttp, SyncHttpError } from './sync-http';

export interface SyncAccount {
  serverUrl: string;
  username: string;
  displayName: string;
}

export interface SyncStatus {
  account: SyncAccount | null;
  running: boolean;
  /** What the browser says about the network, and whether the server answered last time. */
  online: boolean;
  lastSyncAt?: number;
  lastReport?: SyncReport;
  /** The last failure, in plain Chinese; cleared by the next success. */
  error?: string;
  /** When the last failure was the project's attachment quota on the server: its figures, for a translated message. */
  quotaExceeded?: QuotaExceeded;
  nextAttemptAt?: number;
}

const ACCOUNT_KEY = 'syncAccount';
const INTERVAL_MS = 3 * 60_000;
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 5 * 60_000;

export interface SyncServiceDeps {
  db: FieldbookDb;
  clock: HybridLogicalClock;
  api: DesktopApi;
  fetchImpl?: typeof fetch;
}

/**
 * Runs sync at start, when the network comes back, every few minutes and on demand; one round
 * at a time; backs off after failures. The UI reads its status through subscribe/getStatus.
 */
export class SyncService {
  private status: SyncStatus = { account: null, running: false, online: navigator.onLine };
  private readonly listeners = new Set<() => void>();
  private inFlight: Promise<void> | null = null;
  private followUp: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private verifyNext = false;
  private readonly onOnline = () => {
    this.update({ online: true });
    void this.syncNow();
  };
  private readonly onOffline = () => this.update({ online: false });

  constructor(private readonly deps: SyncServiceDeps) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = (): SyncStatus => this.status;

  async start(): Promise<void> {
    const stored = await this.deps.db.meta.get(ACCOUNT_KEY);
    this.update({ account: (stored?.value as SyncAccount | undefined) ?? null });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (this.status.account) void this.syncNow();
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearTimeout(this.timer);
  }

  async login(serverUrl: string, username: string, password: string): Promise<SyncAccount> {
    const http = new SyncHttp(serverUrl, () => null, this.deps.fetchImpl);
    const session = await http.login(username, password);
    await this.deps.api.setToken(tokenAccount(serverUrl), session.token);
    const account: SyncAccount = { serverUrl, username: session.user.username, displayName: session.user.displayName };
    await this.deps.db.meta.put({ key: ACCOUNT_KEY, value: account });
    this.failures = 0;
    this.update({ account, error: undefined });
    void this.syncNow();
    return account;
  }

  async logout(): Promise<void> {
    const account = this.status.account;
    if (!account) return;
    await this.http(account)
      .logout()
      .catch(() => undefined); // offline: the token still expires on the server by itself
    await this.deps.api.deleteToken(tokenAccount(account.serverUrl));
    await this.deps.db.meta.delete(ACCOUNT_KEY);
    clearTimeout(this.timer);
    this.update({ account: null, error: undefined, nextAttemptAt: undefined });
  }

  /**
   * Starts a round now. While one is running, one more round follows it (however often this is
   * called meanwhile): the running round may have pushed before the user's latest edit, and
   * 立即同步 promises that everything saved before the click reaches the server.
   */
  syncNow(verify = false): Promise<void> {
    // 立即同步 also compares every project's data with the server's (state-check.ts), which
    // background rounds do only every STATE_CHECK_INTERVAL_MS.
    if (verify) this.verifyNext = true;
    if (this.inFlight) {
      this.followUp ??= this.inFlight.then(() => {
        this.followUp = null;
        return this.syncNow();
      });
      return this.followUp;
    }
    this.inFlight = this.runRound().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async runRound(): Promise<void> {
    const account = this.status.account;
    if (!account) return;
    clearTimeout(this.timer);
    this.update({ running: true });
    try {
      const verify = this.verifyNext;
      this.verifyNext = false;
      const report = await new SyncEngine(
        this.deps.db,
        this.deps.clock,
        this.http(account),
        Date.now,
        verify ? { stateCheckIntervalMs: 0 } : {},
      ).syncOnce();
      this.failures = 0;
      this.update({
        running: false,
        online: true,
        lastSyncAt: Date.now(),
        lastReport: report,
        error: undefined,
        quotaExceeded: undefined,
      });
      this.schedule(INTERVAL_MS);
    } catch (error) {
      this.failures++;
      // Never a silent failure: an error without a message (some IndexedDB errors) still shows.
      const text =
        (error instanceof Error ? error.message : String(error)) ||
        i18next.t('syncErrors.failed', { name: error instanceof Error ? error.name : String(error) });
      // The server's request id goes with the message the user sees (and may report as 同步失败).
      const message =
        error instanceof SyncHttpError && error.requestId
          ? // (Never lose the message itself, even before the UI texts are loaded.)
            i18next.t('syncErrors.withRequestId', { message: text, requestId: error.requestId }) || text
          : text;
      if (!(error instanceof SyncHttpError)) console.error('sync round failed', error);
      const offline = error instanceof SyncHttpError && error.status === 0;
      const quotaExceeded = error instanceof SyncHttpError ? error.quota : undefined;
      this.update({ running: false, error: message, quotaExceeded, online: offline ? false : this.status.online });
      const retryable = !(error instanceof SyncHttpError) || error.retryable;
      if (retryable) this.schedule(Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (this.failures - 1)));
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), delay);
    this.update({ nextAttemptAt: Date.now() + delay });
  }

  /** The signed-in server's API (the team page manages members through it); null when signed out. */
  serverApi(): SyncHttp | null {
    return this.status.account ? this.http(this.status.account) : null;
  }

  private http(account: SyncAccount): SyncHttp {
    return new SyncHttp(
      account.serverUrl,
      () => this.deps.api.getToken(tokenAccount(account.serverUrl)),
      this.deps.fetchImpl,
    );
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** Tokens are kept per server origin. */
export function tokenAccount(serverUrl: string): string {
  return `sync:${new URL(serverUrl).origin}`;
}
