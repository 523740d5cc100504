/** The status timeline's write side: called for every reading, it appends only when the status changed. */
import type { PortalReading } from '../portal/types';
import { appendStatus, EMPTY_APPLICATION } from '../state/timeline';
import { applicationsItem, timelineItem } from '../storage';
import { update } from './update';

export async function recordStatus(personId: string, reading: PortalReading, at: string): Promise<void> {
  if (!reading.status || !reading.statusText) return;
  const seen = { status: reading.status, text: reading.statusText, date: reading.statusDate };
  const { label } = (await applicationsItem.getValue())[personId] ?? EMPTY_APPLICATION;
  await update(timelineItem, (all) => {
    const list = all[personId] ?? [];
    const next = appendStatus(list, seen, label, at);
    return next === list ? all : { ...all, [personId]: next };
  });
}
