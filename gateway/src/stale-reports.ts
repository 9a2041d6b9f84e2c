/**
 * The last good answer about approved report versions, served when their organization cannot be reached.
 *
 * An approved report version is locked: its figures no longer change, so an answer about it read a while
 * ago is still true, unless a newer version has been approved since. When an organization's subgraph
 * cannot be reached, the gateway may therefore give the last answer it had for the same fetch, marked
 * stale: an error at each place the fetch fills, code `STALE_ANSWER`, naming the organization, the age of
 * the answer in seconds and the report version it is labelled with (the highest in it).
 *
 * What is kept: a read fetch's answer whose every report version (an object with `reportVersion` and an
 * approved `stage`, or a `basis` locked by approval) is approved, with at least one; an answer that
 * shows a version still submitted or returned, or live figures, is never kept. Keys: the subgraph, the
 * fetch (text and variables) and the caller's disclosure view (roles, organization, jurisdiction), so a
 * caller is only ever given what a caller with the same view was given. A newer approved version
 * invalidates: a fresh answer to the same fetch with a higher version drops the older entries of every
 * view, and any write answered by the organization (an approval, a return, a record that makes a new
 * version after the lock) drops all of its entries. Entries older than `maxAgeMs` are not served.
 * Every caller served from here is audited by the gateway (outcome STALE_ANSWER).
 *
 * Changes made on the subgraph directly (staff use their own organization's subgraph, not only the
 * gateway) are seen through the organization's report watermark (packages/subgraph-kit/src/reports/
 * watermark.ts: the highest row id of its `reports` table, which every submission, approval, return,
 * acceptance and new version advances). Each entry is labelled with the watermark its answer was read
 * at (the subgraph's `x-antt-report-watermark` header, read before the data); the gateway learns the
 * current one from every answer and from its regular readiness probe (report-watermarks.ts, every
 * ANTT_REPORT_PROBE_MS). An entry labelled below the highest watermark seen is never served, and the
 * entries are dropped as soon as the watermark advances; a watermark that goes down (a restore) drops
 * all of the organization's entries.
 *
 * The window that remains: a change made directly on the subgraph after the gateway's last probe or
 * answer from it, just before it fails, is not seen; for at most one probe interval (plus the probe's
 * timeout) an answer kept before that change may be served, still marked stale and labelled with its
 * version.
 *
 * The same entries also answer fresh reads (`current`, the approved-answer cache, issue 17): while the
 * organization answers, a read whose kept answer was read at its current watermark is served from here,
 * not marked stale, and audited by the gateway (outcome CACHED_ANSWER); the server does so only for reads
 * the subgraph records nothing about per caller (policy.ts `shareableReads`). An approved version is
 * locked, so the only change such an answer can miss is a newer approval (or return, or new version)
 * made on the subgraph directly: the watermark must have been confirmed within `freshWithinMs` (the
 * server: twice ANTT_REPORT_PROBE_MS, 10 s by default), so such a change goes unseen for at most that
 * long; a write through the gateway drops the entries at once. Entries are kept in memory only: a restart of the gateway loses them, which is safe (it only
 * means no stale answer until a fresh read), and nothing about callers' views is written to disk.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { Identity } from '@antt/auth';
import { organizationName } from './fallback.js';

export const STALE_ANSWER = 'STALE_ANSWER';

type Json = Record<string, unknown>;
type Answer = { data?: Json | null; errors?: readonly GraphQLFormattedError[] };

const APPROVED_STAGES = new Set(['APPROVED', 'ACCEPTED']);

interface Entry {
  answer: Answer;
  reportVersion: number;
  storedAt: number;
  /** The fetch's key without the view: what a newer version of the same fetch invalidates. */
  fetchKey: string;
  /** The organization's report watermark the answer was read at; null when its subgraph gave none. */
  watermark: number | null;
  /** Every part of the answer is about approved versions (`onlyApproved`): it may serve fresh reads. */
  immutable: boolean;
  subgraph: string;
  /** The answer's size as JSON (characters): what the byte bound counts. */
  size: number;
}

export interface StaleServed {
  answer: Answer;
  reportVersion: number;
  ageSeconds: number;
}

/**
 * The highest approved report version an answer is about, or null when it shows none, or any version
 * not approved (submitted, returned, live figures): only answers about approved versions are kept.
 */
export function approvedVersionOf(data: unknown): number | null {
  let highest = 0;
  let unapproved = false;
  const walk = (v: unknown): void => {
    if (unapproved || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Json;
    const basis = o.basis as Json | null | undefined;
    if (typeof o.reportVersion === 'number' && typeof o.stage === 'string') {
      if (APPROVED_STAGES.has(o.stage)) highest = Math.max(highest, o.reportVersion);
      else unapproved = true;
    }
    if (basis && typeof basis === 'object' && typeof basis.kind === 'string') {
      if (basis.kind === 'LOCKED' && typeof basis.reportVersion === 'number') highest = Math.max(highest, basis.reportVersion);
      else unapproved = true;
    }
    for (const [k, child] of Object.entries(o)) if (k !== 'basis') walk(child);
  };
  walk(data);
  return !unapproved && highest > 0 ? highest : null;
}

/** Whether an object labels itself as about an approved version: an approved report, or figures locked by approval. */
function approvedLabel(o: Json): boolean {
  const basis = o.basis as Json | null | undefined;
  if (typeof o.reportVersion === 'number' && typeof o.stage === 'string' && APPROVED_STAGES.has(o.stage)) return true;
  return !!basis && typeof basis === 'object' && basis.kind === 'LOCKED' && typeof basis.reportVersion === 'number';
}

/**
 * Whether every part of an answer is about approved versions, so that it cannot change while none newer
 * is approved: each root field (each entity) is an approved report or locked figures, or holds only
 * such (its own fields besides those: `id` and `__typename` only). A live list beside an approved report
 * in the same fetch, an empty list or a bare count could change without any report changing: such an
 * answer is kept for the stale path (marked stale there) but never serves a fresh read.
 */
export function onlyApproved(data: unknown): boolean {
  if (approvedVersionOf(data) === null) return false;
  const covered = (v: unknown, within: boolean): boolean => {
    if (Array.isArray(v)) return (within || v.length > 0) && v.every((x) => covered(x, within));
    if (v === null || typeof v !== 'object') return within;
    const o = v as Json;
    const self = within || approvedLabel(o);
    return Object.entries(o).every(([k, child]) =>
      child !== null && typeof child === 'object' ? covered(child, self) : self || k === 'id' || k === '__typename',
    );
  };
  return Object.values(data as Json).every((v) => covered(v, false));
}

/** The part of the caller's identity that decides what they may see. */
export function disclosureView(identity: Pick<Identity, 'roles' | 'organization' | 'unitId'>): string {
  return JSON.stringify([[...identity.roles].sort(), identity.organization, identity.unitId]);
}

/**
 * The bound on the kept answers' size together (as JSON), besides the bound on their number: a thousand
 * answers of a district's every commune, or of documents, would otherwise hold gigabytes.
 */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export class StaleReportCache {
  private readonly entries = new Map<string, Entry>();
  /** The kept answers' size as JSON, all entries together. */
  private size = 0;
  /** The highest report watermark seen per subgraph (from its answers and the readiness probe). */
  private readonly watermarks = new Map<string, number>();
  /** When each subgraph last said its watermark was still the highest seen (ms since the epoch). */
  private readonly confirmedAt = new Map<string, number>();

  /**
   * `freshWithinMs`: how recently the organization's watermark must have been confirmed for a kept
   * answer to be served in place of a fresh read (`current`); the bound on a direct change not yet seen.
   */
  constructor(private readonly opts: { maxEntries?: number; maxBytes?: number; maxAgeMs?: number; freshWithinMs?: number } = {}) {}

  /** Forgets one entry (every removal goes through here, so that the size stays true). */
  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.size -= e.size;
    this.entries.delete(key);
  }

  private static fetchKey(subgraph: string, query: string, variables: unknown): string {
    return JSON.stringify([subgraph, query, variables ?? {}]);
  }

  /**
   * Keeps `answer` when it is about approved versions only; a higher version drops older entries of the
   * fetch. `watermark`: the organization's report watermark the answer was read at (null: none given).
   */
  remember(subgraph: string, query: string, variables: unknown, view: string, answer: Answer, watermark: number | null = null): void {
    if (watermark !== null) this.observeWatermark(subgraph, watermark, 'answer');
    if (!answer.data || answer.errors?.length) return;
    if (this.outdated(subgraph, watermark)) return;
    const version = approvedVersionOf(answer.data);
    if (version === null) return;
    const fetchKey = StaleReportCache.fetchKey(subgraph, query, variables);
    for (const [k, e] of this.entries) if (e.fetchKey === fetchKey && e.reportVersion < version) this.drop(k);
    const key = JSON.stringify([fetchKey, view]);
    this.drop(key);
    const size = JSON.stringify(answer.data).length;
    // An answer larger than the whole bound (a document's bytes) is not kept at all.
    const maxBytes = this.opts.maxBytes ?? DEFAULT_MAX_BYTES;
    if (size > maxBytes) return;
    this.size += size;
    this.entries.set(key, {
      size,
      answer: structuredClone(answer),
      reportVersion: version,
      storedAt: Date.now(),
      fetchKey,
      watermark,
      subgraph,
      immutable: onlyApproved(answer.data),
    });
    // The oldest entries go first when the bound is reached (Map keeps insertion order).
    const max = this.opts.maxEntries ?? 1000;
    while (this.entries.size > max || this.size > maxBytes) this.drop(this.entries.keys().next().value!);
  }

  /** A write answered by the organization may have made a newer version: none of its entries is served any more. */
  invalidate(subgraph: string): void {
    for (const [k, e] of this.entries) if (e.subgraph === subgraph) this.drop(k);
  }

  /**
   * The organization's report watermark as an answer (`answer`) or the readiness probe (`probe`) gave
   * it. Higher than any seen: every entry labelled below it is dropped. Lower, from the probe: the
   * database was restored (or replaced), so none of its entries can be trusted and all are dropped.
   * Lower from an answer means only that the answer was read before a change seen since: ignored.
   */
  observeWatermark(subgraph: string, watermark: number, from: 'answer' | 'probe'): void {
    const known = this.watermarks.get(subgraph);
    if (known === undefined || watermark >= known) this.confirmedAt.set(subgraph, Date.now());
    if (known === undefined || watermark > known) {
      this.watermarks.set(subgraph, watermark);
      for (const [k, e] of this.entries) if (e.subgraph === subgraph && this.outdated(subgraph, e.watermark)) this.drop(k);
    } else if (watermark < known && from === 'probe') {
      this.watermarks.set(subgraph, watermark);
      this.confirmedAt.set(subgraph, Date.now());
      this.invalidate(subgraph);
    }
  }

  /** The highest report watermark seen for the subgraph, if any. */
  watermarkOf(subgraph: string): number | undefined {
    return this.watermarks.get(subgraph);
  }

  /** Whether an answer read at `watermark` is older than the newest report change seen for the subgraph. */
  private outdated(subgraph: string, watermark: number | null): boolean {
    const known = this.watermarks.get(subgraph);
    return known !== undefined && (watermark === null || watermark < known);
  }

  /** The last good answer for this fetch and view, if any and young enough. */
  lookup(subgraph: string, query: string, variables: unknown, view: string): StaleServed | null {
    const key = JSON.stringify([StaleReportCache.fetchKey(subgraph, query, variables), view]);
    const e = this.entries.get(key);
    if (!e) return null;
    const age = Date.now() - e.storedAt;
    // Stored before the last change of the organization's reports the gateway saw: never served.
    if (age > (this.opts.maxAgeMs ?? 7 * 24 * 3600_000) || this.outdated(subgraph, e.watermark)) {
      this.drop(key);
      return null;
    }
    return { answer: structuredClone(e.answer), reportVersion: e.reportVersion, ageSeconds: Math.floor(age / 1000) };
  }

  /**
   * The kept answer for this fetch and view when it cannot have changed, to serve in place of a fresh
   * read (the approved-answer cache): read at the organization's current watermark (the highest seen,
   * confirmed by the probe or an answer within `freshWithinMs`), every part of it about approved
   * versions (`onlyApproved`), young enough, and no write answered since (a write drops the entries). Null otherwise: the caller's read goes to the subgraph.
   */
  current(subgraph: string, query: string, variables: unknown, view: string): StaleServed | null {
    const known = this.watermarks.get(subgraph);
    const confirmed = this.confirmedAt.get(subgraph);
    const within = this.opts.freshWithinMs ?? 10_000;
    if (known === undefined || confirmed === undefined || Date.now() - confirmed > within) return null;
    const e = this.entries.get(JSON.stringify([StaleReportCache.fetchKey(subgraph, query, variables), view]));
    if (!e || !e.immutable || e.watermark !== known) return null;
    const age = Date.now() - e.storedAt;
    if (age > (this.opts.maxAgeMs ?? 7 * 24 * 3600_000)) return null;
    return { answer: structuredClone(e.answer), reportVersion: e.reportVersion, ageSeconds: Math.floor(age / 1000) };
  }
}

/**
 * The stale answer as the fetch's response: the kept data, and one error per place the fetch fills
 * (each root field, or each entity of an entity fetch) saying whose answer it is, how old, which version.
 */
export function staleResponse(subgraph: string, served: StaleServed): Answer {
  const data = served.answer.data ?? {};
  const paths: (string | number)[][] = Array.isArray(data._entities) ? data._entities.map((_, i) => ['_entities', i]) : Object.keys(data).map((k) => [k]);
  const minutes = Math.max(1, Math.round(served.ageSeconds / 60));
  const message =
    `${organizationName(subgraph)} tạm thời không trả lời: đây là số liệu đã lưu của báo cáo phiên bản ${served.reportVersion} ` +
    `đã duyệt, cách đây khoảng ${minutes} phút; có thể chưa phải bản mới nhất.`;
  return {
    data,
    errors: paths.map((path) => ({
      message,
      path,
      extensions: { code: STALE_ANSWER, organization: organizationName(subgraph), reportVersion: served.reportVersion, ageSeconds: served.ageSeconds },
    })),
  };
}
