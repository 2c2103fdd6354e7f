// Every API endpoint, described once, with the same zod schemas that validate its requests.
// lib/openapi/document.ts turns this list into the OpenAPI 3.1 document served at /api/openapi.json.
import type { z } from 'zod';
import { activateInput, createClientInput, extendTrialInput, listClientsQuery, updateClientInput } from '@/lib/validation/clients';
import { clicksendCreateAccount, clicksendListQuery, clicksendTransferCredit, clicksendUpdateAccount } from '@/lib/validation/clicksend';
import { auditQuery, credentials } from '@/lib/validation/common';
import { apiKeyInput, profitQuery, retailPriceInput, transferInput, updateBrandingInput } from '@/lib/validation/branding';
import { approveTopupInput, commissionSettleInput, creditInput, ledgerQuery, listTopupsQuery, rejectTopupInput, topupRequestInput } from '@/lib/validation/credit';
import { createPackageInput, updatePackageInput } from '@/lib/validation/packages';
import { createResellerInput, deleteResellerInput, listResellersQuery, subdomainCheckQuery, updateResellerInput } from '@/lib/validation/resellers';
import { adminStatusInput, createAdminInput, updateSettingsInput } from '@/lib/validation/settings';
import { deviceUpdateInput, otpRequestInput, otpVerifyInput, webhookInput, webhookUpdateInput } from '@/lib/validation/gateway';
import { listMessagesQuery, sendSmsInput } from '@/lib/validation/messages';
import { inboundBody, patchDeviceBody, patchMessagesBody, pullQuery, registerDeviceBody } from '@/lib/validation/mobile';
import { thirdPartyList, thirdPartyMessage } from '@/lib/validation/thirdparty';

export type Auth = 'none' | 'admin' | 'reseller' | 'client' | 'clicksend' | 'device' | 'gateway';

export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  tag: string;
  summary: string;
  auth: Auth;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Status of the successful answer. */
  status?: number;
  /** Error statuses worth naming beyond 400/401/404. */
  errors?: number[];
  /** The {id} path parameter is a string id (messages, devices), not an integer. */
  textId?: boolean;
}

const A = 'Admin API';
const R = 'Reseller API';
const C = 'ClickSend-compatible API';
const V = 'Client API';
const D = 'Device API (SMS Gateway for Android, private server)';
const T = '3rd-party API (SMS Gateway for Android clients)';

export const ENDPOINTS: Endpoint[] = [
  { method: 'post', path: '/api/admin/auth/login', tag: A, summary: 'Sign in; returns a Bearer token', auth: 'none', body: credentials, errors: [403] },
  { method: 'get', path: '/api/admin/stats', tag: A, summary: 'Overview cards and 30-day series', auth: 'admin' },
  { method: 'get', path: '/api/admin/resellers', tag: A, summary: 'List resellers', auth: 'admin', query: listResellersQuery },
  { method: 'post', path: '/api/admin/resellers', tag: A, summary: 'Create a reseller', auth: 'admin', body: createResellerInput, status: 201, errors: [409] },
  { method: 'get', path: '/api/admin/resellers/subdomain-check', tag: A, summary: 'Is a login subdomain valid and free?', auth: 'admin', query: subdomainCheckQuery },
  { method: 'get', path: '/api/admin/resellers/{id}', tag: A, summary: 'View a reseller', auth: 'admin' },
  { method: 'patch', path: '/api/admin/resellers/{id}', tag: A, summary: 'Update a reseller (status toggles suspension)', auth: 'admin', body: updateResellerInput, errors: [409] },
  { method: 'delete', path: '/api/admin/resellers/{id}', tag: A, summary: 'Delete (archive) a reseller; refused while it has paid clients or a balance', auth: 'admin', body: deleteResellerInput, errors: [409] },
  { method: 'post', path: '/api/admin/resellers/{id}/credit', tag: A, summary: 'Top up (positive) or adjust (negative, with note) reseller credit', auth: 'admin', body: creditInput, status: 201, errors: [402] },
  { method: 'get', path: '/api/admin/resellers/{id}/ledger', tag: A, summary: "A reseller's credit ledger", auth: 'admin', query: ledgerQuery },
  { method: 'post', path: '/api/admin/resellers/{id}/commission/settle', tag: A, summary: 'Pay out commission or convert it to credit', auth: 'admin', body: commissionSettleInput, status: 201, errors: [402, 409] },
  { method: 'get', path: '/api/admin/topup-requests', tag: A, summary: 'Top-up request queue', auth: 'admin', query: listTopupsQuery },
  { method: 'post', path: '/api/admin/topup-requests/{id}/approve', tag: A, summary: 'Approve: the credit is added, once', auth: 'admin', body: approveTopupInput, errors: [409] },
  { method: 'post', path: '/api/admin/topup-requests/{id}/reject', tag: A, summary: 'Reject with a reason, once', auth: 'admin', body: rejectTopupInput, errors: [409] },
  { method: 'get', path: '/api/admin/packages', tag: A, summary: 'The whole package catalog', auth: 'admin' },
  { method: 'post', path: '/api/admin/packages', tag: A, summary: 'Add a package', auth: 'admin', body: createPackageInput, status: 201, errors: [409] },
  { method: 'patch', path: '/api/admin/packages/{id}', tag: A, summary: 'Edit or disable a package (existing subscriptions never change)', auth: 'admin', body: updatePackageInput, errors: [409] },
  { method: 'get', path: '/api/admin/clients', tag: A, summary: 'Every client across resellers', auth: 'admin', query: listClientsQuery },
  { method: 'get', path: '/api/admin/audit', tag: A, summary: 'The audit log', auth: 'admin', query: auditQuery },
  { method: 'get', path: '/api/admin/settings', tag: A, summary: 'Platform settings', auth: 'admin' },
  { method: 'patch', path: '/api/admin/settings', tag: A, summary: 'Change platform settings', auth: 'admin', body: updateSettingsInput },
  { method: 'get', path: '/api/admin/rate-limits', tag: A, summary: 'Sign-in and API rate-limit buckets near or over their limit', auth: 'admin' },
  { method: 'get', path: '/api/admin/admins', tag: A, summary: 'List admins', auth: 'admin' },
  { method: 'post', path: '/api/admin/admins', tag: A, summary: 'Create an admin', auth: 'admin', body: createAdminInput, status: 201, errors: [409] },
  { method: 'patch', path: '/api/admin/admins/{id}', tag: A, summary: 'Disable or enable an admin (never the last active one)', auth: 'admin', body: adminStatusInput, errors: [409] },

  { method: 'post', path: '/api/reseller/auth/login', tag: R, summary: 'Sign in; returns a Bearer token and the reseller', auth: 'none', body: credentials, errors: [403] },
  { method: 'get', path: '/api/reseller/profile', tag: R, summary: 'The reseller with credit and commission balances', auth: 'reseller' },
  { method: 'get', path: '/api/reseller/clients', tag: R, summary: 'Own clients with status, package, expiry, usage', auth: 'reseller', query: listClientsQuery },
  { method: 'post', path: '/api/reseller/clients', tag: R, summary: 'Create a client (in trial)', auth: 'reseller', body: createClientInput, status: 201, errors: [409] },
  { method: 'get', path: '/api/reseller/clients/{id}', tag: R, summary: 'View a client', auth: 'reseller' },
  { method: 'patch', path: '/api/reseller/clients/{id}', tag: R, summary: 'Update a client', auth: 'reseller', body: updateClientInput, errors: [409] },
  { method: 'post', path: '/api/reseller/clients/{id}/activate', tag: R, summary: 'Activate, renew or switch the package', auth: 'reseller', body: activateInput, status: 201, errors: [402] },
  { method: 'post', path: '/api/reseller/clients/{id}/extend-trial', tag: R, summary: "Extend a client's trial by 1-30 days", auth: 'reseller', body: extendTrialInput },
  { method: 'post', path: '/api/reseller/clients/{id}/suspend', tag: R, summary: 'Suspend a client', auth: 'reseller' },
  { method: 'post', path: '/api/reseller/clients/{id}/unsuspend', tag: R, summary: 'Unsuspend a client', auth: 'reseller' },
  { method: 'post', path: '/api/reseller/clients/{id}/transfer-credit', tag: R, summary: "Move credit to the client's balance (negative takes it back)", auth: 'reseller', body: transferInput, status: 201, errors: [402] },
  { method: 'get', path: '/api/reseller/packages', tag: R, summary: 'The catalog with your retail prices', auth: 'reseller' },
  { method: 'put', path: '/api/reseller/pricing', tag: R, summary: 'Set a retail price and display name (own-plans resellers)', auth: 'reseller', body: retailPriceInput, errors: [403] },
  { method: 'get', path: '/api/reseller/profit', tag: R, summary: 'Monthly profit from actual activations', auth: 'reseller', query: profitQuery },
  { method: 'get', path: '/api/reseller/ledger', tag: R, summary: 'Own credit ledger', auth: 'reseller', query: ledgerQuery },
  { method: 'get', path: '/api/reseller/topup-requests', tag: R, summary: 'Own top-up requests', auth: 'reseller', query: listTopupsQuery },
  { method: 'post', path: '/api/reseller/topup-requests', tag: R, summary: 'Ask the admin for credit', auth: 'reseller', body: topupRequestInput, status: 201 },
  { method: 'get', path: '/api/reseller/branding', tag: R, summary: 'Subdomain and brand', auth: 'reseller' },
  { method: 'patch', path: '/api/reseller/branding', tag: R, summary: 'Change subdomain and brand (logo as a data: URL)', auth: 'reseller', body: updateBrandingInput, errors: [409] },
  { method: 'get', path: '/api/reseller/api-keys', tag: R, summary: 'List API keys', auth: 'reseller' },
  { method: 'post', path: '/api/reseller/api-keys', tag: R, summary: 'Create an API key (shown once)', auth: 'reseller', body: apiKeyInput, status: 201 },
  { method: 'delete', path: '/api/reseller/api-keys/{id}', tag: R, summary: 'Revoke an API key', auth: 'reseller' },

  { method: 'get', path: '/v3/reseller/accounts', tag: C, summary: 'List client accounts (ClickSend list format)', auth: 'clicksend', query: clicksendListQuery },
  { method: 'post', path: '/v3/reseller/accounts', tag: C, summary: 'Create a client account', auth: 'clicksend', body: clicksendCreateAccount },
  { method: 'get', path: '/v3/reseller/accounts/{id}', tag: C, summary: 'View a client account (id = client_user_id)', auth: 'clicksend' },
  { method: 'put', path: '/v3/reseller/accounts/{id}', tag: C, summary: 'Update a client account (partial)', auth: 'clicksend', body: clicksendUpdateAccount },
  { method: 'put', path: '/v3/reseller/transfer-credit', tag: C, summary: "Transfer credit to a client account's balance", auth: 'clicksend', body: clicksendTransferCredit },

  { method: 'post', path: '/api/v1/auth/login', tag: V, summary: 'Sign in; returns a Bearer token and the client', auth: 'none', body: credentials, errors: [403] },
  { method: 'get', path: '/api/v1/profile', tag: V, summary: 'Status, package, usage and limits', auth: 'client' },
  { method: 'post', path: '/api/v1/sms/send', tag: V, summary: 'Queue SMS: {phone} or {phones[]} (one SMS per recipient against the quota)', auth: 'client', body: sendSmsInput, status: 202, errors: [403, 429] },
  { method: 'post', path: '/api/v1/activate', tag: V, summary: 'Activate or renew own package from own balance', auth: 'client', body: activateInput, status: 201, errors: [402] },
  { method: 'get', path: '/api/v1/messages', tag: V, summary: 'Message log', auth: 'client', query: listMessagesQuery },
  { method: 'get', path: '/api/v1/messages/{id}', tag: V, summary: 'One message with per-recipient states', auth: 'client', textId: true },
  { method: 'post', path: '/api/v1/otp/request', tag: V, summary: 'Send a 6-digit code (valid 5 minutes)', auth: 'client', body: otpRequestInput, status: 202, errors: [403, 429] },
  { method: 'post', path: '/api/v1/otp/verify', tag: V, summary: 'Check a code: {verified, attempts_left}; 3 attempts', auth: 'client', body: otpVerifyInput },
  { method: 'post', path: '/api/v1/gateway/credentials', tag: V, summary: 'New gateway login and password for the Android app (password shown once)', auth: 'client', status: 201 },
  { method: 'post', path: '/api/v1/gateway/pairing-code', tag: V, summary: 'A one-time code to pair a phone (10 minutes)', auth: 'client', status: 201 },
  { method: 'post', path: '/api/v1/gateway/pairing-token', tag: V, summary: "A pairing token for the app's private-token field (registers phones only; shown once)", auth: 'client', status: 201 },
  { method: 'get', path: '/api/v1/devices', tag: V, summary: 'Gateway phones', auth: 'client' },
  { method: 'patch', path: '/api/v1/devices/{id}', tag: V, summary: 'Rename, enable or disable a phone', auth: 'client', body: deviceUpdateInput, textId: true, errors: [429] },
  { method: 'delete', path: '/api/v1/devices/{id}', tag: V, summary: 'Remove a phone', auth: 'client', textId: true },
  { method: 'get', path: '/api/v1/api-keys', tag: V, summary: 'List API keys', auth: 'client' },
  { method: 'post', path: '/api/v1/api-keys', tag: V, summary: 'Create an API key (shown once)', auth: 'client', body: apiKeyInput, status: 201 },
  { method: 'delete', path: '/api/v1/api-keys/{id}', tag: V, summary: 'Revoke an API key', auth: 'client' },
  { method: 'get', path: '/api/v1/webhooks', tag: V, summary: 'List webhooks', auth: 'client' },
  { method: 'post', path: '/api/v1/webhooks', tag: V, summary: 'Add a webhook (secret shown once)', auth: 'client', body: webhookInput, status: 201 },
  { method: 'patch', path: '/api/v1/webhooks/{id}', tag: V, summary: 'Change a webhook', auth: 'client', body: webhookUpdateInput },
  { method: 'delete', path: '/api/v1/webhooks/{id}', tag: V, summary: 'Delete a webhook', auth: 'client' },
  { method: 'get', path: '/api/v1/webhooks/{id}/deliveries', tag: V, summary: 'Delivery log', auth: 'client' },

  { method: 'post', path: '/api/mobile/v1/device', tag: D, summary: 'Register a phone (Basic gateway login, Code <one-time code> or Bearer pairing token)', auth: 'gateway', body: registerDeviceBody, status: 201, errors: [403, 429] },
  { method: 'get', path: '/api/mobile/v1/device', tag: D, summary: 'External IP (and the device, with a valid token)', auth: 'none' },
  { method: 'patch', path: '/api/mobile/v1/device', tag: D, summary: 'Push token, SIM cards, battery, app version', auth: 'device', body: patchDeviceBody, status: 204, errors: [403] },
  { method: 'get', path: '/api/mobile/v1/message', tag: D, summary: 'Pull pending messages (claimed for this device)', auth: 'device', query: pullQuery },
  { method: 'patch', path: '/api/mobile/v1/message', tag: D, summary: 'Report per-recipient states', auth: 'device', body: patchMessagesBody, status: 204 },
  { method: 'get', path: '/api/mobile/v1/messages', tag: D, summary: 'Alias of GET /message', auth: 'device', query: pullQuery },
  { method: 'patch', path: '/api/mobile/v1/messages', tag: D, summary: 'Alias of PATCH /message', auth: 'device', body: patchMessagesBody, status: 204 },
  { method: 'get', path: '/api/mobile/v1/events', tag: D, summary: 'Server-sent events: MessageEnqueued, keepalive comments', auth: 'device' },
  { method: 'get', path: '/api/mobile/v1/webhooks', tag: D, summary: 'Where the app posts incoming SMS', auth: 'device' },
  { method: 'get', path: '/api/mobile/v1/settings', tag: D, summary: 'Device settings (none yet)', auth: 'device' },
  { method: 'get', path: '/api/mobile/v1/user/code', tag: D, summary: 'One-time code to add another phone (Basic gateway login)', auth: 'gateway' },
  { method: 'post', path: '/api/mobile/v1/inbound/{id}', tag: D, summary: "The app's sms:received webhook (URL from GET /webhooks, signed per device)", auth: 'none', body: inboundBody, status: 204, textId: true },

  { method: 'post', path: '/api/3rdparty/v1/message', tag: T, summary: 'Send a message to phoneNumbers (202 MessageState)', auth: 'gateway', body: thirdPartyMessage, status: 202, errors: [403, 409, 429] },
  { method: 'get', path: '/api/3rdparty/v1/message', tag: T, summary: 'List messages (X-Total-Count)', auth: 'gateway', query: thirdPartyList },
  { method: 'post', path: '/api/3rdparty/v1/messages', tag: T, summary: 'Same as POST /message', auth: 'gateway', body: thirdPartyMessage, status: 202, errors: [403, 409, 429] },
  { method: 'get', path: '/api/3rdparty/v1/messages', tag: T, summary: 'List messages (X-Total-Count)', auth: 'gateway', query: thirdPartyList },
  { method: 'get', path: '/api/3rdparty/v1/message/{id}', tag: T, summary: 'Message state', auth: 'gateway', textId: true },
  { method: 'delete', path: '/api/3rdparty/v1/message/{id}', tag: T, summary: 'Cancel while pending (409 otherwise)', auth: 'gateway', textId: true, errors: [409] },
  { method: 'get', path: '/api/3rdparty/v1/messages/{id}', tag: T, summary: 'Message state', auth: 'gateway', textId: true },
  { method: 'delete', path: '/api/3rdparty/v1/messages/{id}', tag: T, summary: 'Cancel while pending (409 otherwise)', auth: 'gateway', textId: true, errors: [409] },
  { method: 'get', path: '/api/3rdparty/v1/devices', tag: T, summary: "The account's phones", auth: 'gateway' },
  { method: 'get', path: '/api/3rdparty/v1/device', tag: T, summary: 'Alias of /devices', auth: 'gateway' },
  { method: 'get', path: '/api/3rdparty/v1/health', tag: T, summary: 'Health (no auth)', auth: 'none' },
];
