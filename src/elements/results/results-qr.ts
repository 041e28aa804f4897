import qrcode from 'qrcode-generator';

/** A QR code as one SVG path, in module units (the quiet zone is left to the viewBox). */
export interface QrCode {
  /** What the code encodes. */
  text: string;
  /** Modules per side. */
  size: number;
  /** Dark modules as an SVG path: drawn with an attribute binding, never parsed as markup. */
  path: string;
}

/**
 * Loaded only when the card is printed (or shown as a poster): the QR code of the online results for the
 * printed A4 poster in the waiting room. Medium error correction survives a poster being scuffed.
 */
export function makeQrCode(text: string): QrCode {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.isDark(row, col)) continue;
      // One rectangle per horizontal run of dark modules keeps the path short.
      let run = 1;
      while (col + run < size && qr.isDark(row, col + run)) run++;
      path += `M${col} ${row}h${run}v1h-${run}z`;
      col += run - 1;
    }
  }
  return { text, size, path };
}
