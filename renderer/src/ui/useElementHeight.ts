import { type RefObject, useLayoutEffect, useState } from 'react';

/** The height an element is given by the layout: a virtual table needs its scroll height as a number. */
export function useElementHeight(ref: RefObject<HTMLElement | null>, min = 200): number {
  const [h, setH] = useState(min);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setH(Math.max(min, Math.floor(el.getBoundingClientRect().height)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, min]);
  return h;
}
