import { describe, expect, it } from 'vitest';
import { checkOutboundUrl, type LookupAll, type OutboundPolicy } from './outbound.js';

/** Probe from the outside review (issue 14): webhook URLs that reach inside are refused. */
const PRODUCTION: OutboundPolicy = { allowHttp: false, allowHosts: [] };
const DEVELOPMENT: OutboundPolicy = { allowHttp: true, allowHosts: [] };

const fakeDns =
  (table: Record<string, string[]>): LookupAll =>
  (hostname) => {
    const addresses = table[hostname];
    if (!addresses) return Promise.reject(new Error('ENOTFOUND'));
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };

const dns = fakeDns({
  'hooks.example.com': ['93.184.216.34'],
  'localhost.example.com': ['127.0.0.1'],
  'mixed.example.com': ['93.184.216.34', '10.0.0.5'],
  'v6.example.com': ['2606:2800:220:1:248:1893:25c8:1946'],
  'mapped.example.com': ['::ffff:169.254.169.254'],
});

describe('outbound URL check', () => {
  it.each([
    'https://127.0.0.1/',
    'https://127.1/',
    'https://0.0.0.0/',
    'https://0/',
    'https://2130706433/',
    'https://0x7f000001/',
    'https://0x7f.1/',
    'https://0177.0.0.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://10.1.2.3/',
    'https://172.16.5.4/',
    'https://192.168.1.1/',
    'https://100.64.0.1/',
    'https://[::1]/',
    'https://[::]/',
    'https://[fc00::1]/',
    'https://[fd12:3456::1]/',
    'https://[fe80::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:a9fe:a9fe]/',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://localhost.example.com/',
    'https://mixed.example.com/',
    'https://mapped.example.com/',
    'https://unknown.example.com/',
    'https://user:pass@hooks.example.com/',
    'http://hooks.example.com/',
    'ftp://hooks.example.com/',
  ])('refuses %s', async (url) => {
    await expect(checkOutboundUrl(url, PRODUCTION, dns)).rejects.toThrow();
  });

  it('accepts public https addresses and pins the checked address', async () => {
    expect(await checkOutboundUrl('https://hooks.example.com/x', PRODUCTION, dns)).toMatchObject({
      address: '93.184.216.34',
      family: 4,
    });
    expect(await checkOutboundUrl('https://v6.example.com/', PRODUCTION, dns)).toMatchObject({
      family: 6,
    });
    expect(await checkOutboundUrl('http://hooks.example.com/', DEVELOPMENT, dns)).toMatchObject({
      address: '93.184.216.34',
    });
  });

  it('lets WEBHOOK_ALLOW_HOSTS open named intranet receivers, by name or range', async () => {
    const intranet = fakeDns({ 'erp.corp': ['10.20.30.40'] });
    await expect(checkOutboundUrl('https://erp.corp/', PRODUCTION, intranet)).rejects.toThrow();
    for (const allow of ['erp.corp', '10.20.30.40', '10.20.0.0/16']) {
      expect(
        await checkOutboundUrl(
          'https://erp.corp/',
          { allowHttp: false, allowHosts: [allow] },
          intranet,
        ),
      ).toMatchObject({ address: '10.20.30.40' });
    }
  });
});
