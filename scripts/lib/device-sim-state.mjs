// The simulator's state file: the device id and token kept across restarts (--state-file).
import { readFile, rename, writeFile } from 'node:fs/promises';

export async function loadState(file, base) {
  if (!file) return null;
  try {
    const s = JSON.parse(await readFile(file, 'utf8'));
    return s && s.base === base && s.token && s.deviceId ? s : null;
  } catch {
    return null;
  }
}

export async function saveState(file, { base, deviceId, token, login }) {
  if (!file) return;
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify({ base, deviceId, token, login, savedAt: new Date().toISOString() }, null, 2), { mode: 0o600 });
  await rename(tmp, file);
}
