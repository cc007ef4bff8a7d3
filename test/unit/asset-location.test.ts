import { describe, expect, it } from 'vitest';
import { assetLocation, formatUPosition } from '../../shared/records/asset';

describe('U position', () => {
  it('is written one way however it was typed', () => {
    for (const typed of ['17', 'U17', '17U', 'u 17', ' 17u ']) expect(formatUPosition(typed), typed).toBe('U17');
    for (const typed of ['17-18', 'U17-U18', '17U-18U', '17~18', '17U～18U'])
      expect(formatUPosition(typed), typed).toBe('U17-18');
    expect(formatUPosition('顶部')).toBe('顶部');
    expect(formatUPosition('')).toBe('');
  });

  it('shows in the location line without a doubled U', () => {
    expect(assetLocation({ site: '', room: '主机房', rack: 'A01', uPosition: '17U' })).toBe('主机房 / A01 / U17');
  });
});
