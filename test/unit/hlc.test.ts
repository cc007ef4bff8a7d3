import { describe, expect, it } from 'vitest';
import { HybridLogicalClock, formatHlc, parseHlc } from '../../shared/hlc';

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    let wall = 1_700_000_000_000;
    const clock = new HybridLogicalClock('dev-a', () => wall);
    const first = clock.now();
    wall += 5;
    const second = clock.now();
    expect(parseHlc(first)).toEqual({ millis: 1_700_000_000_000, counter: 0, deviceId: 'dev-a' });
    expect(parseHlc(second)).toEqual({ millis: 1_700_000_000_005, counter: 0, deviceId: 'dev-a' });
  });

  it('keeps increasing when the wall clock stalls or goes backwards', () => {
    let wall = 1_700_000_000_000;
    const clock = new HybridLogicalClock('dev-a', () => wall);
    const stamps = [clock.now(), clock.now()];
    wall -= 86_400_000; // the user sets the clock back a day
    stamps.push(clock.now(), clock.now());
    wall += 86_400_000 + 10;
    stamps.push(clock.now());
    const sorted = [...stamps].sort();
    expect(sorted).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(parseHlc(stamps[3]!)).toMatchObject({ millis: 1_700_000_000_000, counter: 3 });
    expect(parseHlc(stamps[4]!)).toMatchObject({ millis: 1_700_000_000_010, counter: 0 });
  });

  it('orders after every timestamp it has observed', () => {
    const clock = new HybridLogicalClock('dev-a', () => 1000);
    const remote = formatHlc({ millis: 5000, counter: 7 }, 'dev-b');
    clock.observe(remote);
    const next = clock.now();
    expect(next > remote).toBe(true);
    expect(parseHlc(next)).toMatchObject({ millis: 5000, counter: 8 });
  });

  it('sorts as strings in time order across digit-count changes', () => {
    const early = formatHlc({ millis: 999, counter: 999_999 }, 'z');
    const late = formatHlc({ millis: 1000, counter: 0 }, 'a');
    expect(early < late).toBe(true);
  });

  it('breaks ties by device id', () => {
    const a = new HybridLogicalClock('aaa', () => 42).now();
    const b = new HybridLogicalClock('bbb', () => 42).now();
    expect(a < b).toBe(true);
  });

  it('rejects malformed timestamps', () => {
    expect(() => parseHlc('yesterday')).toThrow(/无效/);
  });
});
