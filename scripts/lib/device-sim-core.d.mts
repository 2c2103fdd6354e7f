// Types for the simulated gateway phone (device-sim-core.mjs), used by the Playwright specs.
export interface RunDeviceOptions {
  url: string | undefined;
  login?: string;
  password?: string;
  code?: string;
  token?: string;
  name?: string;
  failRate?: number;
  delayMs?: number;
  once?: boolean;
  stateFile?: string;
  log?: (line: string) => void;
  onState?: (id: string, state: string, recipients: unknown) => void;
  heartbeatMs?: number;
  pollMs?: number;
  sse?: boolean;
  /** 'settings' (default): follow GET /settings; or force the app's notification channel. */
  channel?: 'settings' | 'SSE_ONLY' | 'AUTO';
  random?: () => number;
  battery?: number;
  charging?: boolean;
  /** 0 (default): no system:ping; else the app's ping event to its webhooks at this interval. */
  pingMs?: number;
}

export interface SimRecipient {
  phoneNumber: string;
  state: string;
  error?: string | null;
}

export interface SimMessage {
  state: string;
  reported: string | null;
  busy: boolean;
  recipients: SimRecipient[];
  states: Record<string, string>;
  /** The text the phone took (null for a cancellation it only heard of). */
  text?: string | null;
  /** The send options of the pull, as the app takes them. */
  message: { simNumber: number | null; withDeliveryReport: boolean; priority: number; isEncrypted: boolean; validUntil: string | null };
}

export interface RunningDevice {
  deviceId: string;
  token: string;
  processed: Map<string, SimMessage>;
  /** The notification channel in force (SSE_ONLY: no periodic poll). */
  readonly channel: 'SSE_ONLY' | 'AUTO';
  /** The webhooks last read from GET /webhooks. */
  readonly webhooks: { id: string; deviceId: string | null; url: string; event: string }[];
  done: Promise<unknown>;
  stop(): Promise<void> | void;
  pull(): Promise<unknown>;
}

export function runDevice(options: RunDeviceOptions): Promise<RunningDevice>;
