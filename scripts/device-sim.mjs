#!/usr/bin/env node
// npm run device:sim -- --url http://localhost:3000 --login L --password P [--name "Sim phone"]
//   [--fail-rate 0.1] [--delay-ms 300] [--code 123456789] [--token <pairing token>] [--once] [--state-file path]
// A simulated Android gateway phone speaking the SMS Gateway for Android private-server protocol.
// See docs/device-protocol.md. Exit codes: 0 ok, 1 error, 2 bad usage, 3 bad credentials (401),
// 4 device limit reached (429), 5 account suspended or expired (403).
// The modules are under scripts/lib/device-sim-*.mjs (device-sim-core.mjs: runDevice).
import { parseArgs } from 'node:util';
import { DeviceSimError, runDevice } from './lib/device-sim-core.mjs';

const USAGE = `Usage: npm run device:sim -- --url <server> (--login L --password P | --code C | --token T) [options]

  --url <url>          server origin (http://localhost:3000) or the full mobile API URL (…/api/mobile/v1)
  --login, --password  gateway credentials (client portal → Devices, or POST /api/v1/gateway/credentials)
  --code <code>        one-time code (Authorization: Code …) instead of login/password
  --token <token>      pairing token (Authorization: Bearer …) instead of login/password
  --name <name>        device name (default "Sim phone")
  --fail-rate <0..1>   share of recipients reported Failed (default 0)
  --delay-ms <ms>      delay between Processed → Sent → Delivered (default 300)
  --once               pull once, report everything, exit
  --state-file <path>  keep the device id and token here and re-use them on restart
  --poll-ms <ms>       fallback pull interval (default 15000)
  --heartbeat-ms <ms>  PATCH /device interval (default 60000)
  --no-sse             do not open GET /events (poll only)
  --channel <c>        notification channel: settings (default: as GET /settings says, re-read on
                       SettingsUpdated), sse-only (stream only, no periodic poll) or auto (stream and poll)
  --ping-ms <ms>       post the app's system:ping to its webhooks at this interval (default: off)
  --quiet              log only errors
  -h, --help`;

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      url: { type: 'string' },
      login: { type: 'string' },
      password: { type: 'string' },
      code: { type: 'string' },
      token: { type: 'string' },
      name: { type: 'string' },
      'fail-rate': { type: 'string' },
      'delay-ms': { type: 'string' },
      once: { type: 'boolean' },
      'state-file': { type: 'string' },
      'poll-ms': { type: 'string' },
      'heartbeat-ms': { type: 'string' },
      'no-sse': { type: 'boolean' },
      channel: { type: 'string' },
      'ping-ms': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (err) {
  console.error(`${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

function num(name, min, max, fallback) {
  if (args[name] === undefined) return fallback;
  const v = Number(args[name]);
  if (!Number.isFinite(v) || v < min || v > max) {
    console.error(`--${name} must be a number from ${min} to ${max}`);
    process.exit(2);
  }
  return v;
}

const url = args.url ?? process.env.DEVICE_SIM_URL;
if (!url) {
  console.error(`--url is required\n\n${USAGE}`);
  process.exit(2);
}
if (!(args.login && args.password) && !args.code && !args.token) {
  console.error(`Give --login and --password, --code, or --token\n\n${USAGE}`);
  process.exit(2);
}

const CHANNELS = { settings: 'settings', 'sse-only': 'SSE_ONLY', auto: 'AUTO' };
const channel = CHANNELS[args.channel ?? 'settings'];
if (!channel) {
  console.error(`--channel must be settings, sse-only or auto\n\n${USAGE}`);
  process.exit(2);
}

const quiet = Boolean(args.quiet);
const log = (line) => {
  if (!quiet || /fatal|error|failed/i.test(line)) console.log(`${new Date().toISOString()} ${line}`);
};

const EXIT = { unauthorized: 3, device_limit_reached: 4, account_suspended: 5, subscription_expired: 5 };

let device;
try {
  device = await runDevice({
    url,
    login: args.login,
    password: args.password,
    code: args.code,
    token: args.token,
    name: args.name ?? 'Sim phone',
    failRate: num('fail-rate', 0, 1, 0),
    delayMs: num('delay-ms', 0, 3_600_000, 300),
    once: Boolean(args.once),
    stateFile: args['state-file'],
    pollMs: num('poll-ms', 1000, 86_400_000, 15_000),
    heartbeatMs: num('heartbeat-ms', 1000, 86_400_000, 60_000),
    sse: !args['no-sse'],
    channel,
    pingMs: num('ping-ms', 0, 86_400_000, 0),
    log,
  });
} catch (err) {
  if (err instanceof DeviceSimError) {
    const hint =
      err.status === 401
        ? ' — check the gateway login/password (or code/token)'
        : err.status === 429
          ? ' — the package device limit is reached: remove or disable a device in the client portal'
          : '';
    console.error(`device-sim: ${err.message}${hint}`);
    process.exit(EXIT[err.code] ?? 1);
  }
  console.error(`device-sim: ${err.stack ?? err}`);
  process.exit(1);
}

console.log(`device id: ${device.deviceId}`);

let signalled = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (signalled) process.exit(1);
    signalled = true;
    log(`${sig}: stopping`);
    device.stop();
  });
}

try {
  await device.done;
  const states = {};
  for (const e of device.processed.values()) states[e.state] = (states[e.state] ?? 0) + 1;
  log(`done: ${device.processed.size} message(s) ${JSON.stringify(states)}`);
  process.exit(0);
} catch (err) {
  console.error(`device-sim: ${err.message}`);
  process.exit(err instanceof DeviceSimError ? (EXIT[err.code] ?? 1) : 1);
}
