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
}

export interface RunningDevice {
  deviceId: string;
  token: string;
  processed: unknown;
  done: Promise<unknown>;
  stop(): Promise<void> | void;
  pull(): Promise<unknown>;
}

export function runDevice(options: RunDeviceOptions): Promise<RunningDevice>;
