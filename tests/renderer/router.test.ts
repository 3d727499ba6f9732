import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../renderer/src/app/router.ts';

describe('routes', () => {
  it('an agency, an agency with an item selected, the check before sending', () => {
    expect(parseRoute('#/')).toEqual({ screen: 'overview' });
    expect(parseRoute('#/agency/S02')).toEqual({ screen: 'agency', code: 'S02', item: null });
    expect(parseRoute('#/agency/S02/item/1.1.1')).toEqual({ screen: 'agency', code: 'S02', item: '1.1.1' });
    expect(parseRoute('#/send/S02')).toEqual({ screen: 'send', code: 'S02' });
    expect(parseRoute('#/agency/S02/item/')).toEqual({ screen: 'not-found' });
    expect(parseRoute('#/send/S 02')).toEqual({ screen: 'not-found' });
  });
});
