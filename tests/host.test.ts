import { expect, test } from 'vitest';
import { subdomainFromHost } from '@/lib/http/host';

test('a reseller subdomain is read from the Host header', () => {
  expect(subdomainFromHost('acme.localhost:3000', 'localhost')).toBe('acme');
  expect(subdomainFromHost('acme.sms.example.com', 'sms.example.com')).toBe('acme');
  expect(subdomainFromHost('ACME.SMS.EXAMPLE.COM.', 'sms.example.com')).toBe('acme');
  expect(subdomainFromHost('demo.localhost', 'sms.example.com')).toBe('demo');
});

test('the bare domain, www, nested names and other domains are not brands', () => {
  expect(subdomainFromHost('localhost:3000', 'localhost')).toBeNull();
  expect(subdomainFromHost('sms.example.com', 'sms.example.com')).toBeNull();
  expect(subdomainFromHost('www.sms.example.com', 'sms.example.com')).toBeNull();
  expect(subdomainFromHost('a.b.sms.example.com', 'sms.example.com')).toBeNull();
  expect(subdomainFromHost('acme.other.com', 'sms.example.com')).toBeNull();
  expect(subdomainFromHost('127.0.0.1:3000', 'localhost')).toBeNull();
  expect(subdomainFromHost(null, 'localhost')).toBeNull();
});
