import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, shouldOpenExternally } from '../../main/navigation-policy';

describe('navigation policy', () => {
  it('lets a window navigate only within the app', () => {
    expect(isAllowedNavigation('app://fieldbook/index.html#/assets')).toBe(true);
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'app://evil/',
      'about:blank',
      'javascript:alert(1)',
    ]) {
      expect(isAllowedNavigation(url)).toBe(false);
    }
  });

  it('hands only http(s) links to the system browser', () => {
    expect(shouldOpenExternally('https://example.com/manual.pdf')).toBe(true);
    expect(shouldOpenExternally('http://10.0.0.1/')).toBe(true);
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://host/share',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'app://fieldbook/',
    ]) {
      expect(shouldOpenExternally(url)).toBe(false);
    }
  });
});
