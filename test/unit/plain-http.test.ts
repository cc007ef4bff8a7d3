import { describe, expect, it } from 'vitest';
import { FieldbookDb } from '../../renderer/data/db';
import {
  forgetPlainHttpChoice,
  rememberedPlainHttpChoice,
  rememberPlainHttpChoice,
  sendsPasswordInClear,
} from '../../renderer/data/sync/plain-http';

describe('sending a password in clear', () => {
  it('is plain http:// to any machine but this one', () => {
    for (const url of [
      'http://fieldbook.example.com',
      'http://10.0.0.5:8787',
      'http://192.168.1.20:8787/',
      'http://[fe80::1]:8787',
      'http://127.example.com',
      'http://localhost.example.com',
    ]) {
      expect(sendsPasswordInClear(url), url).toBe(true);
    }
    for (const url of [
      'https://fieldbook.example.com',
      'https://10.0.0.5:8787',
      'http://127.0.0.1:8787',
      'http://127.1.2.3',
      'http://localhost:8787',
      'http://LOCALHOST',
      'http://app.localhost:8787',
      'http://[::1]:8787',
      'not a url',
    ]) {
      expect(sendsPasswordInClear(url), url).toBe(false);
    }
  });

  it('a choice is remembered per server origin (scheme, host and port), and can be forgotten', async () => {
    const db = new FieldbookDb('plain-http-choices');
    expect(await rememberedPlainHttpChoice(db, 'http://10.0.0.5:8787')).toBeUndefined();
    await rememberPlainHttpChoice(db, 'http://10.0.0.5:8787/', 'send');
    await rememberPlainHttpChoice(db, 'http://10.0.0.6:8787', 'refuse');
    expect(await rememberedPlainHttpChoice(db, 'http://10.0.0.5:8787')).toBe('send');
    expect(await rememberedPlainHttpChoice(db, 'http://10.0.0.6:8787/v1')).toBe('refuse');
    expect(await rememberedPlainHttpChoice(db, 'http://10.0.0.5:9000')).toBeUndefined();
    await forgetPlainHttpChoice(db, 'http://10.0.0.6:8787');
    expect(await rememberedPlainHttpChoice(db, 'http://10.0.0.6:8787')).toBeUndefined();
    db.close();
  });
});
