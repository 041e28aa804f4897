import qrcode from 'qrcode-generator';

/** A QR code as a grid of modules; medium error correction survives a poster being scuffed. */
export interface QrModules {
  size: number;
  isDark(row: number, col: number): boolean;
}

export function qrModules(text: string): QrModules {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return { size: qr.getModuleCount(), isDark: (row, col) => qr.isDark(row, col) };
}

/** Dark modules as horizontal runs (one rectangle per run keeps PDFs and SVGs small). */
export function qrRuns(qr: QrModules): { row: number; col: number; length: number }[] {
  const runs: { row: number; col: number; length: number }[] = [];
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (!qr.isDark(row, col)) continue;
      let length = 1;
      while (col + length < qr.size && qr.isDark(row, col + length)) length++;
      runs.push({ row, col, length });
      col += length - 1;
    }
  }
  return runs;
}
