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

describe('routes of the declared figures, bonus/penalty and nominations', () => {
  it('each under its agency; an unknown part is not found', () => {
    expect(parseRoute('#/agency/S03/figures')).toEqual({ screen: 'figures', code: 'S03' });
    expect(parseRoute('#/agency/S03/adjustments')).toEqual({ screen: 'adjustments', code: 'S03' });
    expect(parseRoute('#/agency/S03/nominations')).toEqual({ screen: 'nominations', code: 'S03' });
    expect(parseRoute('#/agency/S03/bonus')).toEqual({ screen: 'not-found' });
  });
});
