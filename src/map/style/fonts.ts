// Label fonts shipped with the page: maplibre draws symbol text from these files through the
// style's `font-faces`, so no glyph server is needed. Each file is fetched only when a codepoint
// it covers is first drawn, so the Arabic and latin-ext files cost nothing until used.
import type { FontFacesSpecification } from 'maplibre-gl';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin400Italic from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt400Italic from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';

// Ranges as the @fontsource CSS declares them for each subset file.
const LATIN = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+0304',
  'U+0308',
  'U+0329',
  'U+2000-206F',
  'U+20AC',
  'U+2122',
  'U+2191',
  'U+2193',
  'U+2212',
  'U+2215',
  'U+FEFF',
  'U+FFFD',
];
const LATIN_EXT = [
  'U+0100-02BA',
  'U+02BD-02C5',
  'U+02C7-02CC',
  'U+02CE-02D7',
  'U+02DD-02FF',
  'U+0304',
  'U+0308',
  'U+0329',
  'U+1D00-1DBF',
  'U+1E00-1E9F',
  'U+1EF2-1EFF',
  'U+2020',
  'U+20A0-20AB',
  'U+20AD-20C0',
  'U+2113',
  'U+2C60-2C7F',
  'U+A720-A7FF',
];
// maplibre shapes Arabic into the Presentation Forms blocks before drawing, so those must map here too.
const ARABIC = ['U+0600-06FF', 'U+0750-077F', 'U+0870-08FF', 'U+FB50-FDFF', 'U+FE70-FEFC'];

/** Font names for `text-font`; they only have to match the keys of FONT_FACES. */
export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_BOLD = 'Noto Sans Bold';
/** Latin italic; Arabic has no italic, so this stack draws Arabic upright. */
export const FONT_ITALIC = 'Noto Sans Italic';

export const FONT_FACES: FontFacesSpecification = {
  [FONT_REGULAR]: [
    { url: latin400, 'unicode-range': LATIN },
    { url: latinExt400, 'unicode-range': LATIN_EXT },
    { url: arabic400, 'unicode-range': ARABIC },
  ],
  [FONT_BOLD]: [
    { url: latin700, 'unicode-range': LATIN },
    { url: latinExt700, 'unicode-range': LATIN_EXT },
    { url: arabic700, 'unicode-range': ARABIC },
  ],
  [FONT_ITALIC]: [
    { url: latin400Italic, 'unicode-range': LATIN },
    { url: latinExt400Italic, 'unicode-range': LATIN_EXT },
    { url: arabic400, 'unicode-range': ARABIC },
  ],
};
