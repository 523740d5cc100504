import { describe, expect, it } from 'vitest';
import { admit } from '../../../src/background/guard';

const panel = (type: string, payload: unknown) => admit({ type, payload }, 'panel');

describe('guard: reminder, status and timeline messages', () => {
  it('panel:setReminderSettings: every field optional, unknown or malformed fields refused', () => {
    expect(panel('panel:setReminderSettings', {})).not.toBeNull();
    expect(
      panel('panel:setReminderSettings', {
        enabled: { urgency: false },
        timeOfDay: '08:30',
        quietHours: { enabled: true, start: '22:00', end: '07:00' },
        unchangedDays: 20,
        cancellationTimes: ['10:00', '16:00'],
        cancellationPortal: 'e-ikamet',
      }),
    ).not.toBeNull();
    expect(panel('panel:setReminderSettings', { enabled: { nope: true } })).toBeNull();
    expect(panel('panel:setReminderSettings', { timeOfDay: '9:00' })).toBeNull();
    expect(panel('panel:setReminderSettings', { unchangedDays: 0 })).toBeNull();
    expect(panel('panel:setReminderSettings', { cancellationTimes: Array(9).fill('10:00') })).toBeNull();
    expect(panel('panel:setReminderSettings', { extra: 1 })).toBeNull();
    expect(admit({ type: 'panel:setReminderSettings', payload: {} }, 'content')).toBeNull();
  });

  it('panel:setApplicationLabel and panel:setCompleteOn', () => {
    expect(panel('panel:setApplicationLabel', { personId: 'p-1', label: '2026 extension' })).not.toBeNull();
    expect(panel('panel:setApplicationLabel', { personId: 'p-1', label: 5 })).toBeNull();
    expect(panel('panel:setCompleteOn', { personId: 'p-1', date: '2026-09-20' })).not.toBeNull();
    expect(panel('panel:setCompleteOn', { personId: 'p-1', date: null })).not.toBeNull();
    expect(panel('panel:setCompleteOn', { personId: 'p-1', date: '20.09.2026' })).toBeNull();
  });
});
