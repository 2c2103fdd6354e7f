import { z } from 'zod';
import { storableDate } from './common';

const simCard = z
  .object({
    slotIndex: z.number().int().min(0).max(10).optional(),
    simNumber: z.number().int().min(1).max(10).optional(),
    phoneNumber: z.string().max(32).nullish(),
    carrierName: z.string().max(80).nullish(),
    iccid: z.string().max(40).nullish(),
  })
  .loose();

export const registerDeviceBody = z
  .object({
    name: z.string().trim().min(1).max(120).default('Android phone'),
    pushToken: z.string().max(4096).nullish(),
    simCards: z.array(simCard).max(10).nullish(),
  })
  .loose();

export const patchDeviceBody = z
  .object({
    id: z.string().min(1).max(36),
    pushToken: z.string().max(4096).nullish(),
    simCards: z.array(simCard).max(10).nullish(),
    battery: z.number().int().min(0).max(100).optional(),
    charging: z.boolean().optional(),
    appVersion: z.string().max(40).optional(),
  })
  .loose();

const appState = z.enum(['Pending', 'Processed', 'Sent', 'Delivered', 'Failed', 'Cancelled', 'Cancelling']);

export const patchMessagesBody = z
  .array(
    z
      .object({
        id: z.string().min(1).max(36),
        state: appState,
        recipients: z
          .array(z.object({ phoneNumber: z.string().min(1).max(32), state: appState, error: z.string().nullish() }).loose())
          .min(1),
        states: z.record(z.string(), z.string()).optional(),
      })
      .loose(),
  )
  .max(500);

// An unknown order is LIFO, as in the reference server.
export const pullQuery = z.object({ order: z.enum(['lifo', 'fifo']).default('lifo').catch('lifo') });

/** What the app posts to a webhook URL for an incoming SMS (event sms:received). */
export const inboundBody = z
  .object({
    // The app's WebHookEventDTO: {id, webhookId, event, deviceId, payload}.
    id: z.string().max(64).optional(),
    event: z.string(),
    deviceId: z.string().optional(),
    payload: z
      .object({
        message: z.string().max(5000).optional(),
        // sms:data-received: base64 data.
        data: z.string().max(5000).optional(),
        // Required for sms:received / sms:data-received; a relayed event (system:ping, …) may have none.
        phoneNumber: z.string().max(32).optional(),
        receivedAt: z.string().max(40).refine(storableDate, 'receivedAt is an ISO 8601 date-time from 1900 to 9999.').optional(),
      })
      .loose(),
  })
  .loose();

/** The app's PasswordChangeRequest; the app server wants at least 14 characters. */
export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1, 'currentPassword is required.').max(256),
  newPassword: z.string().min(14, 'The new password needs at least 14 characters.').max(256),
});
