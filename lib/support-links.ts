// Links for a brand's Viber and Telegram support contacts (docs/payments.md#support-contacts): stored as a
// phone number in E.164 and a Telegram username; shown to clients as links that open the apps.

/** `viber://chat?number=%2B959…`: opens a chat with that number in Viber. */
export function viberLink(e164: string): string {
  return `viber://chat?number=${encodeURIComponent(e164)}`;
}

/** `https://t.me/<username>`: opens the Telegram chat (web or app). */
export function telegramLink(username: string): string {
  return `https://t.me/${encodeURIComponent(username)}`;
}

/** Reads a Telegram username from `name`, `@name`, `t.me/name` or `https://t.me/name` (5-32 of a-z, 0-9, _). */
export function telegramUsername(input: string): string | null {
  const m = /^(?:@|(?:https?:\/\/)?(?:www\.)?(?:t|telegram)\.me\/)?([A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9])\/?$/.exec(input.trim());
  return m ? m[1] : null;
}
