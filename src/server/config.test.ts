import { describe, expect, it } from 'vitest';
import { configFromEnv, parseTrustProxy } from './config.js';

describe('TRUST_PROXY', () => {
  it('is off by default', () => {
    expect(configFromEnv({}).trustProxy).toEqual([]);
  });

  it('takes addresses, CIDRs and proxy-addr names, and refuses anything else', () => {
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,loopback')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY: "true"/u);
    expect(() => parseTrustProxy('10.0.0.0/99')).toThrow(/TRUST_PROXY/u);
  });
});
