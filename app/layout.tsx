import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'SMS Reseller Platform', template: '%s · SMS Reseller Platform' },
  description: 'Sell SMS gateway packages to your clients.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page renders per request: the proxy's script nonce is new each time (and pages read the session).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
