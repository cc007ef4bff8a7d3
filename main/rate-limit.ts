/**
 * Allows at most `max` events in any `windowMs`. Used where one IPC call has an effect outside
 * the app (opening the system browser): a runaway loop in the renderer must not be able to open
 * hundreds of browser tabs. The clock is injected so the rule is tested without waiting.
 */
export function createRateLimit(options: { max: number; windowMs: number; now: () => number }) {
  const recent: number[] = [];
  return function tryTake(): boolean {
    const now = options.now();
    while (recent.length > 0 && now - recent[0]! >= options.windowMs) recent.shift();
    if (recent.length >= options.max) return false;
    recent.push(now);
    return true;
  };
}
