import zlib from 'node:zlib';
import { strToU8, Zip, ZipDeflate, type ZipInputFile } from 'fflate';

/**
 * An XLSX whose first entry is a worksheet of 2 GiB of spaces (deflated: about 2 MB), before the
 * workbook — what a hostile upload looks like. `declared` lies about the inflated size (null: the
 * true size). One block is deflated once and repeated: each piece refers only to itself. For the
 * decoder's tests and `bench:abuse`.
 */
export function zipBomb(declared: number | null = null): Buffer {
  const block = Buffer.alloc(16 * 1024 * 1024, 0x20);
  const piece = zlib.deflateRawSync(block, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const times = 128;
  let crc = 0;
  for (let i = 0; i < times; i++) crc = zlib.crc32(block, crc);
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    parts.push(data);
  });
  const sheet: ZipInputFile = {
    filename: 'xl/worksheets/sheet1.xml',
    size: declared ?? block.length * times,
    crc,
    compression: 8,
  };
  zip.add(sheet);
  for (let i = 0; i < times; i++) sheet.ondata?.(null, piece, false);
  sheet.ondata?.(null, zlib.deflateRawSync(Buffer.alloc(0)), true);
  const workbook = new ZipDeflate('xl/workbook.xml');
  zip.add(workbook);
  workbook.push(strToU8('<workbook/>'), true);
  zip.end();
  return Buffer.concat(parts);
}
