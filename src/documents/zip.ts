import { ZipArchive } from 'archiver';

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer | string;
}

/**
 * Writes entries to a ZIP in the order given. Every entry gets the same date (the case's), so
 * the same case makes the same archive; names are UTF-8 (archiver flags non-ASCII names).
 */
export async function writeZip(
  entries: readonly ZipEntry[],
  out: NodeJS.WritableStream,
  options: { date: Date },
): Promise<{ bytes: number }> {
  const archive = new ZipArchive({ zlib: { level: 9 } });
  const done = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('finish', resolve);
    out.on('error', reject);
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  archive.pipe(out);
  for (const entry of entries) {
    archive.append(entry.data, { name: entry.name, date: options.date });
  }
  await archive.finalize();
  await done;
  return { bytes: archive.pointer() };
}
