// Messaging, split by concern (issue 11: no file over 300 lines); this module keeps the old import path.
export * from './devices';
export * from './messages';
export * from './webhooks';
