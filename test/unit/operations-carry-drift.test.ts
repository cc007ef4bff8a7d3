import { describe, expect, it } from 'vitest';
import { carryForward, detectDrift } from '../../shared/operations';

describe('carryForward: 无变化 is attested per metric', () => {
  const previous = {
    'cpu.usedPercent': 30,
    'memory.usedPercent': { value: 60, carried: true },
    'disk.maxUsePercent': 45,
    'hw.temperature': '',
  };

  it('copies only attested metrics, marks them carried, and leaves everything else empty', () => {
    const current = { 'cpu.usedPercent': 35, 'disk.maxUsePercent': null, 'hw.alarmLight': '正常' };
    const before = JSON.stringify({ previous, current });
    const result = carryForward(previous, current, [
      'memory.usedPercent',
      'cpu.usedPercent',
      'hw.temperature',
      'cpu.loadPerCore',
    ]);
    expect(result.values).toEqual({
      // Typed today: kept, whatever was attested.
      'cpu.usedPercent': { value: 35, carried: false },
      // Not attested: empty, although the previous round had 45.
      'disk.maxUsePercent': { value: null, carried: false },
      'hw.alarmLight': { value: '正常', carried: false },
      // Attested: the previous value, carried (a carried value may be carried again).
      'memory.usedPercent': { value: 60, carried: true },
      // Attested but nothing to carry.
      'hw.temperature': { value: null, carried: false },
      'cpu.loadPerCore': { value: null, carried: false },
    });
    expect(result.carried).toEqual(['memory.usedPercent']);
    expect(result.unavailable).toEqual(['hw.temperature', 'cpu.loadPerCore']);
    expect(result.ignored).toEqual(['cpu.usedPercent']);
    // Pure: neither input changed.
    expect(JSON.stringify({ previous, current })).toBe(before);
  });

  it('copies nothing without attestation, and nothing from a first round', () => {
    const silent = carryForward(previous, {}, []);
    expect(Object.values(silent.values).every((reading) => reading.value === null && !reading.carried)).toBe(true);
    expect(silent.carried).toEqual([]);
    const first = carryForward(null, { 'cpu.usedPercent': '   ' }, ['cpu.usedPercent']);
    expect(first.values).toEqual({ 'cpu.usedPercent': { value: null, carried: false } });
    expect(first.unavailable).toEqual(['cpu.usedPercent']);
  });

  it('a blank value today counts as no value, so an attested key is carried over it', () => {
    const result = carryForward(previous, { 'disk.maxUsePercent': '  ' }, new Set(['disk.maxUsePercent']));
    expect(result.values['disk.maxUsePercent']).toEqual({ value: 45, carried: true });
  });
});

describe('detectDrift against the signed baseline', () => {
  const baseline = {
    'ssh.permitRootLogin': 'no',
    'disk.maxUsePercent': 40,
    'note:disk.maxUsePercent': '/var',
    'os.kernel': '3.10.0-1160.el7.x86_64',
    'ntp.synchronised': '已同步',
    'shell.tmout': 600,
    'login.passMaxDays': 90,
    'mw.version': '',
  };
  const reading = {
    'ssh.permitRootLogin': 'No',
    'disk.maxUsePercent': '45 %',
    'os.kernel': '3.10.0-1160.el7.x86_64 ',
    'ntp.synchronised': '未同步',
    'shell.tmout': { value: '６００', carried: true },
    'mw.version': '1.20',
    'memory.usedPercent': 70,
  };

  it('lists what differs: numbers beyond the tolerance, texts folded; unread keys are no drift', () => {
    expect(detectDrift(baseline, reading)).toEqual([
      { key: 'disk.maxUsePercent', baseline: 40, reading: '45 %' },
      { key: 'ntp.synchronised', baseline: '已同步', reading: '未同步' },
    ]);
    expect(detectDrift(baseline, reading, { 'disk.maxUsePercent': 5 })).toEqual([
      { key: 'ntp.synchronised', baseline: '已同步', reading: '未同步' },
    ]);
    expect(detectDrift(baseline, reading, { 'disk.maxUsePercent': 4.9 }).map((drift) => drift.key)).toEqual([
      'disk.maxUsePercent',
      'ntp.synchronised',
    ]);
    // '*' is a default tolerance for every key.
    expect(detectDrift(baseline, reading, { '*': 10 }).map((drift) => drift.key)).toEqual(['ntp.synchronised']);
  });

  it('a number against text that is no number differs; two texts never compare as numbers', () => {
    expect(detectDrift({ 'login.passMaxDays': 90 }, { 'login.passMaxDays': '无限制' })).toEqual([
      { key: 'login.passMaxDays', baseline: 90, reading: '无限制' },
    ]);
    expect(detectDrift({ 'os.release': '3.10' }, { 'os.release': '3.1' })).toHaveLength(1);
    expect(detectDrift({ 'os.release': '7.9' }, { 'os.release': ' 7.9 ' })).toEqual([]);
    // Float noise is not drift.
    expect(detectDrift({ x: 0.1 + 0.2 }, { x: 0.3 })).toEqual([]);
    expect(detectDrift({ x: 1 }, { x: 1.3 }, { x: 0.3 })).toEqual([]);
  });
});
