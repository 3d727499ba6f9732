import { useEffect, useState } from 'react';

/** The window's height minus what the frame around a list takes: a virtual table needs a number. */
export function useViewportHeight(reserved: number, min = 240): number {
  const calc = () => Math.max(min, window.innerHeight - reserved);
  const [h, setH] = useState(calc);
  useEffect(() => {
    const on = () => setH(calc());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  });
  return h;
}
