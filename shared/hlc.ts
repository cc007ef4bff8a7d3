/**
 * Hybrid logical clock (Kulkarni et al.): timestamps that follow the wall clock when it moves
 * forward, keep increasing when it stalls or goes backwards, and sort as plain strings.
 *
 * Format: 15-digit wall-clock milliseconds, 6-digit counter, device id, joined by '-':
 *   000001764240000000-000000-<deviceId>
 * The device id breaks ties between devices, so two clocks never produce equal timestamps.
 */
export interface HlcState {
  millis: number;
  counter: number;
}

const MILLIS_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export class HlcError extends Error {}

export function formatHlc(state: HlcState, deviceId: string): string {
  return `${String(state.millis).padStart(MILLIS_DIGITS, '0')}-${String(state.counter).padStart(COUNTER_DIGITS, '0')}-${deviceId}`;
}

export function parseHlc(hlc: string): HlcState & { deviceId: string } {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(hlc);
  if (!match) throw new HlcError(`无效的时间戳: ${hlc}`);
  return { millis: Number(match[1]), counter: Number(match[2]), deviceId: match[3]! };
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && /^\d{15}-\d{6}-.+$/.test(value);
}

/**
 * The device that issued a timestamp. A clock's node id is `<deviceId>` or
 * `<deviceId>.<session>` (each open of the app gets its own session suffix), so the device is
 * what comes before the first dot.
 */
export function hlcDevice(hlc: string): string {
  return parseHlc(hlc).deviceId.split('.')[0]!;
}

/** Wall-clock milliseconds of a timestamp: what a person reads as "when". */
export function hlcMillis(hlc: string): number {
  return parseHlc(hlc).millis;
}

export class HybridLogicalClock {
  private state: HlcState;

  constructor(
    readonly deviceId: string,
    private readonly wallClock: () => number = Date.now,
    last?: string,
  ) {
    this.state = { millis: 0, counter: 0 };
    if (last) this.observe(last);
  }

  /** A timestamp for a local event, greater than every one this clock has made or seen. */
  now(): string {
    const wall = this.wallClock();
    if (wall > this.state.millis) {
      this.state = { millis: wall, counter: 0 };
    } else {
      this.bumpCounter();
    }
    return formatHlc(this.state, this.deviceId);
  }

  /**
   * Takes note of a timestamp made elsewhere (a pulled change, or this device's own last
   * timestamp read back at start-up), so the next local one sorts after it.
   */
  observe(remote: string): void {
    const { millis, counter } = parseHlc(remote);
    if (millis > this.state.millis || (millis === this.state.millis && counter > this.state.counter)) {
      this.state = { millis, counter };
    }
  }

  /**
   * Moves the clock back to `hlc`. Only for undoing timestamps that a wrong wall clock put in
   * the future and that never left this device (the server refused them): see sync-engine.ts.
   */
  rewindTo(hlc: string | undefined): void {
    this.state = hlc ? { millis: parseHlc(hlc).millis, counter: parseHlc(hlc).counter } : { millis: 0, counter: 0 };
  }

  /** The latest timestamp this clock has issued or observed (without advancing it). */
  peek(): string {
    return formatHlc(this.state, this.deviceId);
  }

  private bumpCounter(): void {
    if (this.state.counter >= MAX_COUNTER) {
      // A million events in one millisecond means the clock is stuck far in the future.
      this.state = { millis: this.state.millis + 1, counter: 0 };
      return;
    }
    this.state = { millis: this.state.millis, counter: this.state.counter + 1 };
  }
}
