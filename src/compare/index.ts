export * from './common';
export * from '../domain/money';
export * from './matrix';
export * from './sideBySide';
export * from './unitCosts';
export * from './acrossYears';
export * from './table';
