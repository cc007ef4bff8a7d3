import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../main/app-url';
import { describeSender, isTrustedSender } from '../../main/trusted-sender';

const from = (url: string) => ({ senderFrame: { url } });

describe('isTrustedSender', () => {
  it.each(['app://fieldbook/index.html', 'app://fieldbook/', 'app://fieldbook/index.html#/assets?x=1'])(
    'accepts the app itself: %s',
    (url) => {
      expect(isTrustedSender(from(url))).toBe(true);
    },
  );

  it.each([
    'file:///work/main/out/renderer/index.html',
    'http://evil.example/',
    'https://fieldbook/',
    'http://localhost:5173/',
    'app://other-host/index.html',
    'app://fieldbook.evil.example/index.html',
    'app://evil.example/fieldbook/index.html',
    'app://user@fieldbook/index.html',
    'app://fieldbook:8080/index.html',
    'APP://FIELDBOOK/index.html',
    'devtools://devtools/bundled/devtools_app.html',
    'chrome-extension://abcdef/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(from(url))).toBe(false);
  });

  it('refuses a sender whose frame is gone', () => {
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
    expect(describeSender({ senderFrame: null })).toBe('(no frame)');
  });

  it('isAppUrl is the same rule', () => {
    expect(isAppUrl('app://fieldbook/index.html')).toBe(true);
    expect(isAppUrl('app://fieldbook.evil/')).toBe(false);
  });
});
