/**
 * In-process: which answers the gateway keeps as the last good answer about approved report versions,
 * and when it stops giving them (gateway/src/stale-reports.ts). End to end: stale-reports.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { StaleReportCache, approvedVersionOf, disclosureView, onlyApproved } from '@antt/gateway';

const view = disclosureView({ roles: ['STAFF'], organization: 'women', unitId: 'district:119' });
const approved = (v: number) => ({ data: { r: [{ reportVersion: v, stage: 'APPROVED' }] } });

describe('approvedVersionOf', () => {
  it('labels an answer with its highest approved version, from stages or locked figures', () => {
    expect(
      approvedVersionOf({
        r: [
          { reportVersion: 1, stage: 'ACCEPTED' },
          { reportVersion: 2, stage: 'APPROVED' },
        ],
      }),
    ).toBe(2);
    expect(approvedVersionOf({ c: { women: { reports: [{ basis: { kind: 'LOCKED', reportVersion: 3 } }] } } })).toBe(3);
  });

  it('keeps nothing that shows a version not approved, live figures, or no report at all', () => {
    expect(
      approvedVersionOf({
        r: [
          { reportVersion: 1, stage: 'APPROVED' },
          { reportVersion: 2, stage: 'SUBMITTED' },
        ],
      }),
    ).toBeNull();
    expect(approvedVersionOf({ d: { basis: { kind: 'LIVE', reportVersion: null } } })).toBeNull();
    expect(approvedVersionOf({ unit: { name: 'Tỉnh Sơn La' } })).toBeNull();
  });
});

describe('StaleReportCache', () => {
  it('gives an answer back to the same fetch and view only', () => {
    const cache = new StaleReportCache();
    cache.remember('women', 'q', { u: 1 }, view, approved(1));
    expect(cache.lookup('women', 'q', { u: 1 }, view)).toMatchObject({ reportVersion: 1, answer: approved(1) });
    expect(cache.lookup('women', 'q', { u: 2 }, view)).toBeNull();
    expect(cache.lookup('women', 'q', { u: 1 }, disclosureView({ roles: ['STAFF'], organization: 'women', unitId: 'commune:03730' }))).toBeNull();
    expect(cache.lookup('police', 'q', { u: 1 }, view)).toBeNull();
  });

  it('keeps the answers within a size in bytes, the oldest going first, and never one larger than the bound', () => {
    const sized = (v: number, text: string) => ({ data: { r: [{ reportVersion: v, stage: 'APPROVED', text }] } });
    const one = JSON.stringify(sized(1, 'x'.repeat(400)).data).length;
    const cache = new StaleReportCache({ maxBytes: one * 2 });
    cache.remember('women', 'q', { u: 1 }, view, sized(1, 'x'.repeat(400)));
    cache.remember('women', 'q', { u: 2 }, view, sized(1, 'y'.repeat(400)));
    expect(cache.lookup('women', 'q', { u: 1 }, view)).not.toBeNull();
    cache.remember('women', 'q', { u: 3 }, view, sized(1, 'z'.repeat(400)));
    expect(cache.lookup('women', 'q', { u: 1 }, view)).toBeNull();
    expect(cache.lookup('women', 'q', { u: 2 }, view)).not.toBeNull();
    expect(cache.lookup('women', 'q', { u: 3 }, view)).not.toBeNull();
    // Larger than the whole bound: not kept, and nothing else dropped for it.
    cache.remember('women', 'q', { u: 4 }, view, sized(1, 'w'.repeat(2000)));
    expect(cache.lookup('women', 'q', { u: 4 }, view)).toBeNull();
    expect(cache.lookup('women', 'q', { u: 3 }, view)).not.toBeNull();
  });

  it('drops every view of a fetch when a newer version is seen, and all of an organization on a write', () => {
    const cache = new StaleReportCache();
    const other = disclosureView({ roles: ['LEADERSHIP'], organization: 'province', unitId: 'province:14' });
    cache.remember('women', 'q', {}, view, approved(1));
    cache.remember('women', 'q', {}, other, approved(2));
    expect(cache.lookup('women', 'q', {}, view)).toBeNull();
    expect(cache.lookup('women', 'q', {}, other)?.reportVersion).toBe(2);
    cache.remember('police', 'q', {}, view, approved(1));
    cache.invalidate('women');
    expect(cache.lookup('women', 'q', {}, other)).toBeNull();
    expect(cache.lookup('police', 'q', {}, view)?.reportVersion).toBe(1);
  });

  it('serves nothing older than its limit', () => {
    const cache = new StaleReportCache({ maxAgeMs: -1 });
    cache.remember('women', 'q', {}, view, approved(1));
    expect(cache.lookup('women', 'q', {}, view)).toBeNull();
  });

  it('never serves an answer read before the organization’s report watermark advanced', () => {
    const cache = new StaleReportCache();
    cache.remember('women', 'q', {}, view, approved(1), 7);
    cache.remember('women', 'other', {}, view, approved(1), 7);
    cache.remember('police', 'q', {}, view, approved(1), 3);
    // The probe reads the same watermark: nothing changed.
    cache.observeWatermark('women', 7, 'probe');
    expect(cache.lookup('women', 'q', {}, view)?.reportVersion).toBe(1);
    // An approval on the subgraph directly advanced it: every answer of that organization read before is out.
    cache.observeWatermark('women', 9, 'probe');
    expect(cache.lookup('women', 'q', {}, view)).toBeNull();
    expect(cache.lookup('women', 'other', {}, view)).toBeNull();
    expect(cache.lookup('police', 'q', {}, view)?.reportVersion).toBe(1);
    // An answer that was in flight, read at the older watermark, is not kept either; one read after is.
    cache.remember('women', 'q', {}, view, approved(1), 8);
    expect(cache.lookup('women', 'q', {}, view)).toBeNull();
    cache.remember('women', 'q', {}, view, approved(2), 9);
    expect(cache.lookup('women', 'q', {}, view)?.reportVersion).toBe(2);
    // An answer read at a higher watermark than the probe's last is newer news: the older ones go.
    cache.remember('women', 'other', {}, view, approved(2), 10);
    expect(cache.lookup('women', 'q', {}, view)).toBeNull();
    expect(cache.watermarkOf('women')).toBe(10);
  });

  it('drops all of an organization’s answers when the probe sees its watermark go down (a restore), not when an answer does', () => {
    const cache = new StaleReportCache();
    cache.remember('women', 'q', {}, view, approved(2), 10);
    cache.observeWatermark('women', 8, 'answer');
    expect(cache.lookup('women', 'q', {}, view)?.reportVersion).toBe(2);
    cache.observeWatermark('women', 8, 'probe');
    expect(cache.lookup('women', 'q', {}, view)).toBeNull();
    expect(cache.watermarkOf('women')).toBe(8);
  });

  it('serves no answer without a watermark once the organization gave one', () => {
    const cache = new StaleReportCache();
    cache.remember('women', 'q', {}, view, approved(1));
    expect(cache.lookup('women', 'q', {}, view)?.reportVersion).toBe(1);
    cache.observeWatermark('women', 1, 'probe');
    expect(cache.lookup('women', 'q', {}, view)).toBeNull();
  });
});

describe('onlyApproved', () => {
  it('holds for answers whose every part is an approved report or locked figures', () => {
    expect(onlyApproved(approved(1).data)).toBe(true);
    expect(
      onlyApproved({ c: { id: 'x', women: { reports: [{ basis: { kind: 'LOCKED', reportVersion: 3 }, total: 4, unit: { name: 'Xã Chiềng Pha' } }] } } }),
    ).toBe(true);
    expect(onlyApproved({ _entities: [{ __typename: 'R', reportVersion: 2, stage: 'ACCEPTED', figures: [{ n: 1 }] }] })).toBe(true);
  });

  it('fails for anything beside them that could change without a report changing', () => {
    // A live list in the same fetch, a bare count, an empty list, a field of an unlabelled object.
    expect(onlyApproved({ r: approved(1).data.r, a: [{ id: '1', topic: 'x' }] })).toBe(false);
    expect(onlyApproved({ r: approved(1).data.r, n: 3 })).toBe(false);
    expect(onlyApproved({ r: approved(1).data.r, e: [] })).toBe(false);
    expect(onlyApproved({ u: { name: 'Tỉnh Sơn La', r: approved(1).data.r } })).toBe(false);
    expect(
      onlyApproved({
        r: [
          { reportVersion: 1, stage: 'APPROVED' },
          { reportVersion: 2, stage: 'RETURNED' },
        ],
      }),
    ).toBe(false);
  });
});

describe('StaleReportCache.current: kept answers that serve fresh reads', () => {
  it('serves an answer read at the current, recently confirmed watermark, to the same fetch and view only', () => {
    const cache = new StaleReportCache();
    cache.remember('women', 'q', { u: 1 }, view, approved(1), 7);
    expect(cache.current('women', 'q', { u: 1 }, view)).toMatchObject({ reportVersion: 1, answer: approved(1) });
    expect(cache.current('women', 'q', { u: 2 }, view)).toBeNull();
    expect(cache.current('women', 'q', { u: 1 }, disclosureView({ roles: ['LEADERSHIP'], organization: 'province', unitId: 'province:14' }))).toBeNull();
    expect(cache.current('police', 'q', { u: 1 }, view)).toBeNull();
    // Each caller gets a copy of its own: the gateway merges answers in place.
    const a = cache.current('women', 'q', { u: 1 }, view)!;
    (a.answer.data!.r as { stage: string }[])[0]!.stage = 'CHANGED';
    expect(cache.current('women', 'q', { u: 1 }, view)?.answer).toEqual(approved(1));
  });

  it('serves nothing without a watermark, nor once the watermark advanced, a write was answered, or a newer version read', () => {
    const cache = new StaleReportCache();
    cache.remember('women', 'q', {}, view, approved(1));
    expect(cache.current('women', 'q', {}, view)).toBeNull();
    cache.remember('women', 'q', {}, view, approved(1), 7);
    cache.observeWatermark('women', 8, 'probe');
    expect(cache.current('women', 'q', {}, view)).toBeNull();
    cache.remember('women', 'q', {}, view, approved(1), 8);
    expect(cache.current('women', 'q', {}, view)?.reportVersion).toBe(1);
    cache.invalidate('women');
    expect(cache.current('women', 'q', {}, view)).toBeNull();
    cache.remember('women', 'q', {}, view, approved(1), 8);
    cache.remember('women', 'q', {}, 'another view', approved(2), 8);
    expect(cache.current('women', 'q', {}, view)).toBeNull();
  });

  it('serves nothing once the watermark was not confirmed recently enough, nor answers with anything live in them', () => {
    const stale = new StaleReportCache({ freshWithinMs: -1 });
    stale.remember('women', 'q', {}, view, approved(1), 7);
    expect(stale.current('women', 'q', {}, view)).toBeNull();
    // Still the last good answer when the organization cannot be reached.
    expect(stale.lookup('women', 'q', {}, view)?.reportVersion).toBe(1);
    const cache = new StaleReportCache();
    cache.remember('women', 'q', {}, view, { data: { ...approved(1).data, a: [{ id: '1', topic: 'x' }] } }, 7);
    expect(cache.current('women', 'q', {}, view)).toBeNull();
    expect(cache.lookup('women', 'q', {}, view)?.reportVersion).toBe(1);
  });
});
