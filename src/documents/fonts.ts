import { existsSync } from 'node:fs';

/**
 * A CJK font to embed in PDFs. It must come from a package, never be downloaded: Debian's
 * fonts-noto-cjk (installed by `.ci/run` and by `npm start`/`npm test` when allowed), or any
 * TrueType/OpenType file named by FEEGUARD_PDF_FONT.
 */
export interface CjkFont {
  readonly regular: string;
  /** The face inside a .ttc collection. */
  readonly regularFace?: string;
  readonly bold?: string;
  readonly boldFace?: string;
}

const CANDIDATES: readonly CjkFont[] = [
  {
    regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    regularFace: 'NotoSansCJKsc-Regular',
    bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
    boldFace: 'NotoSansCJKsc-Bold',
  },
  {
    regular: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    regularFace: 'NotoSerifCJKsc-Regular',
  },
  { regular: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', regularFace: 'WenQuanYiZenHei' },
  { regular: '/usr/share/fonts/truetype/arphic/uming.ttc', regularFace: 'AR PL UMing CN' },
];

export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont | null {
  const configured = env['FEEGUARD_PDF_FONT'];
  if (configured) return existsSync(configured) ? { regular: configured } : null;
  for (const candidate of CANDIDATES) {
    if (!existsSync(candidate.regular)) continue;
    return candidate.bold && !existsSync(candidate.bold)
      ? {
          regular: candidate.regular,
          ...(candidate.regularFace ? { regularFace: candidate.regularFace } : {}),
        }
      : candidate;
  }
  return null;
}
