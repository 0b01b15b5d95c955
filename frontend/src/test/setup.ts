import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// antd renders slowly in jsdom; give findBy*/waitFor room.
configure({ asyncUtilTimeout: 8000 });

// jsdom lacks these browser APIs that antd relies on.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });
}

// jsdom has no canvas; it says so on every getContext() call. Charts then measure text without one
// (zrender's fallback), which is all the tests need.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

// jsdom's getComputedStyle cascades every stylesheet on each call, and antd's CSS-in-JS injects
// hundreds of rules: that made the suites ~6x slower. Tests here assert on content, roles and test
// ids, not on computed CSS, so answer from the element's inline style only. (Consequence: do not
// use toBeVisible() for elements hidden by antd classes; assert presence/absence instead.)
window.getComputedStyle = ((elt: Element) => {
  const inline = (elt as HTMLElement).style;
  return new Proxy(inline, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value === 'function') return (value as (...a: unknown[]) => unknown).bind(target);
      return value ?? '';
    },
  });
}) as typeof window.getComputedStyle;

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
