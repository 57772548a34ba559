// Debian's Chromium, with the flags that give WebGL through SwiftShader on these machines.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * Added for the test suite's browsers (bench and the screenshot scripts keep Chromium's defaults).
 * Debian's launcher turns GPU rasterization on, which here draws the page itself (text, cards,
 * static SVG maps) through SwiftShader as well; Chromium's CPU rasterizer draws it for less. The
 * map's WebGL and the compositor still go through SwiftShader.
 */
export const SUITE_FLAGS = ['--disable-gpu-rasterization'];

export const launch = (extraArgs: string[] = []): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
/**
 * The narrowest desktop layout (layout.ts DESKTOP_MIN_WIDTH): for tests of behaviour, not of
 * framing, it has SwiftShader fill a third fewer pixels every frame.
 */
export const SMALL_DESKTOP = { width: 1024, height: 680 } as const;
