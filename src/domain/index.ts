/** Public API of the domain: pure rules, clock injected, dates on Turkey's calendar. */
export * from './calendar';
export * from './sources';
export * from './text';
export * from './urgency';
export * from './extensionWindow';
export * from './lockout';
export * from './holidays';
export * from './overdue';
export * from './stay';
export * from './overstay';
export * from './status';
export * from './reminders';
export * from './appointment';
export * from './checklists';
export * from './randevuTypes';
export * from './checklistKeys';
export * from './provinces';
