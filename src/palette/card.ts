// The reading cards' background over the map. Nearly opaque, so no map feature shows through
// the text and contrast holds over the darkest map (tests/unit/card-contrast.unit.test.ts
// checks every text colour over this white composited on black); a blur, where supported,
// only softens what is left of the map behind.
export const CARD_ALPHA = 0.97;
export const CARD_BACKGROUND = `rgb(255 255 255 / ${CARD_ALPHA})`;
