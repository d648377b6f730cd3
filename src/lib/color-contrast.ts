// Readable text on a status color: WCAG 2.x relative luminance and contrast ratio.
const HEX_COLOR = /^#([0-9A-Fa-f]{6})$/;

export const NEUTRAL_STATUS_COLOR = '#64748B';

export function isHexColor(value: string): boolean {
  return HEX_COLOR.test(value);
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const match = HEX_COLOR.exec(hex);
  if (!match?.[1]) throw new Error(`Not a #RRGGBB color: ${hex}`);
  const n = Number.parseInt(match[1], 16);
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  );
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `background` (an invalid color counts as neutral). */
export function readableTextColor(background: string | null | undefined): '#000000' | '#FFFFFF' {
  const bg = background && isHexColor(background) ? background : NEUTRAL_STATUS_COLOR;
  return contrastRatio(bg, '#000000') >= contrastRatio(bg, '#FFFFFF') ? '#000000' : '#FFFFFF';
}
