export * from './accounts';
export * from './billing';
export * from './audit';
export * from './messaging';
export * from './reliability';
