// A reseller's colour applied to a subtree: the brand utilities read these CSS variables.
import type { CSSProperties } from 'react';

export function brandStyle(color: string | null | undefined): CSSProperties | undefined {
  if (!color || !/^#[0-9a-fA-F]{6}$/.test(color)) return undefined;
  return {
    '--color-brand-600': color,
    '--color-brand-700': `color-mix(in oklab, ${color} 85%, black)`,
    '--color-brand-50': `color-mix(in oklab, ${color} 8%, white)`,
  } as CSSProperties;
}
