/**
 * The messages the service worker renders: reminder notifications (their titles and the lines they carry: urgency
 * actions and warnings, lockout and status lines) and the context-menu item. The build gives the worker only these
 * from each catalogue (`?background` imports, wxt.config.ts), since a worker cannot `import()` a catalogue when it
 * needs it and should not parse six whole catalogues each time it wakes. A test checks that every key the worker's
 * code can render matches. The refusals the worker answers the panel with (`ui_refusal_*`, and where "delete all"
 * stopped, `ui_danger_failed_*`) are named in its code too; the panel renders them, and they are few and short.
 */
export const BACKGROUND_KEY =
  /^(reminder|action|warning|urgency|lockout|status|ui_reminders|ui_menu|ui_refusal|ui_danger_failed)_/;
