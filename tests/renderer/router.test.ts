import { describe, expect, it } from 'vitest';
import { agencyPath, parseRoute, reviewPath } from '../../renderer/src/app/router.ts';

describe('routes', () => {
  it('an agency, an agency with an item selected, the check before sending', () => {
    expect(parseRoute('#/')).toEqual({ screen: 'overview' });
    expect(parseRoute('#/agency/S02')).toEqual({ screen: 'agency', code: 'S02', item: null });
    expect(parseRoute('#/agency/S02/item/1.1.1')).toEqual({ screen: 'agency', code: 'S02', item: '1.1.1' });
    expect(parseRoute('#/send/S02')).toEqual({ screen: 'send', code: 'S02' });
    expect(parseRoute('#/agency/S02/item/')).toEqual({ screen: 'not-found' });
    expect(parseRoute('#/send/S 02')).toEqual({ screen: 'not-found' });
  });

  it('an agency\'s additional criteria set, with or without an item', () => {
    expect(parseRoute('#/agency/S02/set/iso-9001')).toEqual({ screen: 'agency', code: 'S02', item: null, set: 'iso-9001' });
    expect(parseRoute('#/agency/S02/set/iso-9001/item/A1')).toEqual({ screen: 'agency', code: 'S02', item: 'A1', set: 'iso-9001' });
    expect(parseRoute('#/agency/S02/set/')).toEqual({ screen: 'not-found' });
    expect(agencyPath('S02', 'iso-9001', 'A1')).toBe('/agency/S02/set/iso-9001/item/A1');
    expect(agencyPath('S02', null)).toBe('/agency/S02');
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

describe("routes of Home Affairs' sections and its appraisal of an agency", () => {
  it('each section by its name; the overview stays at #/; an unknown one is not found', () => {
    expect(parseRoute('#/campaign')).toEqual({ screen: 'campaign' });
    expect(parseRoute('#/inbox')).toEqual({ screen: 'inbox' });
    expect(parseRoute('#/audit')).toEqual({ screen: 'audit' });
    expect(parseRoute('#/overview')).toEqual({ screen: 'not-found' });
    expect(parseRoute('#/ranking')).toEqual({ screen: 'not-found' });
  });

  it('the appraisal of an agency, of one criteria set, with an item selected', () => {
    expect(parseRoute('#/review/S02')).toEqual({ screen: 'review', code: 'S02', item: null });
    expect(parseRoute('#/review/S02/set/iso-9001/item/A1')).toEqual({ screen: 'review', code: 'S02', item: 'A1', set: 'iso-9001' });
    expect(reviewPath('S02', null, '1.1')).toBe('/review/S02/item/1.1');
    expect(parseRoute(`#${reviewPath('X001', 'iso-9001', 'A2')}`)).toEqual({ screen: 'review', code: 'X001', item: 'A2', set: 'iso-9001' });
  });
});
