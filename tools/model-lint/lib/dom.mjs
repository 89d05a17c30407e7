// A browser-like global scope for form-js in Node: jsdom's window properties become globals, as in a page.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const name of Object.getOwnPropertyNames(dom.window)) {
  if (!(name in globalThis)) {
    Object.defineProperty(globalThis, name, { configurable: true, get: () => dom.window[name] });
  }
}

export const document = dom.window.document;
