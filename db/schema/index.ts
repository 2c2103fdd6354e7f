export * from './accounts';
export * from './audit';
export * from './billing';
export * from './contacts';
export * from './messaging';
export * from './payments';
export * from './reliability';
export * from './smpp';
