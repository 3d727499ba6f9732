import * as z from 'zod';

// zod 4 probes `new Function` for its JIT; the window's CSP forbids it, so say so before any schema is used.
z.config({ jitless: true });

export { z };
